package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The shape of the whole APBD a generated year follows: its total spending (pagu of every
 * spending category) in the original DPA and after the APBD-Perubahan, and optionally points the
 * whole-APBD absorption must pass through. Personnel other than TPP is the balancing category:
 * it takes what the other categories leave of the total, and in a scenario with absorption
 * points its salary payments are sized so that realised ÷ pagu of the whole APBD is exactly the
 * point's share at the end of the point's date.
 *
 * @param name the scenario's name, e.g. {@code published-2025}
 * @param fiscalYear the year it applies to
 * @param apbdSpending total spending of the original APBD, rupiah (null: not balanced; a region
 * smaller than Kota Bima's used by fast tests)
 * @param amendedApbdSpending total spending after the APBD-Perubahan, rupiah (null when not balanced)
 * @param absorption whole-APBD absorption points, in date order
 */
public record Scenario(String name, int fiscalYear, BigDecimal apbdSpending, BigDecimal amendedApbdSpending,
		List<AbsorptionPoint> absorption) {

	/** Kota Bima's APBD 2026 after the governor's review: spending Rp 789.81 bn (DOMAIN §7). */
	public static final BigDecimal KOTA_BIMA_SPENDING = new BigDecimal("789810000000.00");

	public static final String KOTA_BIMA = "kota-bima";

	public static final String PUBLISHED_2025 = "published-2025";

	public Scenario {
		Objects.requireNonNull(name, "name");
		absorption = List.copyOf(absorption);
		if ((apbdSpending == null) != (amendedApbdSpending == null)) {
			throw new IllegalArgumentException("give both totals or neither");
		}
		if (apbdSpending == null && !absorption.isEmpty()) {
			throw new IllegalArgumentException("absorption points need the APBD totals");
		}
		for (BigDecimal total : new BigDecimal[] { apbdSpending, amendedApbdSpending }) {
			if (total != null && (total.signum() <= 0 || total.remainder(BigDecimal.valueOf(1000)).signum() != 0)) {
				throw new IllegalArgumentException("APBD totals are positive whole thousands of rupiah: " + total);
			}
		}
		LocalDate previous = null;
		for (AbsorptionPoint point : absorption) {
			if (point.date().getYear() != fiscalYear || (previous != null && !point.date().isAfter(previous))) {
				throw new IllegalArgumentException("absorption points are in " + fiscalYear + ", in date order");
			}
			previous = point.date();
		}
	}

	/**
	 * The generated year's scenario by name: {@code kota-bima} (the default: the settings' fiscal
	 * year at the 2026 magnitudes) or {@code published-2025}.
	 */
	public static Scenario named(String name, GeneratorSettings settings) {
		return switch (name) {
			case KOTA_BIMA -> kotaBima(settings);
			case PUBLISHED_2025 -> published2025();
			default -> throw new IllegalArgumentException(
					"unknown scenario '" + name + "'; known: " + KOTA_BIMA + ", " + PUBLISHED_2025);
		};
	}

	/**
	 * The APBD of the settings' year at Kota Bima's 2026 magnitudes; the simulated APBD-P keeps the
	 * total (personnel absorbs the other categories' net change). Not balanced when the settings
	 * cover only some of Kota Bima's OPDs.
	 */
	public static Scenario kotaBima(GeneratorSettings settings) {
		if (!settings.opds().containsAll(GeneratorSettings.KOTA_BIMA_OPDS)) {
			return new Scenario("partial-region", settings.fiscalYear(), null, null, List.of());
		}
		return new Scenario(KOTA_BIMA, settings.fiscalYear(), KOTA_BIMA_SPENDING, KOTA_BIMA_SPENDING, List.of());
	}

	/**
	 * Fiscal year 2025 shaped on the published record: whole-APBD absorption 26.6 % on 10 June
	 * and 54.4 % on 17 October 2025 (DOMAIN §7). No 2025 total is on record here, so the 2026
	 * magnitudes stand in for it.
	 */
	public static Scenario published2025() {
		return new Scenario(PUBLISHED_2025, 2025, KOTA_BIMA_SPENDING, KOTA_BIMA_SPENDING,
				List.of(new AbsorptionPoint(LocalDate.of(2025, 6, 10), new BigDecimal("0.266")),
						new AbsorptionPoint(LocalDate.of(2025, 10, 17), new BigDecimal("0.544"))));
	}

	/** The settings a scenario is generated with: Kota Bima's, in the scenario's fiscal year. */
	public GeneratorSettings settings(GeneratorSettings base) {
		return base.withFiscalYear(this.fiscalYear);
	}

	boolean balanced() {
		return this.apbdSpending != null;
	}

	long apbdSpendingThousands() {
		return thousands(this.apbdSpending);
	}

	long amendedApbdSpendingThousands() {
		return thousands(this.amendedApbdSpending);
	}

	private static long thousands(BigDecimal rupiah) {
		return rupiah.divide(BigDecimal.valueOf(1000), 0, RoundingMode.UNNECESSARY).longValueExact();
	}

	/** Realised ÷ pagu of the whole APBD once every record dated up to {@code date} is counted. */
	public record AbsorptionPoint(LocalDate date, BigDecimal share) {

		public AbsorptionPoint {
			Objects.requireNonNull(date, "date");
			if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) >= 0) {
				throw new IllegalArgumentException("share must be within 0..1: " + share);
			}
		}

	}

}
