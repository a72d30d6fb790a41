package id.apbdmonitor.core.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL and one real Kafka broker (KRaft) per test JVM, started on first use.
 * Each test class gets its own database and its own topic names, so cached Spring contexts
 * never consume each other's records.
 */
public final class TestInfrastructure {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	private static EmbeddedKafkaBroker kafka;

	private TestInfrastructure() {
	}

	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is exiting; zonky removes its data directory itself
				}
			}));
		}
		return postgres;
	}

	public static synchronized EmbeddedKafkaBroker kafka() {
		if (kafka == null) {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
			broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "group.initial.rebalance.delay.ms", "0"));
			broker.afterPropertiesSet();
			kafka = broker;
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		}
		return kafka;
	}

	/** A unique suffix for the names of one test class's database and topics. */
	public static String uniqueName(String base) {
		return base + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
	}

	/** Creates an empty database and returns its JDBC URL. */
	public static String newDatabase(String name) {
		try (Connection connection = postgres().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create database " + name, ex);
		}
		return postgres().getJdbcUrl("postgres", name);
	}

	/**
	 * Creates an empty database with the two roles of production: {@code owner} owns the
	 * database (so it creates the service's schema) and runs the migrations, {@code service}
	 * only gets what the migrations grant it. Role names are unique per database.
	 */
	public static TestDatabase newDatabaseWithRoles(String name) {
		String owner = name + "_owner";
		String service = name + "_service";
		try (Connection connection = postgres().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create role " + owner + " login password '" + owner + "'");
			statement.execute("create role " + service + " login password '" + service + "'");
			statement.execute("create database " + name + " owner " + owner);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create database " + name + " and its roles", ex);
		}
		// not getJdbcUrl: its ?user=postgres would outrank the role given to the driver
		String url = "jdbc:postgresql://localhost:" + postgres().getPort() + "/" + name;
		return new TestDatabase(url, owner, owner, service, service);
	}

	/**
	 * Points a service at a fresh database and fresh topics, with the business clock fixed on
	 * {@code date}.
	 */
	public static TestTopics register(DynamicPropertyRegistry registry, String service, String date) {
		String suffix = uniqueName("t");
		TestDatabase database = newDatabaseWithRoles("db" + suffix);
		TestTopics topics = new TestTopics("apbd.spending" + suffix, "apbd.budget" + suffix, database);
		registry.add("spring.kafka.bootstrap-servers", () -> kafka().getBrokersAsString());
		database.properties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("apbd.ingest.topic", topics::events);
		registry.add("apbd.ingest.budget-topic", topics::budget);
		registry.add("apbd.clock.mode", () -> "fixed");
		registry.add("apbd.clock.start-date", () -> date);
		registry.add("apbd.ingest.retry-initial-interval", () -> "200ms");
		registry.add("apbd.ingest.retry-max-interval", () -> "2s");
		return topics;
	}

	/** A test database and its two roles (each role's password is its name). */
	public record TestDatabase(String url, String ownerUser, String ownerPassword, String serviceUser,
			String servicePassword) {

		/** The Spring properties that connect a service: it runs as the service role, Flyway as the owner. */
		public Map<String, String> properties() {
			return Map.of("spring.datasource.url", this.url, "spring.datasource.username", this.serviceUser,
					"spring.datasource.password", this.servicePassword, "spring.flyway.user", this.ownerUser,
					"spring.flyway.password", this.ownerPassword);
		}

		public Connection connectAsOwner() throws SQLException {
			return java.sql.DriverManager.getConnection(this.url, this.ownerUser, this.ownerPassword);
		}

		public Connection connectAsService() throws SQLException {
			return java.sql.DriverManager.getConnection(this.url, this.serviceUser, this.servicePassword);
		}

		/** Drops a region-year as an operator does (docs/operations.md), as the owner: what it did. */
		public List<String> dropRegionYear(String schema, String pemda, int fiscalYear) throws SQLException {
			List<String> done = new ArrayList<>();
			try (Connection connection = connectAsOwner();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select * from " + schema + ".apbd_drop_region_year('" + pemda
							+ "', " + fiscalYear + ")")) {
				while (rows.next()) {
					done.add(rows.getString(1));
				}
			}
			return done;
		}

	}

	/** The event topic and budget topic of one test class, and its database. */
	public record TestTopics(String events, String budget, TestDatabase database) {

		public String eventsDlt() {
			return this.events + "-dlt";
		}

		public String budgetDlt() {
			return this.budget + "-dlt";
		}

	}

}
