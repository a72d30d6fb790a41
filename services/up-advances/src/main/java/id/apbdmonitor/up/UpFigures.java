package id.apbdmonitor.up;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The UP health of one OPD in one year as of a business date (DOMAIN §5.4), and the state of
 * each rule. Dates are null when there is none. {@code standing} holds the treasury-control
 * rules (see {@link UpRuleBook}) whose breach still stands, {@code breachCounts} how many facts
 * of the year broke each of them.
 */
record UpFigures(BigDecimal ceiling, BigDecimal disbursed, BigDecimal accounted, BigDecimal returned,
		BigDecimal awaitingRefill, LocalDate firstUpOn, LocalDate lastGuOn, LocalDate closedOn,
		LocalDate oldestOpenTuOn, BigDecimal oldestOpenTuRemaining, int tuSettledLate, boolean guEligible,
		boolean upNotRequested, boolean guOverdue, boolean tuOverdue, boolean leftoverNotReturned,
		Set<Rule> standing, Map<Rule, Integer> breachCounts) {

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
			default -> this.standing.contains(rule);
		};
	}

	/** Facts of the fiscal year that broke a counted rule. */
	int breaches(Rule rule) {
		return this.breachCounts.getOrDefault(rule, 0);
	}

	/**
	 * The {@code rule} label of {@code apbd_up_rule_breached}. The counted rules are broken by a
	 * fact (an SP2D, SPJ, LPJ or STS that already happened and is stored), so an inspector also
	 * gets their number for the year in {@code apbd_up_rule_breaches}.
	 */
	enum Rule {

		UP_NOT_REQUESTED(false), GU_OVERDUE(false), TU_OVERDUE(false), LEFTOVER_NOT_RETURNED(false),
		UP_ABOVE_CEILING(true), GU_ABOVE_AWAITING(true), RETURN_ABOVE_HELD(true), ACCOUNTED_ABOVE_HELD(true),
		ACTIVITY_AFTER_CLOSURE(true), TU_WHILE_OPEN(true);

		private final boolean counted;

		Rule(boolean counted) {
			this.counted = counted;
		}

		boolean counted() {
			return this.counted;
		}

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
