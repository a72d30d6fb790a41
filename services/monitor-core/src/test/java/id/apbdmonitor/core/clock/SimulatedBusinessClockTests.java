package id.apbdmonitor.core.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedBusinessClockTests {

	private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

	private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

	// 2026 has 365 days; a year of 365 seconds makes one simulated day last exactly one second
	private final SimulatedBusinessClock clock = new SimulatedBusinessClock(Clock.fixed(START, ZoneOffset.UTC), WITA,
			START, LocalDate.of(2026, 1, 1), Duration.ofSeconds(365));

	@Test
	void shouldStartOnTheStartDate() {
		assertThat(this.clock.dateAt(START)).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(this.clock.dateAt(START.minusSeconds(60))).isEqualTo(LocalDate.of(2026, 1, 1));
	}

	@Test
	void shouldAdvanceOneDayPerDayLength() {
		assertThat(this.clock.dateAt(START.plusMillis(999))).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(this.clock.dateAt(START.plusSeconds(1))).isEqualTo(LocalDate.of(2026, 1, 2));
		// day 59 after 1 January is 1 March
		assertThat(this.clock.dateAt(START.plusSeconds(59))).isEqualTo(LocalDate.of(2026, 3, 1));
	}

	@Test
	void shouldStopOnTheLastDayOfTheYear() {
		assertThat(this.clock.dateAt(START.plusSeconds(364))).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(this.clock.dateAt(START.plusSeconds(10_000))).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void shouldGiveTheInstantADateBegins() {
		assertThat(this.clock.instantOf(LocalDate.of(2026, 3, 1))).isEqualTo(START.plusSeconds(59));
		assertThat(this.clock.dateAt(this.clock.instantOf(LocalDate.of(2026, 7, 17)))).isEqualTo(LocalDate.of(2026, 7, 17));
	}

	@Test
	void shouldUseTheRegionTimeZoneForTheWallClock() {
		// 23:30 UTC on 31 December is already 1 January in WITA (UTC+8)
		WallBusinessClock wall = new WallBusinessClock(Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC),
				WITA);
		assertThat(wall.today()).isEqualTo(LocalDate.of(2027, 1, 1));
	}

}
