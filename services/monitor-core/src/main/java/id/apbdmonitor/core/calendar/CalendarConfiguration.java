package id.apbdmonitor.core.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The home region's holiday calendar, every region's ({@link RegionCalendars}), and at start-up
 * a warning and the gauge {@code apbd_calendar_year_missing{pemda,year}} for each year a region
 * may count working days in (its open fiscal years and the year after the newest, where
 * December's deadlines fall), 1 where the year's SKB calendar is not on file.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

	/** The home region's calendar (national days and {@code apbd.calendar.regional-holidays}). */
	@Bean
	HolidayCalendar holidayCalendar(CalendarProperties properties) {
		return new HolidayCalendar(properties.regionalHolidays());
	}

	@Bean
	RegionCalendars regionCalendars(Regions regions, HolidayCalendar holidayCalendar, FiscalYears fiscalYears,
			MeterRegistry registry) {
		List<Integer> missing = new ArrayList<>();
		for (RegionProperties region : regions.all()) {
			TreeSet<Integer> years = new TreeSet<>(fiscalYears.open(region));
			years.add(years.last() + 1);
			for (int year : years) {
				boolean complete = holidayCalendar.isComplete(year);
				if (!complete && !missing.contains(year)) {
					missing.add(year);
				}
				Gauge.builder("apbd.calendar.year.missing", () -> complete ? 0 : 1)
					.description("1 when the year's national holiday calendar (SKB) is not on file or is provisional")
					.tag("pemda", region.pemda())
					.tag("year", Integer.toString(year))
					.register(registry);
			}
		}
		if (!missing.isEmpty()) {
			log.warn("No complete national holiday calendar (SKB) on file for {}: working days of those years count"
					+ " only weekends and the dates known so far; add calendar/<year>.yml to monitor-core", missing);
		}
		return new RegionCalendars(regions, holidayCalendar);
	}

}
