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

	/** A capital contract signed for {@code value}: contracted, and paid against from now on. */
	record ContractSigned(String contractId, String opd, BigDecimal value) implements Effect {
	}

	/** A payment (positive) or a payment reversal (negative) of a capital contract: capital realisation. */
	record ContractPayment(String contractId, String opd, BigDecimal delta) implements Effect {
	}

	/** The works of a capital contract handed over (BAST). */
	record HandedOver(String contractId, String opd) implements Effect {
	}

	/** A revision of a PAD target line; the newest revision number of a line sets its target. */
	record TargetRevision(String lineId, String opd, String revenueType, int revision, BigDecimal target)
			implements Effect {
	}

	/** The UP ceiling of an OPD set (the newest by date is in force; the simulator sets it once). */
	record UpCeiling(String opd, BigDecimal ceiling) implements Effect {
	}

	/** UP, GU or TU money disbursed to, accounted by or returned by an OPD's treasurers. */
	record UpMovement(String opd, BigDecimal disbursed, BigDecimal accounted, BigDecimal returned) implements Effect {
	}

	/** A PAD receipt (positive) or receipt reversal (negative) of a collecting OPD and revenue type. */
	record Revenue(String opd, String revenueType, BigDecimal delta) implements Effect {
	}

}
