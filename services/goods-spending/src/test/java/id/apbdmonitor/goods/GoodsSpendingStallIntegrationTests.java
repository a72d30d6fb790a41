package id.apbdmonitor.goods;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static id.apbdmonitor.core.test.TestEvents.key;
import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stall is visible: while the database fails and the consumer backs off with a record waiting,
 * the service's own progress gauge stops (so {@code time() - apbd_ingest_last_progress_timestamp_seconds}
 * rises), its lag gauge counts the waiting record and readiness turns DOWN; once the database is
 * back, all of it recovers. Real Kafka and PostgreSQL; the service runs as the service role.
 */
class GoodsSpendingStallIntegrationTests {

	private static final String ACCOUNT = "5.1.02.01.01.0052";

	private static final Duration READINESS_AFTER = Duration.ofSeconds(6);

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void shouldShowAStallInTheGaugesAndReadinessWhileTheDatabaseFails() throws Exception {
		String suffix = TestInfrastructure.uniqueName("s");
		TestDatabase database = TestInfrastructure.newDatabaseWithRoles("db" + suffix);
		String events = "apbd.goods" + suffix;
		Map<String, Object> properties = new HashMap<>(database.properties());
		properties.put("server.port", "0");
		properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().getBrokersAsString());
		properties.put("apbd.ingest.topic", events);
		properties.put("apbd.ingest.budget-topic", "apbd.budget" + suffix);
		properties.put("apbd.ingest.retry-initial-interval", "200ms");
		properties.put("apbd.ingest.retry-max-interval", "1s");
		properties.put("apbd.ingest.stall.check-interval", "500ms");
		properties.put("apbd.ingest.stall.readiness-after", READINESS_AFTER.toSeconds() + "s");
		properties.put("apbd.clock.mode", "fixed");
		properties.put("apbd.clock.start-date", "2026-02-28");

		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());
				ConfigurableApplicationContext service = start(properties)) {
			String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
			kafka.send(events, key("KETAPANG"), realisedEvent("R-WARMUP", "KETAPANG", ACCOUNT, "1.00", "2026-02-01"));
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(realised(base, "KETAPANG")).isEqualTo(1.00);
				assertThat(lag(base, events)).isZero();
				assertThat(stalledSeconds(base, events)).isLessThan(3);
				assertThat(readiness(base)).isEqualTo(200);
			});

			try (Connection owner = database.connectAsOwner(); Statement statement = owner.createStatement()) {
				statement.execute("alter table goods_spending.spending_ledger rename to spending_ledger_offline");
			}
			kafka.send(events, key("KETAPANG"), realisedEvent("R-OUTAGE", "KETAPANG", ACCOUNT, "700000.00", "2026-02-02"));
			// one record waits; after READINESS_AFTER without progress readiness is DOWN (503)
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(lag(base, events)).isEqualTo(1);
				assertThat(stalledSeconds(base, events)).isGreaterThan(READINESS_AFTER.toSeconds());
				assertThat(readiness(base)).isEqualTo(503);
			});
			double stalled = stalledSeconds(base, events);
			Thread.sleep(1500);
			assertThat(stalledSeconds(base, events)).as("the stall keeps growing").isGreaterThan(stalled + 1);
			assertThat(realised(base, "KETAPANG")).isEqualTo(1.00);

			try (Connection owner = database.connectAsOwner(); Statement statement = owner.createStatement()) {
				statement.execute("alter table goods_spending.spending_ledger_offline rename to spending_ledger");
			}
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(realised(base, "KETAPANG")).isEqualTo(700_001.00);
				assertThat(lag(base, events)).isZero();
				assertThat(stalledSeconds(base, events)).isLessThan(3);
				assertThat(readiness(base)).isEqualTo(200);
			});
		}
	}

	private int readiness(String base) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static double stalledSeconds(String base, String topic) {
		double progress = PrometheusScrape.of(base)
			.value("apbd_ingest_last_progress_timestamp_seconds", Map.of("topic", topic));
		return System.currentTimeMillis() / 1000.0 - progress;
	}

	private static double lag(String base, String topic) {
		return PrometheusScrape.of(base).value("apbd_ingest_lag_records", Map.of("topic", topic));
	}

	private static double realised(String base, String opd) {
		return PrometheusScrape.of(base).value("apbd_realised_rupiah", Map.of("opd", opd));
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(GoodsSpendingApplication.class).run(args);
	}

}
