package id.apbdmonitor.core.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.DoubleSupplier;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gauge family with a series per region, OPD or rule, each read from the snapshots when scraped,
 * like a Micrometer gauge, but exported in one pass. The national label set gives one instance tens
 * of thousands of such series; as Micrometer gauges each kept an object graph, was rebuilt into a
 * family of its own at every scrape and handed over in hash order for the exposition to sort, and a
 * scrape took seconds. Here the rows are kept in the exposition's order ({@link Labels}), so the
 * sort finds them sorted.
 * <p>
 * Registered with the {@link PrometheusRegistry} Prometheus scrapes, so
 * {@code apbd.export.owned-series-only} filters these series like any other. Rows change only from
 * start-up and refreshes, never at scrape time.
 */
public final class GaugeFamily implements Collector {

	private static final Logger log = LoggerFactory.getLogger(GaugeFamily.class);

	private final MetricMetadata metadata;

	private final boolean info;

	private final ConcurrentSkipListMap<Labels, Row> rows = new ConcurrentSkipListMap<>();

	/**
	 * The rows a scrape exports, by their {@link SeriesOwnership#keyHash}: all, or on a
	 * scaled-out instance those of the partitions it consumes ({@link OwnedSeriesRegistry}).
	 */
	private volatile IntPredicate exported = (keyHash) -> true;

	private volatile boolean failureLogged;

	private GaugeFamily(MetricMetadata metadata, boolean info) {
		this.metadata = metadata;
		this.info = info;
	}

	/** A gauge family, {@code name} as Prometheus spells it ({@code apbd_pagu_rupiah}). */
	public static GaugeFamily gauge(PrometheusRegistry registry, String name, String help) {
		return register(registry, new GaugeFamily(new MetricMetadata(name, help), false));
	}

	/**
	 * An info family, whose series are all 1: {@code name} without the {@code _info} the exposition
	 * adds ({@code apbd_opd} for {@code apbd_opd_info}).
	 */
	public static GaugeFamily info(PrometheusRegistry registry, String name, String help) {
		return register(registry, new GaugeFamily(new MetricMetadata(name, help), true));
	}

	private static GaugeFamily register(PrometheusRegistry registry, GaugeFamily family) {
		registry.register(family);
		return family;
	}

	/** Adds or replaces the series of {@code labels} (name, value, name, value…). */
	public void put(DoubleSupplier value, String... labels) {
		put(Labels.of(labels), value);
	}

	/** Adds or replaces the series of {@code labels}. */
	public void put(Labels labels, DoubleSupplier value) {
		this.rows.put(labels, new Row(value, SeriesOwnership.keyHash(labels)));
	}

	/** Adds an info series (value 1). */
	public void put(String... labels) {
		put(Labels.of(labels), () -> 1);
	}

	/**
	 * Makes the series that {@code which} selects (the rows of the regions a refresh rebuilt, say)
	 * exactly {@code rows}: new ones are added before stale ones go, so a scrape in between never
	 * misses a series that stays.
	 */
	public void replace(Predicate<Labels> which, Map<Labels, DoubleSupplier> rows) {
		rows.forEach(this::put);
		this.rows.keySet().removeIf((labels) -> which.test(labels) && !rows.containsKey(labels));
	}

	/**
	 * Exports only the rows whose key hash {@code exported} accepts, filtered before the snapshot
	 * is built (a snapshot is sorted and checked for duplicates when built: not twice) with the
	 * hash each row keeps (not a murmur2 of its labels per row and scrape).
	 */
	void exportOnly(IntPredicate exported) {
		this.exported = exported;
	}

	/** Series registered, for tests and progress figures. */
	public int size() {
		return this.rows.size();
	}

	@Override
	public String getPrometheusName() {
		return this.metadata.getPrometheusName();
	}

	@Override
	public MetricSnapshot collect() {
		if (this.info) {
			List<InfoDataPointSnapshot> points = new ArrayList<>(this.rows.size());
			for (Map.Entry<Labels, Row> row : this.rows.entrySet()) {
				if (this.exported.test(row.getValue().keyHash())) {
					points.add(new InfoDataPointSnapshot(row.getKey()));
				}
			}
			return new InfoSnapshot(this.metadata, points);
		}
		List<GaugeDataPointSnapshot> points = new ArrayList<>(this.rows.size());
		for (Map.Entry<Labels, Row> row : this.rows.entrySet()) {
			if (this.exported.test(row.getValue().keyHash())) {
				points.add(new GaugeDataPointSnapshot(value(row), row.getKey(), null));
			}
		}
		return new GaugeSnapshot(this.metadata, points);
	}

	/** As a Micrometer gauge: a reader that fails gives NaN, logged once, not a failed scrape. */
	private double value(Map.Entry<Labels, Row> row) {
		try {
			return row.getValue().value().getAsDouble();
		}
		catch (RuntimeException ex) {
			if (!this.failureLogged) {
				this.failureLogged = true;
				log.warn("Reading {}{} failed; such series read NaN (logged once)", this.metadata.getPrometheusName(),
						row.getKey(), ex);
			}
			return Double.NaN;
		}
	}

	/** A series' reader, and the hash of its ownership key (computed once, read at every scrape). */
	private record Row(DoubleSupplier value, int keyHash) {
	}

}
