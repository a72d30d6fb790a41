package id.apbdmonitor.core.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import id.apbdmonitor.core.region.RegionsProperties;
import id.apbdmonitor.core.test.RegionFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each region's calendar: the national 2026 SKB (Pancasila on Monday 1 June, 1 Muharam on
 * Tuesday 16 June) plus its own days off, Thursday 11 June in Kota Bima (home) and Wednesday
 * 10 June in Kabupaten Sleman (its region file).
 */
class RegionCalendarsTests {

	private static final RegionProperties KOTA_BIMA = new RegionProperties("52.72", "Kota Bima",
			"Nusa Tenggara Barat", ZoneId.of("Asia/Makassar"),
			List.of(new RegionProperties.Opd("DINKES", "Dinas Kesehatan")), List.of());

	private final RegionCalendars calendars = new RegionCalendars(
			Regions.load(KOTA_BIMA, new CalendarProperties(List.of(LocalDate.parse("2026-06-11"))),
					new RegionsProperties(Path.of(RegionFiles.slemanDir("2026-06-10")))),
			HolidayCalendar.national());

	@Test
	void shouldCountOnlyTheRegionsOwnDaysOffBesideTheNationalOnes() {
		HolidayCalendar bima = this.calendars.of("52.72");
		HolidayCalendar sleman = this.calendars.of(RegionFiles.SLEMAN);
		assertThat(bima.isHoliday(LocalDate.parse("2026-06-11"))).isTrue();
		assertThat(bima.isHoliday(LocalDate.parse("2026-06-10"))).isFalse();
		assertThat(sleman.isHoliday(LocalDate.parse("2026-06-10"))).isTrue();
		assertThat(sleman.isHoliday(LocalDate.parse("2026-06-11"))).isFalse();
		assertThat(bima.isHoliday(LocalDate.parse("2026-06-01"))).isTrue();
		assertThat(sleman.isHoliday(LocalDate.parse("2026-06-16"))).isTrue();
	}

	@Test
	void shouldCountWorkingDaysOnTheRegionsOwnCalendar() {
		// 7 working days after Sunday 31 May: 2, 3, 4, 5, 8, 9 June, then 10 June in Kota Bima
		// and 11 June in Sleman, whose 10 June is a day off
		assertThat(this.calendars.of("52.72").workingDaysAfter(LocalDate.parse("2026-05-31"), 7))
			.isEqualTo(LocalDate.parse("2026-06-10"));
		assertThat(this.calendars.of(RegionFiles.SLEMAN).workingDaysAfter(LocalDate.parse("2026-05-31"), 7))
			.isEqualTo(LocalDate.parse("2026-06-11"));
		// 10: Kota Bima skips 11 and 16 June (12, 15, 17), Sleman 10 and 16 June (11, 12, 15, 17)
		assertThat(this.calendars.of("52.72").workingDaysAfter(LocalDate.parse("2026-05-31"), 10))
			.isEqualTo(LocalDate.parse("2026-06-17"));
	}

	@Test
	void shouldRefuseAPemdaThatIsNoRegion() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendars.of("52.06"));
	}

}
