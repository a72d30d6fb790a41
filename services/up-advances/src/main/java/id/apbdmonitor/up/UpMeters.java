package id.apbdmonitor.up;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import id.apbdmonitor.up.UpFigures.Rule;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;

/**
 * Exports the UP snapshots: one series per region and OPD of that region for every figure, all
 * present (0) from start-up; the rule series of an OPD only while it breaches the rule (the
 * national label set has 14 thousand OPDs, nearly all compliant), and per region and rule how many
 * of its OPDs breach it, 0 included. Dates become the start of the day in the region's time zone, 0
 * when there is none. Nothing here is realisation: no pagu, no realised gauge.
 */
@Component
class UpMeters {

	private final UpSnapshots snapshots;

	private final Regions regions;

	private final String category;

	/** {@code apbd_up_rule_breached}: a row per OPD and rule it breaches now, value 1. */
	private final MultiGauge breached;

	/** {@code apbd_up_rule_breaches}: a row per OPD and counted rule with a breaching fact this year. */
	private final MultiGauge breaches;

	/** pemda → how many of its OPDs breach each rule (by ordinal), as of the last refresh. */
	private volatile Map<String, int[]> breachingOpds = Map.of();

	UpMeters(UpSnapshots snapshots, Regions regions, CategoryProperties category, MeterRegistry registry) {
		this.snapshots = snapshots;
		this.regions = regions;
		this.category = category.name();
		this.breached = MultiGauge.builder("apbd.up.rule.breached")
			.description("1 while the OPD breaches the UP rule, absent while it does not (README: UP and TPP rules)")
			.register(registry);
		this.breaches = MultiGauge.builder("apbd.up.rule.breaches")
			.description("Facts of the fiscal year that broke the UP rule, absent while none (README: UP and TPP rules)")
			.register(registry);
		for (RegionProperties region : regions.all()) {
			register(snapshots, region, category, registry);
		}
		update();
		snapshots.afterRefresh(this::update);
	}

	private void register(UpSnapshots snapshots, RegionProperties region, CategoryProperties category,
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
		}
		for (Rule rule : Rule.values()) {
			Gauge.builder("apbd.up.rule.breaching.opds", this, self -> self.breaching(pemda, rule))
				.description("OPDs of the region that breach the UP rule, 0 when none (README: UP and TPP rules)")
				.tag("pemda", pemda)
				.tag("category", category.name())
				.tag("rule", rule.label())
				.register(registry);
		}
	}

	/**
	 * Registers the rule series of the OPDs that breach now and removes the others: run after each
	 * refresh, so a scrape only reads. Every instance registers every OPD's rows (each keeps the
	 * snapshot of the whole ledger); with {@code apbd.export.owned-series-only} the scrape leaves
	 * out those of partitions another instance consumes, by their {@code pemda} and {@code opd}.
	 */
	synchronized void update() {
		List<MultiGauge.Row<?>> breachedRows = new ArrayList<>();
		List<MultiGauge.Row<?>> breachesRows = new ArrayList<>();
		Map<String, int[]> counts = new HashMap<>();
		for (RegionProperties region : this.regions.all()) {
			String pemda = region.pemda();
			int[] count = new int[Rule.values().length];
			for (String opd : region.opdCodes()) {
				UpFigures figures = this.snapshots.of(pemda, opd);
				for (Rule rule : Rule.values()) {
					if (figures.breached(rule)) {
						count[rule.ordinal()]++;
						breachedRows.add(MultiGauge.Row.of(tags(pemda, opd, rule), this.snapshots,
								s -> s.of(pemda, opd).breached(rule) ? 1 : 0));
					}
					if (rule.counted() && figures.breaches(rule) > 0) {
						breachesRows.add(MultiGauge.Row.of(tags(pemda, opd, rule), this.snapshots,
								s -> s.of(pemda, opd).breaches(rule)));
					}
				}
			}
			counts.put(pemda, count);
		}
		this.breachingOpds = Map.copyOf(counts);
		// false: a row still present keeps its gauge, which reads the current snapshot
		this.breached.register(breachedRows, false);
		this.breaches.register(breachesRows, false);
	}

	private Tags tags(String pemda, String opd, Rule rule) {
		return Tags.of("pemda", pemda, "opd", opd, "category", this.category, "rule", rule.label());
	}

	private double breaching(String pemda, Rule rule) {
		int[] counts = this.breachingOpds.get(pemda);
		return (counts != null) ? counts[rule.ordinal()] : 0;
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
