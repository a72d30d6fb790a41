package id.apbdmonitor.core.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.clock.WallBusinessClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * For a test of two regions whose business dates differ ({@code @Import} it): the production
 * clock stopped at 2026-03-31T16:30Z, already 1 April in Kota Bima (WITA, UTC+8) and still 31 March
 * in Sleman (WIB, UTC+7). The fixed clock of {@link TestInfrastructure} gives every region one date.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RegionMidnightClock {

	public static final Instant INSTANT = Instant.parse("2026-03-31T16:30:00Z");

	@Bean
	@Primary
	BusinessClock regionMidnightClock() {
		return new WallBusinessClock(Clock.fixed(INSTANT, ZoneOffset.UTC), ZoneId.of("Asia/Makassar"));
	}

}
