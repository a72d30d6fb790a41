package id.apbdmonitor.brief;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import id.apbdmonitor.brief.prometheus.PrometheusClient;
import id.apbdmonitor.brief.prometheus.Sample;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (Debian's) on a free port that loads the repository's recording rules
 * (infra/prometheus/rules) and scrapes one in-test page of fixed metrics every second, as if one
 * service exported them. Its output goes to {@code prometheus.log} in the given directory.
 */
final class ScrapedPrometheus implements AutoCloseable {

	private final HttpServer page;

	private final Process prometheus;

	private final URI url;

	private ScrapedPrometheus(HttpServer page, Process prometheus, URI url) {
		this.page = page;
		this.prometheus = prometheus;
		this.url = url;
	}

	/**
	 * @param job the scrape job (the service that would export the metrics)
	 * @param ready rules whose series must exist before the figures are read (one per rule group)
	 */
	static ScrapedPrometheus start(Path directory, String metrics, String job, List<String> ready) throws IOException {
		return start(directory, () -> metrics, job, ready);
	}

	/** As {@link #start(Path, String, String, List)}, with a page that may change at every scrape. */
	static ScrapedPrometheus start(Path directory, java.util.function.Supplier<String> metrics, String job,
			List<String> ready) throws IOException {
		Path binary = LocalTools.require("prometheus", "prometheus");
		HttpServer page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		page.createContext("/actuator/prometheus", (exchange) -> {
			byte[] body = metrics.get().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		page.start();
		Path rules = Files.createDirectories(directory.resolve("rules"));
		try (Stream<Path> files = Files.list(LocalTools.repoRoot().resolve("infra/prometheus/rules"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".yml")).toList()) {
				Files.copy(file, rules.resolve(file.getFileName()));
			}
		}
		Path config = directory.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				rule_files:
				  - %s/*.yml
				scrape_configs:
				  - job_name: %s
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(rules.toAbsolutePath(), job, page.getAddress().getPort()));
		int port = freePort();
		Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + directory.resolve("data").toAbsolutePath(),
				"--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("prometheus.log").toFile())
			.start();
		ScrapedPrometheus started = new ScrapedPrometheus(page, process, URI.create("http://127.0.0.1:" + port));
		PrometheusClient client = new PrometheusClient(started.url);
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("prometheus exited; see " + directory.resolve("prometheus.log"));
			}
			for (String rule : ready) {
				List<Sample> samples = client.query(rule, Instant.now());
				if (samples.isEmpty()) {
					return false;
				}
			}
			return true;
		});
		awaitWholeEvaluation(client, Instant.now());
		return started;
	}

	/**
	 * Waits until every rule group has begun an evaluation more than one interval after
	 * {@code ready} (its samples' timestamp, the scheduled time, may lag the start by up to an
	 * interval), and until the whole second after the latest of them. A group's rules commit one
	 * by one, so an evaluation that overlaps the first scrape's commit can record the rules below
	 * it and miss those above: one ready rule proves nothing about its group. A brief read at the
	 * current second (truncated, as the brief asks) then sees every rule of every group.
	 */
	private static void awaitWholeEvaluation(PrometheusClient client, Instant ready) {
		Instant after = ready.plusSeconds(1);
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			List<Instant> evaluations = client.recordingRuleEvaluations();
			return !evaluations.isEmpty() && evaluations.stream().allMatch((evaluated) -> evaluated.isAfter(after));
		});
		// a later evaluation than the one awaited is as whole
		Instant latest = client.recordingRuleEvaluations().stream().max(Instant::compareTo).orElseThrow();
		Instant wholeSecond = latest.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
			.until(() -> !Instant.now().truncatedTo(ChronoUnit.SECONDS).isBefore(wholeSecond));
	}

	URI url() {
		return this.url;
	}

	/** Stops serving the page, as a service that stops: Prometheus marks its series stale. */
	void stopPage() {
		this.page.stop(0);
	}

	@Override
	public void close() throws InterruptedException {
		this.prometheus.destroy();
		if (!this.prometheus.waitFor(15, TimeUnit.SECONDS)) {
			this.prometheus.destroyForcibly();
		}
		this.page.stop(0);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
