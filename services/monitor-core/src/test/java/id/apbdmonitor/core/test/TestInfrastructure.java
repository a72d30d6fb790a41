package id.apbdmonitor.core.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
	 * Points a service at a fresh database and fresh topics, with the business clock fixed on
	 * {@code date}.
	 */
	public static TestTopics register(DynamicPropertyRegistry registry, String service, String date) {
		String suffix = uniqueName("t");
		String database = newDatabase("db" + suffix);
		TestTopics topics = new TestTopics("apbd.spending" + suffix, "apbd.budget" + suffix);
		registry.add("spring.kafka.bootstrap-servers", () -> kafka().getBrokersAsString());
		registry.add("spring.datasource.url", () -> database);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("apbd.ingest.topic", topics::events);
		registry.add("apbd.ingest.budget-topic", topics::budget);
		registry.add("apbd.clock.mode", () -> "fixed");
		registry.add("apbd.clock.start-date", () -> date);
		registry.add("apbd.ingest.retry-initial-interval", () -> "200ms");
		registry.add("apbd.ingest.retry-max-interval", () -> "2s");
		return topics;
	}

	/** The event topic and budget topic of one test class. */
	public record TestTopics(String events, String budget) {

		public String eventsDlt() {
			return this.events + "-dlt";
		}

		public String budgetDlt() {
			return this.budget + "-dlt";
		}

	}

}
