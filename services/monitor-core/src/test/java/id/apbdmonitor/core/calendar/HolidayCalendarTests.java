package id.apbdmonitor.core.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The national calendar files against the SKBs' own counts and a few dates checked by hand. */
class HolidayCalendarTests {

	private final HolidayCalendar calendar = HolidayCalendar.national();

	@Test
	void shouldHoldTheSkbsDaysOff() {
		// SKB 1497/2/5 of 2025: 17 national holidays and 8 cuti bersama, 25 dates in all
		assertThat(daysOff(2026)).hasSize(25);
		// SKB 1017/2/2 of 2024: 17 + 10, plus the cuti bersama of 18 August added by SKB 933/1/3 of 2025
		assertThat(daysOff(2025)).hasSize(28);
		assertThat(this.calendar.isHoliday(LocalDate.of(2026, 3, 20))).as("cuti bersama Idulfitri").isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 3, 25))).as("Wednesday after Idulfitri").isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 8, 18))).isFalse();
	}

	@Test
	void shouldCountWorkingDaysAcrossHolidaysAndTheYearEnd() {
		// from Friday 13 March 2026: 16, 17; 18 cuti, 19 Nyepi, 20 cuti; 23, 24 cuti; 25, 26, 27, 30
		assertThat(this.calendar.workingDaysAfter(LocalDate.of(2026, 3, 13), 6)).isEqualTo("2026-03-30");
		// from Wednesday 24 December 2025: 25 Christmas, 26 cuti; 29, 30, 31; 1 January; 2 January
		assertThat(this.calendar.workingDaysAfter(LocalDate.of(2025, 12, 24), 4)).isEqualTo("2026-01-02");
		assertThat(this.calendar.workingDaysAfter(LocalDate.of(2026, 3, 13), 0)).isEqualTo("2026-03-13");
	}

	@Test
	void shouldReportAProvisionalOrMissingYear() {
		assertThat(this.calendar.isComplete(2025)).isTrue();
		assertThat(this.calendar.isComplete(2026)).isTrue();
		// only the fixed-date and Easter-based holidays until the 2027 SKB is transcribed
		assertThat(this.calendar.isComplete(2027)).isFalse();
		assertThat(this.calendar.isHoliday(LocalDate.of(2027, 3, 26))).as("Good Friday 2027").isTrue();
		assertThat(this.calendar.isComplete(2024)).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2024, 12, 25))).as("no file: weekends only").isTrue();
	}

	@Test
	void shouldAddTheRegionsOwnDays() {
		HolidayCalendar bima = new HolidayCalendar(List.of(LocalDate.of(2026, 4, 10)));
		assertThat(bima.isWorkingDay(LocalDate.of(2026, 4, 10))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 4, 10))).isTrue();
	}

	private List<LocalDate> daysOff(int year) {
		return Stream.iterate(LocalDate.of(year, 1, 1), day -> day.getYear() == year, day -> day.plusDays(1))
			.filter(this.calendar::isHoliday)
			.toList();
	}

}
