package id.apbdmonitor.simulator.generator;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link YearGenerator} generates: the region and year, its OPDs (and which of them are
 * scripted to lag or to follow their cash plan), the share of faulty records to inject, and the
 * size of the year. The same settings always give the same events.
 *
 * @param seed the seed of every random choice
 * @param pemda the region code, e.g. {@code 52.72}
 * @param fiscalYear the fiscal year generated
 * @param opds the OPD codes of the region, in display order
 * @param laggingOpds OPDs that realise only about 40–60% of their cash plan
 * @param onPlanOpds OPDs that realise about 96–100% of their cash plan
 * @param duplicateRate duplicates injected, as a share of the valid spending records (0..1)
 * @param malformedRate non-JSON records injected, as a share of the valid spending records (0..1)
 * @param invalidRate rule-breaking records injected, as a share of the valid spending records
 * (0..1); when positive, at least one of every invalid kind is injected
 * @param eventsPerOpdPerMonth average spending-realised records per OPD, category and month
 * @param lateOlderRevision whether a resync re-sends one revised line's revision 0 (VALID, with
 * the resync's own event id, but it must not change the pagu) and then its current revision (a
 * DUPLICATE, so that the compacted budget topic ends with the current revision)
 */
public record GeneratorSettings(long seed, String pemda, int fiscalYear, List<String> opds, List<String> laggingOpds,
		List<String> onPlanOpds, double duplicateRate, double malformedRate, double invalidRate,
		int eventsPerOpdPerMonth, boolean lateOlderRevision) {

	/** Kota Bima's OPDs, the same codes and order as {@code region-kota-bima.yml} of monitor-core. */
	public static final List<String> KOTA_BIMA_OPDS = List.of("SETDA", "SETWAN", "INSPEKTORAT", "BAPPEDA", "BPKAD",
			"BKPSDM", "KESBANGPOL", "BPBD", "DIKPORA", "DINKES", "RSUD", "PUPR", "PERKIM", "SATPOLPP", "DINSOS",
			"DISNAKER", "DP3A", "KETAPANG", "DLH", "DUKCAPIL", "DISHUB", "DISKOMINFOTIK", "DPMPTSP", "DISPUSIP",
			"DKP", "DISPARBUD", "DISTAN", "KOPERINDAG", "KEC-RASANAE-BARAT", "KEC-MPUNDA", "KEC-RABA",
			"KEC-RASANAE-TIMUR", "KEC-ASAKOTA");

	/** The OPDs of Kota Bima's demo year that clearly lag behind their cash plan. */
	public static final List<String> KOTA_BIMA_LAGGING = List.of("PUPR", "DISHUB", "DKP", "KETAPANG");

	/** The OPDs of Kota Bima's demo year that realise on plan. */
	public static final List<String> KOTA_BIMA_ON_PLAN = List.of("DINKES", "RSUD", "BPKAD", "DUKCAPIL",
			"INSPEKTORAT");

	public static final int DEFAULT_EVENTS_PER_OPD_PER_MONTH = 20;

	public GeneratorSettings {
		Objects.requireNonNull(pemda, "pemda");
		opds = List.copyOf(opds);
		laggingOpds = List.copyOf(laggingOpds);
		onPlanOpds = List.copyOf(onPlanOpds);
		if (opds.isEmpty() || new HashSet<>(opds).size() != opds.size()) {
			throw new IllegalArgumentException("opds must be distinct and not empty: " + opds);
		}
		Set<String> known = Set.copyOf(opds);
		if (!known.containsAll(laggingOpds) || !known.containsAll(onPlanOpds)) {
			throw new IllegalArgumentException("lagging and on-plan OPDs must be among the opds");
		}
		if (laggingOpds.stream().anyMatch(onPlanOpds::contains)) {
			throw new IllegalArgumentException("an OPD cannot be both lagging and on plan");
		}
		requireRate("duplicateRate", duplicateRate);
		requireRate("malformedRate", malformedRate);
		requireRate("invalidRate", invalidRate);
		if (eventsPerOpdPerMonth < 1) {
			throw new IllegalArgumentException("eventsPerOpdPerMonth must be at least 1, was " + eventsPerOpdPerMonth);
		}
		if (fiscalYear < 2000 || fiscalYear > 2999) {
			throw new IllegalArgumentException("fiscalYear out of range: " + fiscalYear);
		}
	}

	/** Kota Bima's 2026 year: its 33 OPDs, no faults, the default size. */
	public static GeneratorSettings kotaBima(long seed) {
		return new GeneratorSettings(seed, "52.72", 2026, KOTA_BIMA_OPDS, KOTA_BIMA_LAGGING, KOTA_BIMA_ON_PLAN, 0, 0,
				0, DEFAULT_EVENTS_PER_OPD_PER_MONTH, true);
	}

	/** The same settings with one rate for duplicates, malformed and invalid records. */
	public GeneratorSettings withFaultRate(double rate) {
		return withFaultRates(rate, rate, rate);
	}

	public GeneratorSettings withFaultRates(double duplicateRate, double malformedRate, double invalidRate) {
		return new GeneratorSettings(this.seed, this.pemda, this.fiscalYear, this.opds, this.laggingOpds,
				this.onPlanOpds, duplicateRate, malformedRate, invalidRate, this.eventsPerOpdPerMonth,
				this.lateOlderRevision);
	}

	public GeneratorSettings withEventsPerOpdPerMonth(int eventsPerOpdPerMonth) {
		return new GeneratorSettings(this.seed, this.pemda, this.fiscalYear, this.opds, this.laggingOpds,
				this.onPlanOpds, this.duplicateRate, this.malformedRate, this.invalidRate, eventsPerOpdPerMonth,
				this.lateOlderRevision);
	}

	public GeneratorSettings withSeed(long seed) {
		return new GeneratorSettings(seed, this.pemda, this.fiscalYear, this.opds, this.laggingOpds, this.onPlanOpds,
				this.duplicateRate, this.malformedRate, this.invalidRate, this.eventsPerOpdPerMonth,
				this.lateOlderRevision);
	}

	public GeneratorSettings withFiscalYear(int fiscalYear) {
		return new GeneratorSettings(this.seed, this.pemda, fiscalYear, this.opds, this.laggingOpds, this.onPlanOpds,
				this.duplicateRate, this.malformedRate, this.invalidRate, this.eventsPerOpdPerMonth,
				this.lateOlderRevision);
	}

	/**
	 * The same settings restricted to some of the OPDs (a smaller region for fast tests); the
	 * lagging and on-plan lists keep only those OPDs.
	 */
	public GeneratorSettings withOpds(List<String> opds) {
		return new GeneratorSettings(this.seed, this.pemda, this.fiscalYear, opds,
				this.laggingOpds.stream().filter(opds::contains).toList(),
				this.onPlanOpds.stream().filter(opds::contains).toList(), this.duplicateRate, this.malformedRate,
				this.invalidRate, this.eventsPerOpdPerMonth, this.lateOlderRevision);
	}

	public GeneratorSettings withLateOlderRevision(boolean lateOlderRevision) {
		return new GeneratorSettings(this.seed, this.pemda, this.fiscalYear, this.opds, this.laggingOpds,
				this.onPlanOpds, this.duplicateRate, this.malformedRate, this.invalidRate, this.eventsPerOpdPerMonth,
				lateOlderRevision);
	}

	/**
	 * The OPD (none when it is not among the opds) scripted to break one treasury-control rule of
	 * up-advances, by its {@code rule} label, e.g. {@code up_above_ceiling}.
	 */
	public List<String> upRuleBreachOpds(String rule) {
		String opd = UpGenerator.RULE_BREACHES.get(rule);
		if (opd == null) {
			throw new IllegalArgumentException("no scripted UP rule " + rule);
		}
		return this.opds.contains(opd) ? List.of(opd) : List.of();
	}

	/** The rule labels {@link #upRuleBreachOpds} knows. */
	public static Set<String> scriptedUpRules() {
		return UpGenerator.RULE_BREACHES.keySet();
	}

	private static void requireRate(String name, double rate) {
		if (!(rate >= 0 && rate <= 1)) {
			throw new IllegalArgumentException(name + " must be within 0..1, was " + rate);
		}
	}

}
