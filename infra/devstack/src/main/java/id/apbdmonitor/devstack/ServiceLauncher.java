package id.apbdmonitor.devstack;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Boot applications as child processes, configured only by environment variables
 * (the same ones docker compose sets), and waits for their health endpoints.
 */
final class ServiceLauncher {

	private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);

	/** Several JVMs warming up together on two shared cores take a while. */
	static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(300);

	private final StackLayout layout;

	private final Map<String, String> commonEnvironment;

	private final Set<String> hiddenVariables;

	private final HttpProbe http;

	/**
	 * @param clockStartedAt the one instant at which every service's simulated year begins
	 * @param hiddenVariables variables of the devstack's environment the services must not inherit
	 */
	ServiceLauncher(StackLayout layout, String bootstrapServers, Instant clockStartedAt, LocalDate clockStartDate,
			String yearDuration, Set<String> hiddenVariables, HttpProbe http) {
		this.layout = layout;
		this.hiddenVariables = hiddenVariables;
		this.http = http;
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
		environment.put("APBD_CLOCK_MODE", "simulated");
		environment.put("APBD_CLOCK_STARTED_AT", clockStartedAt.toString());
		environment.put("APBD_CLOCK_START_DATE", clockStartDate.toString());
		environment.put("APBD_CLOCK_YEAR_DURATION", yearDuration);
		// a simulated day lasts about 1.6 s at the default 10m year: refresh faster than that
		environment.put("APBD_SNAPSHOT_REFRESH_INTERVAL", "1s");
		this.commonEnvironment = Map.copyOf(environment);
	}

	/** Fails before anything starts if a jar is missing, naming the command that builds it. */
	void requireJars(List<ServiceCatalog.App> apps) {
		List<String> missing = new ArrayList<>();
		for (ServiceCatalog.App app : apps) {
			if (!Files.isRegularFile(app.jar(this.layout.repoRoot()))) {
				missing.add(this.layout.repoRoot().relativize(app.jar(this.layout.repoRoot())).toString());
			}
		}
		if (!missing.isEmpty()) {
			throw new StartupException("missing jar(s): " + String.join(", ", missing)
					+ ". Build them with: mvn -B -DskipTests package (infra/devstack/run does this when needed)");
		}
	}

	/**
	 * @param extraEnvironment per-application variables, e.g. the database role and password
	 */
	ChildProcess start(ServiceCatalog.App app, Map<String, String> extraEnvironment) {
		Map<String, String> environment = new LinkedHashMap<>(JavaCommand.SERVICE_ENVIRONMENT);
		environment.putAll(this.commonEnvironment);
		environment.put("SERVER_PORT", Integer.toString(app.port()));
		environment.putAll(extraEnvironment);
		List<String> command = JavaCommand.of(this.layout.home(), JavaCommand.SERVICE_OPTIONS,
				List.of("-jar", app.jar(this.layout.repoRoot()).toString()));
		return ChildProcess.start(app.name(), command, environment, this.hiddenVariables, this.layout.repoRoot(),
				this.layout.log(app.name()), this.layout.pids());
	}

	/** Waits until every given application reports UP; logs each as it comes up. */
	void awaitHealthy(Map<ServiceCatalog.App, ChildProcess> started) throws InterruptedException {
		long begin = System.nanoTime();
		long deadline = begin + HEALTH_TIMEOUT.toNanos();
		long nextNotice = begin + Duration.ofSeconds(30).toNanos();
		Map<ServiceCatalog.App, ChildProcess> waiting = new LinkedHashMap<>(started);
		while (!waiting.isEmpty()) {
			for (var iterator = waiting.entrySet().iterator(); iterator.hasNext();) {
				var entry = iterator.next();
				ServiceCatalog.App app = entry.getKey();
				ChildProcess process = entry.getValue();
				if (!process.isAlive()) {
					throw new StartupException(app.name() + " exited with " + process.exitValue()
							+ " during startup; last lines of " + process.logFile() + ":" + System.lineSeparator()
							+ process.tail(40));
				}
				if (this.http.isUp(app.baseUrl())) {
					log.info("      {} is UP on port {} ({} s)", app.name(), app.port(), seconds(begin));
					iterator.remove();
				}
			}
			if (waiting.isEmpty()) {
				return;
			}
			if (System.nanoTime() > deadline) {
				var first = waiting.entrySet().iterator().next();
				throw new StartupException(first.getKey().name() + " was not UP after " + HEALTH_TIMEOUT.toSeconds()
						+ " s; last lines of " + first.getValue().logFile() + ":" + System.lineSeparator()
						+ first.getValue().tail(40));
			}
			if (System.nanoTime() > nextNotice) {
				log.info("      still waiting for {} ({} s)",
						String.join(", ", waiting.keySet().stream().map(ServiceCatalog.App::name).toList()),
						seconds(begin));
				nextNotice += Duration.ofSeconds(30).toNanos();
			}
			Thread.sleep(1000);
		}
	}

	private static long seconds(long beginNanos) {
		return Duration.ofNanos(System.nanoTime() - beginNanos).toSeconds();
	}

}
