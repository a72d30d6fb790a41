package id.apbdmonitor.core.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import id.apbdmonitor.core.region.RegionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClockProperties.class)
class ClockConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

	@Bean
	BusinessClock businessClock(ClockProperties properties, RegionProperties region) {
		if (properties.mode() == ClockProperties.Mode.WALL) {
			return new WallBusinessClock(Clock.systemUTC(), region.zone());
		}
		if (properties.mode() == ClockProperties.Mode.FIXED) {
			LocalDate date = java.util.Objects.requireNonNull(properties.startDate(),
					"apbd.clock.start-date is required with apbd.clock.mode=fixed");
			return new FixedBusinessClock(date, region.zone());
		}
		if (properties.startedAtFile() != null) {
			LocalDate startDate = java.util.Objects.requireNonNull(properties.startDate(),
					"apbd.clock.start-date is required with apbd.clock.started-at-file");
			log.info("Simulated business clock: {} from the instant written to {}, a year lasts {}", startDate,
					properties.startedAtFile(), properties.yearDuration());
			return new StartSignalledClock(Clock.systemUTC(), region.zone(), properties.startedAtFile(), startDate,
					properties.yearDuration());
		}
		Instant startedAt = (properties.startedAt() != null) ? properties.startedAt() : Instant.now();
		LocalDate startDate = (properties.startDate() != null) ? properties.startDate()
				: LocalDate.of(LocalDate.now(region.zone()).getYear(), 1, 1);
		log.info("Simulated business clock: {} at {}, a year lasts {}", startDate, startedAt,
				properties.yearDuration());
		return new SimulatedBusinessClock(Clock.systemUTC(), region.zone(), startedAt, startDate,
				properties.yearDuration());
	}

}
