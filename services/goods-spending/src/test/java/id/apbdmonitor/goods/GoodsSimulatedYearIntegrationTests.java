package id.apbdmonitor.goods;

import java.time.Duration;
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
 * A whole simulated Kota Bima year, with duplicates, poison records and invalid events, through
 * goods-spending: every OPD's realised and pagu on /actuator/prometheus equal the totals the
 * simulator produced, compared exactly (to the rupiah cent), and every faulty record is
 * dead-lettered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class GoodsSimulatedYearIntegrationTests {

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "goods-spending", "2026-12-31");
	}

	@Test
	void shouldReportExactlyTheTotalsTheSimulatorProduced() {
		GeneratedYear year = YearGenerator.generate(GeneratorSettings.kotaBima(7).withEventsPerOpdPerMonth(4).withFaultRate(0.03));
		long rejectedByGoods = 0;
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			for (SimEvent event : year.events()) {
				if (event.topic().equals(Topics.BUDGET)) {
					kafka.send(topics.budget(), event.key(), event.value());
				}
				else if (event.topic().equals(Category.GOODS.topic())) {
					kafka.send(topics.events(), event.key(), event.value());
					if (event.kind() == SimEvent.Kind.INVALID || event.kind() == SimEvent.Kind.MALFORMED) {
						rejectedByGoods++;
					}
				}
			}
		}
		assertThat(rejectedByGoods).as("the year must exercise the dead-letter path").isPositive();
		long expectedDeadLetters = rejectedByGoods;
		ExpectedTotals expected = year.expectedTotals();
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			assertThat(scrape.value("apbd_ingest_dead_lettered_total", Map.of("topic", topics.events())))
				.isEqualTo(expectedDeadLetters);
			for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
				Map<String, String> labels = Map.of("opd", opd, "category", "goods");
				if (!expected.exported(opd, Category.GOODS)) {
					// no budget line and nothing stored: no series, not zeros
					assertThat(scrape.named("apbd_pagu_rupiah")).as("pagu of " + opd)
						.noneMatch(sample -> sample.labels().entrySet().containsAll(labels.entrySet()));
					continue;
				}
				assertThat(scrape.value("apbd_realised_rupiah", labels)).as("realised of " + opd)
					.isEqualTo(expected.realised(opd, Category.GOODS).doubleValue());
				assertThat(scrape.value("apbd_pagu_rupiah", labels)).as("pagu of " + opd)
					.isEqualTo(expected.pagu(opd, Category.GOODS).doubleValue());
			}
		});
		assertThat(expected.realised(Category.GOODS).signum()).isPositive();
	}

}
