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
		String topicLabel = "topic=\"" + topic + "\"";
		for (String line : page.split("\n")) {
			if (!line.startsWith(METRIC) || !line.contains(topicLabel)) {
				continue;
			}
			int start = line.indexOf("outcome=\"");
			int close = line.lastIndexOf('}');
			if (start < 0 || close < 0) {
				continue;
			}
			start += "outcome=\"".length();
			String outcome = line.substring(start, line.indexOf('"', start));
			String value = line.substring(close + 1).trim().split("\\s+")[0];
			outcomes.merge(outcome, (long) Double.parseDouble(value), Long::sum);
		}
		return outcomes;
	}

	/** {@code apbd_ingest_cpu_seconds_total} of {@code topic} and {@code stage}, empty if the page has none. */
	static OptionalDouble cpuSeconds(String page, String topic, String stage) {
		String topicLabel = "topic=\"" + topic + "\"";
		String stageLabel = "stage=\"" + stage + "\"";
		for (String line : page.split("\n")) {
			if (line.startsWith(CPU_METRIC) && line.contains(topicLabel) && line.contains(stageLabel)) {
				return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+")[0]));
			}
		}
		return OptionalDouble.empty();
	}

	static double total(String page, String topic) {
		return outcomes(page, topic).values().stream().mapToLong(Long::longValue).sum();
	}

}
