package id.apbdmonitor.monitoring;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The monitoring end to end: the devstack (PostgreSQL, Kafka, the services, the simulator, and
 * Debian's Prometheus and Alertmanager loaded with this repository's configuration and rules)
 * runs a simulated fiscal year; every dashboard query must return data from that Prometheus, and
 * the OPDs the simulator makes lag must have their cash-plan alert firing while the
 * on-plan OPDs have no OPD alert at all. The simulator's script of lagging and on-plan OPDs
 * governs goods and services spending ({@link #SCRIPTED_CATEGORIES}); capital follows contract
 * progress and TPP is paid after each month (January to March as a lump sum in April), so their
 * alerts are reported but not asserted here.
 *
 * <p>Needs the services' and the devstack's jars (the reactor builds them before this module)
 * and the ports of the devstack free. A simulated year lasts {@value #YEAR_DURATION}; the checks run once the
 * simulated date has passed 1 May (a quarter has ended, so a quarterly target is in force, and
 * the cash plan to date is material). The devstack scales the alerts' {@code for:} to the
 * simulated year (a business day lasts about a second), so the OPD alerts really fire, and keeps
 * them warnings: during the whole run no alert is critical (one would be a broken pipeline).
 */
class MonitoringEndToEndIntegrationTests {

	static final String YEAR_DURATION = "5m";

	/** The categories the simulator's lagging and on-plan script applies to. */
	static final List<String> SCRIPTED_CATEGORIES = List.of("goods", "services");

	static final String PROMETHEUS = "http://localhost:9090";

	static final String SIMULATOR = "http://localhost:8090";

	static final int[] DEVSTACK_PORTS = { 55432, 9092, 9093, 8081, 8082, 8083, 8084, 8085, 8086, 8087, 8088, 8090, 9090, 9095,
			2525, 8025 };

	/** Grafana's built-in variables, as Grafana would expand them for a 6 h view. */
	static final Map<String, String> GRAFANA_VARIABLES = Map.of("$__rate_interval", "1m", "$__interval", "15s",
			"$__range", "6h", "${__range}", "6h");

	/** A variable's query: {@code label_values(<selector>, <label>)}. */
	static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\s*\\)");

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	@Timeout(value = 15, unit = TimeUnit.MINUTES)
	void dashboardsHaveDataAndLaggingOpdsAlertWhileOnPlanOpdsDoNot() throws Exception {
		requireOnPath("prometheus", "prometheus");
		requireOnPath("prometheus-alertmanager", "prometheus-alertmanager");
		requirePortsFree();
		Path log = RepoFiles.ROOT.resolve("infra/monitoring/target/e2e-devstack.log");
		Files.createDirectories(log.getParent());
		long begin = System.nanoTime();
		Process devstack = new ProcessBuilder(devstackCommand())
			.directory(RepoFiles.ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			awaitPrometheusScrapingTheServices(devstack, log);
			System.out.printf("e2e: devstack and Prometheus up after %d s%n", seconds(begin));
			JsonNode expected = awaitSimulatedDateAtLeast(devstack, log, 5, 1);
			System.out.printf("e2e: simulated date %s after %d s%n", expected.path("businessDate").asString(), seconds(begin));
			List<String> lagging = strings(expected.path("laggingOpds"));
			List<String> onPlan = strings(expected.path("onPlanOpds"));
			assertThat(lagging).isNotEmpty();
			assertThat(onPlan).isNotEmpty();

			assertEveryDashboardQueryReturnsData(lagging.get(0));
			System.out.printf("e2e: every dashboard query returned data after %d s%n", seconds(begin));
			assertLaggingOpdsAlertAndOnPlanOpdsDoNot(lagging, onPlan);
			System.out.printf("e2e: alerts checked after %d s%n", seconds(begin));
			assertNoCriticalAlertFiredSinceTheStart();
		}
		finally {
			stop(devstack, log);
			System.out.printf("e2e: devstack stopped after %d s%n", seconds(begin));
		}
	}

	private void assertEveryDashboardQueryReturnsData(String opd) throws Exception {
		Map<String, String> queries = new LinkedHashMap<>();
		for (Path file : DashboardTests.dashboardFiles()) {
			JsonNode dashboard = JSON.readTree(RepoFiles.read(file));
			Map<String, String> variables = variables(dashboard, opd);
			System.out.printf("e2e: %s with %s%n", file.getFileName(), variables);
			for (JsonNode panel : DashboardTests.queryPanels(dashboard)) {
				for (String expr : DashboardTests.expressions(panel)) {
					queries.put(file.getFileName() + " / " + panel.path("title").asString() + " / " + expr,
							substitute(expr, variables));
				}
			}
		}
		assertThat(queries).isNotEmpty();
		// rates need two scrapes and the recording rules an evaluation: allow a minute to settle
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		List<String> empty;
		do {
			empty = new ArrayList<>();
			for (Map.Entry<String, String> query : queries.entrySet()) {
				if (query(query.getValue()).isEmpty()) {
					empty.add(query.getKey());
				}
			}
			if (empty.isEmpty()) {
				return;
			}
			Thread.sleep(5000);
		}
		while (System.nanoTime() < deadline);
		assertThat(empty).as("dashboard queries without data (variable opd = %s)", opd).isEmpty();
	}

	private void assertLaggingOpdsAlertAndOnPlanOpdsDoNot(List<String> lagging, List<String> onPlan) throws Exception {
		// pending at the first evaluation with the condition true, firing after the scaled for:
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		List<String> missing;
		List<JsonNode> alerts;
		do {
			alerts = alerts();
			missing = new ArrayList<>();
			for (String opd : lagging) {
				boolean alerting = alerts.stream()
					.anyMatch((alert) -> "ApbdOpdBehindCashPlan".equals(alert.path("labels").path("alertname").asString())
							&& opd.equals(alert.path("labels").path("opd").asString())
							&& SCRIPTED_CATEGORIES.contains(alert.path("labels").path("category").asString())
							&& "firing".equals(alert.path("state").asString()));
				if (!alerting) {
					missing.add(opd);
				}
			}
			if (missing.isEmpty()) {
				break;
			}
			Thread.sleep(5000);
		}
		while (System.nanoTime() < deadline);
		assertThat(missing).as("lagging OPDs without a firing ApbdOpdBehindCashPlan; alerts: %s", summary(alerts))
			.isEmpty();
		List<JsonNode> onPlanAlerts = alerts.stream()
			.filter((alert) -> alert.path("labels").path("alertname").asString().startsWith("ApbdOpd"))
			.filter((alert) -> onPlan.contains(alert.path("labels").path("opd").asString()))
			.toList();
		assertThat(onPlanAlerts.stream()
			.filter((alert) -> SCRIPTED_CATEGORIES.contains(alert.path("labels").path("category").asString()))
			.map(MonitoringEndToEndIntegrationTests::describe))
			.as("OPD alerts of on-plan OPDs %s in %s", onPlan, SCRIPTED_CATEGORIES)
			.isEmpty();
		System.out.printf("e2e: OPD alerts of on-plan OPDs in other categories (not asserted): %s%n",
				onPlanAlerts.stream().map(MonitoringEndToEndIntegrationTests::describe).toList());
		System.out.printf("e2e: %d alerts, cash-plan alerts for %s%n", alerts.size(), alerts.stream()
			.filter((alert) -> "ApbdOpdBehindCashPlan".equals(alert.path("labels").path("alertname").asString()))
			.map((alert) -> alert.path("labels").path("opd").asString())
			.distinct()
			.sorted()
			.toList());
	}

	/**
	 * A newcomer's first minutes: nothing critical has fired since Prometheus started (it starts
	 * with the devstack; the window covers the whole run). The business alerts that production
	 * marks critical are warnings in the devstack and name their production severity.
	 */
	private void assertNoCriticalAlertFiredSinceTheStart() throws Exception {
		List<JsonNode> critical = query("max_over_time(ALERTS{alertstate=\"firing\",severity=\"critical\"}[30m])");
		assertThat(critical).as("critical alerts fired during the run").extracting((series) -> series.path("metric").toString())
			.isEmpty();
		List<JsonNode> productionCritical = query("ALERTS{alertstate=\"firing\",production_severity=\"critical\"}");
		System.out.printf("e2e: no critical alert fired; %d firing alerts that production marks critical, as warnings%n",
				productionCritical.size());
		assertThat(productionCritical).as("the lagging OPDs far behind their cash plan, critical in production")
			.isNotEmpty()
			.allSatisfy((series) -> assertThat(series.path("metric").path("severity").asString()).isEqualTo("warning"));
	}

	/**
	 * The Devstack class from the devstack module's jar and its target/lib, as infra/devstack/run
	 * starts it, but without the script's "build if anything changed" step: this module builds
	 * nothing (the reactor builds infra/devstack before it).
	 */
	static List<String> devstackCommand() {
		Path target = RepoFiles.ROOT.resolve("infra/devstack/target");
		Path jar = target.resolve("devstack-0.1.0-SNAPSHOT.jar");
		if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("lib"))) {
			fail("%s or %s is missing: build the project first (mvn -B -DskipTests package); the reactor builds"
					+ " infra/devstack before infra/monitoring", RepoFiles.ROOT.relativize(jar),
					RepoFiles.ROOT.relativize(target.resolve("lib")));
		}
		String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return List.of(javaBinary, "-XX:+UseSerialGC", "-Xmx256m", "-cp",
				jar + File.pathSeparator + target.resolve("lib") + File.separator + "*",
				"id.apbdmonitor.devstack.Devstack", "--year-duration", YEAR_DURATION);
	}

	/**
	 * The value Grafana gives each query variable of a dashboard when it opens (no saved current
	 * value: the first of the variable's values, sorted): its {@code label_values(selector, label)}
	 * run against Prometheus, with the variables before it substituted. For {@code opd}, the given
	 * OPD (the simulator's first lagging OPD) when the variable offers it.
	 */
	private Map<String, String> variables(JsonNode dashboard, String opd) throws IOException, InterruptedException {
		Map<String, String> values = new LinkedHashMap<>();
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if (!"query".equals(variable.path("type").asString())) {
				continue;
			}
			String name = variable.path("name").asString();
			Matcher call = LABEL_VALUES.matcher(variable.path("definition").asString());
			assertThat(call.matches()).as("variable %s: label_values(<selector>, <label>)", name).isTrue();
			String label = call.group(2);
			TreeSet<String> offered = new TreeSet<>();
			for (JsonNode series : query("group by (" + label + ") (" + substitute(call.group(1), values) + ")")) {
				offered.add(series.path("metric").path(label).asString());
			}
			assertThat(offered).as("values of variable %s (%s)", name, variable.path("definition").asString())
				.isNotEmpty();
			values.put(name, ("opd".equals(name) && offered.contains(opd)) ? opd : offered.first());
		}
		return values;
	}

	/** Grafana's built-in variables, then the dashboard's, as {@code ${name}} and {@code $name}. */
	static String substitute(String expr, Map<String, String> variables) {
		String result = expr;
		for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
			result = result.replace(variable.getKey(), variable.getValue());
		}
		// longest names first, so that $opd never replaces the start of a longer name
		List<String> names = new ArrayList<>(variables.keySet());
		names.sort(Comparator.comparingInt(String::length).reversed());
		for (String name : names) {
			result = result.replace("${" + name + "}", variables.get(name)).replace("$" + name, variables.get(name));
		}
		return result;
	}

	private void awaitPrometheusScrapingTheServices(Process devstack, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
		while (System.nanoTime() < deadline) {
			requireAlive(devstack, log);
			try {
				List<JsonNode> up = query("up{job=~\"goods-spending|services-spending\"} == 1");
				if (up.size() == 2 && !query("pemda:apbd_pagu_rupiah:sum > 0").isEmpty()) {
					return;
				}
			}
			catch (IOException ex) {
				// Prometheus not up yet
			}
			Thread.sleep(2000);
		}
		fail("Prometheus did not scrape goods-spending and services-spending within 8 minutes; see %s", log);
	}

	private JsonNode awaitSimulatedDateAtLeast(Process devstack, Path log, int month, int day) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
		while (System.nanoTime() < deadline) {
			requireAlive(devstack, log);
			try {
				JsonNode expected = get(SIMULATOR + "/api/expected");
				String date = expected.path("businessDate").asString();
				if (date != null && !date.isEmpty()
						&& !LocalDate.parse(date).isBefore(LocalDate.of(expected.path("fiscalYear").asInt(), month, day))) {
					return expected;
				}
			}
			catch (IOException ex) {
				// simulator not up yet
			}
			Thread.sleep(2000);
		}
		return fail("the simulated date did not reach %d-%d within 6 minutes; see %s", month, day, log);
	}

	private List<JsonNode> query(String promql) throws IOException, InterruptedException {
		JsonNode response = get(PROMETHEUS + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		assertThat(response.path("status").asString()).as("query %s: %s", promql, response).isEqualTo("success");
		List<JsonNode> result = new ArrayList<>();
		response.path("data").path("result").forEach(result::add);
		return result;
	}

	private List<JsonNode> alerts() throws IOException, InterruptedException {
		List<JsonNode> alerts = new ArrayList<>();
		get(PROMETHEUS + "/api/v1/alerts").path("data").path("alerts").forEach(alerts::add);
		return alerts;
	}

	private JsonNode get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/** SIGTERM to the devstack JVM: its shutdown hook stops every child in order. */
	private static void stop(Process devstack, Path log) throws InterruptedException {
		if (!devstack.isAlive()) {
			return;
		}
		devstack.destroy();
		if (!devstack.waitFor(120, TimeUnit.SECONDS)) {
			devstack.destroyForcibly();
			fail("the devstack did not stop within 120 s of SIGTERM; see %s", log);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline && !busyPorts().isEmpty()) {
			Thread.sleep(500);
		}
		assertThat(busyPorts()).as("ports still listening after the devstack stopped").isEmpty();
	}

	private static void requireAlive(Process devstack, Path log) {
		if (!devstack.isAlive()) {
			fail("the devstack exited with %d; last lines of %s:%n%s", devstack.exitValue(), log, tail(log, 30));
		}
	}

	private static void requirePortsFree() {
		List<Integer> busy = busyPorts();
		if (!busy.isEmpty()) {
			fail("ports %s are in use: another devstack (or a compose stack) is running on this machine; stop it first"
					+ " (ss -ltnp shows who)", busy);
		}
	}

	private static List<Integer> busyPorts() {
		List<Integer> busy = new ArrayList<>();
		for (int port : DEVSTACK_PORTS) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("localhost", port), 200);
				busy.add(port);
			}
			catch (IOException ex) {
				// free
			}
		}
		return busy;
	}

	private static void requireOnPath(String program, String debianPackage) {
		String path = System.getenv().getOrDefault("PATH", "");
		for (String dir : path.split(File.pathSeparator)) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
				return;
			}
		}
		MissingTool.handle(program, debianPackage);
	}

	private static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(cannot read " + log + ")";
		}
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static String describe(JsonNode alert) {
		JsonNode labels = alert.path("labels");
		return labels.path("alertname").asString() + "{opd=" + labels.path("opd").asString() + ",category="
				+ labels.path("category").asString() + ",severity=" + labels.path("severity").asString() + "} "
				+ alert.path("state").asString();
	}

	private static List<String> summary(List<JsonNode> alerts) {
		return alerts.stream().map(MonitoringEndToEndIntegrationTests::describe).toList();
	}

	private static long seconds(long beginNanos) {
		return Duration.ofNanos(System.nanoTime() - beginNanos).toSeconds();
	}

}
