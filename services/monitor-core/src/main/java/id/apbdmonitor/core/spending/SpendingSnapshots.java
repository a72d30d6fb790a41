package id.apbdmonitor.core.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import id.apbdmonitor.core.budget.BudgetStore;
import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.indicator.CashPlan;
import id.apbdmonitor.core.indicator.SnapshotRefresher;
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

	private final String category;

	private final AtomicReference<SpendingSnapshot> current;

	SpendingSnapshots(BudgetStore budget, SpendingLedger ledger, BusinessClock clock, FiscalYears fiscalYears,
			RegionProperties region, CategoryProperties category) {
		this.budget = budget;
		this.ledger = ledger;
		this.clock = clock;
		this.fiscalYears = fiscalYears;
		this.pemda = region.pemda();
		this.category = category.name();
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
		Map<String, BigDecimal> pagu = new HashMap<>();
		Map<String, BigDecimal> plan = new HashMap<>();
		for (BudgetStore.BudgetTotal total : this.budget.totals(this.pemda, year)) {
			if (this.category.equals(total.category())) {
				pagu.put(total.opd(), total.pagu());
				plan.put(total.opd(), CashPlan.toDate(total.cashPlan(), year, date));
			}
		}
		Map<String, BigDecimal> realised = new HashMap<>();
		for (SpendingLedger.Total total : this.ledger.totals(this.pemda, year)) {
			if (this.category.equals(total.category())) {
				realised.put(total.opd(), total.realised());
			}
		}
		Map<String, SpendingSnapshot.Figures> byOpd = new HashMap<>();
		for (String opd : union(pagu, realised)) {
			byOpd.put(opd, new SpendingSnapshot.Figures(pagu.getOrDefault(opd, BigDecimal.ZERO),
					plan.getOrDefault(opd, BigDecimal.ZERO), realised.getOrDefault(opd, BigDecimal.ZERO)));
		}
		this.current.set(new SpendingSnapshot(date, Map.copyOf(byOpd)));
	}

	private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
		java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
		keys.addAll(b.keySet());
		return keys;
	}

}
