package id.apbdmonitor.core.spending;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import id.apbdmonitor.core.region.CategoryProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Exports the spending snapshots: pagu, cash plan to date, realised and the projected year end per
 * region, category of the service and OPD, only for the pairs that have a budget line in force or
 * any stored spending of the watched year. At national scale most OPDs have no line in most
 * categories; a missing pair would only have added 0 to every sum. A pair's gauges are registered
 * by the refresh that first sees it, never at scrape time, and stay registered for the life of the
 * process so that its series never flap. Rupiah become doubles only here.
 */
@Component
class SpendingMeters {

	private final SpendingSnapshots snapshots;

	private final MeterRegistry registry;

	/** (pemda, category, opd) of every pair whose gauges are registered; touched by refreshes only. */
	private final Set<List<String>> registered = new HashSet<>();

	/** category → registered pairs, read at scrape time. */
	private final Map<String, AtomicInteger> pairs = new ConcurrentHashMap<>();

	SpendingMeters(SpendingSnapshots snapshots, CategoryProperties category, MeterRegistry registry) {
		this.snapshots = snapshots;
		this.registry = registry;
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
		register("apbd.pagu.rupiah", "Pagu (budget ceiling) in force, all budget lines of the category", pemda, opd,
				category, SpendingSnapshot.Figures::pagu);
		register("apbd.cash.plan.to.date.rupiah",
				"Cumulative cash plan (anggaran kas) up to the business date, current month pro rata", pemda, opd,
				category, SpendingSnapshot.Figures::cashPlanToDate);
		register("apbd.projected.year.end.rupiah",
				"Projected realised at 31 December: realised plus the remaining cash plan at the OPD's pace so far, at most the pagu",
				pemda, opd, category, SpendingSnapshot.Figures::projectedYearEnd);
		register("apbd.realised.rupiah", "Realised spending year to date, net of reversals", pemda, opd, category,
				SpendingSnapshot.Figures::realised);
	}

	private void register(String name, String description, String pemda, String opd, String category,
			Function<SpendingSnapshot.Figures, BigDecimal> figure) {
		Gauge.builder(name, this.snapshots, s -> figure.apply(s.current(pemda).of(category, opd)).doubleValue())
			.description(description)
			.tag("pemda", pemda)
			.tag("opd", opd)
			.tag("category", category)
			.register(this.registry);
	}

}
