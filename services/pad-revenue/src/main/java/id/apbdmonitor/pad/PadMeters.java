package id.apbdmonitor.pad;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import id.apbdmonitor.core.export.GaugeFamily;
import id.apbdmonitor.core.region.RegionProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * Exports the PAD snapshots: target, expected to date, realised, projected year end, last receipt
 * date and the zero-target rule per region, collecting OPD and revenue type. A pair's series are
 * added once and stay for the life of the process, so that they never flap; each reads its own
 * region's current snapshot at scrape time. They are {@link GaugeFamily} rows, not Micrometer
 * gauges: nationally an instance has seven per pair, tens of thousands.
 */
final class PadMeters {

	/** pemda → its current snapshot. */
	private final Function<String, PadSnapshot> current;

	private final String category;

	/** The (pemda, OPD and revenue type) pairs whose series exist. */
	private final Set<List<Object>> registered = ConcurrentHashMap.newKeySet();

	private final GaugeFamily target;

	private final GaugeFamily expectedToDate;

	private final GaugeFamily realised;

	private final GaugeFamily projectedYearEnd;

	private final GaugeFamily ruleBreached;

	private final GaugeFamily ruleBreaches;

	private final GaugeFamily lastReceipt;

	PadMeters(Function<String, PadSnapshot> current, String category, PrometheusRegistry registry) {
		this.current = current;
		this.category = category;
		this.target = GaugeFamily.gauge(registry, "apbd_revenue_target_rupiah",
				"PAD target in force (budget lines of the revenue type, newest revision)");
		this.expectedToDate = GaugeFamily.gauge(registry, "apbd_revenue_expected_to_date_rupiah",
				"PAD expected by the business date: the target spread by the revenue type's monthly profile, current month pro rata");
		this.realised = GaugeFamily.gauge(registry, "apbd_revenue_realised_rupiah",
				"PAD received year to date, net of reversals");
		this.projectedYearEnd = GaugeFamily.gauge(registry, "apbd_revenue_projected_year_end_rupiah",
				"PAD projected at 31 December: received plus the rest of the seasonal expectation at the pace so far");
		this.ruleBreached = GaugeFamily.gauge(registry, "apbd_pad_rule_breached",
				"1 while the collecting OPD breaches the PAD rule for the revenue type in the fiscal year, else 0");
		this.ruleBreaches = GaugeFamily.gauge(registry, "apbd_pad_rule_breaches",
				"Receipts of the fiscal year that breach the PAD rule");
		this.lastReceipt = GaugeFamily.gauge(registry, "apbd_revenue_last_receipt_timestamp_seconds",
				"Business date of the last receipt (start of day, region time zone; 0 before the first)");
	}

	/** Adds the series of the pair in the region, unless it has them already. */
	void register(RegionProperties region, PadSnapshot.Key key) {
		String pemda = region.pemda();
		if (!this.registered.add(List.of(pemda, key))) {
			return;
		}
		Labels labels = Labels.of("pemda", pemda, "opd", key.opd(), "category", this.category, "revenue_type",
				key.revenueType());
		// a receipt's date is a day of its own region
		ZoneId zone = region.zone();
		figure(this.target, labels, pemda, key, f -> f.target().doubleValue());
		figure(this.expectedToDate, labels, pemda, key, f -> f.expectedToDate().doubleValue());
		figure(this.realised, labels, pemda, key, f -> f.realised().doubleValue());
		figure(this.projectedYearEnd, labels, pemda, key, f -> f.projectedYearEnd().doubleValue());
		Labels rule = labels.add("rule", ZeroTargetRule.RULE);
		this.ruleBreached.put(rule, () -> (this.current.apply(pemda).zeroTargetBreaches(key) > 0) ? 1 : 0);
		this.ruleBreaches.put(rule, () -> this.current.apply(pemda).zeroTargetBreaches(key));
		figure(this.lastReceipt, labels, pemda, key,
				f -> (f.lastReceiptOn() == null) ? 0 : f.lastReceiptOn().atStartOfDay(zone).toEpochSecond());
	}

	private void figure(GaugeFamily family, Labels labels, String pemda, PadSnapshot.Key key,
			ToDoubleFunction<PadSnapshot.Figures> figure) {
		family.put(labels, () -> figure.applyAsDouble(this.current.apply(pemda).of(key)));
	}

}
