package id.apbdmonitor.capital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import id.apbdmonitor.core.export.GaugeFamily;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;

import org.springframework.stereotype.Component;

/**
 * Exports the capital snapshots: per region and OPD of the region pagu, cash plan to date,
 * realised, contracted, handed over but unpaid and the projected year end; per priority project
 * of a region its contract value, paid, physical and financial progress, planned end and handed
 * over but unpaid. Every series is registered at start-up (0 until there is data) and reads its
 * own region's snapshot only; rupiah become doubles only here. The series are {@link GaugeFamily}
 * rows, not Micrometer gauges: nationally an instance has six per OPD, tens of thousands.
 */
@Component
class CapitalMeters {

	private final CapitalSnapshots snapshots;

	private final GaugeFamily pagu;

	private final GaugeFamily cashPlanToDate;

	private final GaugeFamily realised;

	private final GaugeFamily contracted;

	private final GaugeFamily handedOverUnpaid;

	private final GaugeFamily projectedYearEnd;

	private final GaugeFamily projectContracted;

	private final GaugeFamily projectRealised;

	private final GaugeFamily projectPhysicalProgress;

	private final GaugeFamily projectFinancialProgress;

	private final GaugeFamily projectPlannedEnd;

	private final GaugeFamily projectHandedOverUnpaid;

	CapitalMeters(CapitalSnapshots snapshots, Regions regions, CategoryProperties category,
			PrometheusRegistry registry) {
		this.snapshots = snapshots;
		this.pagu = GaugeFamily.gauge(registry, "apbd_pagu_rupiah",
				"Pagu (budget ceiling) in force, all budget lines of the category");
		this.cashPlanToDate = GaugeFamily.gauge(registry, "apbd_cash_plan_to_date_rupiah",
				"Cumulative cash plan (anggaran kas) up to the business date, current month pro rata");
		this.realised = GaugeFamily.gauge(registry, "apbd_realised_rupiah",
				"Realised spending year to date, net of reversals");
		this.contracted = GaugeFamily.gauge(registry, "apbd_contracted_rupiah",
				"Value of the capital contracts signed in the fiscal year");
		this.handedOverUnpaid = GaugeFamily.gauge(registry, "apbd_handed_over_unpaid_rupiah",
				"Contract value not yet paid on contracts whose works were handed over (BAST)");
		this.projectedYearEnd = GaugeFamily.gauge(registry, "apbd_projected_year_end_rupiah",
				"Projected realised at 31 December: realised plus the remaining cash plan at the OPD's pace so far, at most the pagu");
		this.projectContracted = GaugeFamily.gauge(registry, "apbd_project_contracted_rupiah",
				"Value of the priority project's contracts");
		this.projectRealised = GaugeFamily.gauge(registry, "apbd_project_realised_rupiah",
				"Paid on the priority project's contracts, net of reversals");
		this.projectPhysicalProgress = GaugeFamily.gauge(registry, "apbd_project_physical_progress_ratio",
				"Physical progress of the priority project, 0..1, weighted by contract value");
		this.projectFinancialProgress = GaugeFamily.gauge(registry, "apbd_project_financial_progress_ratio",
				"Paid share of the priority project's contract value, 0..1");
		this.projectPlannedEnd = GaugeFamily.gauge(registry, "apbd_project_planned_end_timestamp_seconds",
				"Latest planned end of the priority project's contracts (start of day; 0 without contracts)");
		this.projectHandedOverUnpaid = GaugeFamily.gauge(registry, "apbd_project_handed_over_unpaid_rupiah",
				"Contract value not yet paid on the project's handed-over contracts");
		for (RegionProperties region : regions.all()) {
			registerOpds(region, category.name());
			registerProjects(region, category.name());
		}
	}

	private void registerOpds(RegionProperties region, String category) {
		String pemda = region.pemda();
		for (RegionProperties.Opd opd : region.opds()) {
			Labels labels = Labels.of("pemda", pemda, "opd", opd.code(), "category", category);
			String code = opd.code();
			opd(this.pagu, labels, pemda, code, CapitalSnapshot.OpdFigures::pagu);
			opd(this.cashPlanToDate, labels, pemda, code, CapitalSnapshot.OpdFigures::cashPlanToDate);
			opd(this.realised, labels, pemda, code, CapitalSnapshot.OpdFigures::realised);
			opd(this.contracted, labels, pemda, code, CapitalSnapshot.OpdFigures::contracted);
			opd(this.handedOverUnpaid, labels, pemda, code, CapitalSnapshot.OpdFigures::handedOverUnpaid);
			opd(this.projectedYearEnd, labels, pemda, code, CapitalSnapshot.OpdFigures::projectedYearEnd);
		}
	}

	private void registerProjects(RegionProperties region, String category) {
		String pemda = region.pemda();
		// a planned end is a day of the project's own region
		ZoneId zone = region.zone();
		for (CapitalProperties.Project project : this.snapshots.projects(pemda)) {
			Labels labels = Labels.of("pemda", pemda, "opd", project.opd(), "category", category, "project",
					project.code());
			String code = project.code();
			project(this.projectContracted, labels, pemda, code, p -> p.contracted().doubleValue());
			project(this.projectRealised, labels, pemda, code, p -> p.realised().doubleValue());
			project(this.projectPhysicalProgress, labels, pemda, code, p -> p.physicalProgress().doubleValue());
			project(this.projectFinancialProgress, labels, pemda, code, p -> p.financialProgress().doubleValue());
			project(this.projectPlannedEnd, labels, pemda, code, p -> startOfDay(p.plannedEnd(), zone));
			project(this.projectHandedOverUnpaid, labels, pemda, code, p -> p.handedOverUnpaid().doubleValue());
		}
	}

	private void opd(GaugeFamily family, Labels labels, String pemda, String opd,
			Function<CapitalSnapshot.OpdFigures, BigDecimal> figure) {
		family.put(labels, () -> figure.apply(this.snapshots.current(pemda).opd(opd)).doubleValue());
	}

	private void project(GaugeFamily family, Labels labels, String pemda, String code,
			ToDoubleFunction<CapitalSnapshot.ProjectFigures> figure) {
		family.put(labels, () -> figure.applyAsDouble(this.snapshots.current(pemda).project(code)));
	}

	private static double startOfDay(LocalDate date, ZoneId zone) {
		return (date == null) ? 0 : date.atStartOfDay(zone).toEpochSecond();
	}

}
