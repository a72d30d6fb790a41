package id.apbdmonitor.up;

import java.time.Duration;
import java.time.LocalDate;
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
 * The simulated Kota Bima year up to Thursday 16 July 2026, with duplicates, poison records and
 * invalid events, through up-advances with the business date fixed on that day: every OPD's UP
 * disbursed and outstanding equal the simulator's totals exactly, every faulty record is
 * dead-lettered, and the rule gauges show exactly the scripted OPDs: the stale-UP ones with no GU
 * refill for more than 30 days, BPBD with its TU open since early June, no OPD still without its
 * first UP, and for each treasury-control rule broken in the first half of the year exactly its
 * scripted OPD (stored, flagged and counted once), none closed yet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UpSimulatedYearIntegrationTests {

	private static final LocalDate MID_JULY = LocalDate.of(2026, 7, 16);

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "up-advances", MID_JULY.toString());
	}

	@Test
	void shouldReportTheSimulatorsUpTotalsAndItsScriptedBreaches() {
		GeneratedYear year = YearGenerator.generate(GeneratorSettings.kotaBima(7).withEventsPerOpdPerMonth(1).withFaultRate(0.03));
		int sent = 0;
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			for (SimEvent event : year.events()) {
				if (event.businessDate().isAfter(MID_JULY)) {
					break;
				}
				if (event.topic().equals(Topics.UP)) {
					kafka.send(topics.events(), event.key(), event.value());
				}
				sent++;
			}
		}
		ExpectedTotals expected = year.asOf(sent);
		long deadLetters = expected.count(Topics.UP, SimEvent.Kind.INVALID)
				+ expected.count(Topics.UP, SimEvent.Kind.MALFORMED);
		assertThat(expected.count(Topics.UP, SimEvent.Kind.INVALID)).as("the year must exercise the dead-letter path")
			.isPositive();
		List<String> stale = year.staleUpOpds();
		List<String> overdueTu = year.overdueTuOpds();
		assertThat(stale).hasSize(3);
		assertThat(overdueTu).containsExactly("BPBD");
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
			assertThat(scrape.value("apbd_ingest_dead_lettered_total", Map.of("topic", topics.events())))
				.isEqualTo(deadLetters);
			for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
				Map<String, String> labels = Map.of("opd", opd, "category", "up");
				assertThat(scrape.value("apbd_up_disbursed_rupiah", labels)).as("disbursed of " + opd)
					.isEqualTo(expected.upDisbursed(opd).doubleValue());
				assertThat(scrape.value("apbd_up_outstanding_rupiah", labels)).as("outstanding of " + opd)
					.isEqualTo(expected.upOutstanding(opd).doubleValue());
				assertThat(scrape.value("apbd_up_ceiling_rupiah", labels)).as("ceiling of " + opd)
					.isEqualTo(expected.upCeiling(opd).doubleValue());
			}
		});
		PrometheusScrape scrape = PrometheusScrape.of("http://localhost:" + this.port);
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			assertThat(rule(scrape, opd, "gu_overdue")).as("gu_overdue of " + opd).isEqualTo(stale.contains(opd) ? 1 : 0);
			assertThat(rule(scrape, opd, "tu_overdue")).as("tu_overdue of " + opd)
				.isEqualTo(overdueTu.contains(opd) ? 1 : 0);
			assertThat(rule(scrape, opd, "up_not_requested")).as("up_not_requested of " + opd).isZero();
			assertThat(rule(scrape, opd, "leftover_not_returned")).as("leftover_not_returned of " + opd).isZero();
			assertThat(expected.upOutstanding(opd).signum()).as("UP still held by " + opd + " in July").isPositive();
		}
		// the treasury-control rules broken by 16 July: the scripted OPD of each, flagged and counted once
		GeneratorSettings settings = year.settings();
		for (String rule : List.of("up_above_ceiling", "gu_above_awaiting", "return_above_held",
				"accounted_above_held", "tu_while_open")) {
			List<String> scripted = settings.upRuleBreachOpds(rule);
			assertThat(scripted).as(rule).hasSize(1);
			for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
				double flagged = scripted.contains(opd) ? 1 : 0;
				assertThat(rule(scrape, opd, rule)).as(rule + " of " + opd).isEqualTo(flagged);
				assertThat(scrape.valueOrZero("apbd_up_rule_breaches", Map.of("opd", opd, "category", "up", "rule", rule)))
					.as("breaches of " + rule + " by " + opd)
					.isEqualTo(flagged);
			}
		}
		// no UP is closed before December
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			assertThat(rule(scrape, opd, "activity_after_closure")).as("activity_after_closure of " + opd).isZero();
		}
		// the overdue TU dates from the first days of June, more than 30 days before 16 July
		double tuSince = scrape.value("apbd_tu_oldest_open_timestamp_seconds", Map.of("opd", "BPBD", "category", "up"));
		assertThat(tuSince).isBetween(epoch(LocalDate.of(2026, 6, 1)), epoch(LocalDate.of(2026, 6, 5)));
	}

	private static double rule(PrometheusScrape scrape, String opd, String rule) {
		return scrape.valueOrZero("apbd_up_rule_breached", Map.of("opd", opd, "category", "up", "rule", rule));
	}

	private static double epoch(LocalDate date) {
		return date.atStartOfDay(java.time.ZoneId.of("Asia/Makassar")).toEpochSecond();
	}

}
