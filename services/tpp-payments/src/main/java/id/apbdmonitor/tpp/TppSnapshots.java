package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import id.apbdmonitor.core.budget.BudgetStore;
import id.apbdmonitor.core.calendar.RegionCalendars;
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
 * Builds the TPP snapshot of every OPD of every region from the budget lines and the stage
 * ledger, on the region's own business date and against the submission deadlines of its own
 * calendar. The year monitored is the region's newest open fiscal year.
 */
@Component
class TppSnapshots implements SnapshotRefresher {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private static final Snapshot EMPTY = new Snapshot(null, 0, Map.of(), Map.of());

	private final BudgetStore budget;

	private final TppLedger ledger;

	private final BusinessClock clock;

	private final FiscalYears fiscalYears;

	private final Regions regions;

	/** pemda → the rules on the region's calendar. */
	private final Map<String, TppRules> rules;

	private final String category;

	/** pemda → its snapshot; a region before its first refresh has none. */
	private final AtomicReference<Map<String, Snapshot>> current = new AtomicReference<>(Map.of());

	/** Run after each refresh, on the refreshing thread: the sparse series follow the new snapshot there, not on a scrape. */
	private final List<Consumer<List<RegionProperties>>> refreshed = new CopyOnWriteArrayList<>();

	TppSnapshots(BudgetStore budget, TppLedger ledger, BusinessClock clock, FiscalYears fiscalYears,
			TppProperties properties, RegionCalendars calendars, Regions regions, CategoryProperties category) {
		this.budget = budget;
		this.ledger = ledger;
		this.clock = clock;
		this.fiscalYears = fiscalYears;
		this.regions = regions;
		Map<String, TppRules> byPemda = new HashMap<>();
		for (RegionProperties region : regions.all()) {
			byPemda.put(region.pemda(), new TppRules(properties, calendars.of(region.pemda())));
		}
		this.rules = Map.copyOf(byPemda);
		this.category = category.name();
	}

	/** Tells {@code listener} the regions of every refresh. */
	void afterRefresh(Consumer<List<RegionProperties>> listener) {
		this.refreshed.add(listener);
	}

	TppFigures of(String pemda, String opd) {
		TppFigures figures = current(pemda).byOpd().get(opd);
		return (figures != null) ? figures : empty();
	}

	/**
	 * The OPD's projected TPP realised at 31 December (0 before the first refresh): the pace is
	 * realised ÷ the cash plan of the months already ended, since TPP is paid in arrears.
	 */
	BigDecimal projectedYearEnd(String pemda, String opd) {
		return current(pemda).projected().getOrDefault(opd, ZERO);
	}

	/** The submission deadline of a month of the region's monitored year. */
	LocalDate deadline(String pemda, int month) {
		Snapshot snapshot = current(pemda);
		int year = (snapshot.year() != 0) ? snapshot.year()
				: this.fiscalYears.watched(this.regions.find(pemda).orElseThrow());
		return this.rules.get(pemda).deadline(year, month);
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
		this.current.set(RegionSnapshots.rebuild(this.current.get(), regions, this::snapshot));
		this.refreshed.forEach(listener -> listener.accept(regions));
	}

	private Snapshot current(String pemda) {
		return this.current.get().getOrDefault(pemda, EMPTY);
	}

	private Snapshot snapshot(RegionProperties region) {
		LocalDate today = this.clock.today(region.zone());
		int year = this.fiscalYears.watched(region);
		String pemda = region.pemda();
		TppRules rules = this.rules.get(pemda);
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
		for (TppLedger.StageRow row : this.ledger.stages(pemda, year, rules.stagesRead())) {
			stages.computeIfAbsent(row.opd(), opd -> new HashMap<>())
				.computeIfAbsent(row.month(), month -> new HashMap<>())
				.put(row.stage(), row);
		}
		Map<String, TppFigures> figures = new HashMap<>();
		Map<String, BigDecimal> projected = new HashMap<>();
		List<LocalDate> deadlines = rules.deadlines(year);
		for (String opd : region.opdCodes()) {
			TppFigures opdFigures = rules.figures(year, today, stages.getOrDefault(opd, Map.of()),
					pagu.getOrDefault(opd, ZERO), plan.getOrDefault(opd, ZERO), deadlines);
			figures.put(opd, opdFigures);
			projected.put(opd, YearEndProjection.spending(opdFigures.pagu(), yearPlan.getOrDefault(opd, ZERO),
					planOfEndedMonths.getOrDefault(opd, ZERO), opdFigures.realised()));
		}
		return new Snapshot(today, year, Map.copyOf(figures), Map.copyOf(projected));
	}

	private static TppFigures empty() {
		List<LocalDate> none = Collections.nCopies(12, null);
		return new TppFigures(0, ZERO, ZERO, ZERO, 0, 0, 0, 0, 0, 0, none, none);
	}

	private record Snapshot(LocalDate businessDate, int year, Map<String, TppFigures> byOpd,
			Map<String, BigDecimal> projected) {
	}

}
