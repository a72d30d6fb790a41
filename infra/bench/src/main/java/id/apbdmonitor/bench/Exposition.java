package id.apbdmonitor.bench;

import java.util.Map;
import java.util.TreeMap;

/** Reads {@code apbd_ingest_events_total} of one topic from a Prometheus text exposition. */
final class Exposition {

	private static final String METRIC = "apbd_ingest_events_total{";

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

	static double total(String page, String topic) {
		return outcomes(page, topic).values().stream().mapToLong(Long::longValue).sum();
	}

}
