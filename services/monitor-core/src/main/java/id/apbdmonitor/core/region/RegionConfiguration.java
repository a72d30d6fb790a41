package id.apbdmonitor.core.region;

import id.apbdmonitor.core.calendar.CalendarProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RegionProperties.class, RegionsProperties.class, CategoryProperties.class })
class RegionConfiguration {

	@Bean
	Regions regions(RegionProperties home, CalendarProperties homeCalendar, RegionsProperties properties) {
		return Regions.load(home, homeCalendar, properties);
	}

}
