package id.apbdmonitor.devstack;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jars (the Boot {@code -exec.jar}s, not the test classpath) of goods-spending,
 * services-spending and the simulator, started as processes against a real broker and a real
 * PostgreSQL. The simulator publishes a whole Kota Bima year with faults at once; every OPD's
 * realised and pagu on the services' /actuator/prometheus must then equal the simulator's own
 * totals ({@code /api/expected}), compared exactly as decimals. This guards the Boot 4 trap of a
 * jar that starts without a Kafka consumer, and the whole path from producer to gauge.
 */
class PackagedServicesIntegrationTests {

	private static final List<String> SERVICES = List.of("goods-spending", "services-spending");

	private static final Map<String, String> CATEGORY = Map.of("goods-spending", "goods", "services-spending",
			"services");

	private final Path repoRoot = Path.of("../..").toAbsolutePath().normalize();

	private final Path home = Path.of(System.getProperty("java.io.tmpdir"))
		.resolve("packaged-it-" + UUID.randomUUID())
		.toAbsolutePath();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldReportExactlyWhatTheSimulatorPublishedThroughThePackagedServices() throws Exception {
		for (String app : concat(SERVICES, "simulator")) {
			assertThat(jar(app)).as("run 'mvn -B verify' (or package) from the repository root first").isRegularFile();
		}
		EmbeddedDatabase database = EmbeddedDatabase.start(Ports.findFree(), this.home.resolve("postgres"), false,
				this.home.resolveSibling("devstack-pg-binaries"), this.home.resolve("logs/postgres.log"));
		KafkaBroker broker = new KafkaBroker(new KafkaBroker.Settings(Ports.findFree(), Ports.findFree(),
				this.home.resolve("kafka"), this.home.resolve("config/kafka-server.properties"),
				this.home.resolve("logs/kafka.log"), this.home.resolve("pids"), this.home, this.home,
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), false));
		Map<String, ChildProcess> processes = new LinkedHashMap<>();
		Map<String, Integer> ports = new HashMap<>();
		try {
			Map<String, String> passwords = new SchemaProvisioner().provision(database, "apbd",
					SERVICES.stream().map(name -> name.replace('-', '_')).toList());
			broker.start();
			for (String service : SERVICES) {
				int port = Ports.findFree();
				ports.put(service, port);
				Map<String, String> environment = commonEnvironment(broker, port);
				environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl("apbd"));
				environment.put("SPRING_DATASOURCE_USERNAME", service.replace('-', '_'));
				environment.put("SPRING_DATASOURCE_PASSWORD", passwords.get(service.replace('-', '_')));
				environment.put("APBD_DB_OWNER_USER", SchemaProvisioner.ownerOf(service.replace('-', '_')));
				environment.put("APBD_DB_OWNER_PASSWORD",
						passwords.get(SchemaProvisioner.ownerOf(service.replace('-', '_'))));
				processes.put(service, start(service, environment));
			}
			for (String service : SERVICES) {
				awaitUp(processes.get(service), ports.get(service));
			}
			int simulatorPort = Ports.findFree();
			Map<String, String> simulator = commonEnvironment(broker, simulatorPort);
			simulator.put("APBD_SIMULATOR_PACE", "false");
			simulator.put("APBD_SIMULATOR_FAULT_RATE", "0.02");
			simulator.put("APBD_SIMULATOR_EVENTS_PER_OPD_PER_MONTH", "6");
			simulator.put("APBD_SIMULATOR_FISCAL_YEAR", "2026");
			processes.put("simulator", start("simulator", simulator));

			JsonNode expected = await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(2))
				.ignoreExceptions()
				.until(() -> this.json.readTree(get("http://localhost:" + simulatorPort + "/api/expected")),
						node -> node.path("finished").asBoolean());
			assertThat(expected.path("counts").path("invalid").asLong()).as("the year exercises the dead-letter path")
				.isPositive();
			BigDecimal published = BigDecimal.ZERO;
			for (JsonNode total : expected.path("totals")) {
				published = published.add(new BigDecimal(total.path("realised").asString()));
			}
			assertThat(published).as("realised spending the simulator published").isPositive();

			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				List<String> differences = new ArrayList<>();
				for (String service : SERVICES) {
					Map<String, BigDecimal> exported = gauges(get("http://localhost:" + ports.get(service) + "/actuator/prometheus"));
					int rows = 0;
					for (JsonNode total : expected.path("totals")) {
						if (!total.path("category").asString().equals(CATEGORY.get(service))) {
							continue;
						}
						rows++;
						compare(differences, exported, "apbd_realised_rupiah", total, "realised");
						compare(differences, exported, "apbd_pagu_rupiah", total, "pagu");
					}
					assertThat(rows).as("simulator rows for " + service).isEqualTo(33);
				}
				assertThat(differences).isEmpty();
			});
		}
		finally {
			List<ChildProcess> reversed = new ArrayList<>(processes.values());
			java.util.Collections.reverse(reversed);
			reversed.forEach(ChildProcess::requestStop);
			reversed.forEach(process -> process.awaitStop(Duration.ofSeconds(15)));
			broker.requestStop();
			broker.awaitStop(Duration.ofSeconds(15));
			database.close();
		}
		assertThat(processes.values()).noneMatch(ChildProcess::isAlive);
		EmbeddedDatabase.deleteRecursively(this.home);
	}

	private static void compare(List<String> differences, Map<String, BigDecimal> exported, String metric, JsonNode total,
			String field) {
		String series = metric + "{opd=" + total.path("opd").asString() + ",category=" + total.path("category").asString() + "}";
		BigDecimal want = new BigDecimal(total.path(field).asString());
		BigDecimal got = exported.get(series);
		if (!total.path("exported").asBoolean()) {
			// no budget line and nothing stored: the pair has no series at all
			if (got != null) {
				differences.add(series + " is " + got + ", but the simulator published nothing for it");
			}
		}
		else if (got == null || got.compareTo(want) != 0) {
			differences.add(series + " is " + got + ", the simulator published " + want);
		}
	}

	/** Gauge values keyed {@code name{opd=…,category=…}}, as exact decimals of the text Prometheus reads. */
	private static Map<String, BigDecimal> gauges(String scrape) {
		Map<String, BigDecimal> values = new HashMap<>();
		var pattern = java.util.regex.Pattern.compile("^(apbd_[a-z_]+)\\{(.*)} (\\S+)$");
		var labelPattern = java.util.regex.Pattern.compile("(\\w+)=\"([^\"]*)\"");
		for (String line : scrape.split("\n")) {
			var matcher = pattern.matcher(line);
			if (!matcher.matches()) {
				continue;
			}
			Map<String, String> labels = new HashMap<>();
			var label = labelPattern.matcher(matcher.group(2));
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
			if (labels.containsKey("opd") && labels.containsKey("category")) {
				// the text holds the shortest decimal that reads back as the same double: exact for cents below 10^13
				values.put(matcher.group(1) + "{opd=" + labels.get("opd") + ",category=" + labels.get("category") + "}",
						new BigDecimal(matcher.group(3)).setScale(2, java.math.RoundingMode.HALF_EVEN));
			}
		}
		return values;
	}

	private Map<String, String> commonEnvironment(KafkaBroker broker, int port) {
		Map<String, String> environment = new HashMap<>();
		environment.put("SERVER_PORT", Integer.toString(port));
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
		environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
		environment.put("APBD_CLOCK_MODE", "fixed");
		environment.put("APBD_CLOCK_START_DATE", "2026-12-31");
		environment.put("APBD_SNAPSHOT_REFRESH_INTERVAL", "1s");
		return environment;
	}

	private ChildProcess start(String app, Map<String, String> environment) {
		return ChildProcess.start(app, JavaCommand.of(this.home, JavaCommand.SERVICE_OPTIONS, List.of("-jar", jar(app).toString())), environment,
				this.repoRoot, this.home.resolve("logs/" + app + ".log"), this.home.resolve("pids"));
	}

	private void awaitUp(ChildProcess process, int port) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
			assertThat(process.isAlive()).as(process.name() + " died:\n" + process.tail(40)).isTrue();
			return get("http://localhost:" + port + "/actuator/health").contains("\"UP\"");
		});
	}

	private Path jar(String app) {
		return this.repoRoot.resolve("services/" + app + "/target/" + app + "-0.1.0-SNAPSHOT-exec.jar");
	}

	private String get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static List<String> concat(List<String> list, String one) {
		List<String> all = new ArrayList<>(list);
		all.add(one);
		return all;
	}

}
