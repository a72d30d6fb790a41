package id.apbdmonitor.core.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import id.apbdmonitor.core.indicator.CashPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every expected figure is worked out by hand in the comment above it. The common OPD: pagu
 * Rp 1,2 miliar, cash plan Rp 100 juta a month (year plan Rp 1,2 miliar); on 30 June the plan
 * to date is January to June in full, Rp 600 juta, so Rp 600 juta of plan remains.
 */
class YearEndProjectionTests {

	private static final BigDecimal PAGU = rp("1200000000.00");

	private static final BigDecimal YEAR_PLAN = rp("1200000000.00");

	private static final BigDecimal PLAN_TO_30_JUNE = rp("600000000.00");

	@Test
	void shouldProjectThePaguForAnOpdOnPlan() {
		// pace 600 ÷ 600 = 1; 600 juta + 600 juta × 1 = 1.200 juta
		assertThat(YearEndProjection.spending(PAGU, YEAR_PLAN, PLAN_TO_30_JUNE, rp("600000000.00")))
			.isEqualByComparingTo("1200000000.00");
	}

	@Test
	void shouldCarryALaggingOpdsPaceOverTheRestOfTheYear() {
		// pace 420 ÷ 600 = 0,7; 420 juta + 600 juta × 0,7 = 420 + 420 = 840 juta (70 % of the pagu)
		assertThat(YearEndProjection.spending(PAGU, YEAR_PLAN, PLAN_TO_30_JUNE, rp("420000000.00")))
			.isEqualByComparingTo("840000000.00");
	}

	@Test
	void shouldRoundAPaceThatIsNotAFiniteDecimalOnlyOnceToTheSen() {
		// pace 400 ÷ 600 = 0,666…; 400.000.000 + 600.000.000 × 400.000.000 ÷ 600.000.000
		// = 400.000.000 + 400.000.000 = 800.000.000 exactly (no 799.999.999,99 from a rounded pace)
		assertThat(YearEndProjection.spending(PAGU, YEAR_PLAN, PLAN_TO_30_JUNE, rp("400000000.00")))
			.isEqualByComparingTo("800000000.00");
	}

	@Test
	void shouldCapAnOpdAheadOfPlanAtItsPagu() {
		// pace 690 ÷ 600 = 1,15; 690 juta + 600 juta × 1,15 = 690 + 690 = 1.380 juta > pagu 1.200 juta
		assertThat(YearEndProjection.spending(PAGU, YEAR_PLAN, PLAN_TO_30_JUNE, rp("690000000.00")))
			.isEqualByComparingTo("1200000000.00");
	}

	@Test
	void shouldNeverProjectLessThanIsAlreadyRealised() {
		// a revision cut the pagu to 500 juta below the 550 juta realised: 550 juta stays
		assertThat(YearEndProjection.spending(rp("500000000.00"), rp("500000000.00"), rp("500000000.00"),
				rp("550000000.00")))
			.isEqualByComparingTo("550000000.00");
	}

	@Test
	void shouldProjectOnlyWhatIsRealisedForAnOpdWithoutSpendingAgainstAMaterialPlan() {
		// pace 0 ÷ 600 = 0; 0 + 600 juta × 0 = 0
		assertThat(YearEndProjection.spending(PAGU, YEAR_PLAN, PLAN_TO_30_JUNE, rp("0.00"))).isEqualByComparingTo("0.00");
	}

	@Test
	void shouldAssumeOnPlanWhileThePlanToDateIsNotYetMaterial() {
		// 15 January: plan to date 100 juta × 15/31 = 48.387.096,77, below 5 % of 1.200 juta (60 juta);
		// nothing spent yet, pace assumed 1: 0 + (1.200.000.000 − 48.387.096,77) = 1.151.612.903,23
		BigDecimal planToDate = CashPlan.toDate(monthly("100000000.00"), 2026, LocalDate.of(2026, 1, 15));
		assertThat(planToDate).isEqualByComparingTo("48387096.77");
		assertThat(YearEndProjection.spending(PAGU, YEAR_PLAN, planToDate, rp("0.00")))
			.isEqualByComparingTo("1151612903.23");
	}

	@Test
	void shouldAssumeOnPlanWithoutAnyPlanToDateAndStillCapAtThePagu() {
		// plan starts in March, 10 juta already paid in February: pace undefined → 1;
		// 10 juta + (1.200 − 0) juta = 1.210 juta > pagu → 1.200 juta
		assertThat(YearEndProjection.spending(PAGU, YEAR_PLAN, rp("0.00"), rp("10000000.00")))
			.isEqualByComparingTo("1200000000.00");
	}

	@Test
	void shouldProjectWithThePaguAndCashPlanInForceAfterABudgetRevision() {
		// APBD-P raised the pagu from 1.200 to 1.500 juta: October to December 200 juta instead of 100.
		// 31 October: plan to date 9 × 100 + 200 = 1.100 juta; year plan 9 × 100 + 3 × 200 = 1.500 juta.
		// Realised 880 juta: pace 880 ÷ 1.100 = 0,8; 880 + (1.500 − 1.100) × 0,8 = 880 + 320 = 1.200 juta.
		List<BigDecimal> revised = new java.util.ArrayList<>(monthly("100000000.00"));
		for (int month = 9; month < 12; month++) {
			revised.set(month, rp("200000000.00"));
		}
		BigDecimal planToDate = CashPlan.toDate(revised, 2026, LocalDate.of(2026, 10, 31));
		assertThat(planToDate).isEqualByComparingTo("1100000000.00");
		assertThat(YearEndProjection.yearPlan(revised)).isEqualByComparingTo("1500000000.00");
		assertThat(YearEndProjection.spending(rp("1500000000.00"), YearEndProjection.yearPlan(revised), planToDate,
				rp("880000000.00")))
			.isEqualByComparingTo("1200000000.00");
		// against the original plan (pagu 1.200, to date 1.000 juta) the same 880 juta would have
		// been pace 0,88: 880 + 200 × 0,88 = 1.056 juta; the revision in force changes the answer
		assertThat(YearEndProjection.spending(PAGU, YEAR_PLAN, rp("1000000000.00"), rp("880000000.00")))
			.isEqualByComparingTo("1056000000.00");
	}

	@Test
	void shouldProjectPadAlongItsSeasonalProfile() {
		// PBB-P2, target 2 miliar, due at the end of September: January to July 2 % each,
		// August 30 %, September 40 %, October 6 %, November and December 5 % each.
		// 31 August: expected (7 × 2 % + 30 %) × 2.000 juta = 44 % = 880 juta; received 660 juta.
		// pace 660 ÷ 880 = 0,75; 660 + (2.000 − 880) × 0,75 = 660 + 840 = 1.500 juta (75 % of the target),
		// where a straight line (660 × 12 ÷ 8 = 990 juta) would ignore the September due date.
		BigDecimal target = rp("2000000000.00");
		BigDecimal expected = CashPlan.toDate(pbbProfile(), 2026, LocalDate.of(2026, 8, 31));
		assertThat(expected).isEqualByComparingTo("880000000.00");
		assertThat(YearEndProjection.revenue(target, expected, rp("660000000.00"))).isEqualByComparingTo("1500000000.00");
	}

	@Test
	void shouldCapThePaceOfPadAndNotCapItAtTheTarget() {
		// received 1.500 juta of 880 juta expected: pace 1,70… capped at 1,5;
		// 1.500 + 1.120 × 1,5 = 1.500 + 1.680 = 3.180 juta, above the 2.000 juta target
		assertThat(YearEndProjection.revenue(rp("2000000000.00"), rp("880000000.00"), rp("1500000000.00")))
			.isEqualByComparingTo("3180000000.00");
	}

	@Test
	void shouldProjectWhatIsRealisedAfterTheYearsPlanHasRunOut() {
		// 31 December: nothing remains; pace 0,9 changes nothing: 1.080 juta
		assertThat(YearEndProjection.spending(PAGU, YEAR_PLAN, YEAR_PLAN, rp("1080000000.00")))
			.isEqualByComparingTo("1080000000.00");
	}

	private static List<BigDecimal> pbbProfile() {
		List<BigDecimal> months = new java.util.ArrayList<>(Collections.nCopies(7, rp("40000000.00")));
		months.addAll(List.of(rp("600000000.00"), rp("800000000.00"), rp("120000000.00"), rp("100000000.00"),
				rp("100000000.00")));
		return months;
	}

	private static List<BigDecimal> monthly(String amount) {
		return Collections.nCopies(12, rp(amount));
	}

	private static BigDecimal rp(String amount) {
		return new BigDecimal(amount);
	}

}
