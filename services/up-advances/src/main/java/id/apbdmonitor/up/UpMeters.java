package id.apbdmonitor.up;

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

import org.springframework.stereotype.Component;

/**
 * Exports the UP snapshots: one series per region and OPD of that region for every figure and
 * rule, all present (0) from start-up. Dates become the start of the day in the region's time zone, 0
 * when there is none. Nothing here is realisation: no pagu, no realised gauge.
 */
@Component
class UpMeters {

	UpMeters(UpSnapshots snapshots, Regions regions, CategoryProperties category, MeterRegistry registry) {
		for (RegionProperties region : regions.all()) {
			register(snapshots, region, category, registry);
		}
	}

	private static void register(UpSnapshots snapshots, RegionProperties region, CategoryProperties category,
			MeterRegistry registry) {
		ZoneId zone = region.zone();
		String pemda = region.pemda();
		for (RegionProperties.Opd opd : region.opds()) {
			Meters meters = new Meters(registry, snapshots, region.pemda(), opd.code(), category.name());
			meters.rupiah("apbd.up.ceiling.rupiah", "UP ceiling of the OPD for the year", UpFigures::ceiling);
			meters.rupiah("apbd.up.disbursed.rupiah", "UP, GU refills and TU disbursed to the OPD's treasurers",
					UpFigures::disbursed);
			meters.rupiah("apbd.up.accounted.rupiah", "Spending accounted in approved SPJ-GU and LPJ-TU",
					UpFigures::accounted);
			meters.rupiah("apbd.up.returned.rupiah", "UP and TU leftovers returned to the treasury",
					UpFigures::returned);
			meters.rupiah("apbd.up.outstanding.rupiah", "Disbursed less accounted less returned",
					UpFigures::outstanding);
			meters.rupiah("apbd.up.awaiting.refill.rupiah", "Accounted in approved SPJ-GU, not yet refilled by SP2D-GU",
					UpFigures::awaitingRefill);
			meters.rupiah("apbd.tu.oldest.open.rupiah", "What is not yet settled of the oldest open TU",
					UpFigures::oldestOpenTuRemaining);
			meters.date("apbd.up.first.disbursed.timestamp.seconds", "Date of the first UP of the year", zone,
					UpFigures::firstUpOn);
			meters.date("apbd.up.last.gu.timestamp.seconds", "Date of the last GU refill (SP2D-GU)", zone,
					UpFigures::lastGuOn);
			meters.date("apbd.up.closed.timestamp.seconds", "Date of the year-end closure of the OPD's UP", zone,
					UpFigures::closedOn);
			meters.date("apbd.tu.oldest.open.timestamp.seconds", "Disbursement date of the oldest open TU", zone,
					UpFigures::oldestOpenTuOn);
			meters.value("apbd.tu.settled.late", "TUs of the year settled more than apbd.up.tu-max-days after disbursement",
					figures -> figures.tuSettledLate());
			meters.value("apbd.up.gu.eligible", "1 when the accounted, unrefilled share of the ceiling reaches the GU threshold",
					figures -> figures.guEligible() ? 1 : 0);
			for (UpFigures.Rule rule : UpFigures.Rule.values()) {
				Gauge.builder("apbd.up.rule.breached", snapshots, s -> s.of(pemda, opd.code()).breached(rule) ? 1 : 0)
					.description("1 while the OPD breaches the UP rule (README: UP and TPP rules)")
					.tag("pemda", region.pemda())
					.tag("opd", opd.code())
					.tag("category", category.name())
					.tag("rule", rule.label())
					.register(registry);
				if (rule.counted()) {
					// a gauge, not a _total counter: recomputed from the ledger, it never counts a fact twice
					Gauge.builder("apbd.up.rule.breaches", snapshots, s -> s.of(pemda, opd.code()).breaches(rule))
						.description("Facts of the fiscal year that broke the UP rule (README: UP and TPP rules)")
						.tag("pemda", region.pemda())
						.tag("opd", opd.code())
						.tag("category", category.name())
						.tag("rule", rule.label())
						.register(registry);
				}
			}
		}
	}

	private record Meters(MeterRegistry registry, UpSnapshots snapshots, String pemda, String opd, String category) {

		void rupiah(String name, String description, Function<UpFigures, BigDecimal> value) {
			value(name, description, figures -> value.apply(figures).doubleValue());
		}

		void date(String name, String description, ZoneId zone, Function<UpFigures, LocalDate> value) {
			value(name, description, figures -> {
				LocalDate date = value.apply(figures);
				return (date != null) ? date.atStartOfDay(zone).toEpochSecond() : 0;
			});
		}

		void value(String name, String description, ToDoubleFunction<UpFigures> value) {
			Gauge.builder(name, this.snapshots, snapshots -> value.applyAsDouble(snapshots.of(this.pemda, this.opd)))
				.description(description)
				.tag("pemda", this.pemda)
				.tag("opd", this.opd)
				.tag("category", this.category)
				.register(this.registry);
		}

	}

}
