package id.apbdmonitor.devstack;

import java.nio.file.Path;
import java.util.List;

/**
 * The Spring Boot applications the devstack runs: one row per service, so that a new service
 * is one line here (its port is fixed by DESIGN.md §7 so that tools and docs agree).
 */
final class ServiceCatalog {

	/** Version of the jars the reactor builds; the run script builds them with the same pom. */
	static final String VERSION = "0.1.0-SNAPSHOT";

	/** The monitoring services, started in parallel. */
	static final List<App> SERVICES = List.of(
			new App("up-advances", 8081, true),
			new App("tpp-payments", 8082, true),
			new App("goods-spending", 8083, true),
			new App("services-spending", 8084, true),
			new App("capital-spending", 8085, true),
			new App("pad-revenue", 8086, true),
			new App("other-spending", 8087, true));

	/** The rakor brief: reads Prometheus (or the services' metrics), so it starts after Prometheus. */
	static final App BRIEF = new App("rakor-brief", 8088, false);

	/** Started after the services are healthy, so that no event waits on a consumer group. */
	static final App SIMULATOR = new App("simulator", 8090, false);

	private ServiceCatalog() {
	}

	/** One Boot application: module name (= artifactId, application name), HTTP port, database use. */
	record App(String name, int port, boolean needsDatabase) {

		App {
			if (!name.matches("[a-z][a-z-]*[a-z]")) {
				throw new IllegalArgumentException("service names are lower-case words joined by '-': " + name);
			}
		}

		/** The login role and the schema it owns: PostgreSQL identifiers cannot contain '-'. */
		String roleName() {
			return this.name.replace('-', '_');
		}

		/** The Boot repackaged jar (classifier exec); the plain jar is the library. */
		Path jar(Path repoRoot) {
			return repoRoot.resolve("services").resolve(this.name).resolve("target")
				.resolve(this.name + "-" + VERSION + "-exec.jar");
		}

		String baseUrl() {
			return "http://localhost:" + this.port;
		}

	}

}
