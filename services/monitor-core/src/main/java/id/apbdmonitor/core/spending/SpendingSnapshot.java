package id.apbdmonitor.core.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.projection.YearEndProjection;

/** Immutable figures per category and OPD of this service's categories, as of one business date. */
record SpendingSnapshot(LocalDate businessDate, Map<List<String>, Figures> byCategoryAndOpd) {

	static final Figures ZERO = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

	static SpendingSnapshot empty(LocalDate date) {
		return new SpendingSnapshot(date, Map.of());
	}

	Figures of(String category, String opd) {
		return this.byCategoryAndOpd.getOrDefault(key(category, opd), ZERO);
	}

	static List<String> key(String category, String opd) {
		return List.of(category, opd);
	}

	/**
	 * Year-to-date figures of one OPD in one category: pagu in force, cash plan to date, realised,
	 * and the year's cash plan in force (for the projection).
	 */
	record Figures(BigDecimal pagu, BigDecimal cashPlanToDate, BigDecimal realised, BigDecimal yearPlan) {

		BigDecimal projectedYearEnd() {
			return YearEndProjection.spending(this.pagu, this.yearPlan, this.cashPlanToDate, this.realised);
		}

	}

}
