package id.apbdmonitor.bench;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Reads the ingest counters of one topic from a Prometheus text exposition. */
final class Exposition {

	private static final String METRIC = "apbd_ingest_events_total{";

	private static final String CPU_METRIC = "apbd_ingest_cpu_seconds_total{";

	private Exposition() {
	}

	/** The count of each {@code outcome} of {@code topic}. */
	static Map<String, Long> outcomes(String page, String topic) {
		Map<String, Long> outcomes = new TreeMap<>();
		for (String line : page.split("\n")) {
			String outcome = line.startsWith(METRIC) && line.contains(pair("topic", topic)) ? labelValue(line, "outcome") : null;
			if (outcome != null) {
				outcomes.merge(outcome, (long) value(line), Long::sum);
			}
		}
		return outcomes;
	}

	/** {@code apbd_ingest_cpu_seconds_total} of {@code topic} and {@code stage}, empty if the page has none. */
	static OptionalDouble cpuSeconds(String page, String topic, String stage) {
		for (String line : page.split("\n")) {
			if (line.startsWith(CPU_METRIC) && line.contains(pair("topic", topic)) && line.contains(pair("stage", stage))) {
				return OptionalDouble.of(value(line));
			}
		}
		return OptionalDouble.empty();
	}

	static double total(String page, String topic) {
		return outcomes(page, topic).values().stream().mapToLong(Long::longValue).sum();
	}

	/** {@code name="value"} as it stands among a sample's labels. */
	private static String pair(String name, String value) {
		return name + "=\"" + value + "\"";
	}

	/** The value of label {@code name} in a sample line, or null. */
	private static String labelValue(String line, String name) {
		int start = line.indexOf(name + "=\"");
		if (start < 0) {
			return null;
		}
		start += name.length() + 2;
		return line.substring(start, line.indexOf('"', start));
	}

	/** A sample line's value: what follows its labels, before an optional timestamp. */
	private static double value(String line) {
		return Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+")[0]);
	}

}
