package id.apbdmonitor.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.apbdmonitor.simulator.national.NationalRegions;

/** What the national benchmark reads from its Prometheus, and the ranking dashboard's queries timed against it. */
final class PrometheusReport {

	private PrometheusReport() {
	}

	static String of(PrometheusUnderTest prometheus, double peakRssSampled, double peakRssKernel, NationalRegions regions,
			List<String> queries, int repeats) throws IOException, InterruptedException {
		StringBuilder report = new StringBuilder();
		String version = prometheus.query("prometheus_build_info").stream()
			.map((sample) -> sample.labels().get("version"))
			.findFirst()
			.orElse("?");
		report.append(String.format(Locale.ROOT, """
				Prometheus %s, scrape and evaluation every 15 s, the repository's rule files.

				| head series | RSS MB (peak) | Go heap in use MB | rule groups | slowest group s | all groups s per evaluation | missed evaluations | failed rule evaluations |
				|---:|---:|---:|---:|---:|---:|---:|---:|
				""", version));
		List<PrometheusUnderTest.Sample> groups = prometheus.query("prometheus_rule_group_last_duration_seconds");
		double slowest = groups.stream().mapToDouble(PrometheusUnderTest.Sample::value).max().orElse(Double.NaN);
		double all = groups.stream().mapToDouble(PrometheusUnderTest.Sample::value).sum();
		report.append(String.format(Locale.ROOT, "| %,.0f | %.0f | %.0f | %d | %.3f | %.3f | %.0f | %.0f |%n",
				prometheus.value("prometheus_tsdb_head_series"), Math.max(peakRssSampled, peakRssKernel),
				prometheus.value("go_memstats_heap_inuse_bytes") / 1e6, groups.size(), slowest, all,
				prometheus.value("sum(prometheus_rule_group_iterations_missed_total)"),
				prometheus.value("sum(prometheus_rule_evaluation_failures_total)")));
		report.append("\nThe slowest rule groups (last evaluation):\n\n| group | s |\n|---|---:|\n");
		groups.stream()
			.sorted((a, b) -> Double.compare(b.value(), a.value()))
			.limit(5)
			.forEach((group) -> report.append(String.format(Locale.ROOT, "| %s | %.3f |%n",
					shortGroup(group.labels().get("rule_group")), group.value())));

		report.append("\nThe slowest rules (last evaluation):\n\n| rule | group | s |\n|---|---|---:|\n");
		List<String[]> rules = new ArrayList<>();
		for (tools.jackson.databind.JsonNode group : prometheus.get("/api/v1/rules").get("data").get("groups")) {
			for (tools.jackson.databind.JsonNode rule : group.get("rules")) {
				rules.add(new String[] { rule.get("name").asString(), group.get("name").asString(),
						Double.toString(rule.path("evaluationTime").asDouble()) });
			}
		}
		rules.stream()
			.sorted((a, b) -> Double.compare(Double.parseDouble(b[2]), Double.parseDouble(a[2])))
			.limit(8)
			.forEach((rule) -> report.append(String.format(Locale.ROOT, "| `%s` | %s | %.3f |%n", rule[0], rule[1],
					Double.parseDouble(rule[2]))));

		report.append("\nScrapes as Prometheus saw them (slowest over the run):\n\n| job | instance | samples | scrape s (slowest) |\n|---|---|---:|---:|\n");
		List<PrometheusUnderTest.Sample> durations = prometheus.query("max_over_time(scrape_duration_seconds[1h])");
		for (PrometheusUnderTest.Sample samples : prometheus.query("scrape_samples_scraped")) {
			double duration = durations.stream()
				.filter((d) -> d.labels().get("instance").equals(samples.labels().get("instance")))
				.mapToDouble(PrometheusUnderTest.Sample::value)
				.findFirst()
				.orElse(Double.NaN);
			report.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.3f |%n", samples.labels().get("job"),
					samples.labels().get("instance"), samples.value(), duration));
		}

		report.append(String.format(Locale.ROOT, """

				The ranking: `region:apbd_absorption:ratio` ranks %,.0f of %d regions, `region:apbd_pad_attainment:ratio` \
				%,.0f, `region:apbd_lagging_opds:count` %,.0f.

				The ranking dashboard's queries (apbd-national-ranking.json, `$province` set), \
				instant, one warm-up then %d timed runs each:

				| query | series | median ms | slowest ms |
				|---|---:|---:|---:|
				""", prometheus.value("count(region:apbd_absorption:ratio)"), regions.count(),
				prometheus.value("count(region:apbd_pad_attainment:ratio)"),
				prometheus.value("count(region:apbd_lagging_opds:count)"), repeats));
		List<String> paths = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		paths.add("/api/v1/label/province/values?match[]=" + NationalBench.encode("pemda:apbd_region_info:max"));
		labels.add("variable: label_values(pemda:apbd_region_info:max, province)");
		for (String query : queries) {
			paths.add("/api/v1/query?query=" + NationalBench.encode(query));
			labels.add(query);
		}
		double slowestQuery = 0;
		for (int i = 0; i < paths.size(); i++) {
			prometheus.get(paths.get(i));
			List<Double> millis = new ArrayList<>();
			int size = 0;
			for (int run = 0; run < repeats; run++) {
				long asked = System.nanoTime();
				size = prometheus.answerSize(paths.get(i));
				millis.add((System.nanoTime() - asked) / 1e6);
			}
			double max = millis.stream().mapToDouble(Double::doubleValue).max().orElse(0);
			slowestQuery = Math.max(slowestQuery, max);
			report.append(String.format(Locale.ROOT, "| `%s` | %,d | %.0f | %.0f |%n", labels.get(i).replace("|", "\\|"),
					size, Stats.percentile(millis, 50).getAsDouble(), max));
		}
		report.append(String.format(Locale.ROOT, "%nSlowest dashboard query: %.0f ms.%n", slowestQuery));
		return report.toString();
	}

	/** {@code /abs/path/infra/prometheus/rules/national.yml;apbd-national} → {@code national.yml;apbd-national}. */
	static String shortGroup(String group) {
		return (group == null) ? "?" : group.substring(group.lastIndexOf('/') + 1);
	}

}
