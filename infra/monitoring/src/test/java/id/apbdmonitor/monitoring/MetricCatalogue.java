package id.apbdmonitor.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a dashboard may read: the catalogue of the README ("## Metric catalogue", a
 * table whose first column is the name in backticks; a histogram adds its _bucket, _count and
 * _sum series), the recording rules of infra/prometheus/rules, and the two series Prometheus
 * itself makes ({@code up} per target, {@code ALERTS} per pending or firing alert).
 */
final class MetricCatalogue {

	static final Path README = RepoFiles.ROOT.resolve("README.md");

	static final Set<String> PROMETHEUS_BUILT_IN = Set.of("up", "ALERTS");

	private static final Pattern ROW = Pattern.compile("(?m)^\\|\\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`\\s*\\|\\s*([a-z]+)\\s*\\|");

	private MetricCatalogue() {
	}

	/** The README's catalogue; fails when the README or its section is missing. */
	static Set<String> catalogued() {
		if (!Files.isRegularFile(README)) {
			throw new IllegalStateException("README.md with a '## Metric catalogue' section is missing");
		}
		String readme = RepoFiles.read(README);
		int start = readme.indexOf("## Metric catalogue");
		if (start < 0) {
			throw new IllegalStateException("README.md has no '## Metric catalogue' section");
		}
		int end = readme.indexOf("\n## ", start + 1);
		String section = readme.substring(start, (end < 0) ? readme.length() : end);
		Set<String> names = new LinkedHashSet<>();
		Matcher row = ROW.matcher(section);
		while (row.find()) {
			String name = row.group(1);
			names.add(name);
			if ("histogram".equals(row.group(2)) || "timer".equals(row.group(2))) {
				names.add(name + "_bucket");
				names.add(name + "_count");
				names.add(name + "_sum");
			}
		}
		return names;
	}

	/** Everything a dashboard query may name. */
	static Set<String> readable() {
		Set<String> names = new LinkedHashSet<>(catalogued());
		names.addAll(RuleCatalog.recordNames());
		names.addAll(PROMETHEUS_BUILT_IN);
		return names;
	}

}
