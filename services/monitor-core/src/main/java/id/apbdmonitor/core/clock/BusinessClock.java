package id.apbdmonitor.core.clock;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The business date indicators are computed for: a region's local date, real or simulated.
 * Regions in different time zones (WIB, WITA, WIT) change dates at different instants.
 */
public interface BusinessClock {

	/** The business date in the home region's time zone. */
	default LocalDate today() {
		return today(zone());
	}

	/** The business date of a region in {@code zone}. */
	LocalDate today(ZoneId zone);

	/** The home region's time zone. */
	ZoneId zone();

}
