package id.apbdmonitor.simulator.national;

import java.util.ArrayList;
import java.util.List;

import id.apbdmonitor.simulator.generator.Category;
import id.apbdmonitor.simulator.generator.ExpectedTotals;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.GeneratorSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many spending series other-spending exports for the national benchmark's year (546
 * regions, 14,344 OPDs, seed 2026), now that an OPD × category pair exports its four gauges only
 * with a budget line or spending. The generator gives every OPD a personnel line and puts the
 * other five categories with a few holders (BPKAD all five, SETDA and DIKPORA grants, DINSOS
 * social), so a region's pairs are its OPDs plus 5, 1, 1, 1 for each of those it has. That count
 * is held against the generated years of a sample of regions, then summed over the country.
 */
class NationalOtherSpendingSeriesTests {

	private static final List<Category> OTHER = List.of(Category.PERSONNEL, Category.INTEREST_SUBSIDIES,
			Category.GRANTS, Category.SOCIAL, Category.UNEXPECTED, Category.TRANSFERS);

	private static final NationalRegions REGIONS = NationalRegions.of(2026, NationalRegions.ALL_REGIONS, 2026,
			GeneratorSettings.kotaBima(2026).eventsPerOpdPerMonth());

	@Test
	void shouldExportThePairsOfEachRegionsBudgetLines() {
		NationalYear year = new NationalYear(REGIONS, 0);
		List<String> sample = List.of("14", "53.05", "73.72");
		assertThat(exportedPairs(year.generate(0))).as("Kota Bima").isEqualTo(pairs(GeneratorSettings.KOTA_BIMA_OPDS));
		for (String pemda : sample) {
			SyntheticRegion region = REGIONS.synthetic().stream().filter(r -> r.pemda().equals(pemda)).findFirst().orElseThrow();
			assertThat(exportedPairs(year.generate(region))).as(pemda).isEqualTo(pairs(region.opds()));
		}
	}

	@Test
	void shouldExportAboutFiveSpendingSeriesPerOpdNationallyInsteadOfTwentyFour() {
		List<List<String>> opdsPerRegion = new ArrayList<>();
		opdsPerRegion.add(GeneratorSettings.KOTA_BIMA_OPDS);
		REGIONS.synthetic().forEach(region -> opdsPerRegion.add(region.opds()));
		long opds = opdsPerRegion.stream().mapToLong(List::size).sum();
		long pairs = opdsPerRegion.stream().mapToLong(NationalOtherSpendingSeriesTests::pairs).sum();
		// the benchmark's country (README, "National capacity")
		assertThat(opdsPerRegion).hasSize(546);
		assertThat(opds).isEqualTo(14_344);
		long before = opds * OTHER.size() * 4;
		long after = pairs * 4;
		System.out.printf("other-spending spending series, national year: %,d OPDs, %,d pairs; before %,d (%.1f per OPD), after %,d (%.2f per OPD)%n",
				opds, pairs, before, (double) before / opds, after, (double) after / opds);
		assertThat(before).isEqualTo(344_256);
		// at most 8 extra pairs per region beside each OPD's personnel line
		assertThat(pairs).isBetween(opds, opds + 8L * 546);
		assertThat((double) after / opds).isLessThan(5.3);
	}

	/** The pairs of a region: every OPD's personnel, and the holders of the other five categories. */
	private static long pairs(List<String> opds) {
		long pairs = opds.size();
		pairs += opds.contains("BPKAD") ? 5 : 0;
		pairs += opds.contains("SETDA") ? 1 : 0;
		pairs += opds.contains("DIKPORA") ? 1 : 0;
		pairs += opds.contains("DINSOS") ? 1 : 0;
		return pairs;
	}

	/** The other-spending pairs the simulator says are exported at the end of the generated year. */
	private static long exportedPairs(GeneratedYear year) {
		ExpectedTotals expected = year.expectedTotals();
		long pairs = 0;
		for (String opd : year.settings().opds()) {
			for (Category category : OTHER) {
				pairs += expected.exported(opd, category) ? 1 : 0;
			}
		}
		return pairs;
	}

}
