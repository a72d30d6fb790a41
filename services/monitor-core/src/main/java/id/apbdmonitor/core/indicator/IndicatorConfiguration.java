package id.apbdmonitor.core.indicator;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

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
 * Refreshes the snapshots on a timer, so clock-driven values (cash plan to date) follow the
 * business date between batches and what other instances stored shows here, and exports the
 * business date they were computed for.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class IndicatorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IndicatorConfiguration.class);

	private final List<SnapshotRefresher> refreshers;

	private final BusinessClock clock;

	private final Regions regions;

	private final FullRefreshPace pace = new FullRefreshPace(System::nanoTime);

	IndicatorConfiguration(List<SnapshotRefresher> refreshers, BusinessClock clock, Regions regions,
			MeterRegistry registry) {
		this.refreshers = refreshers;
		this.clock = clock;
		this.regions = regions;
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

	/**
	 * Every tick rebuilds the regions whose business date moved (midnight in their time zone);
	 * every region only as often as {@link FullRefreshPace} allows. After a batch the refreshers
	 * have already rebuilt the regions it stored.
	 */
	@Scheduled(fixedDelayString = "${apbd.snapshot.refresh-interval:5s}",
			initialDelayString = "${apbd.snapshot.refresh-interval:5s}")
	void refreshOnTimer() {
		if (this.pace.due()) {
			long started = System.nanoTime();
			this.pace.ended(started, refresh(SnapshotRefresher::refresh));
			return;
		}
		Set<String> moved = datesMoved();
		if (!moved.isEmpty()) {
			refresh((refresher) -> refresher.refresh(moved));
		}
	}

	/** The regions some snapshot of which is of an earlier day than the region's today (or has none). */
	private Set<String> datesMoved() {
		Set<String> moved = new HashSet<>();
		for (RegionProperties region : this.regions.all()) {
			LocalDate today = this.clock.today(region.zone());
			for (SnapshotRefresher refresher : this.refreshers) {
				LocalDate date = refresher.businessDate(region.pemda());
				if (date == null || date.isBefore(today)) {
					moved.add(region.pemda());
				}
			}
		}
		return moved;
	}

	/** Whether every refresher succeeded; one that fails keeps its last good snapshot. */
	private boolean refresh(Consumer<SnapshotRefresher> refresh) {
		boolean succeeded = true;
		for (SnapshotRefresher refresher : this.refreshers) {
			try {
				refresh.accept(refresher);
			}
			catch (RuntimeException ex) {
				// the database may be briefly unavailable
				log.warn("Snapshot refresh failed, keeping the previous snapshot: {}", ex.toString());
				succeeded = false;
			}
		}
		return succeeded;
	}

}
