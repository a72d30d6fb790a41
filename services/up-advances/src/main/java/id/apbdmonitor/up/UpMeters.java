package id.apbdmonitor.up;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import id.apbdmonitor.core.export.GaugeFamily;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import id.apbdmonitor.up.UpFigures.Rule;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;

import org.springframework.stereotype.Component;

/**
 * Exports the UP snapshots: one series per region and OPD of that region for every figure, all
 * present (0) from start-up; the rule series of an OPD only while it breaches the rule (the
 * national label set has 14 thousand OPDs, nearly all compliant), and per region and rule how many
 * of its OPDs breach it, 0 included. Dates become the start of the day in the region's time zone, 0
 * when there is none. Nothing here is realisation: no pagu, no realised gauge.
 * <p>
 * Every series here has a {@code pemda}, so all are {@link GaugeFamily} rows, not Micrometer
 * gauges: nationally they are tens of thousands, and as Micrometer gauges a scrape took seconds.
 */
@Component
class UpMeters {

	private final UpSnapshots snapshots;

	private final String category;

	/** {@code apbd_up_rule_breached}: a row per OPD and rule it breaches now, value 1. */
	private final GaugeFamily breached;

	/** {@code apbd_up_rule_breaches}: a row per OPD and counted rule with a breaching fact this year. */
	private final GaugeFamily breaches;

	/** pemda → how many of its OPDs breach each rule (by ordinal), as of its last refresh. */
	private final Map<String, int[]> breachingOpds = new ConcurrentHashMap<>();

	UpMeters(UpSnapshots snapshots, Regions regions, CategoryProperties category, PrometheusRegistry registry) {
		this.snapshots = snapshots;
		this.category = category.name();
		this.breached = GaugeFamily.gauge(registry, "apbd_up_rule_breached",
				"1 while the OPD breaches the UP rule, absent while it does not (README: UP and TPP rules)");
		this.breaches = GaugeFamily.gauge(registry, "apbd_up_rule_breaches",
				"Facts of the fiscal year that broke the UP rule, absent while none (README: UP and TPP rules)");
		List<Figure> perOpd = List.of(
				Figure.rupiah(registry, "apbd_up_ceiling_rupiah", "UP ceiling of the OPD for the year",
						UpFigures::ceiling),
				Figure.rupiah(registry, "apbd_up_disbursed_rupiah",
						"UP, GU refills and TU disbursed to the OPD's treasurers", UpFigures::disbursed),
				Figure.rupiah(registry, "apbd_up_accounted_rupiah", "Spending accounted in approved SPJ-GU and LPJ-TU",
						UpFigures::accounted),
				Figure.rupiah(registry, "apbd_up_returned_rupiah", "UP and TU leftovers returned to the treasury",
						UpFigures::returned),
				Figure.rupiah(registry, "apbd_up_outstanding_rupiah", "Disbursed less accounted less returned",
						UpFigures::outstanding),
				Figure.rupiah(registry, "apbd_up_awaiting_refill_rupiah",
						"Accounted in approved SPJ-GU, not yet refilled by SP2D-GU", UpFigures::awaitingRefill),
				Figure.rupiah(registry, "apbd_tu_oldest_open_rupiah", "What is not yet settled of the oldest open TU",
						UpFigures::oldestOpenTuRemaining),
				Figure.date(registry, "apbd_up_first_disbursed_timestamp_seconds", "Date of the first UP of the year",
						UpFigures::firstUpOn),
				Figure.date(registry, "apbd_up_last_gu_timestamp_seconds", "Date of the last GU refill (SP2D-GU)",
						UpFigures::lastGuOn),
				Figure.date(registry, "apbd_up_closed_timestamp_seconds",
						"Date of the year-end closure of the OPD's UP", UpFigures::closedOn),
				Figure.date(registry, "apbd_tu_oldest_open_timestamp_seconds",
						"Disbursement date of the oldest open TU", UpFigures::oldestOpenTuOn),
				Figure.value(registry, "apbd_tu_settled_late",
						"TUs of the year settled more than apbd.up.tu-max-days after disbursement",
						UpFigures::tuSettledLate),
				Figure.value(registry, "apbd_up_gu_eligible",
						"1 when the accounted, unrefilled share of the ceiling reaches the GU threshold",
						(figures) -> figures.guEligible() ? 1 : 0));
		GaugeFamily breaching = GaugeFamily.gauge(registry, "apbd_up_rule_breaching_opds",
				"OPDs of the region that breach the UP rule, 0 when none (README: UP and TPP rules)");
		for (RegionProperties region : regions.all()) {
			register(region, perOpd, breaching);
		}
		update(regions.all());
		snapshots.afterRefresh(this::update);
	}

	private void register(RegionProperties region, List<Figure> figures, GaugeFamily breaching) {
		ZoneId zone = region.zone();
		String pemda = region.pemda();
		for (String opd : region.opdCodes()) {
			Labels labels = Labels.of("pemda", pemda, "opd", opd, "category", this.category);
			for (Figure figure : figures) {
				figure.family().put(labels, () -> figure.value().of(this.snapshots.of(pemda, opd), zone));
			}
		}
		for (Rule rule : Rule.values()) {
			breaching.put(() -> breaching(pemda, rule), "pemda", pemda, "category", this.category, "rule",
					rule.label());
		}
	}

	/**
	 * Makes the rule rows of the regions a refresh rebuilt those of the OPDs that breach now (the
	 * rows of the other regions are kept), so a scrape only reads. Every instance keeps every
	 * OPD's rows (each keeps the snapshot of the whole ledger); with
	 * {@code apbd.export.owned-series-only} the scrape leaves out those of partitions another
	 * instance consumes, by their {@code pemda} and {@code opd}.
	 */
	synchronized void update(List<RegionProperties> refreshed) {
		Set<String> pemdas = new HashSet<>();
		Map<Labels, DoubleSupplier> breachedRows = new HashMap<>();
		Map<Labels, DoubleSupplier> breachesRows = new HashMap<>();
		for (RegionProperties region : refreshed) {
			String pemda = region.pemda();
			pemdas.add(pemda);
			int[] count = new int[Rule.values().length];
			for (String opd : region.opdCodes()) {
				UpFigures figures = this.snapshots.of(pemda, opd);
				for (Rule rule : Rule.values()) {
					if (figures.breached(rule)) {
						count[rule.ordinal()]++;
						breachedRows.put(labels(pemda, opd, rule),
								() -> this.snapshots.of(pemda, opd).breached(rule) ? 1 : 0);
					}
					if (rule.counted() && figures.breaches(rule) > 0) {
						breachesRows.put(labels(pemda, opd, rule), () -> this.snapshots.of(pemda, opd).breaches(rule));
					}
				}
			}
			this.breachingOpds.put(pemda, count);
		}
		this.breached.replace((labels) -> pemdas.contains(labels.get("pemda")), breachedRows);
		this.breaches.replace((labels) -> pemdas.contains(labels.get("pemda")), breachesRows);
	}

	private Labels labels(String pemda, String opd, Rule rule) {
		return Labels.of("pemda", pemda, "opd", opd, "category", this.category, "rule", rule.label());
	}

	private double breaching(String pemda, Rule rule) {
		int[] counts = this.breachingOpds.get(pemda);
		return (counts != null) ? counts[rule.ordinal()] : 0;
	}

	/** A per-OPD figure: its family and how it reads an OPD's figures (dates in the region's zone). */
	private record Figure(GaugeFamily family, Reader value) {

		static Figure rupiah(PrometheusRegistry registry, String name, String help,
				Function<UpFigures, BigDecimal> value) {
			return new Figure(GaugeFamily.gauge(registry, name, help),
					(figures, zone) -> value.apply(figures).doubleValue());
		}

		static Figure date(PrometheusRegistry registry, String name, String help,
				Function<UpFigures, LocalDate> value) {
			return new Figure(GaugeFamily.gauge(registry, name, help), (figures, zone) -> {
				LocalDate date = value.apply(figures);
				return (date != null) ? date.atStartOfDay(zone).toEpochSecond() : 0;
			});
		}

		static Figure value(PrometheusRegistry registry, String name, String help, ToDoubleFunction<UpFigures> value) {
			return new Figure(GaugeFamily.gauge(registry, name, help), (figures, zone) -> value.applyAsDouble(figures));
		}

	}

	@FunctionalInterface
	private interface Reader {

		double of(UpFigures figures, ZoneId zone);

	}

}
