package id.apbdmonitor.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-command embedded stack: PostgreSQL, a Kafka broker, the services and the simulator,
 * started in dependency order and stopped in reverse on Ctrl-C, SIGTERM or a startup failure.
 * Run it through {@code infra/devstack/run}, which builds what is missing first.
 */
public final class Devstack {

	private static final Logger log = LoggerFactory.getLogger(Devstack.class);

	static final String DATABASE = "apbd";

	static final int POSTGRES_PORT = 55432;

	static final int KAFKA_PORT = 9092;

	static final int KAFKA_CONTROLLER_PORT = 9093;

	/** From the moment every process is UP to the start of the simulated year (whole seconds). */
	static final Duration CLOCK_HEAD_START = Duration.ofSeconds(2);

	private static final Duration STOP_GRACE = Duration.ofSeconds(15);

	private final Options options;

	private final StackLayout layout;

	private final HttpProbe http = new HttpProbe();

	private final MonitoringTools monitoring;

	private final Object lock = new Object();

	private boolean stopped;

	private volatile Thread mainThread;

	private volatile Instant clockStartedAt;

	private PostgresServer database;

	private MailServer mailServer;

	private KafkaBroker kafka;

	private final List<ChildProcess> services = new CopyOnWriteArrayList<>();

	private final List<ChildProcess> simulator = new CopyOnWriteArrayList<>();

	private final List<ChildProcess> monitoringTools = new CopyOnWriteArrayList<>();

	Devstack(Options options, StackLayout layout) {
		this.options = options;
		this.layout = layout;
		this.monitoring = new MonitoringTools(layout.repoRoot(), layout.home(), options.yearDuration());
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println();
			System.err.print(Options.USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.print(Options.USAGE);
			return;
		}
		StackLayout layout = StackLayout.of(Path.of(""));
		if (!Files.isDirectory(layout.repoRoot().resolve("infra/devstack"))) {
			System.err.println("run the devstack from the repository root (infra/devstack/run does that)");
			System.exit(2);
		}
		Devstack devstack = new Devstack(options, layout);
		Runtime.getRuntime().addShutdownHook(new Thread(devstack::stop, "devstack-shutdown"));
		try {
			devstack.start();
			devstack.reportProgress();
		}
		catch (StartupException ex) {
			log.error("devstack did not start: {}", ex.getMessage());
			System.exit(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.error("devstack failed", ex);
			System.exit(1);
		}
	}

	void start() throws InterruptedException {
		this.mainThread = Thread.currentThread();
		long begin = System.nanoTime();
		LocalDate startDate = LocalDate.of(this.options.fiscalYear(), 1, 1);
		log.info("apbd-monitor devstack: fiscal year {}, a simulated year lasts {}; files in {}",
				this.options.fiscalYear(), this.options.yearDurationText(), this.layout.home());
		List<ServiceCatalog.App> apps = new ArrayList<>(ServiceCatalog.SERVICES);
		apps.add(ServiceCatalog.SIMULATOR);
		apps.add(ServiceCatalog.BRIEF);
		Set<String> hidden = this.options.externalServer()
			.map((server) -> Set.of(server.passwordVariable()))
			.orElse(Set.of());
		// the jars and ports are checked before anything starts: nothing to undo if they fail
		ServiceLauncher precheck = new ServiceLauncher(this.layout, "", Instant.now(), startDate, "", hidden, this.http);
		precheck.requireJars(apps);
		Ports.requireFree(neededPorts(apps));

		// where the alert e-mails arrive; in-process, so it starts and stops with this JVM
		MailServer mail = MailServer.start(MailServer.SMTP_PORT, MailServer.HTTP_PORT, this.layout.repoRoot(),
				Options.REGION_ZONE);
		synchronized (this.lock) {
			if (this.stopped) {
				mail.close();
				throw new StartupException("stopping");
			}
			this.mailServer = mail;
		}
		log.info("mailbox: SMTP localhost:{}, received mails on {}", MailServer.SMTP_PORT, MailServer.mailboxUrl());

		log.info("[1/5] PostgreSQL");
		PostgresServer postgres = startDatabase();
		Map<String, String> passwords = provision(postgres, ServiceCatalog.SERVICES);

		log.info("[2/5] Kafka broker (KRaft) on localhost:{}", KAFKA_PORT);
		long step = System.nanoTime();
		KafkaBroker broker = new KafkaBroker(new KafkaBroker.Settings(KAFKA_PORT, KAFKA_CONTROLLER_PORT,
				this.layout.kafkaData(), this.layout.kafkaConfig(), this.layout.log("kafka"), this.layout.pids(),
				this.layout.home(), this.layout.repoRoot(), System.getProperty("java.class.path"),
				this.options.keepData()));
		synchronized (this.lock) {
			requireRunning();
			this.kafka = broker;
		}
		broker.start();
		log.info("      broker ready ({} s), log {}", seconds(step), this.layout.log("kafka"));

		// The services and the simulator wait for the start instant in a file, written once every
		// one of them is UP: on two busy cores a fixed head start was sometimes too short (the
		// simulator came up two minutes into the year) and always too long.
		Path startFile = this.layout.clockStartFile();
		deleteStartFile(startFile);
		ServiceLauncher launcher = new ServiceLauncher(this.layout, broker.bootstrapServers(), Instant.now(), startDate,
				this.options.yearDurationForSpring(), hidden, this.http);
		// 1 % faulty events exercise the dead-letter paths while the demo runs
		Map<String, String> simulatorEnvironment = new LinkedHashMap<>(Map.of("APBD_SIMULATOR_FAULT_RATE", "0.01",
				"APBD_SIMULATOR_FISCAL_YEAR", Integer.toString(this.options.fiscalYear()), "APBD_CLOCK_STARTED_AT_FILE",
				startFile.toAbsolutePath().toString()));
		ServiceCatalog.App simulatorApp = ServiceCatalog.SIMULATOR;
		ChildProcess simulatorProcess = null;
		if (this.options.regions() > 1) {
			// the simulator writes the region files at start-up; the services read them at theirs
			Path regions = this.layout.regions();
			deleteRegionFiles(regions);
			simulatorEnvironment.put("APBD_SIMULATOR_REGIONS", Integer.toString(this.options.regions()));
			simulatorEnvironment.put("APBD_SIMULATOR_REGIONS_DIR", regions.toAbsolutePath().toString());
			log.info("[3/5] simulator first: Kota Bima and {} synthetic regions, their files in {}",
					this.options.regions() - 1, regions);
			simulatorProcess = register(this.simulator, launcher.start(simulatorApp, simulatorEnvironment));
			launcher.awaitHealthy(Map.of(simulatorApp, simulatorProcess));
		}
		log.info("[3/5] services: {} (the simulated year starts when all are UP)",
				String.join(", ", ServiceCatalog.SERVICES.stream().map(ServiceCatalog.App::name).toList()));
		Map<ServiceCatalog.App, ChildProcess> started = new LinkedHashMap<>();
		for (ServiceCatalog.App app : ServiceCatalog.SERVICES) {
			Map<String, String> environment = new LinkedHashMap<>();
			environment.put("APBD_CLOCK_STARTED_AT_FILE", startFile.toAbsolutePath().toString());
			if (this.options.regions() > 1) {
				environment.put("APBD_REGIONS_DIR", this.layout.regions().toAbsolutePath().toString());
			}
			if (app.needsDatabase()) {
				environment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(DATABASE));
				environment.put("SPRING_DATASOURCE_USERNAME", app.roleName());
				environment.put("SPRING_DATASOURCE_PASSWORD", passwords.get(app.roleName()));
				// migrations run as the schema's owner; the service role may only append to ledgers
				environment.put("APBD_DB_OWNER_USER", SchemaProvisioner.ownerOf(app.roleName()));
				environment.put("APBD_DB_OWNER_PASSWORD", passwords.get(SchemaProvisioner.ownerOf(app.roleName())));
			}
			started.put(app, register(this.services, launcher.start(app, environment)));
		}
		if (simulatorProcess == null) {
			log.info("[4/5] simulator, started beside them: it publishes nothing before the year starts");
			simulatorProcess = register(this.simulator, launcher.start(simulatorApp, simulatorEnvironment));
		}
		Map<ServiceCatalog.App, ChildProcess> all = new LinkedHashMap<>(started);
		all.put(simulatorApp, simulatorProcess);
		launcher.awaitHealthy(all);

		// every service and the simulator read this one instant
		Instant clockStartedAt = Instant.now().plus(CLOCK_HEAD_START).truncatedTo(ChronoUnit.SECONDS);
		this.clockStartedAt = clockStartedAt;
		writeStartFile(startFile, clockStartedAt);
		log.info("      every service and the simulator are UP: the simulated year starts at {}", clockStartedAt);

		log.info("[5/5] Prometheus and Alertmanager (optional)");
		Optional<ChildProcess> prometheus = this.monitoring.prometheusCommand()
			.map((command) -> register(this.monitoringTools, ChildProcess.start("prometheus", command, Map.of(), hidden,
					this.layout.repoRoot(), this.layout.log("prometheus"), this.layout.pids())));
		Optional<ChildProcess> alertmanager = this.monitoring
			.alertmanagerCommand((this.options.regions() > 1) ? Optional.of(this.layout.regions()) : Optional.empty())
			.map((command) -> register(this.monitoringTools, ChildProcess.start("alertmanager", command, Map.of(),
					hidden, this.layout.repoRoot(), this.layout.log("alertmanager"), this.layout.pids())));
		awaitListening(prometheus, MonitoringTools.PROMETHEUS_PORT);
		awaitListening(alertmanager, MonitoringTools.ALERTMANAGER_PORT);

		// the brief also mails itself once, 60 s after it starts, so that its mail is seen in the mailbox
		launcher.awaitHealthy(Map.of(ServiceCatalog.BRIEF, register(this.services, launcher.start(ServiceCatalog.BRIEF,
				Map.of("APBD_PROMETHEUS_URL", "http://localhost:" + MonitoringTools.PROMETHEUS_PORT, "APBD_SMTP_PORT",
						Integer.toString(MailServer.SMTP_PORT), "APBD_BRIEF_MAIL_SEND_AFTER_START", "60s")))));

		log.info("devstack up in {} s", seconds(begin));
		new EndpointTable(this.layout, postgres.jdbcUrl(DATABASE), broker.bootstrapServers(), prometheus.isPresent(),
				alertmanager.isPresent(), prometheus.isPresent() ? firingAlerts() : Optional.empty())
			.print(System.out);
	}

	/** A previous run's regions (perhaps more of them) must not be monitored by this one. */
	private static void deleteRegionFiles(Path dir) {
		try {
			Files.createDirectories(dir);
			try (var files = Files.list(dir)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new StartupException("cannot empty " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static void deleteStartFile(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (java.io.IOException ex) {
			throw new StartupException("cannot delete " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Written whole to a temporary file and moved: a service never reads half an instant. */
	private static void writeStartFile(Path file, Instant startedAt) {
		try {
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(temporary, startedAt + System.lineSeparator());
			Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (java.io.IOException ex) {
			throw new StartupException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	private Map<String, Integer> neededPorts(List<ServiceCatalog.App> apps) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		if (this.options.externalServer().isEmpty()) {
			ports.put("embedded PostgreSQL", POSTGRES_PORT);
		}
		ports.put("Kafka", KAFKA_PORT);
		ports.put("mail server (SMTP)", MailServer.SMTP_PORT);
		ports.put("mailbox page", MailServer.HTTP_PORT);
		ports.put("Kafka controller", KAFKA_CONTROLLER_PORT);
		apps.forEach((app) -> ports.put(app.name(), app.port()));
		if (this.monitoring.prometheusAvailable()) {
			ports.put("Prometheus", MonitoringTools.PROMETHEUS_PORT);
		}
		if (this.monitoring.alertmanagerAvailable()) {
			ports.put("Alertmanager", MonitoringTools.ALERTMANAGER_PORT);
		}
		return ports;
	}

	private PostgresServer startDatabase() {
		long step = System.nanoTime();
		PostgresServer postgres;
		if (this.options.externalServer().isPresent()) {
			postgres = ExternalDatabase.connect(this.options.externalServer().get());
			log.info("      using the existing server {}", this.options.externalServer().get().jdbcUrl());
		}
		else {
			postgres = EmbeddedDatabase.start(POSTGRES_PORT, this.layout.postgresData(), this.options.keepData(),
					this.layout.postgresBinaries(), this.layout.log("postgres"));
			log.info("      embedded PostgreSQL up on port {} ({} s), data {}", POSTGRES_PORT, seconds(step),
					this.layout.postgresData());
		}
		synchronized (this.lock) {
			if (this.stopped) {
				postgres.close();
				throw new StartupException("stopping");
			}
			this.database = postgres;
		}
		return postgres;
	}

	private Map<String, String> provision(PostgresServer postgres, List<ServiceCatalog.App> apps) {
		List<String> roles = apps.stream().filter(ServiceCatalog.App::needsDatabase).map(ServiceCatalog.App::roleName)
			.toList();
		try {
			Map<String, String> passwords = new SchemaProvisioner().provision(postgres, DATABASE, roles);
			log.info("      database {}: roles and schemas {} (random passwords, never printed)", DATABASE,
					String.join(", ", roles));
			return passwords;
		}
		catch (java.sql.SQLException ex) {
			throw new StartupException("cannot create database " + DATABASE + " and the service roles: "
					+ ex.getMessage(), ex);
		}
	}

	private void awaitListening(Optional<ChildProcess> process, int port) throws InterruptedException {
		if (process.isEmpty()) {
			return;
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.get().isAlive()) {
				// optional tools: their failure is reported but does not stop the stack
				log.warn("      {} exited with {}; last lines of {}:{}{}", process.get().name(),
						process.get().exitValue(), process.get().logFile(), System.lineSeparator(),
						process.get().tail(15));
				return;
			}
			if (Ports.isListening(port)) {
				log.info("      {} listening on port {}", process.get().name(), port);
				return;
			}
			Thread.sleep(500);
		}
		log.warn("      {} is not listening on port {} after 60 s; see {}", process.get().name(), port,
				process.get().logFile());
	}

	/** How many alerts fire, once Prometheus answers (it takes a moment after it listens). */
	private Optional<String> firingAlerts() throws InterruptedException {
		for (int attempt = 0; attempt < 20; attempt++) {
			Optional<String> firing = FiringAlerts.describe(this.http);
			if (firing.isPresent()) {
				return firing;
			}
			Thread.sleep(500);
		}
		return Optional.empty();
	}

	/** Adds a started child to its group, unless a stop began meanwhile: then it stops at once. */
	private ChildProcess register(List<ChildProcess> group, ChildProcess process) {
		synchronized (this.lock) {
			if (!this.stopped) {
				group.add(process);
				return process;
			}
		}
		process.stop(STOP_GRACE);
		throw new StartupException("stopping");
	}

	private void requireRunning() {
		if (this.stopped) {
			throw new StartupException("stopping");
		}
	}

	void reportProgress() {
		ProgressReporter reporter = new ProgressReporter(this.http, ServiceCatalog.SIMULATOR, ServiceCatalog.SERVICES,
				this.clockStartedAt, this.options.yearDuration(), this.options.fiscalYear());
		reporter.run(Duration.ofSeconds(15));
		// the year is over: keep everything running until Ctrl-C
		try {
			Thread.sleep(Long.MAX_VALUE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops everything this devstack started, in reverse dependency order: the simulator first
	 * (no new events), then the services (they commit their last batch), then the broker, then
	 * Prometheus and Alertmanager, then PostgreSQL. Safe to call twice and from the shutdown hook.
	 */
	void stop() {
		synchronized (this.lock) {
			if (this.stopped) {
				return;
			}
			this.stopped = true;
		}
		Thread main = this.mainThread;
		if (main != null && main != Thread.currentThread()) {
			main.interrupt();
		}
		log.info("stopping …");
		stopGroup("simulator", this.simulator);
		stopGroup("services", this.services);
		if (this.kafka != null) {
			this.kafka.requestStop();
			this.kafka.awaitStop(STOP_GRACE);
			log.info("      Kafka broker stopped");
		}
		stopGroup("Prometheus and Alertmanager", this.monitoringTools);
		if (this.mailServer != null) {
			this.mailServer.close();
		}
		if (this.database != null) {
			this.database.close();
			log.info("      PostgreSQL {}", (this.database instanceof EmbeddedDatabase) ? "stopped" : "left running");
		}
		log.info("stopped cleanly");
	}

	/** SIGTERM to the whole group first, then the waits: the members stop in parallel. */
	private static void stopGroup(String description, List<ChildProcess> group) {
		if (group.isEmpty()) {
			return;
		}
		group.forEach(ChildProcess::requestStop);
		group.forEach((process) -> process.awaitStop(STOP_GRACE));
		log.info("      {} stopped", description);
	}

	private static long seconds(long beginNanos) {
		return Duration.ofNanos(System.nanoTime() - beginNanos).toSeconds();
	}

}
