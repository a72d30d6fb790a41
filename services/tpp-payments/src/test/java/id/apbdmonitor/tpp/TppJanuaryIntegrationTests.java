package id.apbdmonitor.tpp;

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
 * tpp-payments on 14 January 2026 with only fiscal year 2025 open: December 2025's TPP, paid in
 * January as usual, is accepted for 2025 and visible on the 2025 gauges.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TppJanuaryIntegrationTests {

	private static final String[][] DECEMBER = { { "PERFORMANCE_CLOSED", "2026-01-05" }, { "VERIFIED", "2026-01-06" },
			{ "SPP", "2026-01-07" }, { "SPM", "2026-01-08" }, { "SP2D", "2026-01-12" } };

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = PreviousYearOpen.register(registry, "tpp-payments");
	}

	@Test
	void shouldAcceptAndShowDecembersTppPaidInJanuary() {
		String line = "2025/DIKPORA/5.1.01.02.01.0001";
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.budget(), line, PreviousYearOpen.budgetLine(line, "DIKPORA", "5.1.01.02.01.0001",
					TestEvents.months("150000000.00")));
			for (String[] stage : DECEMBER) {
				kafka.send(topics.events(), TestEvents.key("DIKPORA"), """
						{"eventId":"TPP-DIKPORA-2025-12-%s","type":"tpp-stage","schemaVersion":1,"pemda":"52.72",
						 "fiscalYear":2025,"opd":"DIKPORA","occurredOn":"%s","document":{"kind":"OTHER","number":"TPP-12-%s"},
						 "month":12,"stage":"%s","amount":"152000000.00","employees":410}"""
					.formatted(stage[0], stage[1], stage[0], stage[0]));
			}
		}
		Map<String, String> dikpora = Map.of("opd", "DIKPORA", "category", "tpp");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			assertThat(scrape.value("apbd_pagu_rupiah", dikpora)).isEqualTo(1_800_000_000.00);
			assertThat(scrape.value("apbd_realised_rupiah", dikpora)).isEqualTo(152_000_000.00);
			assertThat(scrape.value("apbd_tpp_months_due", dikpora)).isEqualTo(12.0);
			assertThat(scrape.value("apbd_tpp_months_paid", dikpora)).isEqualTo(1.0);
			// January to November have no SPM and their deadlines (the last: 12 December 2025) have
			// passed; December's SPM of 8 January is before its deadline of 15 January 2026
			assertThat(scrape.value("apbd_tpp_months_late", dikpora)).isEqualTo(11.0);
			assertThat(scrape.value("apbd_tpp_months_submitted_late", dikpora)).isZero();
			// 31 December to 8 January: 8 days
			assertThat(scrape.value("apbd_tpp_month_end_to_spm_seconds",
					Map.of("opd", "DIKPORA", "month", "12"))).isEqualTo(8 * 86_400.0);
			// 15 January 2026 00:00 WITA
			assertThat(scrape.value("apbd_tpp_submission_deadline_timestamp_seconds", Map.of("month", "12")))
				.isEqualTo(1_768_406_400.0);
		});
	}

}
