package id.apbdmonitor.core.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import id.apbdmonitor.core.budget.BudgetStore;
import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.indicator.CashPlan;
import id.apbdmonitor.core.indicator.SnapshotRefresher;
import id.apbdmonitor.core.projection.YearEndProjection;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.RegionProperties;

import org.springframework.stereotype.Component;

/** Builds the spending snapshot from the budget lines and the ledger totals of the watched fiscal year. */
@Component
class SpendingSnapshots implements SnapshotRefresher {

	private final BudgetStore budget;

	private final SpendingLedger ledger;

	private final BusinessClock clock;

	private final FiscalYears fiscalYears;

	private final String pemda;

	private final Set<String> categories;

	private final AtomicReference<SpendingSnapshot> current;

	SpendingSnapshots(BudgetStore budget, SpendingLedger ledger, BusinessClock clock, FiscalYears fiscalYears,
			RegionProperties region, CategoryProperties category) {
		this.budget = budget;
		this.ledger = ledger;
		this.clock = clock;
		this.fiscalYears = fiscalYears;
		this.pemda = region.pemda();
		this.categories = Set.copyOf(category.names());
		this.current = new AtomicReference<>(SpendingSnapshot.empty(null));
	}

	SpendingSnapshot current() {
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
		Map<List<String>, BigDecimal> pagu = new HashMap<>();
		Map<List<String>, BigDecimal> plan = new HashMap<>();
		Map<List<String>, BigDecimal> yearPlan = new HashMap<>();
		for (BudgetStore.BudgetTotal total : this.budget.totals(this.pemda, year)) {
			if (this.categories.contains(total.category())) {
				List<String> key = SpendingSnapshot.key(total.category(), total.opd());
				pagu.put(key, total.pagu());
				plan.put(key, CashPlan.toDate(total.cashPlan(), year, date));
				yearPlan.put(key, YearEndProjection.yearPlan(total.cashPlan()));
			}
		}
		Map<List<String>, BigDecimal> realised = new HashMap<>();
		for (SpendingLedger.Total total : this.ledger.totals(this.pemda, year)) {
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
		this.current.set(new SpendingSnapshot(date, Map.copyOf(figures)));
	}

	private static Set<List<String>> union(Map<List<String>, ?> a, Map<List<String>, ?> b) {
		Set<List<String>> keys = new HashSet<>(a.keySet());
		keys.addAll(b.keySet());
		return keys;
	}

}
