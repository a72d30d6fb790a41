package id.apbdmonitor.simulator.generator;

import java.util.Random;

/**
 * Splits a whole number of money units into parts that add up to it exactly. Weights are shares,
 * not money: the parts are integers and the last part takes the rounding remainder, so no rupiah
 * is ever lost or created.
 */
final class Split {

	private Split() {
	}

	/** Parts proportional to the weights (rounded down, the last part takes the remainder). */
	static long[] byWeights(long total, double[] weights) {
		double sum = 0;
		for (double weight : weights) {
			sum += weight;
		}
		long[] parts = new long[weights.length];
		long allotted = 0;
		for (int i = 0; i < weights.length - 1; i++) {
			parts[i] = (sum > 0) ? (long) Math.floor(total * (weights[i] / sum)) : 0;
			allotted += parts[i];
		}
		parts[weights.length - 1] = total - allotted;
		return parts;
	}

	/** {@code n} parts of at least one unit each, of random sizes; requires {@code total >= n}. */
	static long[] positive(long total, int n, Random random) {
		if (n < 1 || total < n) {
			throw new IllegalArgumentException("cannot split " + total + " into " + n + " positive parts");
		}
		double[] weights = new double[n];
		for (int i = 0; i < n; i++) {
			weights[i] = 0.2 + 1.6 * random.nextDouble();
		}
		long[] parts = byWeights(total - n, weights);
		for (int i = 0; i < n; i++) {
			parts[i] += 1;
		}
		return parts;
	}

	/** A uniformly random double in {@code [from, to)}. */
	static double between(Random random, double from, double to) {
		return from + (to - from) * random.nextDouble();
	}

}
