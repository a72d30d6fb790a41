package id.apbdmonitor.services;

import java.time.Duration;
import java.util.Map;

import id.apbdmonitor.core.test.ContractExamples;
import id.apbdmonitor.core.test.ContractExamples.Example;
import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.MetricCatalogue;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static id.apbdmonitor.core.test.TestEvents.key;
import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * services-spending end to end on real Kafka and PostgreSQL: the documented example story,
 * and the default account prefixes of belanja jasa (5.1.02.02, .03 maintenance, .04 travel).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ServicesSpendingIntegrationTests {

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "services-spending", "2026-03-31");
	}

	@BeforeAll
	static void connect() {
		kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());
	}

	@AfterAll
	static void disconnect() {
		kafka.close();
	}

	@Test
	void shouldAcceptTheExampleStoryAndReportTheFiguresOfTheContractPage() {
		for (Example example : ContractExamples.valid("apbd.budget.v1")) {
			kafka.send(topics.budget(), example.field("lineId"), example.json());
		}
		for (Example example : ContractExamples.valid("apbd.services.v1")) {
			kafka.send(topics.events(), "52.72/" + example.field("opd"), example.json());
		}
		// budget examples of other categories (goods, capital, PAD targets, TPP …) are skipped, not dead-lettered
		long otherCategories = ContractExamples.valid("apbd.budget.v1")
			.stream()
			.filter(example -> !example.field("account").matches("5\\.1\\.02\\.0[234]\\..*"))
			.count();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.value("apbd_realised_rupiah", labels("DLH"))).isEqualTo(36_250_000.00);
			assertThat(scrape.value("apbd_pagu_rupiah", labels("DLH"))).isEqualTo(487_350_500.50);
			assertThat(scrape.value("apbd_cash_plan_to_date_rupiah", labels("DLH"))).isEqualTo(88_000_000.00);
			assertThat(scrape.value("apbd_realised_rupiah", labels("SETDA"))).isEqualTo(8_740_000.00);
			assertThat(scrape.value("apbd_pagu_rupiah", labels("SETDA"))).isEqualTo(150_000_000.00);
			assertThat(scrape.value("apbd_cash_plan_to_date_rupiah", labels("SETDA"))).isEqualTo(37_500_000.00);
			assertThat(scrape.value("apbd_ingest_events_total", Map.of("topic", topics.budget(), "outcome", "ignored")))
				.isEqualTo(otherCategories);
		});
		assertThat(this.jdbc.queryForObject("select count(*) from budget_line", Integer.class)).isEqualTo(2);
		assertThat(kafka.readAll(topics.budgetDlt(), 1, Duration.ofSeconds(1))).isEmpty();
	}

	@Test
	void shouldTakeMaintenanceAndTravelButNotGoodsAccounts() {
		kafka.send(topics.events(), key("DISHUB"), realisedEvent("S-MAINT", "DISHUB", "5.1.02.03.02.0001", "1500000.00", "2026-03-10"));
		kafka.send(topics.events(), key("DISHUB"), realisedEvent("S-TRAVEL", "DISHUB", "5.1.02.04.01.0001", "2250000.00", "2026-03-11"));
		kafka.send(topics.events(), key("DISHUB"), realisedEvent("S-GOODS", "DISHUB", "5.1.02.01.01.0024", "99.00", "2026-03-12"));
		assertThat(kafka.find(topics.eventsDlt(), "S-GOODS", Duration.ofSeconds(30)).reason())
			.isEqualTo("ACCOUNT_OUTSIDE_CATEGORY");
		// 1,500,000 + 2,250,000
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape().value("apbd_realised_rupiah", labels("DISHUB"))).isEqualTo(3_750_000.00));
	}

	@Test
	void shouldExportExactlyTheMetricsOfTheReadmeCatalogue() {
		// the spending gauges exist once some OPD has a budget line or spending
		kafka.send(topics.events(), key("DISPUSIP"),
				realisedEvent("S-DISPUSIP-1", "DISPUSIP", "5.1.02.04.01.0001", "1000000.00", "2026-03-02"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(MetricCatalogue.fromReadme().differences(scrape(), "services-spending")).isEmpty());
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of("http://localhost:" + this.port);
	}

	private static Map<String, String> labels(String opd) {
		return Map.of("opd", opd, "category", "services");
	}

}
