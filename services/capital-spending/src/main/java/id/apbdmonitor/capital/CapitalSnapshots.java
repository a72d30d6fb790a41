package id.apbdmonitor.capital;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
import id.apbdmonitor.core.projection.YearEndProjection;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;

import org.springframework.stereotype.Component;

/**
 * Builds the capital snapshot of every region from its budget lines and the contract totals per
 * sub-kegiatan of the region's watched year, on the region's own business date: a refresh reads
 * O(OPDs) rows per region, however many contracts the ledger holds.
 */
@Component
class CapitalSnapshots implements SnapshotRefresher {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final CapitalSnapshot EMPTY = CapitalSnapshot.empty();

	private final BudgetStore budget;

	private final CapitalLedger ledger;

	private final BusinessClock clock;

	private final FiscalYears fiscalYears;

	private final Regions regions;

	/** pemda → the priority projects of that region. */
	private final Map<String, List<CapitalProperties.Project>> projects;

	private final String category;

	/** pemda → its snapshot; a region before its first refresh has none. */
	private final AtomicReference<Map<String, CapitalSnapshot>> current = new AtomicReference<>(Map.of());

	CapitalSnapshots(BudgetStore budget, CapitalLedger ledger, BusinessClock clock, FiscalYears fiscalYears,
			CapitalProperties properties, Regions regions, CategoryProperties category) {
		this.budget = budget;
		this.ledger = ledger;
		this.clock = clock;
		this.fiscalYears = fiscalYears;
		this.regions = regions;
		this.projects = projectsByRegion(properties, regions);
		this.category = category.name();
	}

	/**
	 * Fails the start on a project of a pemda no region file gives: its series would never be
	 * exported, and the project would silently read as absent.
	 */
	private static Map<String, List<CapitalProperties.Project>> projectsByRegion(CapitalProperties properties,
			Regions regions) {
		String home = regions.home().pemda();
		for (CapitalProperties.Project project : properties.projects()) {
			if (!regions.contains(project.pemdaOr(home))) {
				throw new IllegalStateException("apbd.capital.projects '" + project.code() + "' is of pemda "
						+ project.pemda() + ", which is none of the monitored regions");
			}
		}
		Map<String, List<CapitalProperties.Project>> byRegion = new HashMap<>();
		for (RegionProperties region : regions.all()) {
			byRegion.put(region.pemda(), properties.projectsOf(region.pemda(), home));
		}
		return Map.copyOf(byRegion);
	}

	CapitalSnapshot current(String pemda) {
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
		this.current.set(RegionSnapshots.rebuild(this.current.get(), regions, this::snapshot));
	}

	private CapitalSnapshot snapshot(RegionProperties region) {
		String pemda = region.pemda();
		LocalDate date = this.clock.today(region.zone());
		int year = this.fiscalYears.watched(region);
		Map<String, OpdSums> opds = new HashMap<>();
		for (BudgetStore.BudgetTotal total : this.budget.totals(pemda, year)) {
			if (this.category.equals(total.category())) {
				OpdSums sums = opds.computeIfAbsent(total.opd(), opd -> new OpdSums());
				sums.pagu = sums.pagu.add(total.pagu());
				sums.plan = sums.plan.add(CashPlan.toDate(total.cashPlan(), year, date));
				sums.yearPlan = sums.yearPlan.add(YearEndProjection.yearPlan(total.cashPlan()));
			}
		}
		List<CapitalProperties.Project> regionProjects = projects(pemda);
		Map<String, ProjectSums> projectSums = new HashMap<>();
		for (CapitalLedger.SubActivityTotal total : this.ledger.totals(pemda, year)) {
			OpdSums sums = opds.computeIfAbsent(total.opd(), opd -> new OpdSums());
			sums.realised = sums.realised.add(total.paid());
			sums.contracted = sums.contracted.add(total.contracted());
			sums.unpaid = sums.unpaid.add(total.handedOverUnpaid());
			CapitalProperties.Project project = CapitalProperties.projectOf(regionProjects, total.subActivity());
			if (project != null) {
				projectSums.computeIfAbsent(project.code(), code -> new ProjectSums()).add(total);
			}
		}
		Map<String, CapitalSnapshot.OpdFigures> byOpd = new HashMap<>();
		opds.forEach((opd, sums) -> byOpd.put(opd, new CapitalSnapshot.OpdFigures(sums.pagu, sums.plan, sums.realised,
				sums.contracted, sums.unpaid, sums.yearPlan)));
		Map<String, CapitalSnapshot.ProjectFigures> byProject = new HashMap<>();
		projectSums.forEach((code, sums) -> byProject.put(code, sums.figures()));
		return new CapitalSnapshot(date, Map.copyOf(byOpd), Map.copyOf(byProject));
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

	/** The priority projects of a region (none for a pemda not monitored). */
	List<CapitalProperties.Project> projects(String pemda) {
		return this.projects.getOrDefault(pemda, List.of());
	}

}
