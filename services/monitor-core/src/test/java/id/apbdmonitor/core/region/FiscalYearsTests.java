package id.apbdmonitor.core.region;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import id.apbdmonitor.core.clock.FixedBusinessClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The year every service watches, on 14 January 2026. */
class FiscalYearsTests {

	@Test
	void shouldWatchTheBusinessDatesYearWhenNoneIsConfigured() {
		assertThat(years(List.of()).open()).containsExactly(2026);
		assertThat(years(List.of()).watched()).isEqualTo(2026);
	}

	@Test
	void shouldWatchThePreviousYearWhileItIsTheOnlyOneOpen() {
		assertThat(years(List.of(2025)).watched()).isEqualTo(2025);
	}

	@Test
	void shouldWatchTheNewestWhenTwoAreOpen() {
		assertThat(years(List.of(2026, 2025)).watched()).isEqualTo(2026);
		assertThat(years(List.of(2026, 2025)).open()).containsExactly(2026, 2025);
	}

	private static FiscalYears years(List<Integer> open) {
		ZoneId wita = ZoneId.of("Asia/Makassar");
		return new FiscalYears(Regions.of(new RegionProperties("52.72", "Kota Bima", "Nusa Tenggara Barat", wita,
				List.of(new RegionProperties.Opd("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah")), open)),
				new FixedBusinessClock(LocalDate.of(2026, 1, 14), wita));
	}

}
