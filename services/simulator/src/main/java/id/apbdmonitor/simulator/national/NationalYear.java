package id.apbdmonitor.simulator.national;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.GeneratorSettings;
import id.apbdmonitor.simulator.generator.Scenario;
import id.apbdmonitor.simulator.generator.YearGenerator;

/**
 * The national year, region by region: Kota Bima's year first, then each synthetic region's, each
 * generated only when it is asked for, so that 546 regions' years are never held at once (a
 * publisher keeps one region's year while it sends it).
 */
public final class NationalYear implements Iterable<GeneratedYear> {

	private final NationalRegions regions;

	private final double faultRate;

	/** The year of {@code regions}; {@code faultRate} as the simulator's {@code fault-rate}, for every region. */
	public NationalYear(NationalRegions regions, double faultRate) {
		this.regions = regions;
		this.faultRate = faultRate;
	}

	/** How many regions' years it yields. */
	public int size() {
		return this.regions.count();
	}

	/** Kota Bima's settings in the national year: its real OPDs and paces, the base size. */
	public GeneratorSettings kotaBimaSettings() {
		return GeneratorSettings.kotaBima(this.regions.seed())
			.withFiscalYear(this.regions.fiscalYear())
			.withEventsPerOpdPerMonth(this.regions.baseEventsPerOpdPerMonth())
			.withFaultRate(this.faultRate);
	}

	/** The year of one region: {@code 0} is Kota Bima, {@code i} the synthetic region {@code i - 1}. */
	public GeneratedYear generate(int index) {
		if (index == 0) {
			GeneratorSettings settings = kotaBimaSettings();
			return YearGenerator.generate(settings, Scenario.kotaBima(settings));
		}
		return generate(this.regions.synthetic().get(index - 1));
	}

	/** The year of a synthetic region, in this national year's fiscal year and fault rate. */
	public GeneratedYear generate(SyntheticRegion region) {
		return YearGenerator.generate(region.settings(this.regions.fiscalYear(), this.faultRate),
				region.scenario(this.regions.fiscalYear()));
	}

	@Override
	public Iterator<GeneratedYear> iterator() {
		return new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return this.next < size();
			}

			@Override
			public GeneratedYear next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return generate(this.next++);
			}

		};
	}

	/** The same years as a sequential, lazy stream. */
	public Stream<GeneratedYear> stream() {
		return StreamSupport.stream(
				Spliterators.spliterator(iterator(), size(), Spliterator.ORDERED | Spliterator.NONNULL), false);
	}

}
