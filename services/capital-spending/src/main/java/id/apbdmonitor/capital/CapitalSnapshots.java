package id.apbdmonitor.capital;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
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
import id.apbdmonitor.core.region.Regions;

import org.springframework.stereotype.Component;

/**
 * Builds the capital snapshot from the budget lines and the contract totals per sub-kegiatan of
 * the current year: a refresh reads O(OPDs) rows, however many contracts the ledger holds.
 */
@Component
class CapitalSnapshots implements SnapshotRefresher {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final BudgetStore budget;

	private final CapitalLedger ledger;

	private final BusinessClock clock;

	private final FiscalYears fiscalYears;

	private final CapitalProperties properties;

	private final String pemda;

	private final String category;

	private final AtomicReference<CapitalSnapshot> current = new AtomicReference<>(CapitalSnapshot.empty());

	CapitalSnapshots(BudgetStore budget, CapitalLedger ledger, BusinessClock clock, FiscalYears fiscalYears,
			CapitalProperties properties, Regions regions, CategoryProperties category) {
		this.budget = budget;
		this.ledger = ledger;
		this.clock = clock;
		this.fiscalYears = fiscalYears;
		this.properties = properties;
		this.pemda = regions.single("capital-spending").pemda();
		this.category = category.name();
	}

	CapitalSnapshot current() {
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
		Map<String, OpdSums> opds = new HashMap<>();
		for (BudgetStore.BudgetTotal total : this.budget.totals(this.pemda, year)) {
			if (this.category.equals(total.category())) {
				OpdSums sums = opds.computeIfAbsent(total.opd(), opd -> new OpdSums());
				sums.pagu = sums.pagu.add(total.pagu());
				sums.plan = sums.plan.add(CashPlan.toDate(total.cashPlan(), year, date));
				sums.yearPlan = sums.yearPlan.add(YearEndProjection.yearPlan(total.cashPlan()));
			}
		}
		Map<String, ProjectSums> projects = new HashMap<>();
		for (CapitalLedger.SubActivityTotal total : this.ledger.totals(this.pemda, year)) {
			OpdSums sums = opds.computeIfAbsent(total.opd(), opd -> new OpdSums());
			sums.realised = sums.realised.add(total.paid());
			sums.contracted = sums.contracted.add(total.contracted());
			sums.unpaid = sums.unpaid.add(total.handedOverUnpaid());
			CapitalProperties.Project project = this.properties.projectOf(total.subActivity());
			if (project != null) {
				projects.computeIfAbsent(project.code(), code -> new ProjectSums()).add(total);
			}
		}
		Map<String, CapitalSnapshot.OpdFigures> byOpd = new HashMap<>();
		opds.forEach((opd, sums) -> byOpd.put(opd, new CapitalSnapshot.OpdFigures(sums.pagu, sums.plan, sums.realised,
				sums.contracted, sums.unpaid, sums.yearPlan)));
		Map<String, CapitalSnapshot.ProjectFigures> byProject = new HashMap<>();
		projects.forEach((code, sums) -> byProject.put(code, sums.figures()));
		this.current.set(new CapitalSnapshot(date, Map.copyOf(byOpd), Map.copyOf(byProject)));
	}

	private static final class OpdSums {

		BigDecimal pagu = BigDecimal.ZERO;

		BigDecimal plan = BigDecimal.ZERO;

		BigDecimal realised = BigDecimal.ZERO;

		BigDecimal contracted = BigDecimal.ZERO;

		BigDecimal unpaid = BigDecimal.ZERO;

		BigDecimal yearPlan = BigDecimal.ZERO;

	}

	private static final class ProjectSums {

		BigDecimal value = BigDecimal.ZERO;

		BigDecimal paid = BigDecimal.ZERO;

		BigDecimal progressTimesValue = BigDecimal.ZERO;

		BigDecimal unpaid = BigDecimal.ZERO;

		LocalDate plannedEnd;

		void add(CapitalLedger.SubActivityTotal total) {
			this.value = this.value.add(total.contracted());
			this.paid = this.paid.add(total.paid());
			this.progressTimesValue = this.progressTimesValue.add(total.progressValue());
			this.unpaid = this.unpaid.add(total.handedOverUnpaid());
			if (this.plannedEnd == null || total.plannedEnd().isAfter(this.plannedEnd)) {
				this.plannedEnd = total.plannedEnd();
			}
		}

		CapitalSnapshot.ProjectFigures figures() {
			BigDecimal physical = this.progressTimesValue.divide(this.value.multiply(HUNDRED), MathContext.DECIMAL64);
			BigDecimal financial = this.paid.divide(this.value, MathContext.DECIMAL64);
			return new CapitalSnapshot.ProjectFigures(this.value, this.paid, physical.setScale(6, RoundingMode.HALF_EVEN),
					financial.setScale(6, RoundingMode.HALF_EVEN), this.plannedEnd, this.unpaid);
		}

	}

	List<CapitalProperties.Project> projects() {
		return this.properties.projects();
	}

}
