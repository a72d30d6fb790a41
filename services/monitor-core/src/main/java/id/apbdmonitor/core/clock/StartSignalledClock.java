package id.apbdmonitor.core.clock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A simulated year whose start instant is written to a file by whoever starts the processes
 * (the devstack writes it once every service is UP, so that no service misses the first days on
 * a slow machine). Until the file holds an instant, the date is the start date.
 */
public final class StartSignalledClock implements BusinessClock {

	private final Clock clock;

	private final ZoneId zone;

	private final Path startedAtFile;

	private final LocalDate startDate;

	private final Duration yearDuration;

	private volatile SimulatedBusinessClock started;

	public StartSignalledClock(Clock clock, ZoneId zone, Path startedAtFile, LocalDate startDate, Duration yearDuration) {
		this.clock = clock;
		this.zone = zone;
		this.startedAtFile = startedAtFile;
		this.startDate = startDate;
		this.yearDuration = yearDuration;
	}

	/** The simulated date, the same in every region: a simulated year has no time zones. */
	@Override
	public LocalDate today(ZoneId zone) {
		SimulatedBusinessClock year = this.started;
		if (year == null) {
			year = readStart();
		}
		return (year != null) ? year.today() : this.startDate;
	}

	private SimulatedBusinessClock readStart() {
		try {
			String text = Files.readString(this.startedAtFile).trim();
			if (text.isEmpty()) {
				return null;
			}
			this.started = new SimulatedBusinessClock(this.clock, this.zone, Instant.parse(text), this.startDate,
					this.yearDuration);
			return this.started;
		}
		catch (IOException | DateTimeParseException ex) {
			// not written yet, or being written: the year has not started
			return null;
		}
	}

	@Override
	public ZoneId zone() {
		return this.zone;
	}

}
