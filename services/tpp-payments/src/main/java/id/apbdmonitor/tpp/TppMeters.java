package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;

/**
 * Exports the TPP snapshot of every region. Present from start-up for each OPD of each region:
 * pagu, cash plan to date, realised and the projected year end with {@code category="tpp"} (the
 * same gauges as the spending services, so the absorption and projection rules cover TPP), the
 * months due, paid and late; per region the submission deadline of each month (its own calendar).
 * Only once there is something to say (the national label set has 14 thousand OPDs): the rule
 * series of an OPD while it breaches the rule, and per month the delay from the month's last day
 * to its SPM and SP2D once these are stored.
 */
@Component
class TppMeters {

	private final TppSnapshots snapshots;

	private final String category;

	/** {@code apbd_tpp_rule_breached}: a row per OPD breaching the rule, value 1. */
	private final MultiGauge breached;

	/** {@code apbd_tpp_rule_breaches}: a row per OPD with months that breach the rule. */
	private final MultiGauge breaches;

	/** {@code apbd_tpp_month_end_to_spm_seconds}: a row per OPD and month whose SPM is stored. */
	private final MultiGauge toSpm;

	/** {@code apbd_tpp_month_end_to_sp2d_seconds}: a row per OPD and month whose SP2D is stored. */
	private final MultiGauge toSp2d;

	/** pemda → its rows, rebuilt for the regions of each refresh. */
	private final Map<String, Rows> rowsByRegion = new HashMap<>();

	TppMeters(TppSnapshots snapshots, Regions regions, CategoryProperties category, MeterRegistry registry) {
		this.snapshots = snapshots;
		this.category = category.name();
		this.breached = MultiGauge.builder("apbd.tpp.rule.breached")
			.description("1 while the OPD breaches the TPP rule in the fiscal year, absent while it does not")
			.register(registry);
		this.breaches = MultiGauge.builder("apbd.tpp.rule.breaches")
			.description("Months of the fiscal year that breach the TPP rule, absent while none")
			.register(registry);
		this.toSpm = MultiGauge.builder("apbd.tpp.month.end.to.spm.seconds")
			.description("From the month's last day to its SPM, once the SPM is stored")
			.register(registry);
		this.toSp2d = MultiGauge.builder("apbd.tpp.month.end.to.sp2d.seconds")
			.description("From the month's last day to its SP2D, once the SP2D is stored")
			.register(registry);
		for (RegionProperties region : regions.all()) {
			register(snapshots, region, category, registry);
		}
		update(regions.all());
		snapshots.afterRefresh(this::update);
	}

	/**
	 * Registers the rule and per-month series that have a value now and removes the others: run
	 * after each refresh, for the regions it rebuilt (the rows of the others are kept), so a scrape
	 * only reads. Every instance registers every OPD's rows (each keeps the snapshot of the whole
	 * ledger); with {@code apbd.export.owned-series-only} the scrape leaves out those of partitions
	 * another instance consumes, by {@code pemda} and {@code opd}.
	 */
	synchronized void update(List<RegionProperties> refreshed) {
		for (RegionProperties region : refreshed) {
			this.rowsByRegion.put(region.pemda(), rows(region));
		}
		List<MultiGauge.Row<?>> breachedRows = new ArrayList<>();
		List<MultiGauge.Row<?>> breachesRows = new ArrayList<>();
		List<MultiGauge.Row<?>> spmRows = new ArrayList<>();
		List<MultiGauge.Row<?>> sp2dRows = new ArrayList<>();
		for (Rows rows : this.rowsByRegion.values()) {
			breachedRows.addAll(rows.breached());
			breachesRows.addAll(rows.breaches());
			spmRows.addAll(rows.toSpm());
			sp2dRows.addAll(rows.toSp2d());
		}
		// false: a row still present keeps its gauge, which reads the current snapshot
		this.breached.register(breachedRows, false);
		this.breaches.register(breachesRows, false);
		this.toSpm.register(spmRows, false);
		this.toSp2d.register(sp2dRows, false);
	}

	private Rows rows(RegionProperties region) {
		Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		String pemda = region.pemda();
		for (String opd : region.opdCodes()) {
			TppFigures figures = this.snapshots.of(pemda, opd);
			if (figures.sp2dBelowSpm() > 0) {
				Tags tags = Tags.of("pemda", pemda, "opd", opd, "category", this.category, "rule",
						TppFigures.SP2D_BELOW_SPM);
				rows.breached().add(MultiGauge.Row.of(tags, this.snapshots, s -> (s.of(pemda, opd).sp2dBelowSpm() > 0) ? 1 : 0));
				rows.breaches().add(MultiGauge.Row.of(tags, this.snapshots, s -> s.of(pemda, opd).sp2dBelowSpm()));
			}
			for (int month = 1; month <= 12; month++) {
				int m = month;
				if (figures.spmOn().get(m - 1) != null) {
					rows.toSpm().add(MultiGauge.Row.of(monthTags(pemda, opd, m), this.snapshots,
							s -> s.of(pemda, opd).secondsFromMonthEnd(m, s.of(pemda, opd).spmOn().get(m - 1))));
				}
				if (figures.sp2dOn().get(m - 1) != null) {
					rows.toSp2d().add(MultiGauge.Row.of(monthTags(pemda, opd, m), this.snapshots,
							s -> s.of(pemda, opd).secondsFromMonthEnd(m, s.of(pemda, opd).sp2dOn().get(m - 1))));
				}
			}
		}
		return rows;
	}

	/** The sparse rows of one region. */
	private record Rows(List<MultiGauge.Row<?>> breached, List<MultiGauge.Row<?>> breaches,
			List<MultiGauge.Row<?>> toSpm, List<MultiGauge.Row<?>> toSp2d) {
	}

	private Tags monthTags(String pemda, String opd, int month) {
		return Tags.of("pemda", pemda, "opd", opd, "category", this.category, "month", Integer.toString(month));
	}

	private static void register(TppSnapshots snapshots, RegionProperties region, CategoryProperties category,
			MeterRegistry registry) {
		ZoneId zone = region.zone();
		String pemda = region.pemda();
		for (RegionProperties.Opd opd : region.opds()) {
			Meters meters = new Meters(registry, snapshots, pemda, opd.code(), category.name());
			meters.rupiah("apbd.pagu.rupiah", "Pagu in force of the OPD in the category", TppFigures::pagu);
			meters.rupiah("apbd.cash.plan.to.date.rupiah", "Cumulative cash plan up to the business date",
					TppFigures::cashPlanToDate);
			meters.rupiah("apbd.realised.rupiah", "Realised spending of the fiscal year to date", TppFigures::realised);
			String code = opd.code();
			Gauge.builder("apbd.projected.year.end.rupiah", snapshots, s -> s.projectedYearEnd(pemda, code).doubleValue())
				.description("Projected realised at 31 December: realised plus the remaining cash plan at the OPD's pace so far, at most the pagu")
				.tag("pemda", pemda)
				.tag("opd", code)
				.tag("category", category.name())
				.register(registry);
			meters.value("apbd.tpp.months.due", "Months of the year whose last day has passed",
					TppFigures::monthsDue);
			meters.value("apbd.tpp.months.paid", "Months whose TPP reached SP2D", TppFigures::monthsPaid);
			meters.value("apbd.tpp.months.late", "Months past their submission deadline without the submitted stage",
					TppFigures::monthsLate);
			meters.value("apbd.tpp.months.submitted.late",
					"Months of the year whose submitted stage is dated after their submission deadline",
					TppFigures::monthsSubmittedLate);
			meters.value("apbd.tpp.last.month.paid", "The last month paid with every month before it (0 when none)",
					TppFigures::lastMonthPaid);
		}
		for (int month = 1; month <= 12; month++) {
			int m = month;
			Gauge.builder("apbd.tpp.submission.deadline.timestamp.seconds", snapshots,
					s -> s.deadline(pemda, m).atStartOfDay(zone).toEpochSecond())
				.description("Submission deadline of the month's TPP: the configured working days after its last day")
				.tag("pemda", pemda)
				.tag("month", Integer.toString(month))
				.register(registry);
		}
	}

	private record Meters(MeterRegistry registry, TppSnapshots snapshots, String pemda, String opd, String category) {

		void rupiah(String name, String description, java.util.function.Function<TppFigures, BigDecimal> value) {
			value(name, description, figures -> value.apply(figures).doubleValue());
		}

		void value(String name, String description, ToDoubleFunction<TppFigures> value) {
			Gauge.builder(name, this.snapshots, snapshots -> value.applyAsDouble(snapshots.of(this.pemda, this.opd)))
				.description(description)
				.tag("pemda", this.pemda)
				.tag("opd", this.opd)
				.tag("category", this.category)
				.register(this.registry);
		}

	}

}
