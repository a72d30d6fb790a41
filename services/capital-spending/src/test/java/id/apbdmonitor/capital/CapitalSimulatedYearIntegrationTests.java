package id.apbdmonitor.capital;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import id.apbdmonitor.simulator.generator.Category;
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
 * A whole simulated Kota Bima year of capital contracts, with duplicates, poison records and
 * invalid events, through capital-spending: every OPD's realised, pagu, contracted and handed
 * over but unpaid on /actuator/prometheus equal the simulator's totals exactly, and every faulty
 * record is dead-lettered with the reason the simulator gave it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CapitalSimulatedYearIntegrationTests {

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "capital-spending", "2026-12-31");
	}

	@Test
	void shouldReportExactlyTheCapitalTotalsTheSimulatorProduced() {
		GeneratedYear year = YearGenerator
			.generate(GeneratorSettings.kotaBima(7).withEventsPerOpdPerMonth(4).withFaultRate(0.03));
		List<String> expectedReasons = new ArrayList<>();
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			for (SimEvent event : year.events()) {
				if (event.topic().equals(Topics.BUDGET)) {
					kafka.send(topics.budget(), event.key(), event.value());
				}
				else if (event.topic().equals(Topics.CAPITAL)) {
					kafka.send(topics.events(), event.key(), event.value());
					if (event.kind() == SimEvent.Kind.INVALID || event.kind() == SimEvent.Kind.MALFORMED) {
						expectedReasons.add(event.expectedReason());
					}
				}
			}
		}
		ExpectedTotals expected = year.expectedTotals();
		long deadLettered = expected.count(Topics.CAPITAL, SimEvent.Kind.INVALID)
				+ expected.count(Topics.CAPITAL, SimEvent.Kind.MALFORMED);
		assertThat(expectedReasons).as("the year must exercise the dead-letter path").hasSize((int) deadLettered)
			.contains("PAYMENT_EXCEEDS_CONTRACT", "PROGRESS_NOT_MONOTONIC", "CONTRACT_CONFLICT");
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			assertThat(scrape.value("apbd_ingest_dead_lettered_total", Map.of("topic", topics.events())))
				.isEqualTo(deadLettered);
			for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
				Map<String, String> labels = Map.of("opd", opd, "category", "capital");
				assertThat(scrape.value("apbd_realised_rupiah", labels)).as("realised of " + opd)
					.isEqualTo(expected.realised(opd, Category.CAPITAL).doubleValue());
				assertThat(scrape.value("apbd_pagu_rupiah", labels)).as("pagu of " + opd)
					.isEqualTo(expected.pagu(opd, Category.CAPITAL).doubleValue());
				assertThat(scrape.value("apbd_contracted_rupiah", labels)).as("contracted of " + opd)
					.isEqualTo(expected.contracted(opd).doubleValue());
				assertThat(scrape.value("apbd_handed_over_unpaid_rupiah", labels)).as("handed over unpaid of " + opd)
					.isEqualTo(expected.handedOverUnpaid(opd).doubleValue());
			}
		});
		// the Serasuba park is handed over but not paid in full
		double parkUnpaid = PrometheusScrape.of("http://localhost:" + this.port)
			.value("apbd_project_handed_over_unpaid_rupiah", Map.of("project", "serasuba-park"));
		assertThat(parkUnpaid).isPositive().isLessThanOrEqualTo(expected.handedOverUnpaid("PERKIM").doubleValue());
		assertThat(expected.realised(Category.CAPITAL).signum()).isPositive();

		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			List<String> reasons = kafka.readAll(topics.eventsDlt(), expectedReasons.size(), Duration.ofSeconds(30))
				.stream()
				.map(KafkaTestClient.DeadLetter::reason)
				.toList();
			assertThat(reasons).containsExactlyInAnyOrderElementsOf(expectedReasons);
		}
	}

}
