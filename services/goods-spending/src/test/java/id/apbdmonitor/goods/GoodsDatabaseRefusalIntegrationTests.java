package id.apbdmonitor.goods;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.ingest.TopicListener;
import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestService;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static id.apbdmonitor.core.test.TestEvents.key;
import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static id.apbdmonitor.core.test.TestEvents.reversedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A value the database refuses (here a CHECK constraint the test adds, SQLState 23514) costs
 * only its record: the batch is narrowed in savepoints down to the refused records, which are
 * dead-lettered UNSTORABLE_VALUE with the database's message, and the rest of the same poll
 * commits, counted once.
 */
class GoodsDatabaseRefusalIntegrationTests {

	private static final String ACCOUNT = "5.1.02.01.01.0052";

	@Test
	void shouldDeadLetterOnlyTheRecordsTheDatabaseRefusesAndCommitTheRestOfTheirPoll() {
		Map<String, Object> properties = TestService.fresh("goods", "2026-12-31");
		String events = TestService.events(properties);
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());
				ConfigurableApplicationContext service = TestService.start(GoodsSpendingApplication.class, properties)) {
			JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
			jdbc.execute("alter table spending_ledger add constraint refuses_test_documents "
					+ "check (document_number not like '%REFUSED%')");
			var container = service.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(TopicListener.ID);
			container.stop();
			List<Integer> refused = List.of(5, 17, 33);
			for (int i = 1; i <= 40; i++) {
				String id = "R-" + i + (refused.contains(i) ? "-REFUSED" : "");
				kafka.sendAsync(events, key("DKP"), realisedEvent(id, "DKP", ACCOUNT, i + "000.00", "2026-03-02"));
			}
			// one-at-a-time: the original of V-1 was refused, so V-1 reverses nothing stored
			kafka.sendAsync(events, key("DKP"), reversedEvent("V-1", "DKP", "R-17-REFUSED", "100.00", "2026-03-03"));
			kafka.sendAsync(events, key("DKP"), reversedEvent("V-2", "DKP", "R-2", "500.00", "2026-03-03"));
			kafka.flush();
			container.start();

			// 1,000 × (1 + … + 40 − 5 − 17 − 33) − 500 = 1,000 × 765 − 500
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
					jdbc.queryForObject("select sum(amount) from spending_ledger", BigDecimal.class))
				.isEqualByComparingTo("764500.00"));
			assertThat(jdbc.queryForObject("select count(*) from spending_ledger", Integer.class)).isEqualTo(38);
			assertThat(jdbc.queryForObject("select realised from spending_total where opd = 'DKP'", BigDecimal.class))
				.isEqualByComparingTo("764500.00");

			List<KafkaTestClient.DeadLetter> dead = kafka.readAll(events + "-dlt", 4, Duration.ofSeconds(60));
			assertThat(dead).hasSize(4);
			assertThat(dead.stream().filter(d -> "UNSTORABLE_VALUE".equals(d.reason())))
				.extracting(d -> d.value().replaceAll("(?s).*\"eventId\":\"([^\"]+)\".*", "$1"))
				.containsExactlyInAnyOrder("R-5-REFUSED", "R-17-REFUSED", "R-33-REFUSED");
			assertThat(dead).filteredOn(d -> "UNSTORABLE_VALUE".equals(d.reason()))
				.allSatisfy(d -> assertThat(d.headers().get("apbd-detail")).contains("23514", "refuses_test_documents"));
			assertThat(dead).filteredOn(d -> d.value().contains("\"V-1\"")).singleElement()
				.satisfies(d -> assertThat(d.reason()).isEqualTo("UNKNOWN_REFERENCE"));

			// counted once each, after the commit
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				PrometheusScrape scrape = TestService.scrape(service);
				assertThat(scrape.value("apbd_ingest_events_total", Map.of("topic", events, "outcome", "accepted")))
					.isEqualTo(38);
				assertThat(scrape.value("apbd_ingest_events_total", Map.of("topic", events, "outcome", "rejected")))
					.isEqualTo(4);
				assertThat(scrape.value("apbd_ingest_rejected_total", Map.of("topic", events, "reason", "UNSTORABLE_VALUE")))
					.isEqualTo(3);
			});
		}
	}

}
