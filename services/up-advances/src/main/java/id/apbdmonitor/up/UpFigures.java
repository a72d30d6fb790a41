package id.apbdmonitor.up;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The UP health of one OPD in one year as of a business date (DOMAIN §5.4), and the state of
 * each rule. Dates are null when there is none.
 */
record UpFigures(BigDecimal ceiling, BigDecimal disbursed, BigDecimal accounted, BigDecimal returned,
		BigDecimal awaitingRefill, LocalDate firstUpOn, LocalDate lastGuOn, LocalDate closedOn,
		LocalDate oldestOpenTuOn, BigDecimal oldestOpenTuRemaining, int tuSettledLate, boolean guEligible,
		boolean upNotRequested, boolean guOverdue, boolean tuOverdue, boolean leftoverNotReturned) {

	/** Disbursed − accounted − returned: the money the OPD's treasurers still hold. */
	BigDecimal outstanding() {
		return this.disbursed.subtract(this.accounted).subtract(this.returned);
	}

	boolean breached(Rule rule) {
		return switch (rule) {
			case UP_NOT_REQUESTED -> this.upNotRequested;
			case GU_OVERDUE -> this.guOverdue;
			case TU_OVERDUE -> this.tuOverdue;
			case LEFTOVER_NOT_RETURNED -> this.leftoverNotReturned;
		};
	}

	/** The {@code rule} label of {@code apbd_up_rule_breached}. */
	enum Rule {

		UP_NOT_REQUESTED, GU_OVERDUE, TU_OVERDUE, LEFTOVER_NOT_RETURNED;

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
