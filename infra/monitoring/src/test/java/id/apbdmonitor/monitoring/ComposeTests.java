package id.apbdmonitor.monitoring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, checked without Docker (no engine on the development machines): what it
 * runs, that every image is pinned, that every file it mounts exists, and the wiring between the
 * services (healthchecks, dependencies, memory limits, configuration by environment), and that it
 * is safe by default: ports on localhost, no Prometheus lifecycle API, read-only containers
 * without capabilities, time to shut down gracefully, two database roles per service.
 */
class ComposeTests {

	static final Path COMPOSE = RepoFiles.ROOT.resolve("docker-compose.yml");

	/** The seven services, each on its fixed port. */
	static final List<String> SERVICES = List.of("up-advances", "tpp-payments", "goods-spending", "services-spending",
			"capital-spending", "pad-revenue", "other-spending");

	static final Map<String, Integer> PORTS = Map.of("up-advances", 8081, "tpp-payments", 8082, "goods-spending", 8083,
			"services-spending", 8084, "capital-spending", 8085, "pad-revenue", 8086, "other-spending", 8087);

	@Test
	void namesKafkaPostgresTheServicesPrometheusAlertmanagerAndGrafana() {
		assertThat(services().keySet()).contains("kafka", "postgres", "prometheus", "alertmanager", "grafana", "simulator")
			.containsAll(SERVICES);
	}

	@Test
	void kafkaRunsInKraftMode() {
		Map<String, Object> environment = RepoFiles.map(services().get("kafka").get("environment"));
		assertThat(String.valueOf(environment.get("KAFKA_PROCESS_ROLES"))).isEqualTo("broker,controller");
		assertThat(String.valueOf(services().get("kafka").get("image"))).startsWith("apache/kafka:");
	}

	@Test
	void everyImageIsPinnedToATag() {
		services().forEach((name, service) -> {
			String image = String.valueOf(service.get("image"));
			assertThat(image).as("image of %s", name).matches("[a-z0-9./_-]+:[A-Za-z0-9._-]+");
			assertThat(image).as("image of %s", name).doesNotEndWith(":latest");
		});
	}

	@Test
	void everyMountedFileExistsInTheRepository() {
		List<String> mounted = new ArrayList<>();
		services().forEach((name, service) -> {
			for (Object volume : list(service.get("volumes"))) {
				String source = String.valueOf(volume).split(":")[0];
				if (source.startsWith(".") || source.startsWith("/")) {
					mounted.add(source);
					assertThat(RepoFiles.ROOT.resolve(source).normalize()).as("mount %s of %s", source, name).exists();
				}
			}
			Object build = service.get("build");
			if (build != null) {
				Map<String, Object> spec = RepoFiles.map(build);
				assertThat(RepoFiles.ROOT.resolve(String.valueOf(spec.get("context"))).resolve(String.valueOf(spec.get("dockerfile"))))
					.as("Dockerfile of %s", name).isRegularFile();
			}
		});
		assertThat(mounted).contains("./infra/prometheus/prometheus.yml", "./infra/prometheus/rules",
				"./infra/alertmanager/alertmanager.yml", "./infra/grafana/dashboards");
	}

	@Test
	void everyServiceHasAHealthcheckAMemoryLimitAndWaitsForHealthyDependencies() {
		services().forEach((name, service) -> {
			assertThat(service).as("healthcheck of %s", name).containsKey("healthcheck");
			Map<String, Object> limits = RepoFiles.map(RepoFiles.map(RepoFiles.map(service.get("deploy")).get("resources")).get("limits"));
			assertThat(limits).as("memory limit of %s", name).containsKey("memory");
			Object dependsOn = service.get("depends_on");
			if (dependsOn instanceof Map<?, ?> dependencies) {
				dependencies.values().forEach((condition) -> assertThat(RepoFiles.map(condition).get("condition"))
					.as("depends_on of %s", name).isEqualTo("service_healthy"));
			}
		});
		for (String service : SERVICES) {
			assertThat(RepoFiles.map(services().get(service).get("depends_on")).keySet()).contains("kafka", "postgres");
		}
	}

	@Test
	void servicesAreConfiguredByEnvironmentWithTheirOwnDatabaseRoleAndPort() {
		Map<String, Integer> ports = PORTS;
		for (String name : SERVICES) {
			Map<String, Object> service = services().get(name);
			Map<String, Object> environment = RepoFiles.map(service.get("environment"));
			assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
					"SPRING_DATASOURCE_PASSWORD", "SPRING_KAFKA_BOOTSTRAP_SERVERS", "APBD_CLOCK_MODE");
			assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(name.replace('-', '_'));
			assertThat(String.valueOf(environment.get("SPRING_DATASOURCE_PASSWORD"))).as("a secret from the environment")
				.startsWith("${").contains(":?");
			assertThat(list(service.get("ports"))).containsExactly(LOCAL + ports.get(name) + ":" + ports.get(name));
			assertThat(environment.get("APBD_DB_OWNER_USER")).isEqualTo(name.replace('-', '_') + "_owner");
			assertThat(String.valueOf(environment.get("APBD_DB_OWNER_PASSWORD"))).as("a secret from the environment")
				.startsWith("${").contains(":?");
			assertThat(String.valueOf(environment.get("SPRING_KAFKA_SECURITY_PROTOCOL")))
				.isEqualTo("${SPRING_KAFKA_SECURITY_PROTOCOL:-PLAINTEXT}");
			assertThat(RepoFiles.map(RepoFiles.map(service.get("build")).get("args")).get("SERVICE")).isEqualTo(name);
		}
		String roles = String.valueOf(RepoFiles.map(RepoFiles.map(compose().get("configs")).get("postgres-roles")).get("content"));
		for (String name : SERVICES) {
			String role = name.replace('-', '_');
			// the owner role owns the schema and migrates; the service role only uses what it is granted
			assertThat(roles).contains("CREATE ROLE " + role + " LOGIN PASSWORD")
				.contains("CREATE ROLE " + role + "_owner LOGIN PASSWORD")
				.contains("CREATE SCHEMA " + role + " AUTHORIZATION " + role + "_owner;")
				.contains("GRANT USAGE ON SCHEMA " + role + " TO " + role + ";")
				.doesNotContain("AUTHORIZATION " + role + ";");
		}
	}

	@Test
	void theSimulatorRunsOnlyInTheDemoProfile() {
		assertThat(list(services().get("simulator").get("profiles"))).containsExactly("demo");
		services().forEach((name, service) -> {
			if (!"simulator".equals(name)) {
				assertThat(service).as("profiles of %s", name).doesNotContainKey("profiles");
			}
		});
	}

	/** One name everywhere (DESIGN.md §2): compose service = Prometheus job = module. */
	@Test
	void prometheusScrapesEveryComposeServiceUnderItsOwnName() {
		String prometheus = RepoFiles.read(RepoFiles.PROMETHEUS.resolve("prometheus.yml"));
		Set<String> jobs = Set.copyOf(SERVICES);
		for (String job : jobs) {
			int port = PORTS.get(job);
			assertThat(prometheus).contains("job_name: " + job).contains("'" + job + ":" + port + "'");
		}
		assertThat(RepoFiles.ROOT.resolve("services")).isDirectoryContaining((path) -> SERVICES.contains(path.getFileName().toString()));
	}

	/** The rakor brief runs in compose, reads its Prometheus, is scraped as its module's name and mails through SMTP. */
	@Test
	void rakorBriefReadsPrometheusAndIsScraped() {
		Map<String, Object> brief = services().get("rakor-brief");
		assertThat(brief).as("compose service rakor-brief").isNotNull();
		Map<String, Object> environment = RepoFiles.map(brief.get("environment"));
		assertThat(String.valueOf(environment.get("APBD_PROMETHEUS_URL"))).isEqualTo("http://prometheus:9090");
		assertThat(String.valueOf(environment.get("APBD_SMTP_HOST"))).startsWith("${APBD_SMTP_HOST:?");
		assertThat(list(brief.get("ports"))).containsExactly(LOCAL + "8088:8088");
		assertThat(RepoFiles.read(RepoFiles.PROMETHEUS.resolve("prometheus.yml"))).contains("job_name: rakor-brief")
			.contains("'rakor-brief:8088'");
		assertThat(RepoFiles.ROOT.resolve("services/rakor-brief")).isDirectory();
	}

	/** The default host address of every published port; APBD_BIND changes it. */
	static final String LOCAL = "${APBD_BIND:-127.0.0.1}:";

	@Test
	void everyPortIsPublishedOnLocalhostUnlessApbdBindSaysOtherwise() {
		services().forEach((name, service) -> {
			for (Object port : list(service.get("ports"))) {
				assertThat(String.valueOf(port)).as("port of %s", name).startsWith(LOCAL).matches(".*:\\d+:\\d+");
			}
		});
		assertThat(RepoFiles.read(COMPOSE)).contains("APBD_BIND=0.0.0.0");
	}

	@Test
	void prometheusHasNoLifecycleApi() {
		assertThat(list(services().get("prometheus").get("command"))).isNotEmpty()
			.noneMatch((argument) -> String.valueOf(argument).contains("enable-lifecycle"))
			.noneMatch((argument) -> String.valueOf(argument).contains("enable-admin-api"));
	}

	@Test
	void springServicesGetLongerToStopThanTheirGracefulShutdown() {
		Duration monitorCore = shutdownPhase(RepoFiles.ROOT.resolve("services/monitor-core/src/main/resources/monitor-core.yml"));
		Duration simulator = shutdownPhase(RepoFiles.ROOT.resolve("services/simulator/src/main/resources/application.yml"));
		for (String name : SERVICES) {
			assertThat(stopGracePeriod(name)).as("stop_grace_period of %s", name).isGreaterThan(monitorCore);
		}
		assertThat(stopGracePeriod("simulator")).as("stop_grace_period of simulator").isGreaterThan(simulator);
	}

	@Test
	void containersDropCapabilitiesAndPrivilegesAndRunReadOnlyWherePossible() {
		// Kafka's image writes its configuration at start-up; PostgreSQL's entrypoint switches user
		Set<String> writable = Set.of("kafka", "postgres");
		services().forEach((name, service) -> {
			assertThat(list(service.get("security_opt"))).as("security_opt of %s", name).contains("no-new-privileges:true");
			assertThat(list(service.get("cap_drop"))).as("cap_drop of %s", name).containsExactly("ALL");
			if (!writable.contains(name)) {
				assertThat(service.get("read_only")).as("read_only of %s", name).isEqualTo(true);
				assertThat(service).as("capabilities added back to %s", name).doesNotContainKey("cap_add");
			}
			if (SERVICES.contains(name) || "simulator".equals(name)) {
				assertThat(list(service.get("tmpfs"))).as("tmpfs of %s", name).contains("/tmp");
			}
		});
		assertThat(list(services().get("postgres").get("cap_add"))).doesNotContain("ALL", "SYS_ADMIN", "NET_ADMIN");
	}

	@Test
	void kafkaSecurityIsDocumentedAndConfigurable() {
		String guide = RepoFiles.read(RepoFiles.ROOT.resolve("docs/kafka-security.md"));
		assertThat(guide).contains("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "spring.kafka.properties.sasl.jaas.config");
		assertThat(RepoFiles.read(RepoFiles.ROOT.resolve("services/monitor-core/src/main/resources/monitor-core.yml")))
			.contains("optional:configtree:${APBD_SECRETS_DIR:/run/secrets/}");
		assertThat(String.valueOf(RepoFiles.map(services().get("simulator").get("environment"))
			.get("SPRING_KAFKA_SECURITY_PROTOCOL"))).isEqualTo("${SPRING_KAFKA_SECURITY_PROTOCOL:-PLAINTEXT}");
	}

	private static Duration stopGracePeriod(String service) {
		Object period = services().get(service).get("stop_grace_period");
		assertThat(period).as("stop_grace_period of %s", service).isNotNull();
		return seconds(String.valueOf(period));
	}

	private static Duration shutdownPhase(Path springYaml) {
		Map<String, Object> spring = RepoFiles.map(RepoFiles.yaml(springYaml).get("spring"));
		Object phase = RepoFiles.map(spring.get("lifecycle")).get("timeout-per-shutdown-phase");
		assertThat(phase).as("spring.lifecycle.timeout-per-shutdown-phase in %s", springYaml).isNotNull();
		return seconds(String.valueOf(phase));
	}

	/** "45s", "1m", "1m30s": compose and Spring both accept these. */
	private static Duration seconds(String text) {
		Matcher matcher = Pattern.compile("(?:(\\d+)m)?(?:(\\d+)s)?").matcher(text);
		assertThat(matcher.matches()).as("a duration in m/s: %s", text).isTrue();
		long minutes = (matcher.group(1) != null) ? Long.parseLong(matcher.group(1)) : 0;
		long seconds = (matcher.group(2) != null) ? Long.parseLong(matcher.group(2)) : 0;
		return Duration.ofMinutes(minutes).plusSeconds(seconds);
	}

	static Map<String, Object> compose() {
		return RepoFiles.yaml(COMPOSE);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> services() {
		return (Map<String, Map<String, Object>>) compose().get("services");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (value == null) ? List.of() : (List<Object>) value;
	}

}
