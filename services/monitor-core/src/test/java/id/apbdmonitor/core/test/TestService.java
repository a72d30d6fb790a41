package id.apbdmonitor.core.test;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole service started in the test JVM against the shared broker and PostgreSQL, with its
 * own database and topics: for tests that produce first and start the consumer afterwards (so
 * that records meet in one poll), or that run several instances of a service side by side.
 */
public final class TestService {

	private TestService() {
	}

	/** Properties of a fresh service: new database, new topics {@code apbd.<base>…}, clock on {@code date}. */
	public static Map<String, Object> fresh(String base, String date) {
		String suffix = TestInfrastructure.uniqueName("s");
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().getBrokersAsString());
		properties.put("spring.datasource.url", TestInfrastructure.newDatabase("db" + suffix));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "postgres");
		properties.put("apbd.ingest.topic", "apbd." + base + suffix);
		properties.put("apbd.ingest.budget-topic", "apbd.budget" + suffix);
		properties.put("apbd.ingest.retry-initial-interval", "200ms");
		properties.put("apbd.ingest.retry-max-interval", "1s");
		properties.put("apbd.clock.mode", "fixed");
		properties.put("apbd.clock.start-date", date);
		return properties;
	}

	/**
	 * Properties of instances of one service in one consumer group ({@code name}) that share a
	 * fresh service's topics and database, each exporting only the series of its partitions. A
	 * stopped instance does not say goodbye, as one that is killed: the group notices it only when
	 * its session times out (the broker's minimum is 6 s).
	 */
	public static Map<String, Object> scaleOut(Map<String, Object> fresh, String name) {
		Map<String, Object> properties = new HashMap<>(fresh);
		properties.put("spring.application.name", name);
		properties.put("apbd.export.owned-series-only", "true");
		properties.put("apbd.ingest.concurrency", "1");
		properties.put("apbd.ingest.partitions", "3");
		properties.put("spring.kafka.consumer.properties.internal.leave.group.on.close", "false");
		properties.put("spring.kafka.consumer.properties.session.timeout.ms", "8000");
		properties.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
		return properties;
	}

	/** The same topics, read by another instance: a new database and consumer group (= application name). */
	public static Map<String, Object> another(Map<String, Object> properties, String name) {
		Map<String, Object> copy = new HashMap<>(properties);
		copy.put("spring.datasource.url", TestInfrastructure.newDatabase("db" + TestInfrastructure.uniqueName("s")));
		copy.put("spring.application.name", name);
		return copy;
	}

	/** Starts the application with the properties as command-line arguments (they outrank application.yml). */
	public static ConfigurableApplicationContext start(Class<?> application, Map<String, Object> properties) {
		String[] args = properties.entrySet()
			.stream()
			.map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(application).run(args);
	}

	public static PrometheusScrape scrape(ConfigurableApplicationContext context) {
		return PrometheusScrape.of("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
	}

	public static String events(Map<String, Object> properties) {
		return (String) properties.get("apbd.ingest.topic");
	}

	public static String budget(Map<String, Object> properties) {
		return (String) properties.get("apbd.ingest.budget-topic");
	}

}
