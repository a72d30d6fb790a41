package id.apbdmonitor.core.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The cumulative cash plan (anggaran kas) expected by a date: the months before the date in
 * full, and the date's own month pro rata by day, so the "expected by now" curve moves daily
 * instead of jumping on the first of each month.
 */
public final class CashPlan {

	private CashPlan() {
	}

	public static BigDecimal toDate(List<BigDecimal> months, int fiscalYear, LocalDate date) {
		if (date.getYear() < fiscalYear) {
			return BigDecimal.ZERO.setScale(2);
		}
		if (date.getYear() > fiscalYear) {
			return months.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
		}
		int month = date.getMonthValue();
		BigDecimal total = BigDecimal.ZERO;
		for (int m = 1; m < month; m++) {
			total = total.add(months.get(m - 1));
		}
		BigDecimal current = months.get(month - 1)
			.multiply(BigDecimal.valueOf(date.getDayOfMonth()))
			.divide(BigDecimal.valueOf(date.lengthOfMonth()), 2, RoundingMode.HALF_EVEN);
		return total.add(current).setScale(2, RoundingMode.HALF_EVEN);
	}

}
