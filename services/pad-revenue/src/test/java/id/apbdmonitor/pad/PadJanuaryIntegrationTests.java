package id.apbdmonitor.pad;

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
 * pad-revenue on 14 January 2026 with only fiscal year 2025 open (issue 13: PAD went blind in
 * January): a restaurant-tax receipt of 31 December 2025 booked in January is visible on the
 * 2025 series, against the 2025 target.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PadJanuaryIntegrationTests {

	private static final String ACCOUNT = "4.1.01.19.01.0001";

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = PreviousYearOpen.register(registry, "pad-revenue");
	}

	@Test
	void shouldShowThePreviousYearsLateReceiptsWhileItIsTheNewestOpenYear() {
		String line = "2025/BPKAD/" + ACCOUNT;
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.budget(), line,
					PreviousYearOpen.budgetLine(line, "BPKAD", ACCOUNT, TestEvents.months("750000000.00")));
			kafka.send(topics.events(), TestEvents.key("BPKAD"), """
					{"eventId":"STS-BPKAD-2025-12-31","type":"pad-received","schemaVersion":1,"pemda":"52.72",
					 "fiscalYear":2025,"opd":"BPKAD","occurredOn":"2025-12-31","document":{"kind":"STS","number":"STS/2025/9981"},
					 "account":"%s","amount":"48750000.00","channel":"BANK_TRANSFER"}""".formatted(ACCOUNT));
		}
		Map<String, String> pbjt = Map.of("opd", "BPKAD", "revenue_type", "pbjt");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			// 12 × 750,000,000, all of it expected by January of the next year
			assertThat(scrape.value("apbd_revenue_target_rupiah", pbjt)).isEqualTo(9_000_000_000.00);
			assertThat(scrape.value("apbd_revenue_expected_to_date_rupiah", pbjt)).isEqualTo(9_000_000_000.00);
			assertThat(scrape.value("apbd_revenue_realised_rupiah", pbjt)).isEqualTo(48_750_000.00);
			// 31 December 2025 00:00 WITA
			assertThat(scrape.value("apbd_revenue_last_receipt_timestamp_seconds", pbjt)).isEqualTo(1_767_110_400.0);
		});
	}

}
