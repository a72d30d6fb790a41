package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realisation of a belanja category paid by LS, GU or TU: each line realises a share of its pagu
 * following its cash plan month by month (with noise), split into documents of random size,
 * and about one document in a hundred is later partly reversed.
 */
abstract class SpendingGenerator implements CategoryGenerator {

	/** Above this many thousand rupiah a payment goes direct to the supplier (LS). */
	private static final long LS_THRESHOLD = 50_000;

	private static final double REVERSED_SHARE = 0.01;

	/** The category's pagu in the whole region, in thousands of rupiah. */
	abstract long regionPagu();

	/** Relative size of an OPD in this category (Kota Bima's OPD weights sum to the region). */
	abstract double weight(String opd);

	/** Sum of the weights of Kota Bima's OPDs: sizes stay realistic when a test uses fewer OPDs. */
	abstract double regionWeight();

	/** The accounts an OPD's lines use, the biggest first. */
	abstract List<String> accounts(String opd, Random random);

	/** Share of small payments made through GU (the rest of the small ones: TU or LS). */
	abstract double guShare();

	@Override
	public List<BudgetLine> planBudget(GeneratorSettings settings, BudgetPlanner planner, Random random) {
		List<BudgetLine> lines = new ArrayList<>();
		for (String opd : settings.opds()) {
			double size = regionPagu() * weight(opd) / regionWeight() * Split.between(random, 0.9, 1.1);
			long opdPagu = Math.max(50, Math.round(size / Money.MILLION)) * Money.MILLION;
			List<BudgetLine> opdLines = planner.plan(category(), opd, opdPagu, accounts(opd, random), random);
			planner.revise(opdLines, random);
			lines.addAll(opdLines);
		}
		return lines;
	}

	@Override
	public void realise(GeneratorSettings settings, List<BudgetLine> lines, Map<String, Double> realisationShare,
			Random random, Facts facts) {
		Map<String, List<BudgetLine>> byOpd = new LinkedHashMap<>();
		for (BudgetLine line : lines) {
			byOpd.computeIfAbsent(line.opd, (opd) -> new ArrayList<>()).add(line);
		}
		List<SpendingFact> realised = new ArrayList<>();
		byOpd.forEach((opd, opdLines) -> {
			double share = Math.min(1.0, realisationShare.get(opd) + Split.between(random, -0.02, 0.02));
			long[] targets = new long[opdLines.size()];
			long opdTarget = 0;
			for (int i = 0; i < targets.length; i++) {
				// never above the final pagu: the share is at most 1 and rounds down
				targets[i] = (long) Math.floor(opdLines.get(i).latest().pagu() * share);
				opdTarget += targets[i];
			}
			double averageMonth = opdTarget / 12.0;
			for (int i = 0; i < targets.length; i++) {
				realiseLine(settings, opdLines.get(i), targets[i], averageMonth, random, realised);
			}
		});
		realised.forEach(facts::add);
		reverseSome(realised, random, facts);
	}

	private void realiseLine(GeneratorSettings settings, BudgetLine line, long target, double averageMonth,
			Random random, List<SpendingFact> out) {
		long[] plan = line.latest().cashPlan();
		double[] weights = new double[12];
		for (int month = 0; month < 12; month++) {
			weights[month] = plan[month] * Split.between(random, 0.85, 1.15);
		}
		long[] monthly = Split.byWeights(target, weights);
		long carried = 0;
		for (int month = 0; month < 12; month++) {
			long amount = monthly[month] + carried;
			if (amount <= 0) {
				continue;
			}
			long documents = Math.round(settings.eventsPerOpdPerMonth() * amount / averageMonth);
			if (documents == 0 && month < 11) {
				// too small for a document of its own this month: paid together with next month's
				carried = amount;
				continue;
			}
			carried = 0;
			int count = (int) Math.min(amount, Math.max(1, documents));
			int year = settings.fiscalYear();
			for (long part : Split.positive(amount, count, random)) {
				// the DPA is signed on 2 January; the first payments take a few days
				LocalDate date = WorkingDays.pick(random, year, month + 1, (month == 0) ? 5 : 1, 31);
				out.add(new SpendingFact(line.opd, category(), date, mechanism(part, random), line.account, part,
						random.nextLong()));
			}
		}
	}

	private Mechanism mechanism(long amount, Random random) {
		if (amount >= LS_THRESHOLD) {
			return Mechanism.LS;
		}
		double draw = random.nextDouble();
		if (draw < guShare()) {
			return Mechanism.GU;
		}
		return (draw < guShare() + 0.12) ? Mechanism.TU : Mechanism.LS;
	}

	private void reverseSome(List<SpendingFact> realised, Random random, Facts facts) {
		List<SpendingFact> candidates = new ArrayList<>(realised.stream()
			.filter((fact) -> fact.date.isBefore(LocalDate.of(fact.date.getYear(), 12, 21)))
			.toList());
		Collections.shuffle(candidates, random);
		long count = Math.min(candidates.size(), Math.max(1, Math.round(realised.size() * REVERSED_SHARE)));
		for (int i = 0; i < count; i++) {
			SpendingFact original = candidates.get(i);
			long amount = Math.max(1, (long) Math.floor(original.amount * Split.between(random, 0.1, 0.5)));
			LocalDate date = WorkingDays.after(original.date, 1 + random.nextInt(10));
			facts.add(new ReversalFact(original, date, amount, reason(original.mechanism), random.nextLong()));
		}
	}

	private static String reason(Mechanism mechanism) {
		return switch (mechanism) {
			case LS -> "SP2D cancelled";
			case GU -> "SPJ corrected after verification";
			case TU -> "TU leftover returned to the treasury";
		};
	}

	@Override
	public String foreignAccount() {
		// belanja modal peralatan dan mesin: never goods or services
		return "5.2.02.05.01.0001";
	}

	static double sum(Map<String, Double> weights) {
		return weights.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	static List<String> pick(List<String> preferred, List<String> common, Random random) {
		List<String> shuffled = new ArrayList<>(common);
		Collections.shuffle(shuffled, random);
		List<String> result = new ArrayList<>(preferred);
		shuffled.stream().filter((account) -> !result.contains(account)).forEach(result::add);
		return result;
	}

}
