package id.apbdmonitor.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The days that are not working days: weekends, the national public holidays and collective
 * leave (cuti bersama) of the year's SKB read from {@code calendar/<year>.yml} on the class
 * path, and the region's own additions. A year without a file, or with a file marked
 * {@code provisional}, is reported by {@link #isComplete(int)}, never silently treated as a
 * year without holidays.
 */
public final class HolidayCalendar {

	private static final String LOCATION = "calendar/";

	private final Set<LocalDate> regional;

	/** The national years read so far, shared by the calendars {@link #withRegionalHolidays} derives. */
	private final Map<Integer, Year> years;

	public HolidayCalendar(Collection<LocalDate> regionalHolidays) {
		this(regionalHolidays, new ConcurrentHashMap<>());
	}

	private HolidayCalendar(Collection<LocalDate> regionalHolidays, Map<Integer, Year> years) {
		this.regional = Set.copyOf(regionalHolidays);
		this.years = years;
	}

	/** The national calendar only, without regional additions. */
	public static HolidayCalendar national() {
		return new HolidayCalendar(List.of());
	}

	/**
	 * The same national calendar with another region's own holidays instead of this one's; the
	 * national years are read once for both.
	 */
	public HolidayCalendar withRegionalHolidays(Collection<LocalDate> regionalHolidays) {
		return new HolidayCalendar(regionalHolidays, this.years);
	}

	public boolean isWorkingDay(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date);
	}

	/** Whether the date is a public holiday, collective leave or a regional holiday (any weekday). */
	public boolean isHoliday(LocalDate date) {
		return this.regional.contains(date) || year(date.getYear()).days().contains(date);
	}

	/** The N-th working day after a date (the date itself when N is 0). */
	public LocalDate workingDaysAfter(LocalDate date, int workingDays) {
		LocalDate day = date;
		int counted = 0;
		while (counted < workingDays) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/** Whether the year's SKB is on file: a data file exists and is not marked provisional. */
	public boolean isComplete(int year) {
		Year loaded = year(year);
		return loaded.found() && !loaded.provisional();
	}

	/** The source the year's file names (empty when there is no file). */
	public String source(int year) {
		return year(year).source();
	}

	private Year year(int year) {
		return this.years.computeIfAbsent(year, HolidayCalendar::load);
	}

	private static Year load(int year) {
		String path = LOCATION + year + ".yml";
		try (InputStream in = HolidayCalendar.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				return new Year(false, false, "", Set.of());
			}
			Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			if (!Integer.valueOf(year).equals(file.get("year"))) {
				throw new IllegalStateException(path + " must say year: " + year + ", says " + file.get("year"));
			}
			Set<LocalDate> days = new HashSet<>();
			for (String list : List.of("public-holidays", "collective-leave")) {
				Object entries = file.get(list);
				if (entries == null) {
					continue;
				}
				for (Object entry : (List<?>) entries) {
					LocalDate date = date(((Map<?, ?>) entry).get("date"));
					if (date.getYear() != year) {
						throw new IllegalStateException(path + " lists " + date + ", outside " + year);
					}
					days.add(date);
				}
			}
			return new Year(true, Boolean.TRUE.equals(file.get("provisional")), String.valueOf(file.get("source")),
					Set.copyOf(days));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read " + path, ex);
		}
	}

	// quoted dates are text; an unquoted one is read by YAML as a timestamp at midnight UTC
	private static LocalDate date(Object value) {
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		}
		return LocalDate.parse(String.valueOf(value));
	}

	private record Year(boolean found, boolean provisional, String source, Set<LocalDate> days) {
	}

}
