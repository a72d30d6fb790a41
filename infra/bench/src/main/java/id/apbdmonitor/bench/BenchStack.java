package id.apbdmonitor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import id.apbdmonitor.devstack.DevstackParts;
import id.apbdmonitor.simulator.generator.GeneratorSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's own PostgreSQL (57432) and Kafka broker (29092, controller 29093), started
 * with the devstack's classes, and the packaged services started against them on 28081 and up:
 * ports of its own, so that it runs beside the devstack and the fault suite. Files under
 * {@code infra/bench/target/stack}.
 */
final class BenchStack implements AutoCloseable {

	static final int POSTGRES_PORT = 57432;

	static final int KAFKA_PORT = 29092;

	static final int KAFKA_CONTROLLER_PORT = 29093;

	static final int FIRST_SERVICE_PORT = 28081;

	static final int PARTITIONS = 3;

	private final Path repoRoot;

	private final Path home;

	private final String classpath;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private DevstackParts.Database database;

	private DevstackParts.Broker broker;

	private Admin admin;

	private final List<DevstackParts.Child> children = new ArrayList<>();

	private final List<String> serviceJvmOptions = new ArrayList<>();

	BenchStack(Path repoRoot, String classpath) {
		this.repoRoot = repoRoot.toAbsolutePath().normalize();
		this.home = this.repoRoot.resolve("infra/bench/target/stack");
		// absolute: the broker runs in the stack's folder
		this.classpath = java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(java.io.File.pathSeparator));
	}

	Path home() {
		return this.home;
	}

	void start() throws InterruptedException {
		for (int port : List.of(POSTGRES_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, FIRST_SERVICE_PORT)) {
			if (DevstackParts.isListening(port)) {
				throw new IllegalStateException("port " + port + " is taken: is another benchmark running?");
			}
		}
		// pg_stat_statements: where the database's time goes in each drain (Statements)
		this.database = DevstackParts.startDatabase(POSTGRES_PORT, this.home.resolve("postgres"), false,
				this.home.resolve("pg-binaries"), this.home.resolve("logs/postgres.log"),
				Map.of("shared_preload_libraries", "pg_stat_statements"));
		this.broker = DevstackParts.startBroker(KAFKA_PORT, KAFKA_CONTROLLER_PORT, this.home, this.classpath, false);
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
	}

	String bootstrapServers() {
		return "localhost:" + KAFKA_PORT;
	}

	long brokerPid() {
		return this.broker.pid();
	}

	/** The postmaster, parent of every backend. */
	long postgresPid() throws IOException {
		return Long.parseLong(
				Files.readAllLines(this.database.dataDirectory().resolve("postmaster.pid")).get(0).trim());
	}

	/** A database, the service's roles, and an event topic and a budget topic of their own for one run. */
	Target prepare(ServiceUnderTest service, String slug)
			throws SQLException, InterruptedException, ExecutionException {
		String topic = "bench." + slug;
		String budgetTopic = "bench.budget." + slug;
		this.admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1),
				new NewTopic(topic + "-dlt", PARTITIONS, (short) 1),
				new NewTopic(budgetTopic, PARTITIONS, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
			.all()
			.get();
		return prepare(service, slug, topic, budgetTopic);
	}

	/** A database and the service's roles for one run, on topics that exist already. */
	Target prepare(ServiceUnderTest service, String slug, String topic, String budgetTopic) throws SQLException {
		String name = "bench_" + slug.replace('-', '_');
		Map<String, String> passwords = DevstackParts.provision(this.database, name, service.role());
		// zonky runs with synchronous_commit off; a production server has it on
		try (Connection connection = this.database.connectAsAdmin("postgres");
				Statement statement = connection.createStatement()) {
			statement.execute("alter database " + name + " set synchronous_commit = on");
		}
		return new Target(slug, name, this.database.jdbcUrl(name), passwords, topic, budgetTopic);
	}

	/** Rows of {@code table} in the run's database. */
	long count(Target target, String table) throws SQLException {
		try (Connection connection = connectAsAdmin(target);
				Statement statement = connection.createStatement();
				java.sql.ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Forgets {@code group}'s committed offsets, so that its next member reads the topics from the start. */
	void forgetGroup(String group) throws InterruptedException, ExecutionException {
		this.admin.deleteConsumerGroups(List.of(group)).all().get();
	}

	/** The server's own database, as the superuser: statistics of every database. */
	Connection connectToServerAsAdmin() throws SQLException {
		return this.database.connectAsAdmin("postgres");
	}

	Connection connectAsAdmin(Target target) throws SQLException {
		return this.database.connectAsAdmin(target.database());
	}

	/** Drops a run's database and topics: a 1M backlog holds gigabytes. */
	void discard(Target target) {
		try {
			this.admin.deleteTopics(List.of(target.topic(), target.topic() + "-dlt", target.budgetTopic()))
				.all()
				.get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// the next run has topics of its own
		}
		try (Connection connection = this.database.connectAsAdmin("postgres");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + target.database() + " with (force)");
		}
		catch (SQLException ex) {
			// the next run has a database of its own
		}
	}

	/**
	 * Starts the packaged service on {@code port} against the run's database and topics, and
	 * returns at once: the drain is timed from its first stored event, start-up apart.
	 */
	DevstackParts.Child startService(ServiceUnderTest service, Target target, int port, Map<String, String> extra,
			Optional<Path> regionFile) {
		return startService(service, target, service.name() + "-" + target.slug(), port, extra, regionFile);
	}

	/** As above, as the instance {@code instance} (its process and log file name). */
	DevstackParts.Child startService(ServiceUnderTest service, Target target, String instance, int port,
			Map<String, String> extra, Optional<Path> regionFile) {
		Path jar = service.jar(this.repoRoot);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("missing " + jar + ": infra/bench/run builds it");
		}
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", Integer.toString(port));
		properties.put("spring.kafka.bootstrap-servers", bootstrapServers());
		properties.put("spring.datasource.url", target.jdbcUrl());
		properties.put("spring.datasource.username", service.role());
		properties.put("apbd.ingest.topic", target.topic());
		properties.put("apbd.ingest.budget-topic", target.budgetTopic());
		properties.put("apbd.clock.mode", "fixed");
		properties.putAll(extra);
		List<String> arguments = new ArrayList<>(List.of("-jar", jar.toString()));
		properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		Map<String, String> environment = new HashMap<>(DevstackParts.SERVICE_ENVIRONMENT);
		// passwords by environment, never on a command line that ps shows
		environment.put("SPRING_DATASOURCE_PASSWORD", target.passwords().get(service.role()));
		environment.put("APBD_DB_OWNER_USER", service.role() + "_owner");
		environment.put("APBD_DB_OWNER_PASSWORD", target.passwords().get(service.role() + "_owner"));
		regionFile.ifPresent((file) -> environment.put("APBD_REGION_CONFIG", "file:" + file.toAbsolutePath()));
		// the devstack's and compose's JVM options; the serial collector comes with the devstack's command
		DevstackParts.Child child = DevstackParts.startJava(instance, this.home, serviceJvmOptions(), arguments,
				environment, this.repoRoot, this.home.resolve("logs/" + instance + ".log"));
		this.children.add(child);
		return child;
	}

	/**
	 * The devstack's JVM options, then the benchmark's own ({@link #addServiceJvmOptions}), then any
	 * options of {@code APBD_BENCH_SERVICE_JAVA_OPTS} (space separated), e.g. to record a flight
	 * recording of each service while it drains. A later option wins (e.g. {@code -Xmx}).
	 */
	private List<String> serviceJvmOptions() {
		List<String> options = new ArrayList<>(DevstackParts.SERVICE_JVM_OPTIONS);
		options.addAll(this.serviceJvmOptions);
		String extra = System.getenv("APBD_BENCH_SERVICE_JAVA_OPTS");
		if (extra != null && !extra.isBlank()) {
			options.addAll(List.of(extra.trim().split("\\s+")));
		}
		return options;
	}

	/** JVM options every service started from now on gets after the devstack's, e.g. a larger heap. */
	void addServiceJvmOptions(List<String> options) {
		this.serviceJvmOptions.addAll(options);
	}

	void stop(DevstackParts.Child child) {
		if (child.isAlive()) {
			child.stop(Duration.ofSeconds(30));
		}
		this.children.remove(child);
	}

	/** Kota Bima's region file with {@code sets} renamed copies of its OPDs ({@code <OPD>-S1} …). */
	Path regionWithOpdSets(int sets) throws IOException {
		String region;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("region-kota-bima.yml")) {
			region = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String> lines = new ArrayList<>(region.lines().toList());
		String lastOpd = GeneratorSettings.KOTA_BIMA_OPDS.get(GeneratorSettings.KOTA_BIMA_OPDS.size() - 1);
		int at = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains("code: " + lastOpd + ",")) {
				at = i;
			}
		}
		if (at < 0) {
			throw new IllegalStateException("region-kota-bima.yml no longer lists " + lastOpd);
		}
		List<String> added = new ArrayList<>();
		for (int set = 1; set <= sets; set++) {
			for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
				added.add("      - { code: " + opd + "-S" + set + ", name: \"" + opd + " (salinan " + set + ")\" }");
			}
		}
		lines.addAll(at + 1, added);
		Path file = this.home.resolve("region-opd-sets-" + sets + ".yml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, String.join("\n", lines) + "\n");
		return file;
	}

	/** A producer for backlogs: batched, compressed, in order, patient with a starved broker. */
	KafkaProducer<String, byte[]> producer(int lingerMillis) {
		Map<String, Object> config = new java.util.HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMillis);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		// a broker starved of CPU answers late: retry for long rather than expire batches
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
		// the idempotent producer once looped on OUT_OF_ORDER_SEQUENCE_NUMBER for minutes after a fresh
		// topic's first batches and flush() never returned; one request in flight keeps the order, and
		// a rare duplicate from a retry shows in the topic's count, checked after producing
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
		return new KafkaProducer<>(config);
	}

	/** The body of {@code url}, or empty while the service is not answering. */
	Optional<String> get(String url) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? Optional.of(response.body()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** Records in {@code topic}: the sum of its partitions' end offsets. */
	long endOffsetSum(String topic) throws InterruptedException, ExecutionException {
		return offsets(topic, OffsetSpec.latest()).values().stream().mapToLong(Long::longValue).sum();
	}

	/** Each partition's offset of {@code topic}: {@link OffsetSpec#earliest()} or {@link OffsetSpec#latest()}. */
	Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		for (int p = 0; p < PARTITIONS; p++) {
			request.put(new TopicPartition(topic, p), spec);
		}
		Map<TopicPartition, Long> offsets = new HashMap<>();
		this.admin.listOffsets(request).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	/**
	 * The offsets {@code group} has committed on {@code topic}'s partitions, read from the broker
	 * (the service is not asked); empty while the group has not committed any.
	 */
	Map<TopicPartition, Long> committed(String group, String topic) throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetAndMetadata> all;
		try {
			all = this.admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException) {
				return Map.of();
			}
			throw ex;
		}
		Map<TopicPartition, Long> committed = new HashMap<>();
		all.forEach((partition, offset) -> {
			// a partition without a committed offset comes back as null (or -1 from older brokers)
			if (partition.topic().equals(topic) && offset != null && offset.offset() >= 0) {
				committed.put(partition, offset.offset());
			}
		});
		return committed;
	}

	/** Records of {@code topic} not yet committed by {@code group}. */
	long lag(String group, String topic) throws InterruptedException, ExecutionException {
		Map<TopicPartition, Long> start = offsets(topic, OffsetSpec.earliest());
		return Offsets.lag(start, offsets(topic, OffsetSpec.latest()), committed(group, topic));
	}

	@Override
	public void close() {
		for (DevstackParts.Child child : List.copyOf(this.children)) {
			try {
				stop(child);
			}
			catch (RuntimeException ex) {
				// go on with the broker and the database
			}
		}
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(5));
		}
		if (this.broker != null && this.broker.isAlive()) {
			this.broker.stop(Duration.ofSeconds(20));
		}
		if (this.database != null) {
			this.database.close();
		}
	}

	/** One run's database and topics. */
	record Target(String slug, String database, String jdbcUrl, Map<String, String> passwords, String topic,
			String budgetTopic) {
	}

}
