package id.apbdmonitor.core.clock;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A clock that stays on one date in every region: for tests whose expectations are computed for
 * that date.
 */
public record FixedBusinessClock(LocalDate today, ZoneId zone) implements BusinessClock {

	@Override
	public LocalDate today(ZoneId zone) {
		return this.today;
	}

}
