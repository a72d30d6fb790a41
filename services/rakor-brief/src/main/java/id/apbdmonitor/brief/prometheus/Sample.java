package id.apbdmonitor.brief.prometheus;

import java.util.Map;

/** One series of an instant query's result: its labels and its value. */
public record Sample(Map<String, String> labels, double value) {

	public Sample {
		labels = Map.copyOf(labels);
	}

	public String label(String name) {
		return this.labels.getOrDefault(name, "");
	}

}
