package id.apbdmonitor.core.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import id.apbdmonitor.core.budget.BudgetStore;
import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.indicator.CashPlan;
import id.apbdmonitor.core.indicator.RegionSnapshots;
import id.apbdmonitor.core.indicator.SnapshotRefresher;
import id.apbdmonitor.core.projection.YearEndProjection;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;

import org.springframework.stereotype.Component;

/**
 * Builds the spending snapshot of every region from its budget lines and ledger totals of the
 * region's watched fiscal year, on the region's own business date.
 */
@Component
class SpendingSnapshots implements SnapshotRefresher {

	private static final SpendingSnapshot EMPTY = SpendingSnapshot.empty(null);

	private final BudgetStore budget;

	private final SpendingLedger ledger;

	private final BusinessClock clock;

	private final FiscalYears fiscalYears;

	private final Regions regions;

	private final Set<String> categories;

	/** pemda → its snapshot; a region before its first refresh has none. */
	private final AtomicReference<Map<String, SpendingSnapshot>> current;

	/** Told of every new set of snapshots once it is in force, on the refreshing thread. */
	private final List<Consumer<Map<String, SpendingSnapshot>>> listeners = new CopyOnWriteArrayList<>();

	SpendingSnapshots(BudgetStore budget, SpendingLedger ledger, BusinessClock clock, FiscalYears fiscalYears,
			Regions regions, CategoryProperties category) {
		this.budget = budget;
		this.ledger = ledger;
		this.clock = clock;
		this.fiscalYears = fiscalYears;
		this.regions = regions;
		this.categories = Set.copyOf(category.names());
		this.current = new AtomicReference<>(Map.of());
	}

	SpendingSnapshot current(String pemda) {
		return this.current.get().getOrDefault(pemda, EMPTY);
	}

	/** Tells {@code listener} of the snapshots in force now and of the regions of every refresh after. */
	synchronized void onRefresh(Consumer<Map<String, SpendingSnapshot>> listener) {
		this.listeners.add(listener);
		listener.accept(this.current.get());
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

	/**
	 * After a batch: only the regions it stored events of (two queries per region, so a batch of
	 * one region does not re-read the whole country). The timer refresh rebuilds every region.
	 */
	@Override
	public synchronized void refresh(Set<String> pemdas) {
		refresh(this.regions.select(pemdas));
	}

	private void refresh(List<RegionProperties> regions) {
		Map<String, SpendingSnapshot> snapshots = RegionSnapshots.rebuild(this.current.get(), regions, this::snapshot);
		this.current.set(snapshots);
		// listeners learn of the regions refreshed; the others did not change
		Map<String, SpendingSnapshot> changed = new HashMap<>();
		regions.forEach(region -> changed.put(region.pemda(), snapshots.get(region.pemda())));
		this.listeners.forEach(listener -> listener.accept(Map.copyOf(changed)));
	}

	private SpendingSnapshot snapshot(RegionProperties region) {
		LocalDate date = this.clock.today(region.zone());
		int year = this.fiscalYears.watched(region);
		Map<List<String>, BigDecimal> pagu = new HashMap<>();
		Map<List<String>, BigDecimal> plan = new HashMap<>();
		Map<List<String>, BigDecimal> yearPlan = new HashMap<>();
		for (BudgetStore.BudgetTotal total : this.budget.totals(region.pemda(), year)) {
			if (this.categories.contains(total.category())) {
				List<String> key = SpendingSnapshot.key(total.category(), total.opd());
				pagu.put(key, total.pagu());
				plan.put(key, CashPlan.toDate(total.cashPlan(), year, date));
				yearPlan.put(key, YearEndProjection.yearPlan(total.cashPlan()));
			}
		}
		Map<List<String>, BigDecimal> realised = new HashMap<>();
		for (SpendingLedger.Total total : this.ledger.totals(region.pemda(), year)) {
			if (this.categories.contains(total.category())) {
				realised.put(SpendingSnapshot.key(total.category(), total.opd()), total.realised());
			}
		}
		Map<List<String>, SpendingSnapshot.Figures> figures = new HashMap<>();
		for (List<String> key : union(pagu, realised)) {
			figures.put(key, new SpendingSnapshot.Figures(pagu.getOrDefault(key, BigDecimal.ZERO),
					plan.getOrDefault(key, BigDecimal.ZERO), realised.getOrDefault(key, BigDecimal.ZERO),
					yearPlan.getOrDefault(key, BigDecimal.ZERO)));
		}
		return new SpendingSnapshot(date, Map.copyOf(figures));
	}

	private static Set<List<String>> union(Map<List<String>, ?> a, Map<List<String>, ?> b) {
		Set<List<String>> keys = new HashSet<>(a.keySet());
		keys.addAll(b.keySet());
		return keys;
	}

}
