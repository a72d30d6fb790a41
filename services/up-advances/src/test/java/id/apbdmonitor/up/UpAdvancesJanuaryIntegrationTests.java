package id.apbdmonitor.up;

import java.time.Duration;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.PreviousYearOpen;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static id.apbdmonitor.up.UpEvents.guAccounted;
import static id.apbdmonitor.up.UpEvents.key;
import static id.apbdmonitor.up.UpEvents.up;
import static id.apbdmonitor.up.UpEvents.upReturned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * up-advances on 14 January 2026 with only fiscal year 2025 open: an SPJ of 29 December and the
 * return of 30 December 2025, booked in January, are visible on the 2025 gauges.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UpAdvancesJanuaryIntegrationTests {

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = PreviousYearOpen.register(registry, "up-advances");
	}

	@Test
	void shouldShowThePreviousYearsLateFactsWhileItIsTheNewestOpenYear() {
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.events(), key("DINKES"), up("UP-DINKES-2025", "DINKES", "60000000.00", "2025-01-20"));
			kafka.send(topics.events(), key("DINKES"),
					guAccounted("SPJ-DINKES-2025-12", "DINKES", "41000000.00", "2025-12-29"));
			kafka.send(topics.events(), key("DINKES"),
					upReturned("STS-DINKES-2025", "DINKES", "19000000.00", "2025-12-30"));
		}
		Map<String, String> dinkes = Map.of("opd", "DINKES");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			assertThat(scrape.value("apbd_up_disbursed_rupiah", dinkes)).isEqualTo(60_000_000.00);
			assertThat(scrape.value("apbd_up_accounted_rupiah", dinkes)).isEqualTo(41_000_000.00);
			assertThat(scrape.value("apbd_up_returned_rupiah", dinkes)).isEqualTo(19_000_000.00);
			// 60,000,000 − 41,000,000 − 19,000,000
			assertThat(scrape.value("apbd_up_outstanding_rupiah", dinkes)).isEqualTo(0.0);
		});
	}

}
