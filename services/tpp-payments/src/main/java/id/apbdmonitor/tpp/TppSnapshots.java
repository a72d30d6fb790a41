package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import id.apbdmonitor.core.budget.BudgetStore;
import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.event.EnvelopeReader;
import id.apbdmonitor.core.indicator.CashPlan;
import id.apbdmonitor.core.indicator.SnapshotRefresher;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.RegionProperties;

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

	private final EnvelopeReader envelopes;

	private final TppProperties rules;

	private final RegionProperties region;

	private final String category;

	private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(null, 0, Map.of()));

	TppSnapshots(BudgetStore budget, TppLedger ledger, BusinessClock clock, EnvelopeReader envelopes,
			TppProperties rules, RegionProperties region, CategoryProperties category) {
		this.budget = budget;
		this.ledger = ledger;
		this.clock = clock;
		this.envelopes = envelopes;
		this.rules = rules;
		this.region = region;
		this.category = category.name();
	}

	TppFigures of(String opd) {
		TppFigures figures = this.current.get().byOpd().get(opd);
		return (figures != null) ? figures : empty();
	}

	/** The submission deadline of a month of the monitored year. */
	LocalDate deadline(int month) {
		Snapshot snapshot = this.current.get();
		int year = (snapshot.year() != 0) ? snapshot.year() : monitoredYear(this.clock.today());
		return this.rules.deadline(year, month);
	}

	@Override
	public LocalDate businessDate() {
		return this.current.get().businessDate();
	}

	@Override
	public synchronized void refresh() {
		LocalDate today = this.clock.today();
		int year = monitoredYear(today);
		String pemda = this.region.pemda();
		Map<String, BigDecimal> pagu = new HashMap<>();
		Map<String, BigDecimal> plan = new HashMap<>();
		for (BudgetStore.BudgetTotal total : this.budget.totals(pemda, year)) {
			if (this.category.equals(total.category())) {
				pagu.put(total.opd(), total.pagu());
				plan.put(total.opd(), CashPlan.toDate(total.cashPlan(), year, today));
			}
		}
		Map<String, Map<Integer, Map<Stage, TppLedger.StageRow>>> stages = new HashMap<>();
		for (TppLedger.StageRow row : this.ledger.stages(pemda, year)) {
			stages.computeIfAbsent(row.opd(), opd -> new HashMap<>())
				.computeIfAbsent(row.month(), month -> new HashMap<>())
				.put(row.stage(), row);
		}
		int monthsDue = 0;
		List<LocalDate> deadlines = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			if (LocalDate.of(year, month, 1).plusMonths(1).minusDays(1).isBefore(today)) {
				monthsDue++;
			}
			deadlines.add(this.rules.deadline(year, month));
		}
		Map<String, TppFigures> figures = new HashMap<>();
		for (String opd : this.region.opdCodes()) {
			figures.put(opd, figures(year, today, monthsDue, deadlines, stages.getOrDefault(opd, Map.of()),
					pagu.getOrDefault(opd, ZERO), plan.getOrDefault(opd, ZERO)));
		}
		this.current.set(new Snapshot(today, year, Map.copyOf(figures)));
	}

	private TppFigures figures(int year, LocalDate today, int monthsDue, List<LocalDate> deadlines,
			Map<Integer, Map<Stage, TppLedger.StageRow>> months, BigDecimal pagu, BigDecimal plan) {
		BigDecimal realised = ZERO;
		int paid = 0;
		int late = 0;
		int lastPaid = 0;
		boolean contiguous = true;
		List<LocalDate> spm = new ArrayList<>(Collections.nCopies(12, null));
		List<LocalDate> sp2d = new ArrayList<>(Collections.nCopies(12, null));
		for (int month = 1; month <= 12; month++) {
			Map<Stage, TppLedger.StageRow> reached = months.getOrDefault(month, Map.of());
			TppLedger.StageRow paidRow = reached.get(Stage.SP2D);
			if (paidRow != null) {
				realised = realised.add(paidRow.amount());
				paid++;
				sp2d.set(month - 1, paidRow.occurredOn());
			}
			contiguous = contiguous && paidRow != null;
			if (contiguous) {
				lastPaid = month;
			}
			TppLedger.StageRow spmRow = reached.get(Stage.SPM);
			if (spmRow != null) {
				spm.set(month - 1, spmRow.occurredOn());
			}
			if (!reached.containsKey(this.rules.submittedStage()) && today.isAfter(deadlines.get(month - 1))) {
				late++;
			}
		}
		return new TppFigures(year, pagu, plan, realised, monthsDue, paid, late, lastPaid, Collections.unmodifiableList(spm),
				Collections.unmodifiableList(sp2d));
	}

	private int monitoredYear(LocalDate today) {
		return this.envelopes.openFiscalYears().stream().max(Integer::compare).orElse(today.getYear());
	}

	private static TppFigures empty() {
		List<LocalDate> none = Collections.nCopies(12, null);
		return new TppFigures(0, ZERO, ZERO, ZERO, 0, 0, 0, 0, none, none);
	}

	private record Snapshot(LocalDate businessDate, int year, Map<String, TppFigures> byOpd) {
	}

}
