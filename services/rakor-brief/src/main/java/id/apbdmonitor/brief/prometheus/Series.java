package id.apbdmonitor.brief.prometheus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One series of a range query's result. */
public record Series(Map<String, String> labels, List<Point> points) {

	public Series {
		labels = Map.copyOf(labels);
		points = List.copyOf(points);
	}

	public record Point(Instant time, double value) {
	}

}
