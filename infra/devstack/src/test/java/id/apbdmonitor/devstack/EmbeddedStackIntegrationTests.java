package id.apbdmonitor.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The real embedded PostgreSQL and the real broker child process, started through the
 * devstack's own classes on free ports, then stopped: nothing may be left listening or running.
 */
class EmbeddedStackIntegrationTests {

	private final Path home = Path.of(System.getProperty("java.io.tmpdir"))
		.resolve("devstack-it-" + UUID.randomUUID())
		.toAbsolutePath();

	@Test
	void shouldRunDatabaseAndBrokerAndLeaveNoProcessOrPortBehind() throws Exception {
		int postgresPort = Ports.findFree();
		int kafkaPort = Ports.findFree();
		int controllerPort = Ports.findFree();
		EmbeddedDatabase database = startDatabase(postgresPort, false);
		long postgresPid = postmasterPid();
		KafkaBroker broker = broker(kafkaPort, controllerPort, false);
		long brokerPid;
		try {
			Map<String, String> passwords = new SchemaProvisioner().provision(database, "apbd",
					List.of("alpha_service", "beta_service"));
			assertEachRoleWritesOnlyItsOwnSchema(database.jdbcUrl("apbd"), passwords);

			broker.start();
			brokerPid = broker.process().pid();
			assertThat(Files.readString(this.home.resolve("pids/kafka.pid")).trim()).isEqualTo(Long.toString(brokerPid));
			produceOneRecord(broker.bootstrapServers());
			assertOneRecordArrives(broker.bootstrapServers(), "devstack-check");
		}
		finally {
			broker.requestStop();
			broker.awaitStop(Duration.ofSeconds(15));
			database.close();
		}

		assertThat(ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive)).as("broker process").isEmpty();
		assertThat(ProcessHandle.of(postgresPid).filter(ProcessHandle::isAlive)).as("postmaster").isEmpty();
		assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
			.as("children of the test JVM").isEmpty();
		assertThat(List.of(postgresPort, kafkaPort, controllerPort)).allMatch(Ports::isFree, "port free again");
		assertThat(this.home.resolve("pids/kafka.pid")).doesNotExist();
		EmbeddedDatabase.deleteRecursively(this.home);
	}

	private void assertEachRoleWritesOnlyItsOwnSchema(String url, Map<String, String> passwords) throws SQLException {
		assertThat(passwords).containsOnlyKeys("alpha_service", "alpha_service_owner", "beta_service",
				"beta_service_owner");
		assertThat(passwords.get("alpha_service")).hasSize(32)
			.isNotEqualTo(passwords.get("beta_service"))
			.isNotEqualTo(passwords.get("alpha_service_owner"));
		// the owner role runs the migrations: it creates tables and grants the service role its share
		try (Connection owner = DriverManager.getConnection(url, "beta_service_owner", passwords.get("beta_service_owner"));
				Statement statement = owner.createStatement()) {
			statement.execute("create table beta_service.ledger (id int primary key)");
		}
		try (Connection owner = DriverManager.getConnection(url, "alpha_service_owner",
				passwords.get("alpha_service_owner")); Statement statement = owner.createStatement()) {
			statement.execute("create table alpha_service.ledger (id int primary key)");
			statement.execute("grant select, insert on alpha_service.ledger to alpha_service");
		}
		try (Connection alpha = DriverManager.getConnection(url, "alpha_service", passwords.get("alpha_service"));
				Statement statement = alpha.createStatement()) {
			// unqualified: the default search_path starts with the schema named after the role
			statement.execute("insert into ledger values (1)");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("delete from alpha_service.ledger"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("create table alpha_service.sneaky (id int)"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("create table beta_service.sneaky (id int)"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("insert into beta_service.ledger values (1)"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("create table public.sneaky (id int)"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
		}
		// passwords are checked (initdb's trust was replaced): 28P01 invalid_password
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(url, "alpha_service", "not-the-password").close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
	}

	@Test
	void shouldKeepTablesAndRecordsAcrossARestartWithKeepData() throws Exception {
		int postgresPort = Ports.findFree();
		int kafkaPort = Ports.findFree();
		int controllerPort = Ports.findFree();
		String url;
		Map<String, String> firstPasswords;
		EmbeddedDatabase database = startDatabase(postgresPort, false);
		KafkaBroker broker = broker(kafkaPort, controllerPort, false);
		try {
			firstPasswords = new SchemaProvisioner().provision(database, "apbd", List.of("alpha_service"));
			url = database.jdbcUrl("apbd");
			try (Connection owner = DriverManager.getConnection(url, "alpha_service_owner",
					firstPasswords.get("alpha_service_owner")); Statement statement = owner.createStatement()) {
				statement.execute("create table alpha_service.ledger (id int primary key)");
				statement.execute("insert into alpha_service.ledger values (42)");
				statement.execute("grant select on alpha_service.ledger to alpha_service");
			}
			broker.start();
			produceOneRecord(broker.bootstrapServers());
		}
		finally {
			broker.requestStop();
			broker.awaitStop(Duration.ofSeconds(15));
			database.close();
		}

		EmbeddedDatabase restartedDatabase = startDatabase(postgresPort, true);
		KafkaBroker restartedBroker = broker(kafkaPort, controllerPort, true);
		try {
			// a second provisioning finds the role and schema and only changes the password
			Map<String, String> passwords = new SchemaProvisioner().provision(restartedDatabase, "apbd",
					List.of("alpha_service"));
			assertThat(passwords.get("alpha_service")).isNotEqualTo(firstPasswords.get("alpha_service"));
			assertThatExceptionOfType(SQLException.class).isThrownBy(
					() -> DriverManager.getConnection(url, "alpha_service", firstPasswords.get("alpha_service")).close());
			try (Connection alpha = DriverManager.getConnection(url, "alpha_service", passwords.get("alpha_service"));
					Statement statement = alpha.createStatement();
					var rows = statement.executeQuery("select id from ledger")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(42);
			}
			restartedBroker.start();
			assertOneRecordArrives(restartedBroker.bootstrapServers(), "after-restart");
		}
		finally {
			restartedBroker.requestStop();
			restartedBroker.awaitStop(Duration.ofSeconds(15));
			restartedDatabase.close();
		}
		assertThat(List.of(postgresPort, kafkaPort, controllerPort)).allMatch(Ports::isFree, "port free again");
		EmbeddedDatabase.deleteRecursively(this.home);
	}

	private EmbeddedDatabase startDatabase(int port, boolean keepData) {
		return EmbeddedDatabase.start(port, this.home.resolve("postgres"), keepData,
				this.home.resolveSibling("devstack-pg-binaries"), this.home.resolve("logs/postgres.log"));
	}

	private KafkaBroker broker(int port, int controllerPort, boolean keepData) {
		return new KafkaBroker(new KafkaBroker.Settings(port, controllerPort, this.home.resolve("kafka"),
				this.home.resolve("config/kafka-server.properties"), this.home.resolve("logs/kafka.log"),
				this.home.resolve("pids"), this.home, this.home, testClasspath(), keepData));
	}

	private static final String TOPIC = "devstack.check.v1";

	private void produceOneRecord(String bootstrapServers) {
		String topic = TOPIC;
		Properties producerProperties = new Properties();
		producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties)) {
			producer.send(new ProducerRecord<>(topic, "52.72/1.01", "{\"hello\":\"bima\"}")).get();
		}
		catch (Exception ex) {
			throw new AssertionError("producing to " + bootstrapServers + " failed", ex);
		}
	}

	private void assertOneRecordArrives(String bootstrapServers, String group) {
		String topic = TOPIC;
		Properties consumerProperties = new Properties();
		consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		// a consumer group exercises the offsets topic, replicated once on one broker
		consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		consumerProperties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties)) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (received.isEmpty() && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(received::add);
			}
			consumer.commitSync();
		}
		assertThat(received).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("52.72/1.01");
			assertThat(record.value()).isEqualTo("{\"hello\":\"bima\"}");
		});
	}

	private long postmasterPid() throws java.io.IOException {
		return Long.parseLong(Files.readAllLines(this.home.resolve("postgres/postmaster.pid")).get(0).trim());
	}

	/** Surefire runs tests from a manifest-only jar; the real entries are in this property. */
	private static String testClasspath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

}
