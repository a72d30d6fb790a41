package id.apbdmonitor.core.spending;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import id.apbdmonitor.core.export.GaugeFamily;
import id.apbdmonitor.core.region.CategoryProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;

import org.springframework.stereotype.Component;

/**
 * Exports the spending snapshots: pagu, cash plan to date, realised and the projected year end per
 * region, category of the service and OPD, only for the pairs that have a budget line in force or
 * any stored spending of the watched year. At national scale most OPDs have no line in most
 * categories; a missing pair would only have added 0 to every sum. A pair's gauges are registered
 * by the refresh that first sees it, never at scrape time, and stay registered for the life of the
 * process so that its series never flap. They are {@link GaugeFamily} rows, not Micrometer gauges:
 * a national instance has tens of thousands. Rupiah become doubles only here.
 */
@Component
class SpendingMeters {

	private final SpendingSnapshots snapshots;

	private final GaugeFamily pagu;

	private final GaugeFamily cashPlanToDate;

	private final GaugeFamily projectedYearEnd;

	private final GaugeFamily realised;

	/** (pemda, category, opd) of every pair whose gauges are registered; touched by refreshes only. */
	private final Set<List<String>> registered = new HashSet<>();

	/** category → registered pairs, read at scrape time. */
	private final Map<String, AtomicInteger> pairs = new ConcurrentHashMap<>();

	SpendingMeters(SpendingSnapshots snapshots, CategoryProperties category, MeterRegistry registry,
			PrometheusRegistry prometheus) {
		this.snapshots = snapshots;
		this.pagu = GaugeFamily.gauge(prometheus, "apbd_pagu_rupiah",
				"Pagu (budget ceiling) in force, all budget lines of the category");
		this.cashPlanToDate = GaugeFamily.gauge(prometheus, "apbd_cash_plan_to_date_rupiah",
				"Cumulative cash plan (anggaran kas) up to the business date, current month pro rata");
		this.projectedYearEnd = GaugeFamily.gauge(prometheus, "apbd_projected_year_end_rupiah",
				"Projected realised at 31 December: realised plus the remaining cash plan at the OPD's pace so far, at most the pagu");
		this.realised = GaugeFamily.gauge(prometheus, "apbd_realised_rupiah",
				"Realised spending year to date, net of reversals");
		for (String name : category.names()) {
			AtomicInteger count = this.pairs.computeIfAbsent(name, (key) -> new AtomicInteger());
			// without pemda, so exported by every instance: ApbdIndicatorsMissing tells a service
			// without spending meters from one that has no budget line or spending yet
			Gauge.builder("apbd.spending.pairs", count, AtomicInteger::get)
				.description("OPD and category pairs, all regions, with a budget line in force or stored spending, "
						+ "whose spending gauges this instance has registered")
				.tag("category", name)
				.register(registry);
		}
		snapshots.onRefresh(this::registerNew);
	}

	private void registerNew(Map<String, SpendingSnapshot> refreshed) {
		refreshed.forEach((pemda, snapshot) -> {
			for (List<String> key : snapshot.byCategoryAndOpd().keySet()) {
				String category = key.get(0);
				String opd = key.get(1);
				if (this.pairs.containsKey(category) && this.registered.add(List.of(pemda, category, opd))) {
					registerPair(pemda, category, opd);
					this.pairs.get(category).incrementAndGet();
				}
			}
		});
	}

	/** Realised last: a scrape between two registrations never shows spending without its pagu. */
	private void registerPair(String pemda, String category, String opd) {
		Labels labels = Labels.of("pemda", pemda, "opd", opd, "category", category);
		register(this.pagu, labels, pemda, opd, category, SpendingSnapshot.Figures::pagu);
		register(this.cashPlanToDate, labels, pemda, opd, category, SpendingSnapshot.Figures::cashPlanToDate);
		register(this.projectedYearEnd, labels, pemda, opd, category, SpendingSnapshot.Figures::projectedYearEnd);
		register(this.realised, labels, pemda, opd, category, SpendingSnapshot.Figures::realised);
	}

	private void register(GaugeFamily family, Labels labels, String pemda, String opd, String category,
			Function<SpendingSnapshot.Figures, BigDecimal> figure) {
		family.put(labels, () -> figure.apply(this.snapshots.current(pemda).of(category, opd)).doubleValue());
	}

}
