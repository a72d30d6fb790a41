package id.apbdmonitor.goods;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static id.apbdmonitor.core.test.TestEvents.budgetLine;
import static id.apbdmonitor.core.test.TestEvents.key;
import static id.apbdmonitor.core.test.TestEvents.months;
import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static id.apbdmonitor.core.test.TestEvents.reversedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Restarts, replays and database outages of a whole goods-spending application, each test
 * with its own database and topics: nothing is lost, nothing is counted twice.
 */
class GoodsSpendingResilienceIntegrationTests {

	private static final String ACCOUNT = "5.1.02.01.01.0052";

	private static KafkaTestClient kafka;

	@BeforeAll
	static void connect() {
		kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());
	}

	@AfterAll
	static void disconnect() {
		kafka.close();
	}

	@Test
	void shouldCountNothingTwiceAcrossARestartAndAFullReplay() {
		Map<String, Object> properties = freshService();
		String events = (String) properties.get("apbd.ingest.topic");
		String budget = (String) properties.get("apbd.ingest.budget-topic");
		String line = "2026/DKP/3.25.02.2.01.0001/" + ACCOUNT;
		kafka.send(budget, line, budgetLine("DPA-DKP-r0", line, "DKP", ACCOUNT, 0, "ORIGINAL", months("50000000.00")));
		kafka.send(events, key("DKP"), realisedEvent("R-1", "DKP", ACCOUNT, "1000000.00", "2026-02-10"));
		kafka.send(events, key("DKP"), realisedEvent("R-2", "DKP", ACCOUNT, "2000000.00", "2026-02-11"));
		kafka.send(events, key("DKP"), realisedEvent("R-3", "DKP", ACCOUNT, "3000000.50", "2026-02-12"));
		kafka.send(events, key("DKP"), reversedEvent("V-1", "DKP", "R-2", "500000.00", "2026-02-13"));

		try (ConfigurableApplicationContext first = start(properties)) {
			// 1,000,000 + 2,000,000 + 3,000,000.50 − 500,000 = 5,500,000.50
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(realised(first, "DKP")).isEqualTo(5_500_000.50));
		}
		// sent while the service is down
		kafka.send(events, key("DKP"), realisedEvent("R-4", "DKP", ACCOUNT, "250000.00", "2026-02-14"));
		try (ConfigurableApplicationContext second = start(properties)) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(realised(second, "DKP")).isEqualTo(5_750_000.50));
			// the budget topic has its own consumer: its line may commit after the spending batch
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
					scrape(second).value("apbd_pagu_rupiah", Map.of("opd", "DKP"))).isEqualTo(600_000_000.00));
		}
		// a new consumer group reads both topics from the beginning: all five events are duplicates
		properties.put("spring.application.name", "goods-spending-replay");
		try (ConfigurableApplicationContext replay = start(properties)) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape(replay)
				.value("apbd_ingest_events_total", Map.of("topic", events, "outcome", "duplicate"))).isEqualTo(5));
			assertThat(scrape(replay).value("apbd_ingest_events_total", Map.of("topic", events, "outcome", "accepted")))
				.isZero();
			assertThat(realised(replay, "DKP")).isEqualTo(5_750_000.50);
			JdbcTemplate jdbc = replay.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from spending_ledger", Integer.class)).isEqualTo(5);
			assertTotalsEqualTheLedgerAndTheGauges(jdbc, scrape(replay));
		}
	}

	@Test
	void shouldRetryWhileTheDatabaseFailsAndNeverDeadLetterTheBatch() {
		Map<String, Object> properties = freshService();
		String events = (String) properties.get("apbd.ingest.topic");
		try (ConfigurableApplicationContext service = start(properties)) {
			JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
			kafka.send(events, key("KETAPANG"), realisedEvent("R-WARMUP", "KETAPANG", ACCOUNT, "1.00", "2026-02-01"));
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(realised(service, "KETAPANG")).isEqualTo(1.00));

			jdbc.execute("alter table spending_ledger rename to spending_ledger_offline");
			kafka.send(events, key("KETAPANG"), realisedEvent("R-OUTAGE", "KETAPANG", ACCOUNT, "700000.00", "2026-02-02"));
			// several retries at 200 ms, 400 ms, 800 ms … while the table is gone: nothing moves
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
				.until(() -> realised(service, "KETAPANG") == 1.00);
			jdbc.execute("alter table spending_ledger_offline rename to spending_ledger");

			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(realised(service, "KETAPANG")).isEqualTo(700_001.00));
			assertThat(scrape(service).value("apbd_ingest_dead_lettered_total", Map.of("topic", events))).isZero();
			assertThat(kafka.readAll(events + "-dlt", 1, Duration.ofSeconds(2))).isEmpty();
		}
	}

	private static void assertTotalsEqualTheLedgerAndTheGauges(JdbcTemplate jdbc, PrometheusScrape scrape) {
		Map<String, BigDecimal> fromLedger = new HashMap<>();
		jdbc.query("select opd, sum(amount) from spending_ledger group by opd",
				rs -> { fromLedger.put(rs.getString(1), rs.getBigDecimal(2)); });
		Map<String, BigDecimal> fromTotals = new HashMap<>();
		jdbc.query("select opd, realised from spending_total", rs -> { fromTotals.put(rs.getString(1), rs.getBigDecimal(2)); });
		assertThat(fromTotals).hasSameSizeAs(fromLedger);
		fromLedger.forEach((opd, amount) -> {
			assertThat(fromTotals.get(opd)).isEqualByComparingTo(amount);
			assertThat(scrape.value("apbd_realised_rupiah", Map.of("opd", opd))).isEqualTo(amount.doubleValue());
		});
	}

	private static Map<String, Object> freshService() {
		String suffix = TestInfrastructure.uniqueName("r");
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().getBrokersAsString());
		properties.put("spring.datasource.url", TestInfrastructure.newDatabase("db" + suffix));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "postgres");
		properties.put("apbd.ingest.topic", "apbd.goods" + suffix);
		properties.put("apbd.ingest.budget-topic", "apbd.budget" + suffix);
		properties.put("apbd.ingest.retry-initial-interval", "200ms");
		properties.put("apbd.ingest.retry-max-interval", "1s");
		properties.put("apbd.clock.mode", "fixed");
		properties.put("apbd.clock.start-date", "2026-02-28");
		return properties;
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		// as command-line arguments: they outrank application.yml, as environment variables do in production
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(GoodsSpendingApplication.class).run(args);
	}

	private static PrometheusScrape scrape(ConfigurableApplicationContext context) {
		return PrometheusScrape.of("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
	}

	private static double realised(ConfigurableApplicationContext context, String opd) {
		return scrape(context).value("apbd_realised_rupiah", Map.of("opd", opd));
	}


}
