package id.apbdmonitor.core.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.calendar.*}, set in the region file: the region's own holidays on top of the
 * national calendar (a regional anniversary declared a day off, a local election day).
 *
 * @param regionalHolidays days off in this region only
 */
@ConfigurationProperties("apbd.calendar")
public record CalendarProperties(@DefaultValue List<LocalDate> regionalHolidays) {

	public CalendarProperties {
		regionalHolidays = List.copyOf(regionalHolidays);
	}

}
