package id.apbdmonitor.core.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The projected realised amount at 31 December of one OPD in one category (or one collecting
 * OPD and revenue type of PAD): what is realised so far, plus the plan still to come corrected
 * by the OPD's own pace against its plan so far.
 * <pre>
 *   pace      = realised ÷ plan to date
 *   projected = realised + (year plan − plan to date) × pace        (= realised × year plan ÷ plan to date)
 * </pre>
 * The plan is the cash plan (anggaran kas) of the budget lines in force, so after a revision
 * (pergeseran, APBD-P) the revised pagu and months count; for PAD it is the target spread by
 * the revenue type's seasonal profile. Choices, each for a reason the README explains:
 * <ul>
 * <li>Until the plan to date reaches {@link #MATERIAL_PLAN_SHARE} of the year plan (also when it
 * is 0) the pace of a few days says nothing: the OPD is assumed on plan (pace 1).</li>
 * <li>No spending against a material plan is pace 0: the projection is what is realised.</li>
 * <li>The pace is capped at {@link #MAX_PACE}: far ahead of plan is a lump paid early (an
 * advance on a contract, an arrear), not a rhythm that will last.</li>
 * <li>Spending is capped at the pagu (SP2D above the pagu is refused), never below what is
 * already realised; revenue is not capped at its target, which PAD often exceeds.</li>
 * </ul>
 * Pure and exact: {@link BigDecimal} in, rupiah to the sen out.
 */
public final class YearEndProjection {

	/** The highest pace extrapolated over the rest of the year. */
	public static final BigDecimal MAX_PACE = new BigDecimal("1.5");

	/** The share of the year plan the plan to date must reach before the pace is trusted. */
	public static final BigDecimal MATERIAL_PLAN_SHARE = new BigDecimal("0.05");

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private YearEndProjection() {
	}

	/**
	 * Projected spending at 31 December, at most the pagu (or what is realised, if more).
	 * @param pagu the pagu in force
	 * @param yearPlan the sum of the 12 months of the cash plan in force
	 * @param planToDate the cash plan up to the business date
	 * @param realised realised so far, net of reversals
	 */
	public static BigDecimal spending(BigDecimal pagu, BigDecimal yearPlan, BigDecimal planToDate, BigDecimal realised) {
		BigDecimal projected = project(yearPlan, planToDate, realised);
		return projected.min(pagu.max(realised)).setScale(2, RoundingMode.HALF_EVEN);
	}

	/**
	 * Projected PAD received at 31 December; the seasonal profile spreads the whole target, so
	 * the year plan is the target.
	 * @param target the target in force
	 * @param expectedToDate the seasonal expectation up to the business date
	 * @param realised received so far, net of reversals
	 */
	public static BigDecimal revenue(BigDecimal target, BigDecimal expectedToDate, BigDecimal realised) {
		return project(target, expectedToDate, realised);
	}

	/** The year plan: the sum of the monthly amounts. */
	public static BigDecimal yearPlan(List<BigDecimal> months) {
		return months.stream().reduce(ZERO, BigDecimal::add);
	}

	private static BigDecimal project(BigDecimal yearPlan, BigDecimal planToDate, BigDecimal realised) {
		BigDecimal done = realised.max(BigDecimal.ZERO);
		BigDecimal remaining = yearPlan.subtract(planToDate).max(BigDecimal.ZERO);
		BigDecimal added;
		if (planToDate.signum() <= 0 || planToDate.compareTo(yearPlan.multiply(MATERIAL_PLAN_SHARE)) < 0) {
			added = remaining;
		}
		else if (done.compareTo(planToDate.multiply(MAX_PACE)) >= 0) {
			added = remaining.multiply(MAX_PACE);
		}
		else {
			// multiply before dividing: one rounding, to the sen
			added = remaining.multiply(done).divide(planToDate, 2, RoundingMode.HALF_EVEN);
		}
		return realised.add(added).setScale(2, RoundingMode.HALF_EVEN);
	}

}
