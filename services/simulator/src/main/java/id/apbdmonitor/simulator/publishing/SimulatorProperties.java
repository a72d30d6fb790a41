package id.apbdmonitor.simulator.publishing;

import java.nio.file.Path;
import java.time.ZoneId;

import id.apbdmonitor.simulator.generator.Scenario;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.simulator.*}: which year to generate ({@code seed}, {@code fiscal-year}, the size
 * {@code events-per-opd-per-month}), the share of faulty records ({@code fault-rate}, for
 * duplicates, malformed and invalid records each), and whether to publish each day's records
 * when the clock reaches that day ({@code pace=true}) or the whole year at once. {@code scenario}
 * shapes the whole APBD: {@code kota-bima} (the default) or {@code published-2025}, Kota Bima's
 * 2025 absorption as published (26.6 % on 10 June, 54.4 % on 17 October), which sets the fiscal
 * year to 2025.
 * <p>
 * {@code regions} &gt; 1 is the national mode (issue 12): that many regions in all, Kota Bima and
 * {@code regions - 1} synthetic regions (at most 546, every pemda), whose region files are written
 * into {@code regions-dir} at start-up for the services' {@code apbd.regions.dir}; their years are
 * published after start, region by region, all at once (not paced). The default, 1, is Kota Bima alone.
 */
@ConfigurationProperties("apbd.simulator")
record SimulatorProperties(@DefaultValue("2026") long seed, @DefaultValue("2026") int fiscalYear,
		@DefaultValue("0.01") double faultRate, @DefaultValue("true") boolean pace,
		@DefaultValue("20") int eventsPerOpdPerMonth, @DefaultValue("Asia/Makassar") ZoneId zone,
		@DefaultValue("kota-bima") String scenario, @DefaultValue("1") int regions, Path regionsDir) {

	SimulatorProperties {
		if (regions > 1 && regionsDir == null) {
			throw new IllegalArgumentException(
					"apbd.simulator.regions=" + regions + " needs apbd.simulator.regions-dir for the region files");
		}
	}

	/** The year generated: the scenario's own year when it has one. */
	int effectiveFiscalYear() {
		return Scenario.PUBLISHED_2025.equals(this.scenario) ? Scenario.published2025().fiscalYear() : this.fiscalYear;
	}

}
