package id.apbdmonitor.up;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static id.apbdmonitor.up.UpEvents.guAccounted;
import static id.apbdmonitor.up.UpEvents.guDisbursed;
import static id.apbdmonitor.up.UpEvents.key;
import static id.apbdmonitor.up.UpEvents.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rule series are sparse (issue 12, the national label set): on Saturday 10 January 2026 no
 * OPD of Kota Bima is late for its first UP (31 days), so before any event no OPD exports a rule
 * series and the per-region count says 0 for each of the 10 rules. A breach brings its series, its
 * being made good removes the flag, while the count of breaching facts of the year stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UpSparseSeriesIntegrationTests {

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "up-advances", "2026-01-10");
	}

	@Test
	void shouldExportARuleSeriesOnlyWhileItsRuleIsBreached() {
		PrometheusScrape fresh = scrape();
		assertThat(fresh.named("apbd_up_rule_breached")).isEmpty();
		assertThat(fresh.named("apbd_up_rule_breaches")).isEmpty();
		assertThat(breachingOpds(fresh)).hasSize(10).allSatisfy((rule, opds) -> assertThat(opds).as(rule).isZero());
		// 7 amounts, 4 dates, TUs settled late and GU eligible, and nothing else: 13 where there were
		// 29 (the 10 flags and 6 counts of the rules); apbd_opd_info comes from monitor-core
		assertThat(fresh.samples().stream()
			.filter(sample -> sample.name().startsWith("apbd_") && !sample.name().equals("apbd_opd_info")
					&& "DKP".equals(sample.labels().get("opd"))))
			.extracting(PrometheusScrape.Sample::name)
			.hasSize(13)
			.doesNotHaveDuplicates();

		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			// SPJ-GU of 70,000,000 against a float of 60,000,000: accounted above what is held
			kafka.send(topics.events(), key("DKP"), up("SP2D-UP-DKP", "DKP", "60000000.00", "2026-01-05"));
			kafka.send(topics.events(), key("DKP"), guAccounted("SPJ-GU-DKP", "DKP", "70000000.00", "2026-01-06"));
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.named("apbd_up_rule_breached")).singleElement().satisfies(sample -> {
				assertThat(sample.labels()).containsEntry("opd", "DKP").containsEntry("rule", "accounted_above_held");
				assertThat(sample.value()).isEqualTo(1.0);
			});
			assertThat(scrape.named("apbd_up_rule_breaches")).singleElement().satisfies(sample -> {
				assertThat(sample.labels()).containsEntry("opd", "DKP").containsEntry("rule", "accounted_above_held");
				assertThat(sample.value()).isEqualTo(1.0);
			});
			assertThat(breachingOpds(scrape)).containsEntry("accounted_above_held", 1.0).containsEntry("gu_overdue", 0.0);
		});

		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			// the refill of the 70,000,000 awaiting: the float is 60 − 70 + 70 = 60 million again
			kafka.send(topics.events(), key("DKP"), guDisbursed("SP2D-GU-DKP", "DKP", "70000000.00", "2026-01-08"));
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.named("apbd_up_rule_breached")).isEmpty();
			// the SPJ-GU still broke the rule when it was approved: the inspector's count stays
			assertThat(scrape.named("apbd_up_rule_breaches")).singleElement()
				.satisfies(sample -> assertThat(sample.value()).isEqualTo(1.0));
			assertThat(breachingOpds(scrape)).containsEntry("accounted_above_held", 0.0);
			assertThat(scrape.value("apbd_up_outstanding_rupiah", Map.of("opd", "DKP"))).isEqualTo(60_000_000.00);
		});
	}

	/** {@code apbd_up_rule_breaching_opds} of Kota Bima by rule. */
	private static Map<String, Double> breachingOpds(PrometheusScrape scrape) {
		List<PrometheusScrape.Sample> samples = scrape.named("apbd_up_rule_breaching_opds");
		assertThat(samples).allSatisfy(sample -> assertThat(sample.labels()).containsEntry("pemda", "52.72")
			.containsEntry("category", "up")
			.doesNotContainKey("opd"));
		return samples.stream()
			.collect(java.util.stream.Collectors.toMap(sample -> sample.labels().get("rule"), PrometheusScrape.Sample::value));
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of("http://localhost:" + this.port);
	}

}
