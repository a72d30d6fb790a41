package id.apbdmonitor.simulator.generator;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates the whole year of a topic whose events are not spending realisations (capital
 * contracts, PAD receipts): its budget lines, its events and, when the settings ask for them, its
 * faults. Every random choice comes from the generator's own streams, so that adding a topic leaves
 * the records of the others as they were.
 */
interface TopicGenerator {

	Category category();

	/**
	 * The topic's drafts: its budget lines (on the budget topic), its VALID events and its faults.
	 * {@code random} gives an independent stream per part name.
	 */
	List<Draft> generate(GeneratorSettings settings, BudgetPlanner planner, Function<String, Random> random);

}
