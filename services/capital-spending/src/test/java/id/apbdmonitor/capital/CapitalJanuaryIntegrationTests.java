package id.apbdmonitor.capital;

import java.time.Duration;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.PreviousYearOpen;
import id.apbdmonitor.core.test.TestEvents;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * capital-spending on 14 January 2026 with only fiscal year 2025 open: a contract of November
 * 2025 and its final payment of 30 December, booked in January, are visible on the 2025 gauges.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CapitalJanuaryIntegrationTests {

	private static final String ACCOUNT = "5.2.02.05.01.0001";

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = PreviousYearOpen.register(registry, "capital-spending");
	}

	@Test
	void shouldShowThePreviousYearsLatePaymentWhileItIsTheNewestOpenYear() {
		String line = "2025/DLH/" + ACCOUNT;
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.budget(), line,
					PreviousYearOpen.budgetLine(line, "DLH", ACCOUNT, TestEvents.months("10000000.00")));
			kafka.send(topics.events(), TestEvents.key("DLH"), """
					{"eventId":"K-DLH-2025","type":"capital-contract-signed","schemaVersion":1,"pemda":"52.72",
					 "fiscalYear":2025,"opd":"DLH","occurredOn":"2025-11-03","document":{"kind":"CONTRACT","number":"K-DLH-2025/SPK"},
					 "contractId":"K-DLH-2025","subActivity":"2.11.05.2.01.0001","account":"%s","supplier":"CV Test",
					 "value":"95000000.00","plannedEnd":"2025-12-20"}""".formatted(ACCOUNT));
			kafka.send(topics.events(), TestEvents.key("DLH"), """
					{"eventId":"SP2D-DLH-2025","type":"capital-payment","schemaVersion":1,"pemda":"52.72",
					 "fiscalYear":2025,"opd":"DLH","occurredOn":"2025-12-30","document":{"kind":"SP2D","number":"SP2D-DLH-2025/LS"},
					 "contractId":"K-DLH-2025","stage":"FINAL","amount":"95000000.00"}""");
		}
		Map<String, String> dlh = Map.of("opd", "DLH", "category", "capital");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			assertThat(scrape.value("apbd_pagu_rupiah", dlh)).isEqualTo(120_000_000.00);
			assertThat(scrape.value("apbd_cash_plan_to_date_rupiah", dlh)).isEqualTo(120_000_000.00);
			assertThat(scrape.value("apbd_contracted_rupiah", dlh)).isEqualTo(95_000_000.00);
			assertThat(scrape.value("apbd_realised_rupiah", dlh)).isEqualTo(95_000_000.00);
		});
	}

}
