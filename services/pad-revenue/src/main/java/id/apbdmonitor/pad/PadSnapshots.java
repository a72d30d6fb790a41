package id.apbdmonitor.pad;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import id.apbdmonitor.core.budget.BudgetStore;
import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.indicator.CashPlan;
import id.apbdmonitor.core.indicator.RegionSnapshots;
import id.apbdmonitor.core.indicator.SnapshotRefresher;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.stereotype.Component;

/**
 * Builds the PAD snapshot of every region (targets from the budget lines in force, receipts from
 * the ledger totals, the seasonal expectation from the configured profiles, on the region's own
 * business date and watched year) and exports it: target, expected to date, realised, projected
 * year end and last receipt date per region, collecting OPD and revenue type, through
 * {@link PadMeters}. The configured collectors' series exist from start-up in every region that
 * has the OPD; a pair first seen in a region's data gets its series at that refresh. Meters read
 * only the snapshots.
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

	private final PadMeters meters;

	private final Regions regions;

	private final String category;

	/** pemda → its snapshot; a region before its first refresh has none. */
	private final AtomicReference<Map<String, PadSnapshot>> current = new AtomicReference<>(Map.of());

	PadSnapshots(BudgetStore budget, PadLedger ledger, BusinessClock clock, FiscalYears fiscalYears, PadProperties properties,
			Regions regions, CategoryProperties category, PrometheusRegistry registry) {
		this.budget = budget;
		this.ledger = ledger;
		this.clock = clock;
		this.fiscalYears = fiscalYears;
		this.properties = properties;
		this.zeroTargetRule = new ZeroTargetRule(properties);
		this.regions = regions;
		this.category = category.name();
		// its series read the snapshots only when scraped, never while this is built
		this.meters = new PadMeters(this::current, this.category, registry);
		for (RegionProperties region : regions.all()) {
			// a collector is an OPD code: a region without that OPD cannot receive its events
			Set<String> opds = region.opdCodes();
			properties.collectors().forEach((opd, types) -> {
				if (opds.contains(opd)) {
					types.forEach(type -> this.meters.register(region, new PadSnapshot.Key(opd, type)));
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
			snapshots.get(region.pemda()).figures().keySet().forEach(key -> this.meters.register(region, key));
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

}
