package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import id.apbdmonitor.core.budget.BudgetStore;
import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.indicator.CashPlan;
import id.apbdmonitor.core.indicator.SnapshotRefresher;
import id.apbdmonitor.core.projection.YearEndProjection;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;

import org.springframework.stereotype.Component;

/**
 * Builds the TPP snapshot of every OPD from the budget lines and the stage ledger, against the
 * business date and the submission deadlines. The year monitored is the newest open fiscal year.
 */
@Component
class TppSnapshots implements SnapshotRefresher {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private final BudgetStore budget;

	private final TppLedger ledger;

	private final BusinessClock clock;

	private final FiscalYears fiscalYears;

	private final TppRules rules;

	private final RegionProperties region;

	private final String category;

	private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(null, 0, Map.of(), Map.of()));

	TppSnapshots(BudgetStore budget, TppLedger ledger, BusinessClock clock, FiscalYears fiscalYears,
			TppRules rules, Regions regions, CategoryProperties category) {
		this.budget = budget;
		this.ledger = ledger;
		this.clock = clock;
		this.fiscalYears = fiscalYears;
		this.rules = rules;
		this.region = regions.single("tpp-payments");
		this.category = category.name();
	}

	TppFigures of(String opd) {
		TppFigures figures = this.current.get().byOpd().get(opd);
		return (figures != null) ? figures : empty();
	}

	/**
	 * The OPD's projected TPP realised at 31 December (0 before the first refresh): the pace is
	 * realised ÷ the cash plan of the months already ended, since TPP is paid in arrears.
	 */
	BigDecimal projectedYearEnd(String opd) {
		return this.current.get().projected().getOrDefault(opd, ZERO);
	}

	/** The submission deadline of a month of the monitored year. */
	LocalDate deadline(int month) {
		Snapshot snapshot = this.current.get();
		int year = (snapshot.year() != 0) ? snapshot.year() : this.fiscalYears.watched();
		return this.rules.deadline(year, month);
	}

	@Override
	public LocalDate businessDate() {
		return this.current.get().businessDate();
	}

	@Override
	public synchronized void refresh() {
		LocalDate today = this.clock.today();
		int year = this.fiscalYears.watched();
		String pemda = this.region.pemda();
		Map<String, BigDecimal> pagu = new HashMap<>();
		Map<String, BigDecimal> plan = new HashMap<>();
		Map<String, BigDecimal> yearPlan = new HashMap<>();
		Map<String, BigDecimal> planOfEndedMonths = new HashMap<>();
		// TPP is paid after its month ends: its pace is measured against the plan of the months
		// already ended, never against the current month's pro-rata share that no TPP can have paid
		LocalDate lastMonthEnd = today.withDayOfMonth(1).minusDays(1);
		for (BudgetStore.BudgetTotal total : this.budget.totals(pemda, year)) {
			if (this.category.equals(total.category())) {
				pagu.put(total.opd(), total.pagu());
				plan.put(total.opd(), CashPlan.toDate(total.cashPlan(), year, today));
				yearPlan.put(total.opd(), YearEndProjection.yearPlan(total.cashPlan()));
				planOfEndedMonths.put(total.opd(), CashPlan.toDate(total.cashPlan(), year, lastMonthEnd));
			}
		}
		Map<String, Map<Integer, Map<Stage, TppLedger.StageRow>>> stages = new HashMap<>();
		for (TppLedger.StageRow row : this.ledger.stages(pemda, year, this.rules.stagesRead())) {
			stages.computeIfAbsent(row.opd(), opd -> new HashMap<>())
				.computeIfAbsent(row.month(), month -> new HashMap<>())
				.put(row.stage(), row);
		}
		Map<String, TppFigures> figures = new HashMap<>();
		Map<String, BigDecimal> projected = new HashMap<>();
		List<LocalDate> deadlines = this.rules.deadlines(year);
		for (String opd : this.region.opdCodes()) {
			TppFigures opdFigures = this.rules.figures(year, today, stages.getOrDefault(opd, Map.of()),
					pagu.getOrDefault(opd, ZERO), plan.getOrDefault(opd, ZERO), deadlines);
			figures.put(opd, opdFigures);
			projected.put(opd, YearEndProjection.spending(opdFigures.pagu(), yearPlan.getOrDefault(opd, ZERO),
					planOfEndedMonths.getOrDefault(opd, ZERO), opdFigures.realised()));
		}
		this.current.set(new Snapshot(today, year, Map.copyOf(figures), Map.copyOf(projected)));
	}

	private static TppFigures empty() {
		List<LocalDate> none = Collections.nCopies(12, null);
		return new TppFigures(0, ZERO, ZERO, ZERO, 0, 0, 0, 0, 0, 0, none, none);
	}

	private record Snapshot(LocalDate businessDate, int year, Map<String, TppFigures> byOpd,
			Map<String, BigDecimal> projected) {
	}

}
