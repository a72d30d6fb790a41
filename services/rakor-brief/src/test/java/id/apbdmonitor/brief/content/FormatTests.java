package id.apbdmonitor.brief.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTests {

	@Test
	void rupiahIsWrittenInJutaMiliarAndTriliunWithADecimalComma() {
		assertThat(Format.rupiah(1_186_000_000)).isEqualTo("Rp 1,19 miliar");
		assertThat(Format.rupiah(47_780_000)).isEqualTo("Rp 47,8 juta");
		assertThat(Format.rupiah(119_000_000)).isEqualTo("Rp 119 juta");
		assertThat(Format.rupiah(12_540_000_000L)).isEqualTo("Rp 12,5 miliar");
		assertThat(Format.rupiah(2_100_000_000_000L)).isEqualTo("Rp 2,1 triliun");
		assertThat(Format.rupiah(12_345)).isEqualTo("Rp 12.345");
		assertThat(Format.rupiah(-50_000_000)).isEqualTo("Rp -50 juta");
	}

	@Test
	void ratiosArePercentAndChangesArePoints() {
		assertThat(Format.percent(0.40168)).isEqualTo("40,2%");
		assertThat(Format.points(0.012)).isEqualTo("+1,2 poin");
		assertThat(Format.points(-0.0349)).isEqualTo("-3,5 poin");
		assertThat(Format.points(0.0001)).isEqualTo("0,0 poin");
	}

	@Test
	void datesAreIndonesianInTheRegionsZone() {
		// 9 June 2026 16:30 UTC is 10 June 00.30 in WITA (UTC+8)
		assertThat(Format.dateTime(Instant.parse("2026-06-09T16:30:00Z"), ZoneId.of("Asia/Makassar"), "WITA"))
			.isEqualTo("10 Juni 2026 00.30 WITA");
		assertThat(Format.date(LocalDate.of(2026, 8, 17))).isEqualTo("17 Agustus 2026");
	}

}
