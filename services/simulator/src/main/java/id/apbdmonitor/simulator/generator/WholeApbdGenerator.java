package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The rest of the APBD, for other-spending ({@code apbd.other.v1}): personnel other than TPP,
 * grants, social assistance, interest and subsidies, unexpected spending (BTT) and transfers, so
 * that the generated year spends the whole APBD of its {@link Scenario}. Runs after every other
 * generator and reads what they produced: personnel (salaries, the biggest line of a kota's
 * budget) is the balancing category of the total pagu, in the original DPA and after the
 * APBD-Perubahan, and in a scenario with absorption points its salary payments are sized so
 * that the whole APBD's realised ÷ pagu passes exactly through them.
 */
final class WholeApbdGenerator {

	/** The categories generated here, in the order of {@link Category}. */
	static final List<Category> CATEGORIES = List.of(Category.PERSONNEL, Category.INTEREST_SUBSIDIES, Category.GRANTS,
			Category.SOCIAL, Category.UNEXPECTED, Category.TRANSFERS);

	/**
	 * Civil servants (and council members, for SETWAN) per OPD: the weights of the personnel
	 * pagu. Teachers make DIKPORA the biggest employer; kecamatan include their kelurahan.
	 */
	private static final Map<String, Double> STAFF = Map.ofEntries(Map.entry("SETDA", 160.0),
			Map.entry("SETWAN", 85.0), Map.entry("INSPEKTORAT", 45.0), Map.entry("BAPPEDA", 40.0),
			Map.entry("BPKAD", 95.0), Map.entry("BKPSDM", 40.0), Map.entry("KESBANGPOL", 25.0), Map.entry("BPBD", 35.0),
			Map.entry("DIKPORA", 1450.0), Map.entry("DINKES", 430.0), Map.entry("RSUD", 390.0), Map.entry("PUPR", 110.0),
			Map.entry("PERKIM", 45.0), Map.entry("SATPOLPP", 70.0), Map.entry("DINSOS", 40.0), Map.entry("DISNAKER", 30.0),
			Map.entry("DP3A", 30.0), Map.entry("KETAPANG", 30.0), Map.entry("DLH", 75.0), Map.entry("DUKCAPIL", 40.0),
			Map.entry("DISHUB", 55.0), Map.entry("DISKOMINFOTIK", 35.0), Map.entry("DPMPTSP", 30.0),
			Map.entry("DISPUSIP", 25.0), Map.entry("DKP", 35.0), Map.entry("DISPARBUD", 35.0), Map.entry("DISTAN", 55.0),
			Map.entry("KOPERINDAG", 40.0), Map.entry("KEC-RASANAE-BARAT", 55.0), Map.entry("KEC-MPUNDA", 55.0),
			Map.entry("KEC-RABA", 55.0), Map.entry("KEC-RASANAE-TIMUR", 50.0), Map.entry("KEC-ASAKOTA", 50.0));

	private static final double REGION_STAFF = STAFF.values().stream().mapToDouble(Double::doubleValue).sum();

	/** Personnel lines of every OPD and the share of its personnel pagu each takes. */
	private static final Map<String, Double> SALARY_ACCOUNTS = linked(
			"5.1.01.01.01.0001", 0.64, // belanja gaji pokok PNS
			"5.1.01.01.02.0001", 0.11, // belanja tunjangan keluarga PNS
			"5.1.01.01.05.0001", 0.25); // belanja tunjangan fungsional PNS

	/** SETWAN also pays the council (5.1.01.04), SETDA the mayor and deputy (5.1.01.05). */
	private static final Map<String, String> EXTRA_ACCOUNT = Map.of("SETWAN", "5.1.01.04.01.0001", "SETDA",
			"5.1.01.05.01.0001");

	/** Salaries of 12 months, THR in March and the 13th salary in June: 14 payments. */
	private static final double[] SALARY_MONTHS = { 1, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1 };

	/** Personnel pagu of the whole of Kota Bima when the APBD is not balanced (a partial region), thousands. */
	private static final long NOMINAL_PERSONNEL = 258_000_000L;

	/** Grants, social assistance, interest and subsidies, BTT and transfers: sizes and holders. */
	private static final List<Part> PARTS = List.of(
			new Part(Category.INTEREST_SUBSIDIES, 2_000_000L, linked("BPKAD", 1.0), "5.1.04.01.01.0001",
					new double[] { 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1 }, 1, 0.99, 1.0), // subsidi PDAM
			new Part(Category.GRANTS, 55_000_000L, linked("BPKAD", 0.45, "SETDA", 0.35, "DIKPORA", 0.20),
					"5.1.05.05.01.0001", new double[] { 0, 0, 0.15, 0.2, 0.15, 0.05, 0.05, 0.1, 0.1, 0.1, 0.05, 0.05 }, 2,
					0.90, 0.98), // hibah kepada badan, lembaga dan ormas
			new Part(Category.SOCIAL, 12_000_000L, linked("DINSOS", 0.75, "BPKAD", 0.25), "5.1.06.01.01.0001",
					new double[] { 0.04, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.16 }, 3, 0.85,
					0.95), // bantuan sosial kepada individu
			new Part(Category.UNEXPECTED, 8_000_000L, linked("BPKAD", 1.0), "5.3.01.01.01.0001",
					new double[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, 1, 0.30, 0.60), // belanja tidak terduga
			new Part(Category.TRANSFERS, 6_000_000L, linked("BPKAD", 1.0), "5.4.02.05.01.0001",
					new double[] { 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1 }, 1, 0.95, 1.0)); // bantuan keuangan

	private static final double REVERSED_SHARE = 0.01;

	private final GeneratorSettings settings;

	private final Scenario scenario;

	private final BudgetPlanner planner;

	WholeApbdGenerator(GeneratorSettings settings, Scenario scenario, BudgetPlanner planner) {
		if (scenario.fiscalYear() != settings.fiscalYear()) {
			throw new IllegalArgumentException("scenario " + scenario.name() + " is for " + scenario.fiscalYear()
					+ ", the settings generate " + settings.fiscalYear());
		}
		this.settings = settings;
		this.scenario = scenario;
		this.planner = planner;
	}

	/** The budget lines of the six categories, personnel sized to complete the APBD of the scenario. */
	List<BudgetLine> plan(List<Draft> others, Random random) {
		List<BudgetLine> lines = new ArrayList<>();
		for (Part part : PARTS) {
			part.holders().forEach((opd, share) -> {
				if (this.settings.opds().contains(opd)) {
					long pagu = Math.max(1, Math.round(part.regionPagu() * share / Money.MILLION)) * Money.MILLION;
					lines.add(this.planner.line(part.category(), opd, subActivity(opd, lines.size()), part.account(),
							pagu, part.months()));
				}
			});
		}
		long nonPersonnel = lines.stream().mapToLong((line) -> line.latest().pagu()).sum();
		LocalDate beforeAmendment = this.planner.amendedOn().minusDays(1);
		long personnel;
		if (this.scenario.balanced()) {
			personnel = this.scenario.apbdSpendingThousands() - paguInForce(others, beforeAmendment) - nonPersonnel;
			if (personnel < this.scenario.apbdSpendingThousands() / 10) {
				throw new IllegalStateException("the other categories leave Rp " + personnel
						+ " thousand of the APBD for personnel: the scenario's total is too small");
			}
		}
		else {
			double present = this.settings.opds().stream().mapToDouble((opd) -> STAFF.getOrDefault(opd, 40.0)).sum();
			personnel = Math.round(NOMINAL_PERSONNEL * present / REGION_STAFF / Money.MILLION) * Money.MILLION;
		}
		List<BudgetLine> salaries = planSalaries(personnel, random);
		if (this.scenario.balanced()) {
			long amended = this.scenario.amendedApbdSpendingThousands() - paguInForce(others, LocalDate.MAX)
					- nonPersonnel;
			amendSalaries(salaries, amended);
		}
		lines.addAll(salaries);
		return lines;
	}

	private List<BudgetLine> planSalaries(long personnel, Random random) {
		List<String> opds = this.settings.opds();
		double[] weights = new double[opds.size()];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = STAFF.getOrDefault(opds.get(i), 40.0) * Split.between(random, 0.95, 1.05);
		}
		// whole millions per OPD; the last OPD takes the rounding, to the thousand
		long[] millions = Split.byWeights(personnel / Money.MILLION, weights);
		long remainder = personnel - (personnel / Money.MILLION) * Money.MILLION;
		List<BudgetLine> lines = new ArrayList<>();
		for (int i = 0; i < opds.size(); i++) {
			String opd = opds.get(i);
			long opdPagu = millions[i] * Money.MILLION + ((i == opds.size() - 1) ? remainder : 0);
			Map<String, Double> accounts = new LinkedHashMap<>(SALARY_ACCOUNTS);
			if (EXTRA_ACCOUNT.containsKey(opd)) {
				accounts.put(EXTRA_ACCOUNT.get(opd), 0.15);
			}
			long[] pagus = Split.byWeights(opdPagu, accounts.values().stream().mapToDouble(Double::doubleValue).toArray());
			int index = 0;
			for (String account : accounts.keySet()) {
				lines.add(this.planner.line(Category.PERSONNEL, opd, salarySubActivity(opd), account, pagus[index++],
						SALARY_MONTHS));
			}
		}
		return lines;
	}

	/** The APBD-P brings the personnel total to {@code amended}, spread over the lines by their pagu. */
	private void amendSalaries(List<BudgetLine> salaries, long amended) {
		long current = salaries.stream().mapToLong((line) -> line.latest().pagu()).sum();
		long change = amended - current;
		if (change == 0) {
			return;
		}
		double[] weights = salaries.stream().mapToDouble((line) -> line.latest().pagu()).toArray();
		long[] parts = Split.byWeights(change, weights);
		for (int i = 0; i < salaries.size(); i++) {
			if (!this.planner.amendTo(salaries.get(i), salaries.get(i).latest().pagu() + parts[i])) {
				throw new IllegalStateException("the APBD-P cannot move personnel by " + change + " thousand rupiah");
			}
		}
	}

	/**
	 * The realisations of the lines; those of personnel last. When the scenario has absorption
	 * points, {@code spending} (the goods and services realisations, not yet numbered) and these
	 * realisations are re-timed first so that the salaries can keep their calendar, and the
	 * salaries then close the last gap to each point exactly.
	 */
	Facts realise(List<BudgetLine> lines, List<Draft> others, Facts spending, Random random) {
		Facts facts = new Facts();
		List<SpendingFact> realised = new ArrayList<>();
		for (BudgetLine line : lines) {
			if (line.category != Category.PERSONNEL) {
				realisePart(line, part(line.category), random, realised);
			}
		}
		realised.forEach(facts::add);
		reverseSome(realised, random, facts);
		List<BudgetLine> salaries = lines.stream().filter((line) -> line.category == Category.PERSONNEL).toList();
		List<Slot> slots = slots(random);
		long[][] amounts = planned(salaries, slots, random);
		if (!this.scenario.absorption().isEmpty()) {
			retime(amounts, slots, lines, others, spending, facts, random);
			amounts = calibrated(salaries, slots, lines, others, spending, facts);
		}
		for (int s = 0; s < slots.size(); s++) {
			for (int l = 0; l < salaries.size(); l++) {
				BudgetLine line = salaries.get(l);
				facts.add(new SpendingFact(line.opd, Category.PERSONNEL, slots.get(s).date(), Mechanism.LS, line.account,
						amounts[s][l], random.nextLong()));
			}
		}
		return facts;
	}

	/** A share of each line's pagu, paid like its cash plan: 14 salaries, about 98 % of the pagu. */
	private long[][] planned(List<BudgetLine> salaries, List<Slot> slots, Random random) {
		long[][] amounts = new long[slots.size()][salaries.size()];
		double[] weights = slots.stream().mapToDouble(Slot::weight).toArray();
		for (int l = 0; l < salaries.size(); l++) {
			long total = (long) Math.floor(salaries.get(l).latest().pagu() * Split.between(random, 0.97, 0.99));
			long[] parts = Split.byWeights(total, weights);
			for (int s = 0; s < slots.size(); s++) {
				amounts[s][l] = parts[s];
			}
		}
		return amounts;
	}

	/**
	 * Salaries sized so that at the end of each absorption point's date the whole APBD's realised
	 * is the point's share of the pagu then in force: the payments up to the first point add up to
	 * what the other categories leave of its target, and so on; after the last point, up to
	 * 98.5 % of the personnel pagu. Within a stretch, payments follow the salary calendar.
	 */
	private long[][] calibrated(List<BudgetLine> salaries, List<Slot> slots, List<BudgetLine> lines,
			List<Draft> others, Facts spending, Facts facts) {
		long personnelPagu = salaries.stream().mapToLong((line) -> line.latest().pagu()).sum();
		long[] cumulative = new long[this.scenario.absorption().size() + 1];
		for (int p = 0; p < this.scenario.absorption().size(); p++) {
			Scenario.AbsorptionPoint point = this.scenario.absorption().get(p);
			long pagu = paguInForce(others, point.date()) + paguInForce(lines, point.date());
			long target = new BigDecimal(pagu).multiply(point.share()).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
			cumulative[p] = target - realisedUpTo(others, point.date()) - realisedUpTo(spending, point.date())
					- realisedUpTo(facts, point.date());
		}
		cumulative[cumulative.length - 1] = (long) Math.floor(personnelPagu * 0.985);
		long[][] amounts = new long[slots.size()][salaries.size()];
		long before = 0;
		for (int stretch = 0; stretch < cumulative.length; stretch++) {
			long sum = cumulative[stretch] - before;
			List<Integer> inStretch = new ArrayList<>();
			for (int s = 0; s < slots.size(); s++) {
				if (stretch(slots.get(s).date()) == stretch) {
					inStretch.add(s);
				}
			}
			if (sum < (long) inStretch.size() * salaries.size()) {
				throw new IllegalStateException("scenario " + this.scenario.name() + " cannot be reached: the "
						+ "salaries of stretch " + stretch + " would be Rp " + sum + " thousand");
			}
			double[] weights = new double[inStretch.size() * salaries.size()];
			for (int i = 0; i < inStretch.size(); i++) {
				for (int l = 0; l < salaries.size(); l++) {
					weights[i * salaries.size() + l] = slots.get(inStretch.get(i)).weight()
							* salaries.get(l).latest().pagu();
				}
			}
			long[] parts = Split.byWeights(sum, weights);
			for (int i = 0; i < inStretch.size(); i++) {
				for (int l = 0; l < salaries.size(); l++) {
					amounts[inStretch.get(i)][l] = parts[i * salaries.size() + l];
				}
			}
			before = cumulative[stretch];
		}
		return amounts;
	}

	/**
	 * Moves discretionary payments (goods, services, grants, social assistance, transfers, BTT;
	 * never one that is later reversed) across each absorption point, later when the year is
	 * ahead of the point, earlier when behind, until what they realise by the point leaves the
	 * salaries their calendar amount: a slow year is slow on what the OPDs can defer, not on
	 * salaries. Capital and TPP keep their own timing.
	 */
	private void retime(long[][] salaryAmounts, List<Slot> slots, List<BudgetLine> lines, List<Draft> others,
			Facts spending, Facts facts, Random random) {
		Set<SpendingFact> reversed = Collections.newSetFromMap(new IdentityHashMap<>());
		spending.reversals.forEach((reversal) -> reversed.add(reversal.original));
		facts.reversals.forEach((reversal) -> reversed.add(reversal.original));
		List<List<SpendingFact>> pools = List.of(spending.realisations, facts.realisations);
		List<Scenario.AbsorptionPoint> points = this.scenario.absorption();
		int year = this.settings.fiscalYear();
		for (int p = 0; p < points.size(); p++) {
			LocalDate point = points.get(p).date();
			LocalDate previous = (p == 0) ? LocalDate.of(year, 1, 4) : points.get(p - 1).date();
			LocalDate next = (p + 1 < points.size()) ? points.get(p + 1).date() : LocalDate.of(year, 12, 31);
			long salaries = 0;
			for (int s = 0; s < slots.size(); s++) {
				if (!slots.get(s).date().isAfter(point)) {
					salaries += Arrays.stream(salaryAmounts[s]).sum();
				}
			}
			long pagu = paguInForce(others, point) + paguInForce(lines, point);
			long target = new BigDecimal(pagu).multiply(points.get(p).share())
				.setScale(0, RoundingMode.HALF_EVEN)
				.longValueExact();
			long wanted = target - salaries - realisedUpTo(others, point);
			long now = realisedUpTo(spending, point) + realisedUpTo(facts, point);
			List<int[]> candidates = new ArrayList<>();
			for (int pool = 0; pool < pools.size(); pool++) {
				for (int i = 0; i < pools.get(pool).size(); i++) {
					SpendingFact fact = pools.get(pool).get(i);
					if (fact.category != Category.PERSONNEL && !reversed.contains(fact)) {
						candidates.add(new int[] { pool, i });
					}
				}
			}
			Collections.shuffle(candidates, random);
			boolean later = now > wanted;
			for (int[] candidate : candidates) {
				SpendingFact fact = pools.get(candidate[0]).get(candidate[1]);
				boolean before = fact.date.isAfter(previous) && !fact.date.isAfter(point);
				boolean after = fact.date.isAfter(point) && !fact.date.isAfter(next);
				if (later && before && now - fact.amount >= wanted) {
					pools.get(candidate[0]).set(candidate[1], redated(fact, between(random, point, next)));
					now -= fact.amount;
				}
				else if (!later && after && now + fact.amount <= wanted) {
					pools.get(candidate[0]).set(candidate[1], redated(fact, between(random, previous, point)));
					now += fact.amount;
				}
			}
		}
	}

	/** A random working day after {@code from}, up to {@code to}. */
	private static LocalDate between(Random random, LocalDate from, LocalDate to) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (WorkingDays.isWorkingDay(day)) {
				days.add(day);
			}
		}
		return days.isEmpty() ? to : days.get(random.nextInt(days.size()));
	}

	private static SpendingFact redated(SpendingFact fact, LocalDate date) {
		return new SpendingFact(fact.opd, fact.category, date, fact.mechanism, fact.account, fact.amount, fact.tiebreak);
	}

	/** Which stretch between absorption points a date is in: 0 up to the first point's date, and so on. */
	private int stretch(LocalDate date) {
		int stretch = 0;
		for (Scenario.AbsorptionPoint point : this.scenario.absorption()) {
			if (!date.isAfter(point.date())) {
				return stretch;
			}
			stretch++;
		}
		return stretch;
	}

	/**
	 * Salary days: the first working days of each month (in January a few days after the DPA of
	 * 2 January), THR mid-March, the 13th salary late June.
	 */
	private List<Slot> slots(Random random) {
		int year = this.settings.fiscalYear();
		List<Slot> slots = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			slots.add(new Slot(WorkingDays.pick(random, year, month, (month == 1) ? 5 : 1, (month == 1) ? 9 : 5), 1));
			if (month == 3) {
				slots.add(new Slot(WorkingDays.pick(random, year, 3, 10, 20), 1));
			}
			if (month == 6) {
				slots.add(new Slot(WorkingDays.pick(random, year, 6, 20, 26), 1));
			}
		}
		return slots;
	}

	private void realisePart(BudgetLine line, Part part, Random random, List<SpendingFact> out) {
		long target = (long) Math.floor(line.latest().pagu() * Split.between(random, part.shareFrom(), part.shareTo()));
		long[] plan = line.latest().cashPlan();
		double[] weights = new double[12];
		for (int month = 0; month < 12; month++) {
			weights[month] = plan[month] * Split.between(random, 0.85, 1.15);
		}
		long[] monthly = Split.byWeights(target, weights);
		int year = this.settings.fiscalYear();
		for (int month = 0; month < 12; month++) {
			int count = (int) Math.min(monthly[month], 1 + random.nextInt(part.documentsPerMonth()));
			if (count < 1) {
				continue;
			}
			for (long amount : Split.positive(monthly[month], count, random)) {
				LocalDate date = WorkingDays.pick(random, year, month + 1, (month == 0) ? 5 : 1, 31);
				out.add(new SpendingFact(line.opd, line.category, date, Mechanism.LS, line.account, amount,
						random.nextLong()));
			}
		}
	}

	private void reverseSome(List<SpendingFact> realised, Random random, Facts facts) {
		List<SpendingFact> candidates = new ArrayList<>(realised.stream()
			.filter((fact) -> fact.category == Category.GRANTS || fact.category == Category.SOCIAL)
			.filter((fact) -> fact.date.isBefore(LocalDate.of(fact.date.getYear(), 12, 21)))
			.toList());
		Collections.shuffle(candidates, random);
		long count = Math.min(candidates.size(), Math.max(1, Math.round(realised.size() * REVERSED_SHARE)));
		for (int i = 0; i < count; i++) {
			SpendingFact original = candidates.get(i);
			long amount = Math.max(1, (long) Math.floor(original.amount * Split.between(random, 0.1, 0.5)));
			LocalDate date = WorkingDays.after(original.date, 1 + random.nextInt(10));
			String reason = (original.category == Category.SOCIAL) ? "bansos returned: recipient not eligible"
					: "hibah returned: NPHD cancelled";
			facts.add(new ReversalFact(original, date, amount, reason, random.nextLong()));
		}
	}

	/**
	 * Per category of other-spending, an account outside all of them (for
	 * ACCOUNT_OUTSIDE_CATEGORY): TPP is personnel spending, but tpp-payments counts it.
	 */
	static Map<Category, String> foreignAccounts() {
		Map<Category, String> map = new EnumMap<>(Category.class);
		for (Category category : CATEGORIES) {
			map.put(category, "5.1.01.02.01.0001");
		}
		return map;
	}

	/** Pagu in force at the end of {@code date}: the newest revision, dated up to it, of each spending line. */
	static long paguInForce(List<Draft> drafts, LocalDate date) {
		Map<String, Effect.BudgetRevision> newest = new HashMap<>();
		for (Draft draft : drafts) {
			// revenue targets and the UP float are not spending, whatever effect carries them
			if (draft.effect() instanceof Effect.BudgetRevision revision && !draft.date().isAfter(date)
					&& revision.category() != Category.PAD && revision.category() != Category.UP) {
				newest.merge(revision.lineId(), revision, (old, now) -> (now.revision() > old.revision()) ? now : old);
			}
		}
		return newest.values().stream().mapToLong((revision) -> thousands(revision.pagu())).sum();
	}

	private static long paguInForce(Iterable<BudgetLine> lines, LocalDate date) {
		long pagu = 0;
		for (BudgetLine line : lines) {
			BudgetLine.Revision inForce = null;
			for (BudgetLine.Revision revision : line.revisions) {
				if (!revision.occurredOn().isAfter(date) && (inForce == null || revision.number() > inForce.number())) {
					inForce = revision;
				}
			}
			pagu += (inForce == null) ? 0 : inForce.pagu();
		}
		return pagu;
	}

	/** Spending realised up to the end of {@code date} (capital payments included), net of reversals. */
	static long realisedUpTo(List<Draft> drafts, LocalDate date) {
		long realised = 0;
		for (Draft draft : drafts) {
			if (draft.date().isAfter(date)) {
				continue;
			}
			if (draft.effect() instanceof Effect.Realisation realisation && realisation.category() != Category.PAD
					&& realisation.category() != Category.UP) {
				realised += thousands(realisation.delta());
			}
			else if (draft.effect() instanceof Effect.ContractPayment payment) {
				realised += thousands(payment.delta());
			}
		}
		return realised;
	}

	private static long realisedUpTo(Facts facts, LocalDate date) {
		long realised = 0;
		for (SpendingFact fact : facts.realisations) {
			realised += fact.date.isAfter(date) ? 0 : fact.amount;
		}
		for (ReversalFact fact : facts.reversals) {
			realised -= fact.date.isAfter(date) ? 0 : fact.amount;
		}
		return realised;
	}

	private static long thousands(BigDecimal rupiah) {
		return rupiah.divide(BigDecimal.valueOf(1000), 0, RoundingMode.UNNECESSARY).longValueExact();
	}

	private static Part part(Category category) {
		return PARTS.stream().filter((part) -> part.category() == category).findFirst().orElseThrow();
	}

	private static String subActivity(String opd, int index) {
		// non-programme spending of the SKPKD: bidang . 00 (no programme) . sub-kegiatan
		return String.format("%s.00.0.00.%04d", OpdProfiles.bidang(opd), 9000 + index);
	}

	private static String salarySubActivity(String opd) {
		// penyediaan gaji dan tunjangan ASN: programme 01, kegiatan 2.02, sub-kegiatan 0001
		return String.format("%s.01.2.02.0001", OpdProfiles.bidang(opd));
	}

	@SuppressWarnings("unchecked")
	private static <V> Map<String, V> linked(Object... keysAndValues) {
		Map<String, V> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

	/** One category other than personnel: its regional pagu, who holds it, how it is paid. */
	private record Part(Category category, long regionPagu, Map<String, Double> holders, String account,
			double[] months, int documentsPerMonth, double shareFrom, double shareTo) {
	}

	/** A salary payment day and its weight among the year's 14 payments. */
	private record Slot(LocalDate date, double weight) {
	}

}
