package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;

/** What a VALID event changes in the totals the services must report. */
sealed interface Effect {

	/** A revision of a budget line; the newest revision number of a line sets its pagu. */
	record BudgetRevision(String lineId, String opd, Category category, int revision, BigDecimal pagu)
			implements Effect {
	}

	/** A realisation (positive) or a reversal (negative) of an OPD's spending in a category. */
	record Realisation(String opd, Category category, BigDecimal delta) implements Effect {
	}

}
