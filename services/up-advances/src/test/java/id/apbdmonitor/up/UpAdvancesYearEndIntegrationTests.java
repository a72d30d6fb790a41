package id.apbdmonitor.up;

import java.time.Duration;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static id.apbdmonitor.up.UpEvents.closed;
import static id.apbdmonitor.up.UpEvents.guAccounted;
import static id.apbdmonitor.up.UpEvents.key;
import static id.apbdmonitor.up.UpEvents.up;
import static id.apbdmonitor.up.UpEvents.upReturned;
import static id.apbdmonitor.up.UpEvents.wita;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The leftovers rule after the year: business date Monday 4 January 2027, fiscal year 2026 still
 * open for booking, return deadline 31 December (the default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "apbd.region.open-fiscal-years=2026")
@DirtiesContext
class UpAdvancesYearEndIntegrationTests {

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "up-advances", "2027-01-04");
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
	void shouldFlagLeftoversNotReturnedBy31December() {
		// SETDA: 50,000,000 − 30,000,000 accounted − 20,000,000 returned on 30 December = 0
		send("SETDA", up("UP-SETDA", "SETDA", "50000000.00", "2026-01-10"));
		send("SETDA", guAccounted("SPJ-SETDA", "SETDA", "30000000.00", "2026-12-15"));
		send("SETDA", upReturned("STS-SETDA", "SETDA", "20000000.00", "2026-12-30"));
		send("SETDA", closed("CLOSE-SETDA", "SETDA", "2026-12-31"));
		// DINKES: 50,000,000 − 45,000,000 accounted leaves 5,000,000 never returned
		send("DINKES", up("UP-DINKES", "DINKES", "50000000.00", "2026-01-10"));
		send("DINKES", guAccounted("SPJ-DINKES", "DINKES", "45000000.00", "2026-12-20"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			assertThat(scrape.value("apbd_up_outstanding_rupiah", Map.of("opd", "SETDA"))).isEqualTo(0.0);
			assertThat(scrape.value("apbd_up_closed_timestamp_seconds", Map.of("opd", "SETDA")))
				.isEqualTo(wita("2026-12-31"));
			assertThat(scrape.valueOrZero("apbd_up_rule_breached", Map.of("opd", "SETDA", "rule", "leftover_not_returned")))
				.isEqualTo(0.0);
			assertThat(scrape.value("apbd_up_outstanding_rupiah", Map.of("opd", "DINKES"))).isEqualTo(5_000_000.00);
			assertThat(scrape.valueOrZero("apbd_up_rule_breached", Map.of("opd", "DINKES", "rule", "leftover_not_returned")))
				.isEqualTo(1.0);
			assertThat(scrape.value("apbd_up_closed_timestamp_seconds", Map.of("opd", "DINKES"))).isEqualTo(0.0);
			// 4 January 2027 00:00 WITA
			assertThat(scrape.value("apbd_business_date_timestamp_seconds", Map.of("pemda", "52.72")))
				.isEqualTo(wita("2027-01-04"));
		});
	}

	@Test
	void shouldStoreAndFlagAnSpjOfTheOldYearArrivingInJanuaryAfterTheClosureAndEndGuEligibility() {
		// KETAPANG: ceiling and UP 40,000,000; SPJ-GU 30,000,000 on 15 December; 8,000,000 returned and the
		// UP closed on 30 December, while 40,000,000 − 30,000,000 − 8,000,000 = 2,000,000 is still in an SPJ
		send("KETAPANG", UpEvents.ceiling("SK-KETAPANG", "KETAPANG", "40000000.00", "2026-01-05"));
		send("KETAPANG", up("UP-KETAPANG", "KETAPANG", "40000000.00", "2026-01-10"));
		send("KETAPANG", guAccounted("SPJ-KETAPANG-1", "KETAPANG", "30000000.00", "2026-12-15"));
		send("KETAPANG", upReturned("STS-KETAPANG", "KETAPANG", "8000000.00", "2026-12-30"));
		send("KETAPANG", closed("CLOSE-KETAPANG", "KETAPANG", "2026-12-30"));
		// that SPJ-GU, approved on 31 December, reaches the monitor on 4 January 2027
		send("KETAPANG", guAccounted("SPJ-KETAPANG-2", "KETAPANG", "2000000.00", "2026-12-31"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			Map<String, String> ketapang = Map.of("opd", "KETAPANG");
			// 40,000,000 − 32,000,000 accounted − 8,000,000 returned
			assertThat(scrape.value("apbd_up_accounted_rupiah", ketapang)).isEqualTo(32_000_000.00);
			assertThat(scrape.value("apbd_up_outstanding_rupiah", ketapang)).isEqualTo(0.0);
			assertThat(scrape.valueOrZero("apbd_up_rule_breached", Map.of("opd", "KETAPANG", "rule", "activity_after_closure")))
				.isEqualTo(1.0);
			assertThat(scrape.valueOrZero("apbd_up_rule_breaches", Map.of("opd", "KETAPANG", "rule", "activity_after_closure")))
				.isEqualTo(1.0);
			// the SPJ-GU accounts exactly the 2,000,000 still held: nothing else is broken
			assertThat(scrape.valueOrZero("apbd_up_rule_breached", Map.of("opd", "KETAPANG", "rule", "accounted_above_held")))
				.isEqualTo(0.0);
			// 32,000,000 awaiting refill ≥ 50% of 40,000,000, but after the closure no GU follows
			assertThat(scrape.value("apbd_up_awaiting_refill_rupiah", ketapang)).isEqualTo(32_000_000.00);
			assertThat(scrape.value("apbd_up_gu_eligible", ketapang)).isEqualTo(0.0);
		});
	}

	private static void send(String opd, String json) {
		kafka.send(topics.events(), key(opd), json);
	}

}
