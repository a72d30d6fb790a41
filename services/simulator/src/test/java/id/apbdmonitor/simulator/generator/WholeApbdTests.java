package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The generated year spends the whole APBD: the pagu of every spending category, recomputed from
 * the budget-line records with the services' own account prefixes, adds up to Kota Bima's APBD
 * 2026 spending (Rp 789.81 bn, DOMAIN §7, typed here), before and after the APBD-Perubahan, and
 * every category of every spending service is generated.
 */
class WholeApbdTests {

	private static final BigDecimal APBD_2026_SPENDING = new BigDecimal("789810000000.00");

	private static final GeneratedYear YEAR = YearGenerator.generate(GeneratorSettings.kotaBima(2026));

	private static final WholeApbdLedger LEDGER = WholeApbdLedger.of(YEAR.events(), LocalDate.of(2026, 1, 1),
			LocalDate.of(2026, 12, 31));

	@Test
	void shouldBudgetTheWholeApbdSpendingAcrossAllCategories() {
		// before the APBD-P (September) and after it: the simulated APBD-P keeps the total
		assertThat(LEDGER.pagu(LocalDate.of(2026, 1, 2))).isEqualByComparingTo(APBD_2026_SPENDING);
		assertThat(LEDGER.pagu(LocalDate.of(2026, 8, 31))).isEqualByComparingTo(APBD_2026_SPENDING);
		assertThat(LEDGER.pagu(LocalDate.of(2026, 12, 31))).isEqualByComparingTo(APBD_2026_SPENDING);
		System.out.printf("pagu of all categories, 2 January 2026: Rp %s; 31 December: Rp %s%n",
				LEDGER.pagu(LocalDate.of(2026, 1, 2)).toPlainString(), LEDGER.pagu(LocalDate.of(2026, 12, 31)).toPlainString());
	}

	@Test
	void shouldGenerateEveryCategoryOfEverySpendingService() {
		Set<String> served = new TreeSet<>(LEDGER.jobOfCategory.keySet());
		assertThat(served).containsExactlyInAnyOrder("goods", "services", "capital", "tpp", "personnel",
				"interest-subsidies", "grants", "social", "unexpected", "transfers");
		LocalDate end = LocalDate.of(2026, 12, 31);
		for (String category : served) {
			assertThat(LEDGER.pagu(end, category)).as("pagu of %s", category).isPositive();
			assertThat(LEDGER.realised(end, category)).as("realised of %s", category)
				.isPositive()
				.isLessThanOrEqualTo(LEDGER.pagu(end, category));
			System.out.printf("%-20s pagu Rp %,20.2f realised Rp %,20.2f%n", category, LEDGER.pagu(end, category),
					LEDGER.realised(end, category));
		}
	}

	@Test
	void shouldGiveKotaBimaMagnitudes() {
		LocalDate end = LocalDate.of(2026, 12, 31);
		BigDecimal personnel = LEDGER.pagu(end, "personnel").add(LEDGER.pagu(end, "tpp"));
		// belanja pegawai of a kota: typically 35-45 % of the APBD
		assertThat(personnel.divide(APBD_2026_SPENDING, MathContext.DECIMAL64).doubleValue()).isBetween(0.35, 0.45);
		// transfers are small for a kota (no villages)
		assertThat(LEDGER.pagu(end, "transfers").divide(APBD_2026_SPENDING, MathContext.DECIMAL64).doubleValue())
			.isLessThan(0.02);
		// belanja tidak terduga is a reserve: far from spent by year end
		assertThat(LEDGER.realised(end, "unexpected").divide(LEDGER.pagu(end, "unexpected"), MathContext.DECIMAL64)
			.doubleValue()).isLessThan(0.7);
	}

	@Test
	void shouldPassThroughThePublishedPointsIn2025() {
		Scenario scenario = Scenario.published2025();
		GeneratedYear year = YearGenerator.generate(scenario.settings(GeneratorSettings.kotaBima(2026)), scenario);
		WholeApbdLedger ledger = WholeApbdLedger.of(year.events(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
		System.out.printf("2025 whole-APBD absorption on 10 June: %.6f, on 17 October: %.6f%n",
				absorption(ledger, LocalDate.of(2025, 6, 10)), absorption(ledger, LocalDate.of(2025, 10, 17)));
		assertThat(absorption(ledger, LocalDate.of(2025, 6, 10))).isCloseTo(0.266, within(0.0005));
		assertThat(absorption(ledger, LocalDate.of(2025, 10, 17))).isCloseTo(0.544, within(0.0005));
		assertThat(ledger.pagu(LocalDate.of(2025, 12, 31))).isEqualByComparingTo(APBD_2026_SPENDING);
		// salaries still look like salaries: by 10 June 7 of the 14 payments (January to June, THR)
		// are made, so about half of the personnel pagu, give or take what the curve needs
		double salariesByJune = ledger.realised(LocalDate.of(2025, 6, 10), "personnel")
			.divide(ledger.pagu(LocalDate.of(2025, 6, 10), "personnel"), MathContext.DECIMAL64)
			.doubleValue();
		System.out.printf("2025 personnel realised by 10 June: %.4f of its pagu%n", salariesByJune);
		assertThat(salariesByJune).isBetween(0.35, 0.65);
		// a curve, not two dots: rising every month, and no earlier than the points allow
		double previous = 0;
		for (int month = 1; month <= 12; month++) {
			LocalDate endOfMonth = LocalDate.of(2025, month, 1).plusMonths(1).minusDays(1);
			double absorption = absorption(ledger, endOfMonth);
			System.out.printf("2025 whole-APBD absorption at %s: %.4f%n", endOfMonth, absorption);
			assertThat(absorption).isGreaterThan(previous);
			previous = absorption;
		}
	}

	@Test
	void shouldInjectFaultsOnTheOtherTopicWithoutChangingItsValidRecords() {
		GeneratedYear faulty = YearGenerator.generate(GeneratorSettings.kotaBima(2026).withFaultRate(0.02));
		List<SimEvent> valid = onOther(faulty, SimEvent.Kind.VALID);
		assertThat(valid).isEqualTo(onOther(YEAR, SimEvent.Kind.VALID));
		long expected = Math.round(valid.size() * 0.02);
		assertThat(onOther(faulty, SimEvent.Kind.DUPLICATE)).hasSize((int) expected);
		assertThat(onOther(faulty, SimEvent.Kind.MALFORMED)).hasSize((int) expected);
		List<SimEvent> invalid = onOther(faulty, SimEvent.Kind.INVALID);
		assertThat(invalid).hasSize((int) expected)
			.extracting(SimEvent::expectedReason)
			.contains("UNKNOWN_OPD", "ACCOUNT_OUTSIDE_CATEGORY", "FISCAL_YEAR_CLOSED", "MALFORMED_AMOUNT",
					"UNKNOWN_REFERENCE");
		// the foreign account is TPP's: personnel spending that tpp-payments counts
		assertThat(invalid).filteredOn((event) -> "ACCOUNT_OUTSIDE_CATEGORY".equals(event.expectedReason()))
			.allMatch((event) -> Json.text(event, "account").startsWith("5.1.01.02."));
		// and a grant or bansos payment is sometimes returned
		assertThat(valid).anyMatch((event) -> "spending-reversed".equals(Json.text(event, "type")));
	}

	private static List<SimEvent> onOther(GeneratedYear year, SimEvent.Kind kind) {
		return year.events().stream()
			.filter((event) -> event.topic().equals(Topics.OTHER) && event.kind() == kind)
			.toList();
	}

	private static double absorption(WholeApbdLedger ledger, LocalDate day) {
		return ledger.realised(day).divide(ledger.pagu(day), MathContext.DECIMAL64).doubleValue();
	}

}
