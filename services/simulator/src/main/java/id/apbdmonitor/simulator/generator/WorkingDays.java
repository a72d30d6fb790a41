package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import id.apbdmonitor.core.calendar.HolidayCalendar;

/**
 * Picks business dates: Monday to Friday except the national holidays and cuti bersama of the
 * year's SKB, from the same calendar files the services count deadlines with (monitor-core
 * {@code calendar/<year>.yml}).
 */
final class WorkingDays {

	private static final HolidayCalendar CALENDAR = HolidayCalendar.national();

	private WorkingDays() {
	}

	static boolean isWorkingDay(LocalDate date) {
		return CALENDAR.isWorkingDay(date);
	}

	/** A random working day between two days of a month (inclusive, clipped to the month). */
	static LocalDate pick(Random random, int year, int month, int fromDay, int toDay) {
		YearMonth yearMonth = YearMonth.of(year, month);
		int last = Math.min(toDay, yearMonth.lengthOfMonth());
		List<LocalDate> days = new ArrayList<>();
		for (int day = Math.max(1, fromDay); day <= last; day++) {
			LocalDate date = yearMonth.atDay(day);
			if (isWorkingDay(date)) {
				days.add(date);
			}
		}
		if (days.isEmpty()) {
			return yearMonth.atDay(Math.min(Math.max(1, fromDay), yearMonth.lengthOfMonth()));
		}
		return days.get(random.nextInt(days.size()));
	}

	/**
	 * The first working day at least {@code days} days after {@code date}, but never after 31
	 * December of its year (then 31 December itself).
	 */
	static LocalDate after(LocalDate date, int days) {
		LocalDate lastOfYear = LocalDate.of(date.getYear(), 12, 31);
		LocalDate candidate = date.plusDays(days);
		while (!isWorkingDay(candidate) && candidate.isBefore(lastOfYear)) {
			candidate = candidate.plusDays(1);
		}
		return candidate.isAfter(lastOfYear) ? lastOfYear : candidate;
	}

}
