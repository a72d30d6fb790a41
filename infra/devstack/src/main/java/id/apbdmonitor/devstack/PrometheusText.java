package id.apbdmonitor.devstack;

import java.util.OptionalDouble;

/**
 * Reads samples from the Prometheus text exposition format, just enough for the progress
 * lines: the devstack does not need a client library to add up one metric.
 */
final class PrometheusText {

	private PrometheusText() {
	}

	/** The samples of {@code metric} (all label sets), or empty if it has none. */
	static Samples samples(String exposition, String metric) {
		double sum = 0;
		int count = 0;
		for (String line : exposition.split("\n")) {
			if (line.startsWith("#") || !line.startsWith(metric)) {
				continue;
			}
			String rest = line.substring(metric.length());
			if (!rest.startsWith("{") && !rest.startsWith(" ")) {
				continue; // a longer name with this prefix, e.g. metric_total
			}
			String value = valueOf(rest);
			if (value == null) {
				continue;
			}
			try {
				double parsed = Double.parseDouble(value);
				if (!Double.isNaN(parsed)) {
					sum += parsed;
					count++;
				}
			}
			catch (NumberFormatException ex) {
				// not a sample line after all
			}
		}
		return new Samples(count, sum);
	}

	/** The value after the labels; label values may contain spaces and '}' inside quotes. */
	private static String valueOf(String rest) {
		int index = 0;
		if (rest.startsWith("{")) {
			boolean quoted = false;
			for (index = 1; index < rest.length(); index++) {
				char c = rest.charAt(index);
				if (c == '\\') {
					index++;
				}
				else if (c == '"') {
					quoted = !quoted;
				}
				else if (c == '}' && !quoted) {
					break;
				}
			}
			index++;
		}
		String[] fields = rest.substring(Math.min(index, rest.length())).trim().split("\\s+");
		return (fields.length == 0 || fields[0].isEmpty()) ? null : fields[0];
	}

	/** How many samples were found and their sum. */
	record Samples(int count, double sum) {

		OptionalDouble first() {
			return (this.count == 1) ? OptionalDouble.of(this.sum) : OptionalDouble.empty();
		}

	}

}
