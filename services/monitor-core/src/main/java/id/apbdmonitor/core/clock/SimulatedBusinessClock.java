package id.apbdmonitor.core.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Demo clock that runs a fiscal year in minutes. Every process given the same start instant,
 * start date and year duration computes the same date, so services and the simulator agree
 * without talking to each other. The date stops at 31 December of the start year.
 */
public final class SimulatedBusinessClock implements BusinessClock {

	private final Clock clock;

	private final ZoneId zone;

	private final Instant startedAt;

	private final LocalDate startDate;

	private final LocalDate lastDate;

	private final long nanosPerDay;

	public SimulatedBusinessClock(Clock clock, ZoneId zone, Instant startedAt, LocalDate startDate,
			Duration yearDuration) {
		if (yearDuration.isZero() || yearDuration.isNegative()) {
			throw new IllegalArgumentException("apbd.clock.year-duration must be positive, was " + yearDuration);
		}
		this.clock = clock;
		this.zone = zone;
		this.startedAt = startedAt;
		this.startDate = startDate;
		this.lastDate = LocalDate.of(startDate.getYear(), 12, 31);
		this.nanosPerDay = Math.max(1, yearDuration.toNanos() / startDate.lengthOfYear());
	}

	/** The simulated date, the same in every region: a simulated year has no time zones. */
	@Override
	public LocalDate today(ZoneId zone) {
		return dateAt(this.clock.instant());
	}

	/** The simulated date at a wall-clock instant. */
	public LocalDate dateAt(Instant instant) {
		long elapsed = Duration.between(this.startedAt, instant).toNanos();
		if (elapsed <= 0) {
			return this.startDate;
		}
		LocalDate date = this.startDate.plusDays(elapsed / this.nanosPerDay);
		return date.isAfter(this.lastDate) ? this.lastDate : date;
	}

	/** The wall-clock instant at which a simulated date begins. */
	public Instant instantOf(LocalDate date) {
		long days = Duration.between(this.startDate.atStartOfDay(), date.atStartOfDay()).toDays();
		return this.startedAt.plusNanos(Math.max(0, days) * this.nanosPerDay);
	}

	@Override
	public ZoneId zone() {
		return this.zone;
	}

}
