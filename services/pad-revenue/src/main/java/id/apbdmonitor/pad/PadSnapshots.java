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
import id.apbdmonitor.core.indicator.SnapshotRefresher;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.Regions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;

/**
 * Builds the PAD snapshot (targets from the budget lines in force, receipts from the ledger
 * totals, the seasonal expectation from the configured profiles) and exports it: target,
 * expected to date, realised, projected year end and last receipt date per collecting OPD and
 * revenue type. The
 * configured collectors' series exist from start-up; a pair first seen in the data gets its
 * series at that refresh. Meters read only the snapshot.
 */
@Component
class PadSnapshots implements SnapshotRefresher {

	private final BudgetStore budget;

	private final PadLedger ledger;

	private final BusinessClock clock;

	private final FiscalYears fiscalYears;

	private final PadProperties properties;

	private final ZeroTargetRule zeroTargetRule;

	private final MeterRegistry registry;

	private final String pemda;

	private final String category;

	private final Set<PadSnapshot.Key> registered = ConcurrentHashMap.newKeySet();

	private final AtomicReference<PadSnapshot> current = new AtomicReference<>(PadSnapshot.empty());

	PadSnapshots(BudgetStore budget, PadLedger ledger, BusinessClock clock, FiscalYears fiscalYears, PadProperties properties,
			Regions regions, CategoryProperties category, MeterRegistry registry) {
		this.budget = budget;
		this.ledger = ledger;
		this.clock = clock;
		this.fiscalYears = fiscalYears;
		this.properties = properties;
		this.zeroTargetRule = new ZeroTargetRule(properties);
		this.registry = registry;
		this.pemda = regions.single("pad-revenue").pemda();
		this.category = category.name();
		properties.collectors().forEach((opd, types) -> types.forEach(type -> register(new PadSnapshot.Key(opd, type))));
	}

	PadSnapshot current() {
		return this.current.get();
	}

	@Override
	public LocalDate businessDate() {
		return this.current.get().businessDate();
	}

	@Override
	public synchronized void refresh() {
		LocalDate date = this.clock.today();
		int year = this.fiscalYears.watched();
		Map<PadSnapshot.Key, PadSnapshot.Figures> figures = new HashMap<>();
		for (BudgetStore.LineInForce line : this.budget.lines(this.pemda, year)) {
			if (this.category.equals(line.category())) {
				String type = this.properties.typeOf(line.account());
				List<BigDecimal> months = this.properties.monthly(type, line.pagu());
				figures.merge(new PadSnapshot.Key(line.opd(), type), new PadSnapshot.Figures(line.pagu(),
						CashPlan.toDate(months, year, date), BigDecimal.ZERO, null), PadSnapshot.Figures::plus);
			}
		}
		for (PadLedger.Total total : this.ledger.totals(this.pemda, year)) {
			figures.merge(new PadSnapshot.Key(total.opd(), this.properties.typeOf(total.account())),
					new PadSnapshot.Figures(BigDecimal.ZERO, BigDecimal.ZERO, total.realised(), total.lastReceiptOn()),
					PadSnapshot.Figures::plus);
		}
		Map<PadSnapshot.Key, Integer> breaches = new HashMap<>();
		Map<PadSnapshot.Key, LocalDate> zeroTargets = this.zeroTargetRule
			.zeroTargets(this.ledger.targetLines(this.pemda, year, this.category));
		zeroTargets.forEach((key, after) -> {
			int count = this.zeroTargetRule.breaches(key, this.ledger.receiptsAfter(this.pemda, year, key.opd(), after));
			if (count > 0) {
				breaches.put(key, count);
			}
		});
		this.current.set(new PadSnapshot(date, Map.copyOf(figures), Map.copyOf(breaches)));
		figures.keySet().forEach(this::register);
	}

	private void register(PadSnapshot.Key key) {
		if (!this.registered.add(key)) {
			return;
		}
		Tags tags = Tags.of("pemda", this.pemda, "opd", key.opd(), "category", this.category, "revenue_type",
				key.revenueType());
		ZoneId zone = this.clock.zone();
		gauge("apbd.revenue.target.rupiah", "PAD target in force (budget lines of the revenue type, newest revision)",
				tags, key, f -> f.target().doubleValue());
		gauge("apbd.revenue.expected.to.date.rupiah",
				"PAD expected by the business date: the target spread by the revenue type's monthly profile, current month pro rata",
				tags, key, f -> f.expectedToDate().doubleValue());
		gauge("apbd.revenue.realised.rupiah", "PAD received year to date, net of reversals", tags, key,
				f -> f.realised().doubleValue());
		gauge("apbd.revenue.projected.year.end.rupiah",
				"PAD projected at 31 December: received plus the rest of the seasonal expectation at the pace so far",
				tags, key, f -> f.projectedYearEnd().doubleValue());
		Tags rule = tags.and("rule", ZeroTargetRule.RULE);
		Gauge.builder("apbd.pad.rule.breached", this, snapshots -> (snapshots.current().zeroTargetBreaches(key) > 0) ? 1 : 0)
			.description("1 while the collecting OPD breaches the PAD rule for the revenue type in the fiscal year, else 0")
			.tags(rule)
			.register(this.registry);
		Gauge.builder("apbd.pad.rule.breaches", this, snapshots -> snapshots.current().zeroTargetBreaches(key))
			.description("Receipts of the fiscal year that breach the PAD rule")
			.tags(rule)
			.register(this.registry);
		gauge("apbd.revenue.last.receipt.timestamp.seconds",
				"Business date of the last receipt (start of day, region time zone; 0 before the first)", tags, key,
				f -> (f.lastReceiptOn() == null) ? 0 : f.lastReceiptOn().atStartOfDay(zone).toEpochSecond());
	}

	private void gauge(String name, String description, Tags tags, PadSnapshot.Key key,
			ToDoubleFunction<PadSnapshot.Figures> figure) {
		Gauge.builder(name, this, snapshots -> figure.applyAsDouble(snapshots.current().of(key)))
			.description(description)
			.tags(tags)
			.register(this.registry);
	}

}
