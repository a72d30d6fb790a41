package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
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
 * Exports the TPP snapshot of every region. Present from start-up for each OPD of each region:
 * pagu, cash plan to date, realised and the projected year end with {@code category="tpp"} (the
 * same gauges as the spending services, so the absorption and projection rules cover TPP), the
 * months due, paid and late; per region the submission deadline of each month (its own calendar).
 * Only once there is something to say (the national label set has 14 thousand OPDs): the rule
 * series of an OPD while it breaches the rule, and per month the delay from the month's last day
 * to its SPM and SP2D once these are stored.
 * <p>
 * Every series here has a {@code pemda}, so all are {@link GaugeFamily} rows, not Micrometer
 * gauges: nationally they are tens of thousands, and as Micrometer gauges a scrape took seconds.
 */
@Component
class TppMeters {

	private final TppSnapshots snapshots;

	private final String category;

	/** {@code apbd_tpp_rule_breached}: a row per OPD breaching the rule, value 1. */
	private final GaugeFamily breached;

	/** {@code apbd_tpp_rule_breaches}: a row per OPD with months that breach the rule. */
	private final GaugeFamily breaches;

	/** {@code apbd_tpp_month_end_to_spm_seconds}: a row per OPD and month whose SPM is stored. */
	private final GaugeFamily toSpm;

	/** {@code apbd_tpp_month_end_to_sp2d_seconds}: a row per OPD and month whose SP2D is stored. */
	private final GaugeFamily toSp2d;

	TppMeters(TppSnapshots snapshots, Regions regions, CategoryProperties category, PrometheusRegistry registry) {
		this.snapshots = snapshots;
		this.category = category.name();
		this.breached = GaugeFamily.gauge(registry, "apbd_tpp_rule_breached",
				"1 while the OPD breaches the TPP rule in the fiscal year, absent while it does not");
		this.breaches = GaugeFamily.gauge(registry, "apbd_tpp_rule_breaches",
				"Months of the fiscal year that breach the TPP rule, absent while none");
		this.toSpm = GaugeFamily.gauge(registry, "apbd_tpp_month_end_to_spm_seconds",
				"From the month's last day to its SPM, once the SPM is stored");
		this.toSp2d = GaugeFamily.gauge(registry, "apbd_tpp_month_end_to_sp2d_seconds",
				"From the month's last day to its SP2D, once the SP2D is stored");
		List<Figure> perOpd = List.of(
				Figure.rupiah(registry, "apbd_pagu_rupiah", "Pagu in force of the OPD in the category",
						TppFigures::pagu),
				Figure.rupiah(registry, "apbd_cash_plan_to_date_rupiah", "Cumulative cash plan up to the business date",
						TppFigures::cashPlanToDate),
				Figure.rupiah(registry, "apbd_realised_rupiah", "Realised spending of the fiscal year to date",
						TppFigures::realised),
				new Figure(GaugeFamily.gauge(registry, "apbd_projected_year_end_rupiah",
						"Projected realised at 31 December: realised plus the remaining cash plan at the OPD's pace so far, at most the pagu"),
						(s, pemda, opd) -> s.projectedYearEnd(pemda, opd).doubleValue()),
				Figure.value(registry, "apbd_tpp_months_due", "Months of the year whose last day has passed",
						TppFigures::monthsDue),
				Figure.value(registry, "apbd_tpp_months_paid", "Months whose TPP reached SP2D", TppFigures::monthsPaid),
				Figure.value(registry, "apbd_tpp_months_late",
						"Months past their submission deadline without the submitted stage", TppFigures::monthsLate),
				Figure.value(registry, "apbd_tpp_months_submitted_late",
						"Months of the year whose submitted stage is dated after their submission deadline",
						TppFigures::monthsSubmittedLate),
				Figure.value(registry, "apbd_tpp_last_month_paid",
						"The last month paid with every month before it (0 when none)", TppFigures::lastMonthPaid));
		GaugeFamily deadline = GaugeFamily.gauge(registry, "apbd_tpp_submission_deadline_timestamp_seconds",
				"Submission deadline of the month's TPP: the configured working days after its last day");
		for (RegionProperties region : regions.all()) {
			register(region, perOpd, deadline);
		}
		update(regions.all());
		snapshots.afterRefresh(this::update);
	}

	private void register(RegionProperties region, List<Figure> perOpd, GaugeFamily deadline) {
		ZoneId zone = region.zone();
		String pemda = region.pemda();
		for (String opd : region.opdCodes()) {
			Labels labels = Labels.of("pemda", pemda, "opd", opd, "category", this.category);
			for (Figure figure : perOpd) {
				figure.family().put(labels, () -> figure.value().of(this.snapshots, pemda, opd));
			}
		}
		for (int month = 1; month <= 12; month++) {
			int m = month;
			deadline.put(() -> this.snapshots.deadline(pemda, m).atStartOfDay(zone).toEpochSecond(), "pemda", pemda,
					"month", Integer.toString(m));
		}
	}

	/**
	 * Makes the rule and per-month rows of the regions a refresh rebuilt those that have a value
	 * now (the rows of the other regions are kept), so a scrape only reads. Every instance keeps
	 * every OPD's rows (each keeps the snapshot of the whole ledger); with
	 * {@code apbd.export.owned-series-only} the scrape leaves out those of partitions another
	 * instance consumes, by {@code pemda} and {@code opd}.
	 */
	synchronized void update(List<RegionProperties> refreshed) {
		Set<String> pemdas = new HashSet<>();
		Map<Labels, DoubleSupplier> breachedRows = new HashMap<>();
		Map<Labels, DoubleSupplier> breachesRows = new HashMap<>();
		Map<Labels, DoubleSupplier> spmRows = new HashMap<>();
		Map<Labels, DoubleSupplier> sp2dRows = new HashMap<>();
		for (RegionProperties region : refreshed) {
			String pemda = region.pemda();
			pemdas.add(pemda);
			for (String opd : region.opdCodes()) {
				TppFigures figures = this.snapshots.of(pemda, opd);
				if (figures.sp2dBelowSpm() > 0) {
					Labels labels = Labels.of("pemda", pemda, "opd", opd, "category", this.category, "rule",
							TppFigures.SP2D_BELOW_SPM);
					breachedRows.put(labels, () -> (this.snapshots.of(pemda, opd).sp2dBelowSpm() > 0) ? 1 : 0);
					breachesRows.put(labels, () -> this.snapshots.of(pemda, opd).sp2dBelowSpm());
				}
				for (int month = 1; month <= 12; month++) {
					int m = month;
					if (figures.spmOn().get(m - 1) != null) {
						spmRows.put(monthLabels(pemda, opd, m), () -> {
							TppFigures now = this.snapshots.of(pemda, opd);
							return now.secondsFromMonthEnd(m, now.spmOn().get(m - 1));
						});
					}
					if (figures.sp2dOn().get(m - 1) != null) {
						sp2dRows.put(monthLabels(pemda, opd, m), () -> {
							TppFigures now = this.snapshots.of(pemda, opd);
							return now.secondsFromMonthEnd(m, now.sp2dOn().get(m - 1));
						});
					}
				}
			}
		}
		this.breached.replace((labels) -> pemdas.contains(labels.get("pemda")), breachedRows);
		this.breaches.replace((labels) -> pemdas.contains(labels.get("pemda")), breachesRows);
		this.toSpm.replace((labels) -> pemdas.contains(labels.get("pemda")), spmRows);
		this.toSp2d.replace((labels) -> pemdas.contains(labels.get("pemda")), sp2dRows);
	}

	private Labels monthLabels(String pemda, String opd, int month) {
		return Labels.of("pemda", pemda, "opd", opd, "category", this.category, "month", Integer.toString(month));
	}

	/** A per-OPD figure: its family and how it reads an OPD's value from the snapshots. */
	private record Figure(GaugeFamily family, Reader value) {

		static Figure rupiah(PrometheusRegistry registry, String name, String help,
				Function<TppFigures, BigDecimal> value) {
			return value(registry, name, help, (figures) -> value.apply(figures).doubleValue());
		}

		static Figure value(PrometheusRegistry registry, String name, String help, ToDoubleFunction<TppFigures> value) {
			return new Figure(GaugeFamily.gauge(registry, name, help),
					(snapshots, pemda, opd) -> value.applyAsDouble(snapshots.of(pemda, opd)));
		}

	}

	@FunctionalInterface
	private interface Reader {

		double of(TppSnapshots snapshots, String pemda, String opd);

	}

}
