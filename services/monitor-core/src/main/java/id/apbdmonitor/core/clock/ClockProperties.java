package id.apbdmonitor.core.clock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.clock.*}: {@code mode=wall} in production; {@code mode=simulated} runs the year
 * from {@code start-date} at {@code started-at}, a whole year lasting {@code year-duration};
 * {@code mode=fixed} stays on {@code start-date} (tests). With {@code started-at-file}, the
 * simulated year starts at the instant written to that file (until then: {@code start-date}).
 */
@ConfigurationProperties("apbd.clock")
public record ClockProperties(@DefaultValue("wall") Mode mode, LocalDate startDate, Instant startedAt,
		@DefaultValue("10m") Duration yearDuration, Path startedAtFile) {

	public enum Mode {

		WALL, SIMULATED, FIXED

	}

}
