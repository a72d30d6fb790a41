package id.apbdmonitor.simulator.generator;

import java.util.ArrayList;
import java.util.List;

/** What the category generators produce, before numbering and rendering. */
final class Facts {

	final List<SpendingFact> realisations = new ArrayList<>();

	final List<ReversalFact> reversals = new ArrayList<>();

	void add(SpendingFact fact) {
		this.realisations.add(fact);
	}

	void add(ReversalFact fact) {
		this.reversals.add(fact);
	}

}
