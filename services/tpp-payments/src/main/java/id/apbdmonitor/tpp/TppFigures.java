package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The TPP of one OPD in one year as of a business date (DOMAIN §5.5): pagu, cash plan to date
 * and realisation of category tpp, and the timeliness of each month. {@code spmOn} and
 * {@code sp2dOn} have 12 entries (January first), null where the stage is not reached.
 * {@code monthsLate} are months past their deadline still not submitted; {@code monthsSubmittedLate}
 * months submitted after their deadline (the two never count the same month);
 * {@code sp2dBelowSpm} months whose SP2D paid less than their SPM ordered.
 */
record TppFigures(int year, BigDecimal pagu, BigDecimal cashPlanToDate, BigDecimal realised, int monthsDue, int monthsPaid,
		int monthsLate, int monthsSubmittedLate, int sp2dBelowSpm, int lastMonthPaid, List<LocalDate> spmOn,
		List<LocalDate> sp2dOn) {

	/** The rule {@code tpp_sp2d_below_spm}, as exported in {@code apbd_tpp_rule_breached}. */
	static final String SP2D_BELOW_SPM = "tpp_sp2d_below_spm";

	/** Seconds from the month's last day to a stage date of that month's TPP (negative when before it); 0 without the stage. */
	double secondsFromMonthEnd(int month, LocalDate stageOn) {
		if (stageOn == null) {
			return 0;
		}
		LocalDate monthEnd = LocalDate.of(this.year, month, 1).plusMonths(1).minusDays(1);
		return java.time.temporal.ChronoUnit.DAYS.between(monthEnd, stageOn) * 86_400.0;
	}

}
