package id.apbdmonitor.core.spending;

import java.math.BigDecimal;
import java.util.function.Function;

import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Exports the spending snapshots: one gauge per region, category of the service and OPD of the
 * region for pagu, cash plan to date, realised and the projected year end, all present (0) from start-up.
 * Rupiah become doubles only here.
 */
@Component
class SpendingMeters {

	SpendingMeters(SpendingSnapshots snapshots, Regions regions, CategoryProperties category,
			MeterRegistry registry) {
		for (RegionProperties region : regions.all()) {
			for (String name : category.names()) {
				for (RegionProperties.Opd opd : region.opds()) {
					registerOpd(snapshots, region, name, opd, registry);
				}
			}
		}
	}

	private static void registerOpd(SpendingSnapshots snapshots, RegionProperties region, String category,
			RegionProperties.Opd opd, MeterRegistry registry) {
		register(registry, "apbd.pagu.rupiah", "Pagu (budget ceiling) in force, all budget lines of the category",
				snapshots, region.pemda(), opd.code(), category, SpendingSnapshot.Figures::pagu);
		register(registry, "apbd.cash.plan.to.date.rupiah",
				"Cumulative cash plan (anggaran kas) up to the business date, current month pro rata", snapshots,
				region.pemda(), opd.code(), category, SpendingSnapshot.Figures::cashPlanToDate);
		register(registry, "apbd.realised.rupiah", "Realised spending year to date, net of reversals", snapshots,
				region.pemda(), opd.code(), category, SpendingSnapshot.Figures::realised);
		register(registry, "apbd.projected.year.end.rupiah",
				"Projected realised at 31 December: realised plus the remaining cash plan at the OPD's pace so far, at most the pagu",
				snapshots, region.pemda(), opd.code(), category, SpendingSnapshot.Figures::projectedYearEnd);
	}

	private static void register(MeterRegistry registry, String name, String description, SpendingSnapshots snapshots,
			String pemda, String opd, String category, Function<SpendingSnapshot.Figures, BigDecimal> figure) {
		Gauge.builder(name, snapshots, s -> figure.apply(s.current(pemda).of(category, opd)).doubleValue())
			.description(description)
			.tag("pemda", pemda)
			.tag("opd", opd)
			.tag("category", category)
			.register(registry);
	}

}
