package id.apbdmonitor.capital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import id.apbdmonitor.core.projection.YearEndProjection;

/** Immutable capital figures per OPD and per priority project, as of one business date. */
record CapitalSnapshot(LocalDate businessDate, Map<String, OpdFigures> byOpd, Map<String, ProjectFigures> byProject) {

	static final OpdFigures NO_OPD_FIGURES = new OpdFigures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
			BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

	static final ProjectFigures NO_PROJECT_FIGURES = new ProjectFigures(BigDecimal.ZERO, BigDecimal.ZERO,
			BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO);

	static CapitalSnapshot empty() {
		return new CapitalSnapshot(null, Map.of(), Map.of());
	}

	OpdFigures opd(String opd) {
		return this.byOpd.getOrDefault(opd, NO_OPD_FIGURES);
	}

	ProjectFigures project(String code) {
		return this.byProject.getOrDefault(code, NO_PROJECT_FIGURES);
	}

	/**
	 * Year to date of one OPD: pagu in force, cash plan to date, realised, contracted, handed over
	 * unpaid, and the year's cash plan in force (for the projection).
	 */
	record OpdFigures(BigDecimal pagu, BigDecimal cashPlanToDate, BigDecimal realised, BigDecimal contracted,
			BigDecimal handedOverUnpaid, BigDecimal yearPlan) {

		BigDecimal projectedYearEnd() {
			return YearEndProjection.spending(this.pagu, this.yearPlan, this.cashPlanToDate, this.realised);
		}

	}

	/**
	 * One priority project: contract value, paid, physical progress (contract-value weighted,
	 * 0..1), financial progress (paid ÷ contract value, 0..1), the latest planned end of its
	 * contracts (null without contracts), and what is still unpaid on handed-over contracts.
	 */
	record ProjectFigures(BigDecimal contracted, BigDecimal realised, BigDecimal physicalProgress,
			BigDecimal financialProgress, LocalDate plannedEnd, BigDecimal handedOverUnpaid) {
	}

}
