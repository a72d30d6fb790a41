package id.apbdmonitor.pad;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import id.apbdmonitor.simulator.generator.ExpectedTotals;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.GeneratorSettings;
import id.apbdmonitor.simulator.generator.SimEvent;
import id.apbdmonitor.simulator.generator.Topics;
import id.apbdmonitor.simulator.generator.YearGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole simulated Kota Bima year of PAD receipts, with duplicates, poison records and invalid
 * events, through pad-revenue: every collecting OPD's realised and target per revenue type on
 * /actuator/prometheus equal the simulator's totals exactly (old tax codes counted as PBJT, the
 * APBD-P targets in force), every faulty record is dead-lettered with the reason the
 * simulator gave it, and exactly the collector scripted to keep receiving after its target was
 * revised to 0 breaches {@code pad_receipt_on_zero_target}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PadSimulatedYearIntegrationTests {

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "pad-revenue", "2026-12-31");
	}

	@Test
	void shouldReportExactlyThePadTotalsTheSimulatorProduced() {
		GeneratedYear year = YearGenerator
			.generate(GeneratorSettings.kotaBima(7).withEventsPerOpdPerMonth(4).withFaultRate(0.03));
		List<String> expectedReasons = new ArrayList<>();
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			for (SimEvent event : year.events()) {
				if (event.topic().equals(Topics.BUDGET)) {
					kafka.send(topics.budget(), event.key(), event.value());
				}
				else if (event.topic().equals(Topics.PAD)) {
					kafka.send(topics.events(), event.key(), event.value());
					if (event.kind() == SimEvent.Kind.INVALID || event.kind() == SimEvent.Kind.MALFORMED) {
						expectedReasons.add(event.expectedReason());
					}
				}
			}
		}
		ExpectedTotals expected = year.expectedTotals();
		long deadLettered = expected.count(Topics.PAD, SimEvent.Kind.INVALID)
				+ expected.count(Topics.PAD, SimEvent.Kind.MALFORMED);
		assertThat(expectedReasons).as("the year must exercise the dead-letter path").hasSize((int) deadLettered)
			.contains("ACCOUNT_OUTSIDE_CATEGORY", "UNKNOWN_REFERENCE", "INVALID_FIELD");
		List<ExpectedTotals.RevenueTotal> rows = expected.revenueTotals();
		assertThat(rows).extracting(ExpectedTotals.RevenueTotal::revenueType)
			.contains("pbjt", "pbb-p2", "mblb", "retribusi", "bumd-dividend", "other-pad");
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			assertThat(scrape.value("apbd_ingest_dead_lettered_total", Map.of("topic", topics.events())))
				.isEqualTo(deadLettered);
			for (ExpectedTotals.RevenueTotal row : rows) {
				Map<String, String> labels = Map.of("opd", row.opd(), "revenue_type", row.revenueType());
				assertThat(scrape.value("apbd_revenue_realised_rupiah", labels)).as("realised of " + labels)
					.isEqualTo(row.realised().doubleValue());
				assertThat(scrape.value("apbd_revenue_target_rupiah", labels)).as("target of " + labels)
					.isEqualTo(row.target().doubleValue());
			}
		});
		List<String> zeroTarget = year.zeroTargetCollectors();
		assertThat(zeroTarget).isNotEmpty();
		PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
		List<PrometheusScrape.Sample> rules = scrape.named("apbd_pad_rule_breached");
		assertThat(rules).isNotEmpty();
		for (PrometheusScrape.Sample sample : rules) {
			boolean scripted = zeroTarget.contains(sample.labels().get("opd"))
					&& "retribusi".equals(sample.labels().get("revenue_type"));
			assertThat(sample.value()).as("zero-target rule of " + sample.labels()).isEqualTo(scripted ? 1.0 : 0.0);
		}
		// DISHUB's parking levies far behind: about 40% of the year's target
		ExpectedTotals.RevenueTotal dishub = rows.stream()
			.filter((row) -> row.opd().equals("DISHUB") && row.revenueType().equals("retribusi"))
			.findFirst()
			.orElseThrow();
		assertThat(dishub.realised().doubleValue() / dishub.target().doubleValue()).isBetween(0.35, 0.45);

		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			List<String> reasons = kafka.readAll(topics.eventsDlt(), expectedReasons.size(), Duration.ofSeconds(30))
				.stream()
				.map(KafkaTestClient.DeadLetter::reason)
				.toList();
			assertThat(reasons).containsExactlyInAnyOrderElementsOf(expectedReasons);
		}
	}

}
