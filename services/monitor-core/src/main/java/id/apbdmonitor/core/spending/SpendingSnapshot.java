package id.apbdmonitor.core.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** Immutable figures per OPD of this service's category, as of one business date. */
record SpendingSnapshot(LocalDate businessDate, Map<String, Figures> byOpd) {

	static final Figures ZERO = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

	static SpendingSnapshot empty(LocalDate date) {
		return new SpendingSnapshot(date, Map.of());
	}

	Figures of(String opd) {
		return this.byOpd.getOrDefault(opd, ZERO);
	}

	/** Year-to-date figures of one OPD: pagu in force, cash plan to date, realised. */
	record Figures(BigDecimal pagu, BigDecimal cashPlanToDate, BigDecimal realised) {
	}

}
