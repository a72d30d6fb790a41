package id.apbdmonitor.goods;

import java.time.Duration;
import java.util.Map;

import id.apbdmonitor.core.test.ContractExamples;
import id.apbdmonitor.core.test.ContractExamples.Example;
import id.apbdmonitor.core.test.KafkaTestClient;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feeds the documented example events (docs/events/examples) through goods-spending and holds
 * the figures against those computed by hand in docs/events/examples/README.md, on 31 March.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class GoodsContractExamplesIntegrationTests {

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "goods-spending", "2026-03-31");
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
		for (Example example : ContractExamples.valid("apbd.goods.v1")) {
			kafka.send(topics.events(), "52.72/" + example.field("opd"), example.json());
		}
		Map<String, String> dinkes = Map.of("opd", "DINKES", "category", "goods");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			assertThat(scrape.value("apbd_realised_rupiah", dinkes)).isEqualTo(13_475_250.00);
			assertThat(scrape.value("apbd_pagu_rupiah", dinkes)).isEqualTo(1_100_000_000.00);
			assertThat(scrape.value("apbd_cash_plan_to_date_rupiah", dinkes)).isEqualTo(270_000_000.00);
		});
		assertThat(this.jdbc.queryForObject("select count(*) from spending_ledger", Integer.class)).isEqualTo(3);
		// the late revision 0 (file 05) may still be on its way after revision 1 is in force
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				this.jdbc.queryForObject("select count(*) from budget_revision", Integer.class)).isEqualTo(3));
		// the other test of this class dead-letters the invalid examples on the same topics
		var deadLetters = new java.util.ArrayList<KafkaTestClient.DeadLetter>();
		deadLetters.addAll(kafka.readAll(topics.eventsDlt(), Integer.MAX_VALUE, Duration.ofSeconds(2)));
		deadLetters.addAll(kafka.readAll(topics.budgetDlt(), Integer.MAX_VALUE, Duration.ofSeconds(2)));
		for (Example example : ContractExamples.valid("apbd.")) {
			assertThat(deadLetters).noneMatch(dead -> dead.value().contains("\"" + example.field("eventId") + "\""));
		}
	}

	@Test
	void shouldDeadLetterEveryInvalidExampleWithTheReasonInItsName() {
		for (Example example : ContractExamples.invalid()) {
			String topic = "budget-line".equals(example.field("type")) ? topics.budget() : topics.events();
			kafka.send(topic, "52.72/DINKES", example.json());
		}
		for (Example example : ContractExamples.invalid()) {
			String topic = "budget-line".equals(example.field("type")) ? topics.budgetDlt() : topics.eventsDlt();
			String marker = (example.field("eventId") != null) ? example.field("eventId") : example.json().trim();
			assertThat(kafka.find(topic, marker, Duration.ofSeconds(30)).reason()).as(example.name())
				.isEqualTo(example.reason());
		}
	}

}
