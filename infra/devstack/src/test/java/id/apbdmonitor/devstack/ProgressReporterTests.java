package id.apbdmonitor.devstack;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressReporterTests {

	@Test
	void shouldFormatRupiahAtTheScaleOfTheAmount() {
		assertThat(ProgressReporter.rupiah(12_345_678_901.0)).isEqualTo("Rp 12,3 miliar");
		assertThat(ProgressReporter.rupiah(1_200_000_000_000.0)).isEqualTo("Rp 1,2 triliun");
		assertThat(ProgressReporter.rupiah(450_250_000.0)).isEqualTo("Rp 450,3 juta");
		assertThat(ProgressReporter.rupiah(75_000.0)).isEqualTo("Rp 75.000");
		assertThat(ProgressReporter.rupiah(0)).isEqualTo("Rp 0");
	}

	@Test
	void shouldReadATimestampAsTheRegionsCalendarDay() {
		// 2025-01-04T00:00:00Z and 2025-01-04T00:00:00+08:00 (WITA) are both 4 January in Bima
		assertThat(ProgressReporter.dateOf(1_735_948_800.0)).isEqualTo(LocalDate.of(2025, 1, 4));
		assertDay(1_735_948_800.0 - 8 * 3600, LocalDate.of(2025, 1, 4));
	}

	private static void assertDay(double epochSeconds, LocalDate expected) {
		assertThat(ProgressReporter.dateOf(epochSeconds)).isEqualTo(expected);
	}

}
