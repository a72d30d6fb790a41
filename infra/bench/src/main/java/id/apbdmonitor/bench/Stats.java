package id.apbdmonitor.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/** The arithmetic of the benchmark's figures: crossing times, window rates, percentiles. */
final class Stats {

	private Stats() {
	}

	/** A reading of a monotonic counter at a time (seconds since some origin). */
	record Sample(double seconds, double count) {
	}

	/**
	 * When the counter reached {@code value}: interpolated linearly between the last sample below
	 * it and the first at or above it; empty if it never did.
	 */
	static OptionalDouble crossing(List<Sample> samples, double value) {
		Sample before = null;
		for (Sample sample : samples) {
			if (sample.count() >= value) {
				if (before == null || sample.count() == before.count()) {
					return OptionalDouble.of(sample.seconds());
				}
				double share = (value - before.count()) / (sample.count() - before.count());
				return OptionalDouble.of(before.seconds() + share * (sample.seconds() - before.seconds()));
			}
			before = sample;
		}
		return OptionalDouble.empty();
	}

	/** Events per second while the counter went from {@code from} to {@code to}. */
	static OptionalDouble rate(List<Sample> samples, double from, double to) {
		OptionalDouble start = crossing(samples, from);
		OptionalDouble end = crossing(samples, to);
		if (start.isEmpty() || end.isEmpty() || end.getAsDouble() <= start.getAsDouble()) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of((to - from) / (end.getAsDouble() - start.getAsDouble()));
	}

	/** The counter at {@code seconds}, interpolated between the samples around it; empty outside them. */
	static OptionalDouble valueAt(List<Sample> samples, double seconds) {
		Sample before = null;
		for (Sample sample : samples) {
			if (sample.seconds() >= seconds) {
				if (sample.seconds() == seconds) {
					return OptionalDouble.of(sample.count());
				}
				if (before == null) {
					return OptionalDouble.empty();
				}
				double share = (seconds - before.seconds()) / (sample.seconds() - before.seconds());
				return OptionalDouble.of(before.count() + share * (sample.count() - before.count()));
			}
			before = sample;
		}
		return OptionalDouble.empty();
	}

	/**
	 * What a second counter ({@code cost}, e.g. CPU seconds, read over the same clock) grew per
	 * event while the event counter went from {@code from} to {@code to}; empty where either
	 * does not reach.
	 */
	static OptionalDouble perEvent(List<Sample> events, List<Sample> cost, double from, double to) {
		OptionalDouble start = crossing(events, from);
		OptionalDouble end = crossing(events, to);
		if (start.isEmpty() || end.isEmpty() || to <= from) {
			return OptionalDouble.empty();
		}
		OptionalDouble costAtStart = valueAt(cost, start.getAsDouble());
		OptionalDouble costAtEnd = valueAt(cost, end.getAsDouble());
		if (costAtStart.isEmpty() || costAtEnd.isEmpty()) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of((costAtEnd.getAsDouble() - costAtStart.getAsDouble()) / (to - from));
	}

	/** The first sample with a count above zero: where the drain starts (start-up excluded). */
	static Sample firstProgress(List<Sample> samples) {
		return samples.stream().filter((s) -> s.count() > 0).findFirst().orElseThrow();
	}

	/** Nearest-rank percentile ({@code p} within 0..100) of {@code values}; empty if none. */
	static OptionalDouble percentile(List<Double> values, double p) {
		if (values.isEmpty()) {
			return OptionalDouble.empty();
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return OptionalDouble.of(sorted.get(Math.max(0, rank - 1)));
	}

	/**
	 * A latency percentile over markers seen and markers given up on ({@code censored}: their
	 * latency is at least the value); {@code atLeast} when the rank falls on a censored marker.
	 */
	record Latency(OptionalDouble seconds, boolean atLeast) {

		static Latency percentile(List<Double> seen, List<Double> censored, double p) {
			List<double[]> all = new ArrayList<>();
			seen.forEach((value) -> all.add(new double[] { value, 0 }));
			censored.forEach((value) -> all.add(new double[] { value, 1 }));
			if (all.isEmpty()) {
				return new Latency(OptionalDouble.empty(), false);
			}
			// a censored marker is slower than every marker seen
			all.sort((a, b) -> (a[1] != b[1]) ? Double.compare(a[1], b[1]) : Double.compare(a[0], b[0]));
			int rank = (int) Math.ceil(p / 100.0 * all.size());
			double[] picked = all.get(Math.max(0, rank - 1));
			return new Latency(OptionalDouble.of(picked[0]), picked[1] == 1);
		}

		@Override
		public String toString() {
			if (this.seconds.isEmpty()) {
				return "n/a";
			}
			double s = this.seconds.getAsDouble();
			String value = (s < 1) ? String.format(java.util.Locale.ROOT, "%.0f ms", s * 1000)
					: String.format(java.util.Locale.ROOT, "%.2f s", s);
			return this.atLeast ? "> " + value : value;
		}

	}

}
