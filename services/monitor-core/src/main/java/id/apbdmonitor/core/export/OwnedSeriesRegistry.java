package id.apbdmonitor.core.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The Prometheus registry of a service that shares its consumer group with other instances: a
 * scrape leaves out the gauge (and info) samples of regions and OPDs whose events another instance consumes
 * ({@link SeriesOwnership}), so every series comes from exactly one instance once a rebalance
 * has settled. Samples without a {@code pemda} label (the instance's own ingest figures) are
 * always exported. The meters themselves stay registered: a partition that moves here exports
 * at once, from the snapshot every instance keeps of the whole (shared) ledger. Series added and
 * removed while the service runs (the sparse rule series) are filtered alike, by their labels. A
 * {@link GaugeFamily} (every series with a {@code pemda}) filters its own rows before its
 * snapshot is built; other collectors' snapshots are filtered here, after the fact.
 */
public class OwnedSeriesRegistry extends PrometheusRegistry {

	private final SeriesOwnership ownership;

	/** Families that filter their own rows ({@link GaugeFamily}), passed through as they come. */
	private final Set<String> filtered = ConcurrentHashMap.newKeySet();

	public OwnedSeriesRegistry(SeriesOwnership ownership) {
		this.ownership = ownership;
	}

	@Override
	public void register(Collector collector) {
		if (collector instanceof GaugeFamily family) {
			family.exportOnly(this.ownership::ownsKeyHash);
			this.filtered.add(family.getPrometheusName());
		}
		super.register(collector);
	}

	@Override
	public MetricSnapshots scrape() {
		return owned(super.scrape());
	}

	@Override
	public MetricSnapshots scrape(PrometheusScrapeRequest request) {
		return owned(super.scrape(request));
	}

	@Override
	public MetricSnapshots scrape(Predicate<String> includedNames) {
		return owned(super.scrape(includedNames));
	}

	@Override
	public MetricSnapshots scrape(Predicate<String> includedNames, PrometheusScrapeRequest request) {
		return owned(super.scrape(includedNames, request));
	}

	private MetricSnapshots owned(MetricSnapshots snapshots) {
		List<MetricSnapshot> kept = new ArrayList<>(snapshots.size());
		for (MetricSnapshot snapshot : snapshots) {
			if (this.filtered.contains(snapshot.getMetadata().getPrometheusName())) {
				kept.add(snapshot);
			}
			else if (snapshot instanceof GaugeSnapshot gauge) {
				List<GaugeDataPointSnapshot> points = owned(gauge.getDataPoints());
				if (!points.isEmpty()) {
					kept.add(new GaugeSnapshot(gauge.getMetadata(), points));
				}
			}
			else if (snapshot instanceof InfoSnapshot info) {
				// gauges named *_info (apbd_opd_info, apbd_region_info) are exported as info metrics
				List<InfoDataPointSnapshot> points = owned(info.getDataPoints());
				if (!points.isEmpty()) {
					kept.add(new InfoSnapshot(info.getMetadata(), points));
				}
			}
			else {
				kept.add(snapshot);
			}
		}
		return new MetricSnapshots(kept);
	}

	private <P extends DataPointSnapshot> List<P> owned(List<P> points) {
		List<P> owned = new ArrayList<>(points.size());
		for (P point : points) {
			if (owned(point.getLabels())) {
				owned.add(point);
			}
		}
		return owned;
	}

	private boolean owned(Labels labels) {
		return this.ownership.ownsKeyHash(SeriesOwnership.keyHash(labels));
	}

}
