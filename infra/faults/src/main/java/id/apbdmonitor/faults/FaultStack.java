package id.apbdmonitor.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import id.apbdmonitor.devstack.DevstackParts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The stack the faults are applied to: an embedded PostgreSQL, a standalone Kafka broker and
 * goods-spending's packaged jar, on ports of their own (never the devstack's), with files under
 * {@code infra/faults/target/stack}. Each scenario gets its own database and topic, so that a
 * topic a fault left stalled cannot spill into the next scenario.
 */
final class FaultStack implements AutoCloseable {

	static final int POSTGRES_PORT = 56432;

	static final int KAFKA_PORT = 19092;

	static final int KAFKA_CONTROLLER_PORT = 19093;

	/** The first instance of the service; a second one takes the next hundred. */
	static final int SERVICE_PORT = 18083;

	static final String SERVICE = "goods-spending";

	static final String ROLE = "goods_spending";

	static final int PARTITIONS = 3;

	private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(240);

	private final Path repoRoot;

	private final Path home;

	private final String classpath;

	private final Consumer<String> progress;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<Service> services = new ArrayList<>();

	private final LocalDate businessDate;

	private DevstackParts.Database database;

	private DevstackParts.Broker broker;

	private Admin admin;

	private boolean databaseDown;

	private boolean closed;

	FaultStack(Path repoRoot, String classpath, LocalDate businessDate, Consumer<String> progress) {
		this.repoRoot = repoRoot.toAbsolutePath().normalize();
		this.home = this.repoRoot.resolve("infra/faults/target/stack");
		// absolute: the broker runs in the stack's folder, not where the suite was started
		this.classpath = java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(java.io.File.pathSeparator));
		this.businessDate = businessDate;
		this.progress = progress;
	}

	Path jar() {
		return this.repoRoot.resolve("services/" + SERVICE + "/target/" + SERVICE + "-0.1.0-SNAPSHOT-exec.jar");
	}

	LocalDate businessDate() {
		return this.businessDate;
	}

	void start() throws InterruptedException {
		if (!Files.isRegularFile(jar())) {
			throw new IllegalStateException("missing " + jar() + ": build it with mvn -B -DskipTests package");
		}
		for (int port : List.of(POSTGRES_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, SERVICE_PORT, SERVICE_PORT + 100)) {
			if (DevstackParts.isListening(port)) {
				throw new IllegalStateException("port " + port + " is taken: is another fault suite running?");
			}
		}
		this.database = startDatabase(false);
		this.progress.accept("PostgreSQL on port " + POSTGRES_PORT);
		this.broker = DevstackParts.startBroker(KAFKA_PORT, KAFKA_CONTROLLER_PORT, this.home, this.classpath, false);
		this.progress.accept("Kafka broker on port " + KAFKA_PORT);
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				10_000));
	}

	private DevstackParts.Database startDatabase(boolean keepData) {
		return DevstackParts.startDatabase(POSTGRES_PORT, this.home.resolve("postgres"), keepData,
				this.home.resolve("pg-binaries"), this.home.resolve("logs/postgres.log"));
	}

	String bootstrapServers() {
		return "localhost:" + KAFKA_PORT;
	}

	Admin admin() {
		return this.admin;
	}

	/** A database and a topic (and its dead-letter topic) of their own for one scenario. */
	Target prepare(String slug) throws SQLException, InterruptedException, ExecutionException {
		String database = "apbd_" + slug.replace('-', '_');
		Map<String, String> passwords = DevstackParts.provision(this.database, database, ROLE);
		// zonky starts PostgreSQL with synchronous_commit=off: a crash then loses commits the
		// service was told were durable. A production server has it on, and so must this one.
		try (Connection connection = this.database.connectAsAdmin("postgres");
				java.sql.Statement statement = connection.createStatement()) {
			statement.execute("alter database " + database + " set synchronous_commit = on");
		}
		String topic = "apbd.goods.v1.fault-" + slug;
		this.admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1),
				new NewTopic(topic + "-dlt", PARTITIONS, (short) 1))).all().get();
		return new Target(slug, database, this.database.jdbcUrl(database), passwords, topic);
	}

	/**
	 * Starts one instance of the packaged service on {@code port}, configured by command-line
	 * properties ({@code extra} on top), and waits until its health is UP.
	 */
	Service startService(Target target, int port, Map<String, String> extra) throws InterruptedException {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", Integer.toString(port));
		properties.put("spring.kafka.bootstrap-servers", bootstrapServers());
		properties.put("spring.datasource.url", target.jdbcUrl());
		properties.put("spring.datasource.username", ROLE);
		properties.put("apbd.ingest.topic", target.topic());
		properties.put("apbd.clock.mode", "fixed");
		properties.put("apbd.clock.start-date", this.businessDate.toString());
		properties.put("apbd.snapshot.refresh-interval", "1s");
		properties.putAll(extra);
		List<String> arguments = new ArrayList<>(List.of("-jar", jar().toString()));
		properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		String name = SERVICE + "-" + port;
		Path log = this.home.resolve("logs/" + target.slug() + "/" + name + "-" + System.currentTimeMillis() + ".log");
		// passwords go by environment, never on a command line that ps shows
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_DATASOURCE_PASSWORD", target.passwords().get(ROLE));
		String owner = ROLE + "_owner";
		if (target.passwords().containsKey(owner)) {
			// where the database guards the ledger, migrations run as the schema's owner role
			environment.put("APBD_DB_OWNER_USER", owner);
			environment.put("APBD_DB_OWNER_PASSWORD", target.passwords().get(owner));
		}
		// C1 only: on two shared cores it halves the start-up, and this suite measures integrity, not speed
		DevstackParts.Child child = DevstackParts.startJava(name, this.home,
				faultJvmOptions(), arguments,
				environment, this.repoRoot, log);
		Service service = new Service(name, port, child, properties.getOrDefault("spring.application.name", SERVICE));
		this.services.add(service);
		awaitUp(service);
		return service;
	}

	/** The devstack's JVM options, C1 only. */
	private static List<String> faultJvmOptions() {
		List<String> options = new ArrayList<>(DevstackParts.SERVICE_JVM_OPTIONS);
		if (!options.contains("-XX:TieredStopAtLevel=1")) {
			options.add("-XX:TieredStopAtLevel=1");
		}
		return options;
	}

	void awaitUp(Service service) throws InterruptedException {
		long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!service.child().isAlive()) {
				throw new IllegalStateException(service.name() + " exited during start-up; last lines of "
						+ service.child().logFile() + ":\n" + service.child().tail(40));
			}
			// liveness, not readiness: a service restarted on a backlog may be rightly not ready yet
			Optional<String> health = get(service.baseUrl() + "/actuator/health/liveness");
			if (health.filter((body) -> body.contains("\"status\":\"UP\"")).isPresent()) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(service.name() + " was not UP after " + HEALTH_TIMEOUT.toSeconds() + " s; see "
				+ service.child().logFile());
	}

	Optional<String> get(String url) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** Stops every instance this stack started (SIGTERM, and SIGCONT first in case one is frozen). */
	synchronized void stopServices() {
		for (Service service : this.services) {
			if (service.child().isAlive()) {
				Signals.send("CONT", service.child().pid());
				service.child().stop(Duration.ofSeconds(20));
			}
		}
		this.services.clear();
	}

	// ---- faults --------------------------------------------------------------------------

	void killBroker() {
		ProcessHandle.of(this.broker.pid()).ifPresent(ProcessHandle::destroyForcibly);
		awaitExit(this.broker.pid());
	}

	void stopBroker() {
		this.broker.stop(Duration.ofSeconds(30));
	}

	void restartBroker() throws InterruptedException {
		this.broker = DevstackParts.startBroker(KAFKA_PORT, KAFKA_CONTROLLER_PORT, this.home, this.classpath, true);
	}

	/** SIGQUIT to the postmaster: PostgreSQL's immediate shutdown, no checkpoint, clients cut. */
	void stopDatabaseImmediately() throws IOException {
		long pid = Long.parseLong(
				Files.readAllLines(this.database.dataDirectory().resolve("postmaster.pid")).get(0).trim());
		Signals.send("QUIT", pid);
		awaitExit(pid);
		this.database.abandon();
		this.databaseDown = true;
	}

	void restartDatabase() {
		this.database = startDatabase(true);
		this.databaseDown = false;
	}

	/** Brings back what a failed script left stopped, so that the next scenario starts whole. */
	synchronized void ensureRunning() throws InterruptedException {
		if (this.closed) {
			// stopping (Ctrl-C): a scenario that failed because of it must not start anything again
			return;
		}
		if (this.databaseDown) {
			restartDatabase();
		}
		if (!this.broker.isAlive()) {
			restartBroker();
		}
	}

	/** Terminates every connection to {@code database} but ours; returns how many. */
	int terminateConnections(String database) throws SQLException {
		try (Connection connection = this.database.connectAsAdmin("postgres");
				PreparedStatement statement = connection.prepareStatement(
						"select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	Connection connect(Target target) throws SQLException {
		return this.database.connectAsAdmin(target.database());
	}

	// ---- Kafka positions -----------------------------------------------------------------

	Map<TopicPartition, Long> endOffsets(String topic) throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		for (int p = 0; p < PARTITIONS; p++) {
			request.put(new TopicPartition(topic, p), OffsetSpec.latest());
		}
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result;
		try {
			result = this.admin.listOffsets(request).all().get(20, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new ExecutionException("listing the end offsets of " + topic + " timed out", ex);
		}
		return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
	}

	Map<TopicPartition, Long> committed(String group, String topic) throws InterruptedException, ExecutionException {
		try {
			Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(20, TimeUnit.SECONDS);
			Map<TopicPartition, Long> result = new HashMap<>();
			offsets.forEach((partition, offset) -> {
				if (partition.topic().equals(topic) && offset != null) {
					result.put(partition, offset.offset());
				}
			});
			return result;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return Map.of();
		}
	}

	/**
	 * Waits until {@code group} has committed the end of every partition of {@code topic};
	 * returns the seconds it took, or empty after {@code timeout}.
	 */
	Optional<Double> awaitCaughtUp(String group, String topic, Duration timeout) throws InterruptedException {
		long begin = System.nanoTime();
		long deadline = begin + timeout.toNanos();
		long nextNotice = begin + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				Map<TopicPartition, Long> end = endOffsets(topic);
				Map<TopicPartition, Long> committed = committed(group, topic);
				boolean caughtUp = end.entrySet().stream()
					.allMatch((e) -> e.getValue() == 0 || e.getValue().equals(committed.get(e.getKey())));
				if (caughtUp) {
					return Optional.of((System.nanoTime() - begin) / 1e9);
				}
				if (System.nanoTime() > nextNotice) {
					long behind = end.entrySet().stream()
						.mapToLong((e) -> e.getValue() - committed.getOrDefault(e.getKey(), 0L))
						.sum();
					this.progress.accept(String.format("    %s: %d records not yet committed (%.0f s)", group, behind,
							(System.nanoTime() - begin) / 1e9));
					nextNotice += Duration.ofSeconds(30).toNanos();
				}
			}
			catch (ExecutionException | RuntimeException ex) {
				// the broker may still be coming back: ask again
			}
			Thread.sleep(500);
		}
		return Optional.empty();
	}

	private static void awaitExit(long pid) {
		ProcessHandle.of(pid).ifPresent((handle) -> {
			try {
				handle.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		});
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		// each step on its own: one failing must not leave the broker or the database running
		List<Runnable> steps = List.of(this::stopServices, () -> {
			if (this.admin != null) {
				this.admin.close(Duration.ofSeconds(5));
			}
		}, () -> {
			if (this.broker != null && this.broker.isAlive()) {
				this.broker.stop(Duration.ofSeconds(20));
			}
		}, () -> {
			if (this.database != null) {
				this.database.abandon();
			}
		});
		for (Runnable step : steps) {
			try {
				step.run();
			}
			catch (RuntimeException ex) {
				this.progress.accept("while stopping: " + ex);
			}
		}
	}

	/** One scenario's database and topic. */
	record Target(String slug, String database, String jdbcUrl, Map<String, String> passwords, String topic) {

		String deadLetterTopic() {
			return this.topic + "-dlt";
		}

	}

	/** One running instance of the service. */
	record Service(String name, int port, DevstackParts.Child child, String group) {

		String baseUrl() {
			return "http://localhost:" + this.port;
		}

		void kill() {
			ProcessHandle.of(this.child.pid()).ifPresent(ProcessHandle::destroyForcibly);
			awaitExit(this.child.pid());
		}

		void freeze() {
			Signals.send("STOP", this.child.pid());
		}

		void thaw() {
			Signals.send("CONT", this.child.pid());
		}

	}

	/** Unix signals the JDK has no method for. */
	static final class Signals {

		private Signals() {
		}

		static void send(String signal, long pid) {
			try {
				Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
					.start();
				kill.getInputStream().readAllBytes();
				kill.waitFor(10, TimeUnit.SECONDS);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	static Set<String> regionOpds() {
		return Set.copyOf(EventGenerator.OPDS);
	}

}
