package id.apbdmonitor.simulator.publishing;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.simulator.*}: which year to generate ({@code seed}, {@code fiscal-year}, the size
 * {@code events-per-opd-per-month}), the share of faulty records ({@code fault-rate}, for
 * duplicates, malformed and invalid records each), and whether to publish each day's records
 * when the clock reaches that day ({@code pace=true}) or the whole year at once.
 */
@ConfigurationProperties("apbd.simulator")
record SimulatorProperties(@DefaultValue("2026") long seed, @DefaultValue("2026") int fiscalYear,
		@DefaultValue("0.01") double faultRate, @DefaultValue("true") boolean pace,
		@DefaultValue("20") int eventsPerOpdPerMonth, @DefaultValue("Asia/Makassar") ZoneId zone) {
}
