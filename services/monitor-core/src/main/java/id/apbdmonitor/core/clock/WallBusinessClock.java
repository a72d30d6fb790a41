package id.apbdmonitor.core.clock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Production clock: today's date in a region's time zone (cut-offs are local, not UTC). */
public final class WallBusinessClock implements BusinessClock {

	private final Clock clock;

	public WallBusinessClock(Clock clock, ZoneId zone) {
		this.clock = clock.withZone(zone);
	}

	@Override
	public LocalDate today(ZoneId zone) {
		return LocalDate.now(this.clock.withZone(zone));
	}

	@Override
	public ZoneId zone() {
		return this.clock.getZone();
	}

}
