package id.apbdmonitor.core.clock;

import java.time.LocalDate;
import java.time.ZoneId;

/** A clock that stays on one date: for tests whose expectations are computed for that date. */
public record FixedBusinessClock(LocalDate today, ZoneId zone) implements BusinessClock {
}
