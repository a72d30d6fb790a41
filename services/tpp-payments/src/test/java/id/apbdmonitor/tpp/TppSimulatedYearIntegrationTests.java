package id.apbdmonitor.tpp;

import java.time.Duration;
import java.time.LocalDate;
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
 * The simulated Kota Bima year up to Thursday 16 July 2026, with duplicates, poison records and
 * invalid events, through tpp-payments with the business date fixed on that day: every OPD's TPP
 * realised and pagu equal the simulator's totals exactly, every faulty record is dead-lettered,
 * exactly the scripted late OPDs have a month past its deadline (June's, due on 14 July, the
 * 10th working day after 30 June), and exactly the OPDs scripted to be paid below their SPM in
 * May breach {@code tpp_sp2d_below_spm}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TppSimulatedYearIntegrationTests {

	private static final LocalDate MID_JULY = LocalDate.of(2026, 7, 16);

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "tpp-payments", MID_JULY.toString());
	}

	@Test
	void shouldReportTheSimulatorsTppTotalsAndItsLateOpds() {
		GeneratedYear year = YearGenerator.generate(GeneratorSettings.kotaBima(7).withEventsPerOpdPerMonth(1).withFaultRate(0.03));
		int sent = 0;
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			for (SimEvent event : year.events()) {
				if (event.businessDate().isAfter(MID_JULY)) {
					break;
				}
				if (event.topic().equals(Topics.BUDGET)) {
					kafka.send(topics.budget(), event.key(), event.value());
				}
				else if (event.topic().equals(Topics.TPP)) {
					kafka.send(topics.events(), event.key(), event.value());
				}
				sent++;
			}
		}
		ExpectedTotals expected = year.asOf(sent);
		long deadLetters = expected.count(Topics.TPP, SimEvent.Kind.INVALID)
				+ expected.count(Topics.TPP, SimEvent.Kind.MALFORMED);
		assertThat(expected.count(Topics.TPP, SimEvent.Kind.INVALID)).as("the year must exercise the dead-letter path")
			.isPositive();
		List<String> late = year.lateTppOpds();
		assertThat(late).hasSize(3);
		List<String> belowSpm = year.tppSp2dBelowSpmOpds();
		assertThat(belowSpm).isNotEmpty();
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			assertThat(scrape.value("apbd_ingest_dead_lettered_total", Map.of("topic", topics.events())))
				.isEqualTo(deadLetters);
			for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
				Map<String, String> labels = Map.of("opd", opd, "category", "tpp");
				assertThat(scrape.value("apbd_realised_rupiah", labels)).as("realised of " + opd)
					.isEqualTo(expected.realised(opd, Category.TPP).doubleValue());
				assertThat(scrape.value("apbd_pagu_rupiah", labels)).as("pagu of " + opd)
					.isEqualTo(expected.pagu(opd, Category.TPP).doubleValue());
			}
		});
		PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			Map<String, String> labels = Map.of("opd", opd, "category", "tpp");
			assertThat(expected.realised(opd, Category.TPP).signum()).isPositive();
			// January to June are due; January to March were paid as a lump sum in April
			assertThat(scrape.value("apbd_tpp_months_due", labels)).isEqualTo(6);
			assertThat(scrape.value("apbd_tpp_last_month_paid", labels)).as(opd).isGreaterThanOrEqualTo(3);
			Map<String, String> rule = Map.of("opd", opd, "category", "tpp", "rule", "tpp_sp2d_below_spm");
			assertThat(scrape.valueOrZero("apbd_tpp_rule_breached", rule)).as("SP2D below SPM of " + opd)
				.isEqualTo(belowSpm.contains(opd) ? 1.0 : 0.0);
			assertThat(scrape.valueOrZero("apbd_tpp_rule_breaches", rule)).isEqualTo(belowSpm.contains(opd) ? 1.0 : 0.0);
			if (late.contains(opd)) {
				assertThat(scrape.value("apbd_tpp_months_late", labels)).as("months late of " + opd).isPositive();
			}
			else {
				assertThat(scrape.value("apbd_tpp_months_late", labels)).as("months late of " + opd).isZero();
			}
		}
	}

}
