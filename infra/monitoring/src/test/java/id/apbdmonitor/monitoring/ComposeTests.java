package id.apbdmonitor.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, checked without Docker (no engine on the development machines): what it
 * runs, that every image is pinned, that every file it mounts exists, and the wiring between the
 * services (healthchecks, dependencies, memory limits, configuration by environment).
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
			assertThat(list(service.get("ports"))).containsExactly(ports.get(name) + ":" + ports.get(name));
			assertThat(RepoFiles.map(RepoFiles.map(service.get("build")).get("args")).get("SERVICE")).isEqualTo(name);
		}
		String roles = String.valueOf(RepoFiles.map(RepoFiles.map(compose().get("configs")).get("postgres-roles")).get("content"));
		for (String name : SERVICES) {
			String role = name.replace('-', '_');
			assertThat(roles).contains("CREATE ROLE " + role + " LOGIN PASSWORD")
				.contains("CREATE SCHEMA " + role + " AUTHORIZATION " + role);
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
