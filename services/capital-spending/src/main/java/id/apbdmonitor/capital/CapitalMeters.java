package id.apbdmonitor.capital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;

/**
 * Exports the capital snapshots: per region and OPD of the region pagu, cash plan to date,
 * realised, contracted, handed over but unpaid and the projected year end; per priority project
 * of a region its contract value, paid, physical and financial progress, planned end and handed
 * over but unpaid. Every series is registered at start-up (0 until there is data) and reads its
 * own region's snapshot only; rupiah become doubles only here.
 */
@Component
class CapitalMeters {

	CapitalMeters(CapitalSnapshots snapshots, Regions regions, CategoryProperties category, MeterRegistry registry) {
		for (RegionProperties region : regions.all()) {
			registerOpds(registry, snapshots, region, category.name());
			registerProjects(registry, snapshots, region, category.name());
		}
	}

	private static void registerOpds(MeterRegistry registry, CapitalSnapshots snapshots, RegionProperties region,
			String category) {
		String pemda = region.pemda();
		for (RegionProperties.Opd opd : region.opds()) {
			Tags tags = Tags.of("pemda", pemda, "opd", opd.code(), "category", category);
			opd(registry, snapshots, tags, pemda, opd.code(), "apbd.pagu.rupiah",
					"Pagu (budget ceiling) in force, all budget lines of the category", CapitalSnapshot.OpdFigures::pagu);
			opd(registry, snapshots, tags, pemda, opd.code(), "apbd.cash.plan.to.date.rupiah",
					"Cumulative cash plan (anggaran kas) up to the business date, current month pro rata",
					CapitalSnapshot.OpdFigures::cashPlanToDate);
			opd(registry, snapshots, tags, pemda, opd.code(), "apbd.realised.rupiah",
					"Realised spending year to date, net of reversals", CapitalSnapshot.OpdFigures::realised);
			opd(registry, snapshots, tags, pemda, opd.code(), "apbd.contracted.rupiah",
					"Value of the capital contracts signed in the fiscal year", CapitalSnapshot.OpdFigures::contracted);
			opd(registry, snapshots, tags, pemda, opd.code(), "apbd.handed.over.unpaid.rupiah",
					"Contract value not yet paid on contracts whose works were handed over (BAST)",
					CapitalSnapshot.OpdFigures::handedOverUnpaid);
			opd(registry, snapshots, tags, pemda, opd.code(), "apbd.projected.year.end.rupiah",
					"Projected realised at 31 December: realised plus the remaining cash plan at the OPD's pace so far, at most the pagu",
					CapitalSnapshot.OpdFigures::projectedYearEnd);
		}
	}

	private static void registerProjects(MeterRegistry registry, CapitalSnapshots snapshots, RegionProperties region,
			String category) {
		String pemda = region.pemda();
		// a planned end is a day of the project's own region
		ZoneId zone = region.zone();
		for (CapitalProperties.Project project : snapshots.projects(pemda)) {
			Tags tags = Tags.of("pemda", pemda, "opd", project.opd(), "category", category, "project", project.code());
			String code = project.code();
			project(registry, snapshots, tags, pemda, code, "apbd.project.contracted.rupiah",
					"Value of the priority project's contracts", p -> p.contracted().doubleValue());
			project(registry, snapshots, tags, pemda, code, "apbd.project.realised.rupiah",
					"Paid on the priority project's contracts, net of reversals", p -> p.realised().doubleValue());
			project(registry, snapshots, tags, pemda, code, "apbd.project.physical.progress.ratio",
					"Physical progress of the priority project, 0..1, weighted by contract value",
					p -> p.physicalProgress().doubleValue());
			project(registry, snapshots, tags, pemda, code, "apbd.project.financial.progress.ratio",
					"Paid share of the priority project's contract value, 0..1", p -> p.financialProgress().doubleValue());
			project(registry, snapshots, tags, pemda, code, "apbd.project.planned.end.timestamp.seconds",
					"Latest planned end of the priority project's contracts (start of day; 0 without contracts)",
					p -> startOfDay(p.plannedEnd(), zone));
			project(registry, snapshots, tags, pemda, code, "apbd.project.handed.over.unpaid.rupiah",
					"Contract value not yet paid on the project's handed-over contracts",
					p -> p.handedOverUnpaid().doubleValue());
		}
	}

	private static void opd(MeterRegistry registry, CapitalSnapshots snapshots, Tags tags, String pemda, String opd,
			String name, String description, Function<CapitalSnapshot.OpdFigures, BigDecimal> figure) {
		Gauge.builder(name, snapshots, s -> figure.apply(s.current(pemda).opd(opd)).doubleValue())
			.description(description)
			.tags(tags)
			.register(registry);
	}

	private static void project(MeterRegistry registry, CapitalSnapshots snapshots, Tags tags, String pemda,
			String code, String name, String description, ToDoubleFunction<CapitalSnapshot.ProjectFigures> figure) {
		Gauge.builder(name, snapshots, s -> figure.applyAsDouble(s.current(pemda).project(code)))
			.description(description)
			.tags(tags)
			.register(registry);
	}

	private static double startOfDay(LocalDate date, ZoneId zone) {
		return (date == null) ? 0 : date.atStartOfDay(zone).toEpochSecond();
	}

}
