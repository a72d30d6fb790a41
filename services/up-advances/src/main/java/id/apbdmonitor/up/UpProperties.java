package id.apbdmonitor.up;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.up.*}: the UP rules of the region (DOMAIN §3), explained in the README's "UP and
 * TPP rules". A rule with "days" is breached once more than that many days have passed.
 *
 * @param guThresholdRatio GU may be requested once the accounted, not yet refilled share of the
 * UP ceiling reaches this ratio (0.50 central rule, 0.25 some kabupaten)
 * @param firstUpWithinDays the first UP must be disbursed within this many days of 1 January
 * @param guMaxDays at most this many days without a GU refill while UP money is outstanding
 * @param tuMaxDays a TU must be settled (accounted and the rest returned) within this many days
 * @param returnDeadline month and day ({@code MM-dd}) by which all leftovers are returned
 * @param rules the treasury-control rules that stored facts may break ({@code apbd.up.rules.*})
 */
@ConfigurationProperties("apbd.up")
public record UpProperties(@DefaultValue("0.50") BigDecimal guThresholdRatio,
		@DefaultValue("31") int firstUpWithinDays, @DefaultValue("30") int guMaxDays,
		@DefaultValue("30") int tuMaxDays, @DefaultValue("12-31") String returnDeadline,
		@DefaultValue Rules rules) {

	public UpProperties {
		if (guThresholdRatio.signum() < 0 || guThresholdRatio.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("apbd.up.gu-threshold-ratio must be within 0..1");
		}
		MonthDay.parse("--" + returnDeadline);
	}

	LocalDate returnDeadlineOf(int fiscalYear) {
		return MonthDay.parse("--" + this.returnDeadline).atYear(fiscalYear);
	}

	/**
	 * {@code apbd.up.rules.*}: one entry per treasury-control rule. A fact that breaks a rule is
	 * stored all the same (it happened in SIPD); the rule only flags it.
	 *
	 * @param upAboveCeiling SP2D-UP less UP returned above the UP ceiling in force
	 * @param guAboveAwaiting a GU refill above the SPJ-GU spending awaiting refill
	 * @param returnAboveHeld an STS return above what the treasurer holds (the UP float or the TU)
	 * @param accountedAboveHeld an SPJ-GU or LPJ-TU above what the treasurer holds
	 * @param activityAfterClosure an SPJ, LPJ, SP2D or STS after the closure of the OPD's UP
	 * @param tuWhileOpen a TU disbursed while an earlier TU is not yet settled
	 */
	public record Rules(@DefaultValue AmountRule upAboveCeiling, @DefaultValue AmountRule guAboveAwaiting,
			@DefaultValue AmountRule returnAboveHeld, @DefaultValue AmountRule accountedAboveHeld,
			@DefaultValue Switch activityAfterClosure, @DefaultValue Switch tuWhileOpen) {

		/** All rules on, no tolerance: the defaults. */
		static Rules defaults() {
			AmountRule strict = new AmountRule(true, BigDecimal.ZERO);
			return new Rules(strict, strict, strict, strict, new Switch(true), new Switch(true));
		}

	}

	/**
	 * A rule that compares rupiah.
	 *
	 * @param enabled false: never flagged, counted 0
	 * @param tolerance rupiah by which an amount may exceed its limit without a breach (0 or more)
	 */
	public record AmountRule(@DefaultValue("true") boolean enabled, @DefaultValue("0.00") BigDecimal tolerance) {

		public AmountRule {
			if (tolerance.signum() < 0) {
				throw new IllegalArgumentException("apbd.up.rules.*.tolerance must be 0 or more, was " + tolerance);
			}
		}

	}

	/** A rule without an amount: only on or off. */
	public record Switch(@DefaultValue("true") boolean enabled) {
	}

}
