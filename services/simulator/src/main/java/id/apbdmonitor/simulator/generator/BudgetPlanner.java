package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The budget logic every category shares: DPA lines with real-looking sub-kegiatan and account
 * codes, a seasonal cash plan that adds up exactly to the pagu, the pergeseran of July and the
 * APBD-Perubahan of September. A revision never changes months already past, so the newest cash
 * plan of a line is also the plan that was in force in every month.
 */
final class BudgetPlanner {

	static final String ORIGINAL = "ORIGINAL";

	static final String SHIFT = "SHIFT";

	static final String AMENDED = "AMENDED";

	/** Region-wide revision numbers: the pergeseran is DPA revision 1, the DPPA revision 2. */
	static final int SHIFT_NUMBER = 1;

	static final int AMENDED_NUMBER = 2;

	private final GeneratorSettings settings;

	private final Map<String, Integer> lineSeq = new HashMap<>();

	private final LocalDate amendedOn;

	BudgetPlanner(GeneratorSettings settings, Random random) {
		this.settings = settings;
		this.amendedOn = WorkingDays.pick(random, settings.fiscalYear(), 9, 14, 25);
	}

	LocalDate originalDate() {
		return LocalDate.of(this.settings.fiscalYear(), 1, 2);
	}

	LocalDate amendedOn() {
		return this.amendedOn;
	}

	/**
	 * The original DPA lines of one OPD in one category: 2 to 4 lines (at most one per account)
	 * sharing {@code opdPagu} (thousands of rupiah, a whole number of millions).
	 */
	List<BudgetLine> plan(Category category, String opd, long opdPagu, List<String> accounts, Random random) {
		int count = Math.min(accounts.size(), 2 + random.nextInt(3));
		double[] weights = new double[count];
		for (int i = 0; i < count; i++) {
			weights[i] = Split.between(random, 0.5, 1.5);
		}
		long[] pagus = Split.byWeights(opdPagu / Money.MILLION, weights);
		List<BudgetLine> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long pagu = Math.max(1, pagus[i]) * Money.MILLION;
			int seq = this.lineSeq.merge(opd, 1, Integer::sum);
			BudgetLine line = new BudgetLine(opd, category, seq, subActivity(opd, seq), accounts.get(i),
					this.settings.fiscalYear());
			line.revisions.add(new BudgetLine.Revision(0, ORIGINAL, originalDate(), pagu,
					cashPlan(pagu, random)));
			lines.add(line);
		}
		return lines;
	}

	/** A pergeseran in July between two lines of an OPD (some OPDs), then the DPPA of September (some lines). */
	void revise(List<BudgetLine> opdLines, Random random) {
		if (opdLines.size() >= 2 && random.nextDouble() < 0.4) {
			BudgetLine donor = opdLines.get(random.nextInt(opdLines.size()));
			BudgetLine receiver = opdLines.get(random.nextInt(opdLines.size()));
			if (donor != receiver) {
				shift(donor, receiver, Split.between(random, 0.05, 0.15),
						WorkingDays.pick(random, this.settings.fiscalYear(), 7, 1, 15));
			}
		}
		for (BudgetLine line : opdLines) {
			if (random.nextDouble() < 0.3) {
				amend(line, Split.between(random, -0.10, 0.20));
			}
		}
	}

	private void shift(BudgetLine donor, BudgetLine receiver, double share, LocalDate date) {
		BudgetLine.Revision from = donor.latest();
		BudgetLine.Revision to = receiver.latest();
		long moved = (long) Math.floor(from.pagu() * share / Money.MILLION) * Money.MILLION;
		if (moved <= 0) {
			return;
		}
		long[] fromPlan = replan(from.cashPlan(), from.pagu() - moved, 6);
		long[] toPlan = replan(to.cashPlan(), to.pagu() + moved, 6);
		if (fromPlan == null || toPlan == null) {
			return;
		}
		donor.revisions.add(new BudgetLine.Revision(SHIFT_NUMBER, SHIFT, date, from.pagu() - moved, fromPlan));
		receiver.revisions.add(new BudgetLine.Revision(SHIFT_NUMBER, SHIFT, date, to.pagu() + moved, toPlan));
	}

	/** Changes a line's pagu by a share in the APBD-Perubahan; false if the plan cannot absorb it. */
	boolean amend(BudgetLine line, double change) {
		if (line.hasRevision(AMENDED_NUMBER)) {
			return false;
		}
		BudgetLine.Revision current = line.latest();
		long pagu = Math.round(current.pagu() * (1 + change) / Money.MILLION) * Money.MILLION;
		if (pagu == current.pagu()) {
			pagu += Money.MILLION;
		}
		long[] plan = replan(current.cashPlan(), pagu, 8);
		if (plan == null) {
			return false;
		}
		line.revisions.add(new BudgetLine.Revision(AMENDED_NUMBER, AMENDED, this.amendedOn, pagu, plan));
		return true;
	}

	/**
	 * Sets a line's pagu exactly in the APBD-Perubahan (the balancing personnel lines); false if
	 * the months after August cannot absorb the change.
	 */
	boolean amendTo(BudgetLine line, long pagu) {
		if (line.hasRevision(AMENDED_NUMBER)) {
			return false;
		}
		BudgetLine.Revision current = line.latest();
		if (pagu == current.pagu()) {
			return true;
		}
		long[] plan = replan(current.cashPlan(), pagu, 8);
		if (plan == null) {
			return false;
		}
		line.revisions.add(new BudgetLine.Revision(AMENDED_NUMBER, AMENDED, this.amendedOn, pagu, plan));
		return true;
	}

	private long[] cashPlan(long pagu, Random random) {
		double[] weights = new double[12];
		for (int month = 0; month < 12; month++) {
			weights[month] = Seasonal.MONTH_WEIGHTS[month] * Split.between(random, 0.8, 1.2);
		}
		// the last part takes the rounding: December absorbs it, as finance officers do
		return Split.byWeights(pagu, weights);
	}

	/**
	 * A new plan for a new pagu that keeps the first {@code keptMonths} months and spreads the
	 * rest like the old plan did; null when the remaining months would get too little.
	 */
	private static long[] replan(long[] plan, long pagu, int keptMonths) {
		long kept = Arrays.stream(plan, 0, keptMonths).sum();
		long remaining = pagu - kept;
		if (remaining < pagu * 0.2) {
			return null;
		}
		double[] weights = new double[12 - keptMonths];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = plan[keptMonths + i] + 1;
		}
		long[] tail = Split.byWeights(remaining, weights);
		long[] result = Arrays.copyOf(plan, 12);
		System.arraycopy(tail, 0, result, keptMonths, tail.length);
		return result;
	}

	/**
	 * One original line with a given sub-kegiatan and account (capital works, revenue targets),
	 * numbered in its OPD's DPA after the lines planned before it, its cash plan spread by
	 * {@code monthWeights}.
	 */
	BudgetLine line(Category category, String opd, String subActivity, String account, long pagu,
			double[] monthWeights) {
		int seq = this.lineSeq.merge(opd, 1, Integer::sum);
		BudgetLine line = new BudgetLine(opd, category, seq, subActivity, account, this.settings.fiscalYear());
		line.revisions.add(new BudgetLine.Revision(0, ORIGINAL, originalDate(), pagu, Split.byWeights(pagu, monthWeights)));
		return line;
	}

	private static String subActivity(String opd, int seq) {
		// bidang urusan . programme . kegiatan . sub-kegiatan, e.g. 1.02.02.2.01.0001
		String programme = (seq == 1) ? "01" : String.format("%02d", 2 + seq % 3);
		return String.format("%s.%s.2.%02d.%04d", OpdProfiles.bidang(opd), programme, 1 + seq % 9, seq);
	}

}
