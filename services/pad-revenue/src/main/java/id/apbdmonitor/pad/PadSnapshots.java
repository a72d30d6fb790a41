package id.apbdmonitor.pad;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import id.apbdmonitor.core.budget.BudgetStore;
import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.indicator.CashPlan;
import id.apbdmonitor.core.indicator.RegionSnapshots;
import id.apbdmonitor.core.indicator.SnapshotRefresher;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;

/**
 * Builds the PAD snapshot of every region (targets from the budget lines in force, receipts from
 * the ledger totals, the seasonal expectation from the configured profiles, on the region's own
 * business date and watched year) and exports it: target, expected to date, realised, projected
 * year end and last receipt date per region, collecting OPD and revenue type. The configured
 * collectors' series exist from start-up in every region that has the OPD; a pair first seen in
 * a region's data gets its series at that refresh. Meters read only the snapshots.
 */
@Component
class PadSnapshots implements SnapshotRefresher {

	private static final PadSnapshot EMPTY = PadSnapshot.empty();

	private final BudgetStore budget;

	private final PadLedger ledger;

	private final BusinessClock clock;

	private final FiscalYears fiscalYears;

	private final PadProperties properties;

	private final ZeroTargetRule zeroTargetRule;

	private final MeterRegistry registry;

	private final Regions regions;

	private final String category;

	/** The (pemda, OPD and revenue type) series registered so far. */
	private final Set<List<Object>> registered = ConcurrentHashMap.newKeySet();

	/** pemda → its snapshot; a region before its first refresh has none. */
	private final AtomicReference<Map<String, PadSnapshot>> current = new AtomicReference<>(Map.of());

	PadSnapshots(BudgetStore budget, PadLedger ledger, BusinessClock clock, FiscalYears fiscalYears, PadProperties properties,
			Regions regions, CategoryProperties category, MeterRegistry registry) {
		this.budget = budget;
		this.ledger = ledger;
		this.clock = clock;
		this.fiscalYears = fiscalYears;
		this.properties = properties;
		this.zeroTargetRule = new ZeroTargetRule(properties);
		this.registry = registry;
		this.regions = regions;
		this.category = category.name();
		for (RegionProperties region : regions.all()) {
			// a collector is an OPD code: a region without that OPD cannot receive its events
			Set<String> opds = region.opdCodes();
			properties.collectors().forEach((opd, types) -> {
				if (opds.contains(opd)) {
					types.forEach(type -> register(region, new PadSnapshot.Key(opd, type)));
				}
			});
		}
	}

	PadSnapshot current(String pemda) {
		return this.current.get().getOrDefault(pemda, EMPTY);
	}

	@Override
	public LocalDate businessDate() {
		return businessDate(this.regions.home().pemda());
	}

	@Override
	public LocalDate businessDate(String pemda) {
		return current(pemda).businessDate();
	}

	@Override
	public synchronized void refresh() {
		refresh(this.regions.all());
	}

	/** After a batch: only the regions it stored events of. */
	@Override
	public synchronized void refresh(Set<String> pemdas) {
		refresh(this.regions.select(pemdas));
	}

	private void refresh(List<RegionProperties> regions) {
		Map<String, PadSnapshot> snapshots = RegionSnapshots.rebuild(this.current.get(), regions, this::snapshot);
		this.current.set(snapshots);
		for (RegionProperties region : regions) {
			snapshots.get(region.pemda()).figures().keySet().forEach(key -> register(region, key));
		}
	}

	private PadSnapshot snapshot(RegionProperties region) {
		String pemda = region.pemda();
		LocalDate date = this.clock.today(region.zone());
		int year = this.fiscalYears.watched(region);
		Map<PadSnapshot.Key, PadSnapshot.Figures> figures = new HashMap<>();
		for (BudgetStore.LineInForce line : this.budget.lines(pemda, year)) {
			if (this.category.equals(line.category())) {
				String type = this.properties.typeOf(line.account());
				List<BigDecimal> months = this.properties.monthly(type, line.pagu());
				figures.merge(new PadSnapshot.Key(line.opd(), type), new PadSnapshot.Figures(line.pagu(),
						CashPlan.toDate(months, year, date), BigDecimal.ZERO, null), PadSnapshot.Figures::plus);
			}
		}
		for (PadLedger.Total total : this.ledger.totals(pemda, year)) {
			figures.merge(new PadSnapshot.Key(total.opd(), this.properties.typeOf(total.account())),
					new PadSnapshot.Figures(BigDecimal.ZERO, BigDecimal.ZERO, total.realised(), total.lastReceiptOn()),
					PadSnapshot.Figures::plus);
		}
		Map<PadSnapshot.Key, Integer> breaches = new HashMap<>();
		Map<PadSnapshot.Key, LocalDate> zeroTargets = this.zeroTargetRule
			.zeroTargets(this.ledger.targetLines(pemda, year, this.category));
		zeroTargets.forEach((key, after) -> {
			int count = this.zeroTargetRule.breaches(key, this.ledger.receiptsAfter(pemda, year, key.opd(), after));
			if (count > 0) {
				breaches.put(key, count);
			}
		});
		return new PadSnapshot(date, Map.copyOf(figures), Map.copyOf(breaches));
	}

	private void register(RegionProperties region, PadSnapshot.Key key) {
		String pemda = region.pemda();
		if (!this.registered.add(List.of(pemda, key))) {
			return;
		}
		Tags tags = Tags.of("pemda", pemda, "opd", key.opd(), "category", this.category, "revenue_type",
				key.revenueType());
		// a receipt's date is a day of its own region
		ZoneId zone = region.zone();
		gauge("apbd.revenue.target.rupiah", "PAD target in force (budget lines of the revenue type, newest revision)",
				tags, pemda, key, f -> f.target().doubleValue());
		gauge("apbd.revenue.expected.to.date.rupiah",
				"PAD expected by the business date: the target spread by the revenue type's monthly profile, current month pro rata",
				tags, pemda, key, f -> f.expectedToDate().doubleValue());
		gauge("apbd.revenue.realised.rupiah", "PAD received year to date, net of reversals", tags, pemda, key,
				f -> f.realised().doubleValue());
		gauge("apbd.revenue.projected.year.end.rupiah",
				"PAD projected at 31 December: received plus the rest of the seasonal expectation at the pace so far",
				tags, pemda, key, f -> f.projectedYearEnd().doubleValue());
		Tags rule = tags.and("rule", ZeroTargetRule.RULE);
		Gauge.builder("apbd.pad.rule.breached", this,
				snapshots -> (snapshots.current(pemda).zeroTargetBreaches(key) > 0) ? 1 : 0)
			.description("1 while the collecting OPD breaches the PAD rule for the revenue type in the fiscal year, else 0")
			.tags(rule)
			.register(this.registry);
		Gauge.builder("apbd.pad.rule.breaches", this, snapshots -> snapshots.current(pemda).zeroTargetBreaches(key))
			.description("Receipts of the fiscal year that breach the PAD rule")
			.tags(rule)
			.register(this.registry);
		gauge("apbd.revenue.last.receipt.timestamp.seconds",
				"Business date of the last receipt (start of day, region time zone; 0 before the first)", tags, pemda,
				key, f -> (f.lastReceiptOn() == null) ? 0 : f.lastReceiptOn().atStartOfDay(zone).toEpochSecond());
	}

	private void gauge(String name, String description, Tags tags, String pemda, PadSnapshot.Key key,
			ToDoubleFunction<PadSnapshot.Figures> figure) {
		Gauge.builder(name, this, snapshots -> figure.applyAsDouble(snapshots.current(pemda).of(key)))
			.description(description)
			.tags(tags)
			.register(this.registry);
	}

}
