package id.apbdmonitor.core.indicator;

import java.time.LocalDate;
import java.util.List;

import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Refreshes every snapshot on a timer, so clock-driven values (cash plan to date) follow the
 * business date between batches, and exports the business date they were computed for.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class IndicatorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IndicatorConfiguration.class);

	private final List<SnapshotRefresher> refreshers;

	IndicatorConfiguration(List<SnapshotRefresher> refreshers, BusinessClock clock, Regions regions,
			MeterRegistry registry) {
		this.refreshers = refreshers;
		for (RegionProperties region : regions.all()) {
			Gauge.builder("apbd.business.date.timestamp.seconds", this,
					indicators -> indicators.businessDate(clock, region))
				.description("The business date the indicators are computed for (start of the day, region time zone)")
				.tag("pemda", region.pemda())
				.register(registry);
		}
	}

	/**
	 * The oldest date any snapshot of the region was computed for (the region's date on the clock
	 * before the first refresh), as the start of that day in the region's time zone.
	 */
	private double businessDate(BusinessClock clock, RegionProperties region) {
		LocalDate date = this.refreshers.stream()
			.map(refresher -> refresher.businessDate(region.pemda()))
			.filter(java.util.Objects::nonNull)
			.min(LocalDate::compareTo)
			.orElseGet(() -> clock.today(region.zone()));
		return date.atStartOfDay(region.zone()).toEpochSecond();
	}

	@Scheduled(fixedDelayString = "${apbd.snapshot.refresh-interval:5s}",
			initialDelayString = "${apbd.snapshot.refresh-interval:5s}")
	void refreshAll() {
		for (SnapshotRefresher refresher : this.refreshers) {
			try {
				refresher.refresh();
			}
			catch (RuntimeException ex) {
				// keep the last good snapshot; the database may be briefly unavailable
				log.warn("Snapshot refresh failed, keeping the previous snapshot: {}", ex.toString());
			}
		}
	}

}
