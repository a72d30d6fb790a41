package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * An event with its place in the year: by date, then budget lines before spending before
 * injected faults, then a seeded tiebreak that interleaves OPDs. {@code effect} is null for
 * records that change no total.
 */
record Draft(LocalDate date, int priority, long tiebreak, SimEvent event, Effect effect) {

	static final int BUDGET = 0;

	static final int SPENDING = 1;

	static final int FAULT = 2;

	static final Comparator<Draft> ORDER = Comparator.comparing(Draft::date)
		.thenComparingInt(Draft::priority)
		.thenComparingLong(Draft::tiebreak);

}
