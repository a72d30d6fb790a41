package id.apbdmonitor.core.clock;

import java.time.LocalDate;
import java.time.ZoneId;

/** The business date indicators are computed for: the region's local date, real or simulated. */
public interface BusinessClock {

	LocalDate today();

	ZoneId zone();

}
