package id.apbdmonitor.core.clock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StartSignalledClockTests {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	@TempDir
	Path folder;

	@Test
	void shouldStayOnTheStartDateUntilTheStartIsWrittenThenRunTheYearFromIt() throws Exception {
		Path file = this.folder.resolve("clock-started-at");
		// a year of 365 s: one simulated day per second
		StartSignalledClock clock = new StartSignalledClock(Clock.fixed(NOW, ZoneOffset.UTC),
				ZoneId.of("Asia/Makassar"), file, LocalDate.of(2026, 1, 1), Duration.ofSeconds(365));
		assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 1, 1));

		Files.writeString(file, "");
		assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 1, 1));

		// started 31 s before now: day 31 after 1 January is 1 February
		Files.writeString(file, NOW.minusSeconds(31) + "\n");
		assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 2, 1));
	}

}
