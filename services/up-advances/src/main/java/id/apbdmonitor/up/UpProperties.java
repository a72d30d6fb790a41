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
 */
@ConfigurationProperties("apbd.up")
public record UpProperties(@DefaultValue("0.50") BigDecimal guThresholdRatio,
		@DefaultValue("31") int firstUpWithinDays, @DefaultValue("30") int guMaxDays,
		@DefaultValue("30") int tuMaxDays, @DefaultValue("12-31") String returnDeadline) {

	public UpProperties {
		if (guThresholdRatio.signum() < 0 || guThresholdRatio.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("apbd.up.gu-threshold-ratio must be within 0..1");
		}
		MonthDay.parse("--" + returnDeadline);
	}

	LocalDate returnDeadlineOf(int fiscalYear) {
		return MonthDay.parse("--" + this.returnDeadline).atYear(fiscalYear);
	}

}
