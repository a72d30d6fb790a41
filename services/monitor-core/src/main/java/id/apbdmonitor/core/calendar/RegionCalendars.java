package id.apbdmonitor.core.calendar;

import java.util.LinkedHashMap;
import java.util.Map;

import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;

/**
 * The holiday calendar of every region, by pemda: the national SKB calendar (read once for all)
 * plus the region's own days off, so that a working-day deadline of one region never counts
 * another region's holiday.
 */
public final class RegionCalendars {

	private final Map<String, HolidayCalendar> byPemda;

	public RegionCalendars(Regions regions, HolidayCalendar national) {
		Map<String, HolidayCalendar> calendars = new LinkedHashMap<>();
		for (RegionProperties region : regions.all()) {
			calendars.put(region.pemda(), national.withRegionalHolidays(regions.regionalHolidays(region.pemda())));
		}
		this.byPemda = Map.copyOf(calendars);
	}

	/** The calendar of a region of {@link Regions}; any other pemda is a programming error. */
	public HolidayCalendar of(String pemda) {
		HolidayCalendar calendar = this.byPemda.get(pemda);
		if (calendar == null) {
			throw new IllegalArgumentException("No region " + pemda + " is monitored");
		}
		return calendar;
	}

}
