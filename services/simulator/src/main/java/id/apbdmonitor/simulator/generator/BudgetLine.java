package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** One DPA line of an OPD (sub-kegiatan × account) with all its revisions, oldest first. */
final class BudgetLine {

	final String opd;

	final Category category;

	/** Number of the line within its OPD's DPA (1-based, across categories). */
	final int seq;

	final String subActivity;

	final String account;

	final String lineId;

	final List<Revision> revisions = new ArrayList<>();

	BudgetLine(String opd, Category category, int seq, String subActivity, String account, int fiscalYear) {
		this.opd = opd;
		this.category = category;
		this.seq = seq;
		this.subActivity = subActivity;
		this.account = account;
		this.lineId = fiscalYear + "/" + opd + "/" + subActivity + "/" + account;
	}

	Revision latest() {
		return this.revisions.stream().max(Comparator.comparingInt(Revision::number)).orElseThrow();
	}

	boolean hasRevision(int number) {
		return this.revisions.stream().anyMatch((revision) -> revision.number() == number);
	}

	/** One revision of the line, decided and sent on {@code occurredOn}. */
	record Revision(int number, String kind, LocalDate occurredOn, long pagu, long[] cashPlan) {

		Revision {
			if (Arrays.stream(cashPlan).sum() != pagu || cashPlan.length != 12) {
				throw new IllegalStateException("cash plan " + Arrays.toString(cashPlan) + " does not add up to " + pagu);
			}
		}

	}

}
