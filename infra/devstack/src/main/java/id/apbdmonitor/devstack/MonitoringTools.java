package id.apbdmonitor.devstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus and Alertmanager, when installed (Debian's {@code prometheus} and
 * {@code prometheus-alertmanager} packages) and when the repo has their configuration: optional,
 * because the devstack must run on a machine with nothing but a JDK and Maven.
 */
final class MonitoringTools {

	private static final Logger log = LoggerFactory.getLogger(MonitoringTools.class);

	static final int PROMETHEUS_PORT = 9090;

	static final int ALERTMANAGER_PORT = 9095;

	private final Path repoRoot;

	private final Path devstackHome;

	private final java.time.Duration yearDuration;

	MonitoringTools(Path repoRoot, Path devstackHome, java.time.Duration yearDuration) {
		this.repoRoot = repoRoot;
		this.devstackHome = devstackHome;
		this.yearDuration = yearDuration;
	}

	Path prometheusConfig() {
		return this.repoRoot.resolve("infra/prometheus/devstack/prometheus.yml");
	}

	Path alertmanagerConfig() {
		return this.repoRoot.resolve("infra/alertmanager/alertmanager.yml");
	}

	/** The Prometheus command line, or empty (with the reason logged once) if it cannot run. */
	Optional<List<String>> prometheusCommand() {
		Optional<Path> binary = onPath("prometheus");
		if (binary.isEmpty()) {
			log.info("Prometheus not started: no 'prometheus' on PATH (Debian: apt-get install prometheus)");
			return Optional.empty();
		}
		if (!Files.isRegularFile(prometheusConfig())) {
			log.info("Prometheus not started: {} does not exist yet", this.repoRoot.relativize(prometheusConfig()));
			return Optional.empty();
		}
		Path config = AcceleratedRules.write(prometheusConfig(), this.repoRoot.resolve("infra/prometheus/rules"),
				this.devstackHome.resolve("prometheus-config"), this.yearDuration);
		log.info("Prometheus loads the repository's rules with alert for: durations scaled to the simulated year: {}",
				config);
		return Optional.of(List.of(binary.get().toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + this.devstackHome.resolve("prometheus").toAbsolutePath(),
				"--web.listen-address=localhost:" + PROMETHEUS_PORT, "--web.enable-lifecycle"));
	}

	/**
	 * The Alertmanager command line, or empty (with the reason logged once) if it cannot run.
	 * {@code regions}: the synthetic regions' files of {@code --regions N}, routed too (generated
	 * here; their files name no contacts, so their alerts go to the operators).
	 */
	Optional<List<String>> alertmanagerCommand(Optional<Path> regions) {
		Optional<Path> binary = onPath("prometheus-alertmanager").or(() -> onPath("alertmanager"));
		if (binary.isEmpty()) {
			log.info("Alertmanager not started: neither 'prometheus-alertmanager' nor 'alertmanager' on PATH");
			return Optional.empty();
		}
		if (!Files.isRegularFile(alertmanagerConfig())) {
			log.info("Alertmanager not started: {} does not exist yet", this.repoRoot.relativize(alertmanagerConfig()));
			return Optional.empty();
		}
		Path target = this.devstackHome.resolve("alertmanager-config");
		Path config = regions.isEmpty() ? SimulatedYearRouting.write(alertmanagerConfig(), target)
				: SimulatedYearRouting.write(AlertmanagerConfigGenerator.config(this.repoRoot, regions.get()),
						alertmanagerConfig().getParent(), target);
		log.info("Alertmanager routes as in production, without office hours (business days pass in seconds): {}",
				config);
		// an empty cluster address turns off gossip: one local instance, no port 9094
		return Optional.of(List.of(binary.get().toString(), "--config.file=" + config,
				"--web.listen-address=localhost:" + ALERTMANAGER_PORT, "--cluster.listen-address=",
				// the links of the alert mails start here (the mailbox page serves docs/); the API
				// stays at the root
				"--web.external-url=" + MailServer.externalUrl(), "--web.route-prefix=/",
				"--storage.path=" + this.devstackHome.resolve("alertmanager").toAbsolutePath()));
	}

	/** Whether each tool would be started, without logging: used for the port check. */
	boolean prometheusAvailable() {
		return onPath("prometheus").isPresent() && Files.isRegularFile(prometheusConfig());
	}

	boolean alertmanagerAvailable() {
		return onPath("prometheus-alertmanager").or(() -> onPath("alertmanager")).isPresent()
				&& Files.isRegularFile(alertmanagerConfig());
	}

	static Optional<Path> onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		List<Path> candidates = new ArrayList<>();
		for (String directory : path.split(File.pathSeparator)) {
			if (!directory.isEmpty()) {
				candidates.add(Path.of(directory, program));
			}
		}
		return candidates.stream().filter(Files::isExecutable).findFirst();
	}

}
