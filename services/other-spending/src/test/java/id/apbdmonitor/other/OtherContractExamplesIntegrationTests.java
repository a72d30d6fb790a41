package id.apbdmonitor.other;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Feeds the documented example events (docs/events/examples) through other-spending and holds
 * the figures against those computed by hand in docs/events/examples/README.md, on 31 March.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OtherContractExamplesIntegrationTests {

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "other-spending", "2026-03-31");
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
		for (Example example : ContractExamples.valid("apbd.other.v1")) {
			kafka.send(topics.events(), "52.72/" + example.field("opd"), example.json());
		}
		Map<String, String> bpkad = Map.of("opd", "BPKAD", "category", "personnel");
		Map<String, String> setda = Map.of("opd", "SETDA", "category", "grants");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			assertThat(scrape.value("apbd_realised_rupiah", bpkad)).isEqualTo(248_500_000.00);
			assertThat(scrape.value("apbd_pagu_rupiah", bpkad)).isEqualTo(3_000_000_000.00);
			assertThat(scrape.value("apbd_cash_plan_to_date_rupiah", bpkad)).isEqualTo(750_000_000.00);
			assertThat(scrape.value("apbd_realised_rupiah", setda)).isEqualTo(300_000_000.00);
			assertThat(scrape.value("apbd_pagu_rupiah", setda)).isEqualTo(1_200_000_000.00);
			assertThat(scrape.value("apbd_cash_plan_to_date_rupiah", setda)).isEqualTo(400_000_000.00);
		});
		assertThat(this.jdbc.queryForObject("select count(*) from spending_ledger", Integer.class)).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("select count(*) from budget_line", Integer.class)).isEqualTo(2);
		List<KafkaTestClient.DeadLetter> deadLetters = new ArrayList<>();
		deadLetters.addAll(kafka.readAll(topics.eventsDlt(), Integer.MAX_VALUE, Duration.ofSeconds(2)));
		deadLetters.addAll(kafka.readAll(topics.budgetDlt(), Integer.MAX_VALUE, Duration.ofSeconds(2)));
		assertThat(deadLetters).isEmpty();
	}

}
