package id.apbdmonitor.other;

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
 * other-spending on 14 January 2026 with only fiscal year 2025 open: a grant (hibah) SP2D of
 * 30 December 2025 booked in January is visible on the 2025 gauges.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OtherJanuaryIntegrationTests {

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = PreviousYearOpen.register(registry, "other-spending");
	}

	@Test
	void shouldShowThePreviousYearsLateSpendingWhileItIsTheNewestOpenYear() {
		String line = "2025/DINKES/5.1.05.05.01.0001";
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.budget(), line,
					PreviousYearOpen.budgetLine(line, "DINKES", "5.1.05.05.01.0001", TestEvents.months("10000000.00")));
			kafka.send(topics.events(), TestEvents.key("DINKES"),
					TestEvents.realisedEvent("SP2D-DINKES-HIBAH-LATE", "DINKES", "5.1.05.05.01.0001", "7500000.00", "2025-12-30"));
		}
		Map<String, String> dinkes = Map.of("opd", "DINKES", "category", "grants");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			// 12 × 10,000,000; the whole year's cash plan is due by January of the next year
			assertThat(scrape.value("apbd_pagu_rupiah", dinkes)).isEqualTo(120_000_000.00);
			assertThat(scrape.value("apbd_cash_plan_to_date_rupiah", dinkes)).isEqualTo(120_000_000.00);
			assertThat(scrape.value("apbd_realised_rupiah", dinkes)).isEqualTo(7_500_000.00);
		});
	}

}
