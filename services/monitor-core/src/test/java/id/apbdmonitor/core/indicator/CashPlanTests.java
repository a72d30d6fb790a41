package id.apbdmonitor.core.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CashPlanTests {

	// January 100, February 200, … December 1,200 (thousands of rupiah, written out)
	private static final List<BigDecimal> PLAN = List.of(new BigDecimal("100000.00"), new BigDecimal("200000.00"),
			new BigDecimal("300000.00"), new BigDecimal("400000.00"), new BigDecimal("500000.00"),
			new BigDecimal("600000.00"), new BigDecimal("700000.00"), new BigDecimal("800000.00"),
			new BigDecimal("900000.00"), new BigDecimal("1000000.00"), new BigDecimal("1100000.00"),
			new BigDecimal("1200000.00"));

	@Test
	void shouldCountFullMonthsBeforeTheDateAndTheCurrentMonthProRata() {
		// Jan + Feb = 300,000; March 300,000 × 10/31 = 96,774.193… → 96,774.19
		assertThat(CashPlan.toDate(PLAN, 2026, LocalDate.of(2026, 3, 10))).isEqualByComparingTo("396774.19");
	}

	@Test
	void shouldCountAWholeMonthOnItsLastDay() {
		// Jan + Feb (28 days in 2026) = 300,000
		assertThat(CashPlan.toDate(PLAN, 2026, LocalDate.of(2026, 2, 28))).isEqualByComparingTo("300000.00");
	}

	@Test
	void shouldBeTheWholePlanOnTheLastDayOfTheYearAndAfter() {
		assertThat(CashPlan.toDate(PLAN, 2026, LocalDate.of(2026, 12, 31))).isEqualByComparingTo("7800000.00");
		assertThat(CashPlan.toDate(PLAN, 2026, LocalDate.of(2027, 1, 5))).isEqualByComparingTo("7800000.00");
	}

	@Test
	void shouldBeZeroBeforeTheFiscalYear() {
		assertThat(CashPlan.toDate(PLAN, 2026, LocalDate.of(2025, 12, 31))).isEqualByComparingTo("0");
	}

	@Test
	void shouldRoundHalfEvenToTheRupiahCent() {
		// January 0.05 × 15/31 = 0.0241… → 0.02
		List<BigDecimal> tiny = new java.util.ArrayList<>(java.util.Collections.nCopies(12, BigDecimal.ZERO));
		tiny.set(0, new BigDecimal("0.05"));
		assertThat(CashPlan.toDate(tiny, 2026, LocalDate.of(2026, 1, 15))).isEqualByComparingTo("0.02");
	}

}
