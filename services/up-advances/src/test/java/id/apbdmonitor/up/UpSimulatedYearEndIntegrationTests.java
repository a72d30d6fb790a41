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
 * The whole simulated Kota Bima year through up-advances, the business date on Thursday
 * 31 December 2026: every OPD's totals equal the simulator's, each treasury-control rule is
 * counted once for exactly its scripted OPD, and on that day the breaches still standing are
 * exactly the over-settled TUs (DLH returned, DISNAKER accounted above their TU) and DISPARBUD's
 * SPJ-GU after its closure; the second UP, the over-refill and the two July TUs are made good by
 * December. No closed OPD is GU-eligible, although some closed with their last SPJ-GU awaiting
 * half their ceiling or more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UpSimulatedYearEndIntegrationTests {

	private static final LocalDate NEW_YEARS_EVE = LocalDate.of(2026, 12, 31);

	private static final List<String> RULES = List.of("up_above_ceiling", "gu_above_awaiting", "return_above_held",
			"accounted_above_held", "activity_after_closure", "tu_while_open");

	private static final List<String> STANDING_AT_YEAR_END = List.of("return_above_held", "accounted_above_held",
			"activity_after_closure");

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "up-advances", NEW_YEARS_EVE.toString());
	}

	@Test
	void shouldCountEachScriptedBreachOnceAndKeepFlaggedOnlyThoseNotMadeGood() {
		GeneratedYear year = YearGenerator.generate(GeneratorSettings.kotaBima(11).withEventsPerOpdPerMonth(1).withFaultRate(0.02));
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			for (SimEvent event : year.events()) {
				if (event.topic().equals(Topics.UP)) {
					kafka.send(topics.events(), event.key(), event.value());
				}
			}
		}
		ExpectedTotals expected = year.expectedTotals();
		long deadLetters = expected.count(Topics.UP, SimEvent.Kind.INVALID)
				+ expected.count(Topics.UP, SimEvent.Kind.MALFORMED);
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.value("apbd_ingest_dead_lettered_total", Map.of("topic", topics.events())))
				.isEqualTo(deadLetters);
			for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
				Map<String, String> labels = Map.of("opd", opd, "category", "up");
				assertThat(scrape.value("apbd_up_disbursed_rupiah", labels)).as("disbursed of " + opd)
					.isEqualTo(expected.upDisbursed(opd).doubleValue());
				assertThat(scrape.value("apbd_up_outstanding_rupiah", labels)).as("outstanding of " + opd)
					.isEqualTo(expected.upOutstanding(opd).doubleValue());
			}
		});
		PrometheusScrape scrape = scrape();
		GeneratorSettings settings = year.settings();
		int eligibleAtClosure = 0;
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			for (String rule : RULES) {
				boolean scripted = settings.upRuleBreachOpds(rule).contains(opd);
				Map<String, String> labels = Map.of("opd", opd, "category", "up", "rule", rule);
				assertThat(scrape.valueOrZero("apbd_up_rule_breaches", labels)).as("breaches of " + rule + " by " + opd)
					.isEqualTo(scripted ? 1 : 0);
				assertThat(scrape.valueOrZero("apbd_up_rule_breached", labels)).as(rule + " of " + opd)
					.isEqualTo((scripted && STANDING_AT_YEAR_END.contains(rule)) ? 1 : 0);
			}
			Map<String, String> labels = Map.of("opd", opd, "category", "up");
			assertThat(scrape.value("apbd_up_gu_eligible", labels)).as("GU eligible of " + opd).isZero();
			boolean closed = scrape.value("apbd_up_closed_timestamp_seconds", labels) > 0;
			if (closed && scrape.value("apbd_up_awaiting_refill_rupiah", labels) >= 0.5
					* scrape.value("apbd_up_ceiling_rupiah", labels)) {
				eligibleAtClosure++;
			}
		}
		assertThat(eligibleAtClosure).as("closed OPDs that would be GU-eligible but for the closure").isPositive();
		// the over-settled TUs leave SIPD's books (and the ledger) below zero
		assertThat(expected.upOutstanding("DLH").signum()).isNegative();
		assertThat(expected.upOutstanding("DISNAKER").signum()).isNegative();
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of("http://localhost:" + this.port);
	}

}
