package id.apbdmonitor.simulator.generator;

/**
 * The typical shape of regional spending over a year: a slow first quarter (DPA signed in
 * January, tenders in Q1), a steady middle, and the year-end rush of December.
 */
final class Seasonal {

	/** Share of the year's spending per month, January first; adds up to 1. */
	static final double[] MONTH_WEIGHTS = { 0.030, 0.045, 0.060, 0.070, 0.075, 0.080, 0.080, 0.085, 0.090, 0.095,
			0.105, 0.185 };

	private Seasonal() {
	}

}
