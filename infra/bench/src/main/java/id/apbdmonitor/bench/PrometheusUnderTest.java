package id.apbdmonitor.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.devstack.DevstackParts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus for the national benchmark, on localhost:29090: production's intervals
 * (15 s), the repository's rule files, one job per service named like the service (as
 * infra/prometheus/prometheus.yml), no Alertmanager. Queried over its HTTP API.
 */
final class PrometheusUnderTest implements AutoCloseable {

	static final int PORT = 29090;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private PrometheusUnderTest(Process process) {
		this.process = process;
	}

	/**
	 * Starts Prometheus with the rule files of {@code rules}, scraping {@code targets} (job →
	 * host:port list), keeping only the series whose {@code pemda} matches {@code keepPemda} (and
	 * those without one) when it is not empty, and waits until it is ready.
	 */
	static PrometheusUnderTest start(Path binary, Path rules, Path home, Map<String, List<String>> targets,
			String keepPemda) throws IOException, InterruptedException {
		Path config = home.resolve("prometheus.yml");
		Files.createDirectories(home);
		StringBuilder yaml = new StringBuilder("""
				# written by infra/bench/national: production's intervals and rules, the benchmark's services
				global:
				  scrape_interval: 15s
				  evaluation_interval: 15s
				rule_files:
				""");
		yaml.append("  - ").append(rules.toAbsolutePath().normalize()).append("/*.yml\n");
		yaml.append("scrape_configs:\n");
		targets.forEach((job, hosts) -> yaml.append("  - job_name: ").append(job)
			.append("\n    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets: [")
			.append(String.join(", ", hosts.stream().map((host) -> "'" + host + "'").toList()))
			.append("]\n")
			.append(keepPemda.isEmpty() ? "" : "    metric_relabel_configs:\n      - source_labels: [pemda]\n"
					+ "        regex: '|" + keepPemda + "'\n        action: keep\n"));
		yaml.append("  - job_name: prometheus\n    static_configs:\n      - targets: ['localhost:").append(PORT)
			.append("']\n");
		Files.writeString(config, yaml);
		Path data = home.resolve("data");
		deleteTree(data);
		// the set-up before may still be closing its port (set-up B of the 1 December run exited at once)
		long free = System.nanoTime() + 60_000_000_000L;
		while (DevstackParts.isListening(PORT) && System.nanoTime() < free) {
			Thread.sleep(500);
		}
		Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + data, "--web.listen-address=localhost:" + PORT)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("prometheus.log").toFile()))
			.start();
		PrometheusUnderTest prometheus = new PrometheusUnderTest(process);
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (!prometheus.ready()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Prometheus exited; see " + home.resolve("prometheus.log"));
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Prometheus not ready in 120 s; see " + home.resolve("prometheus.log"));
			}
			Thread.sleep(500);
		}
		return prometheus;
	}

	long pid() {
		return this.process.pid();
	}

	private boolean ready() throws InterruptedException {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(base() + "/-/ready")).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** An instant query's result vector: one entry per series, its labels and value. */
	List<Sample> query(String promql) throws IOException, InterruptedException {
		JsonNode data = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).get("data");
		List<Sample> samples = new ArrayList<>();
		for (JsonNode series : data.get("result")) {
			Map<String, String> labels = new java.util.TreeMap<>();
			series.get("metric").properties().forEach((label) -> labels.put(label.getKey(), label.getValue().asString()));
			samples.add(new Sample(labels, Double.parseDouble(series.get("value").get(1).asString())));
		}
		return samples;
	}

	/** The single value of {@code promql}, or NaN when it has none. */
	double value(String promql) throws IOException, InterruptedException {
		List<Sample> samples = query(promql);
		return samples.isEmpty() ? Double.NaN : samples.get(0).value();
	}

	/** How many series a query's answer holds, whatever its kind (vector or label values). */
	int answerSize(String path) throws IOException, InterruptedException {
		JsonNode data = get(path).get("data");
		return data.isArray() ? data.size() : data.get("result").size();
	}

	/** GETs an API path and returns the parsed body; fails unless Prometheus says success. */
	JsonNode get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(base() + path))
			.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
		JsonNode body = JSON.readTree(response.body());
		if (response.statusCode() != 200 || !"success".equals(body.path("status").asString())) {
			throw new IllegalStateException("Prometheus answered " + response.statusCode() + " to " + path + ": "
					+ response.body().substring(0, Math.min(300, response.body().length())));
		}
		return body;
	}

	static String base() {
		return "http://localhost:" + PORT;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/** One series of an instant vector. */
	record Sample(Map<String, String> labels, double value) {
	}

}
