package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.ToDoubleFunction;

import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Exports the TPP snapshot of every region, every series present from start-up for each OPD of
 * each region: pagu, cash plan to date,
 * realised and the projected year end with {@code category="tpp"} (the same gauges as the
 * spending services, so the absorption and projection rules cover TPP), the months due, paid and late, and per month the delay from the
 * month's last day to its SPM and SP2D and the region's submission deadline (its own calendar).
 */
@Component
class TppMeters {

	TppMeters(TppSnapshots snapshots, Regions regions, CategoryProperties category, MeterRegistry registry) {
		for (RegionProperties region : regions.all()) {
			register(snapshots, region, category, registry);
		}
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
			meters.value("apbd.tpp.months.due", "Months of the year whose last day has passed", null,
					TppFigures::monthsDue);
			meters.value("apbd.tpp.months.paid", "Months whose TPP reached SP2D", null, TppFigures::monthsPaid);
			meters.value("apbd.tpp.months.late", "Months past their submission deadline without the submitted stage",
					null, TppFigures::monthsLate);
			meters.value("apbd.tpp.months.submitted.late",
					"Months of the year whose submitted stage is dated after their submission deadline", null,
					TppFigures::monthsSubmittedLate);
			meters.rule("apbd.tpp.rule.breached", "1 while the OPD breaches the TPP rule in the fiscal year, else 0",
					TppFigures.SP2D_BELOW_SPM, figures -> (figures.sp2dBelowSpm() > 0) ? 1 : 0);
			meters.rule("apbd.tpp.rule.breaches", "Months of the fiscal year that breach the TPP rule",
					TppFigures.SP2D_BELOW_SPM, TppFigures::sp2dBelowSpm);
			meters.value("apbd.tpp.last.month.paid", "The last month paid with every month before it (0 when none)",
					null, TppFigures::lastMonthPaid);
			for (int month = 1; month <= 12; month++) {
				int m = month;
				meters.value("apbd.tpp.month.end.to.spm.seconds", "From the month's last day to its SPM (0 before the SPM)",
						Integer.toString(month), figures -> figures.secondsFromMonthEnd(m, figures.spmOn().get(m - 1)));
				meters.value("apbd.tpp.month.end.to.sp2d.seconds",
						"From the month's last day to its SP2D (0 before the SP2D)", Integer.toString(month),
						figures -> figures.secondsFromMonthEnd(m, figures.sp2dOn().get(m - 1)));
			}
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
			value(name, description, null, figures -> value.apply(figures).doubleValue());
		}

		void rule(String name, String description, String rule, ToDoubleFunction<TppFigures> value) {
			Gauge.builder(name, this.snapshots, snapshots -> value.applyAsDouble(snapshots.of(this.pemda, this.opd)))
				.description(description)
				.tag("pemda", this.pemda)
				.tag("opd", this.opd)
				.tag("category", this.category)
				.tag("rule", rule)
				.register(this.registry);
		}

		void value(String name, String description, String month, ToDoubleFunction<TppFigures> value) {
			Gauge.Builder<TppSnapshots> builder = Gauge
				.builder(name, this.snapshots, snapshots -> value.applyAsDouble(snapshots.of(this.pemda, this.opd)))
				.description(description)
				.tag("pemda", this.pemda)
				.tag("opd", this.opd)
				.tag("category", this.category);
			if (month != null) {
				builder.tag("month", month);
			}
			builder.register(this.registry);
		}

	}

}
