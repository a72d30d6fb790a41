package id.apbdmonitor.simulator.generator;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates one category's year: its budget lines, then the facts that realise them. One
 * implementation per category; all share {@link BudgetPlanner} and {@link FaultInjector}.
 */
interface CategoryGenerator {

	Category category();

	/** The category's DPA lines of every OPD, with their revisions. */
	List<BudgetLine> planBudget(GeneratorSettings settings, BudgetPlanner planner, Random random);

	/**
	 * The facts realising the lines over the year. {@code realisationShare} is the share of its
	 * pagu each OPD realises by year end (the script of lagging and on-plan OPDs).
	 */
	void realise(GeneratorSettings settings, List<BudgetLine> lines, Map<String, Double> realisationShare,
			Random random, Facts facts);

	/** An account code that does not belong to this category (for ACCOUNT_OUTSIDE_CATEGORY). */
	String foreignAccount();

}
