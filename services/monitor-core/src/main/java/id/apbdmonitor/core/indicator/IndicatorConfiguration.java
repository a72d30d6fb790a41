package id.apbdmonitor.core.indicator;

import java.time.LocalDate;
import java.util.List;

import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.region.RegionProperties;
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

	IndicatorConfiguration(List<SnapshotRefresher> refreshers, BusinessClock clock, RegionProperties region,
			MeterRegistry registry) {
		this.refreshers = refreshers;
		Gauge.builder("apbd.business.date.timestamp.seconds", this, indicators -> indicators.businessDate(clock))
			.description("The business date the indicators are computed for (start of the day, region time zone)")
			.tag("pemda", region.pemda())
			.register(registry);
	}

	/** The oldest date any snapshot was computed for (the clock's date before the first refresh). */
	private double businessDate(BusinessClock clock) {
		LocalDate date = this.refreshers.stream()
			.map(SnapshotRefresher::businessDate)
			.filter(java.util.Objects::nonNull)
			.min(LocalDate::compareTo)
			.orElseGet(clock::today);
		return date.atStartOfDay(clock.zone()).toEpochSecond();
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
