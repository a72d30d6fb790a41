package id.apbdmonitor.up;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.ContractExamples;
import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.KafkaTestClient.DeadLetter;
import id.apbdmonitor.core.test.MetricCatalogue;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static id.apbdmonitor.core.test.TestEvents.budgetLine;
import static id.apbdmonitor.core.test.TestEvents.months;
import static id.apbdmonitor.up.UpEvents.ceiling;
import static id.apbdmonitor.up.UpEvents.guAccounted;
import static id.apbdmonitor.up.UpEvents.guDisbursed;
import static id.apbdmonitor.up.UpEvents.key;
import static id.apbdmonitor.up.UpEvents.tu;
import static id.apbdmonitor.up.UpEvents.tuAccounted;
import static id.apbdmonitor.up.UpEvents.tuReturned;
import static id.apbdmonitor.up.UpEvents.up;
import static id.apbdmonitor.up.UpEvents.wita;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * up-advances end to end on a real Kafka broker and a real PostgreSQL, the business date fixed
 * on Sunday 15 March 2026, the rules at their defaults (GU at 50% of the ceiling, first UP within
 * 31 days, a GU refill at most every 30 days, a TU settled within 30 days). Each test uses its
 * own OPDs, so tests do not see each other's figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UpAdvancesIntegrationTests {

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "up-advances", "2026-03-15");
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
	void shouldReportTheUpHealthOfAnOpdFromItsAdvancesRefillsAndTu() {
		send("SETDA", ceiling("SK-UP-SETDA", "SETDA", "200000000.00", "2026-01-02"));
		send("SETDA", up("SP2D-UP-SETDA", "SETDA", "200000000.00", "2026-01-08"));
		send("SETDA", guAccounted("SPJ-GU-SETDA-1", "SETDA", "120000000.00", "2026-02-10"));
		send("SETDA", guDisbursed("SP2D-GU-SETDA-1", "SETDA", "120000000.00", "2026-02-16"));
		send("SETDA", tu("SP2D-TU-SETDA-1", "SETDA", "50000000.00", "2026-03-02"));
		send("SETDA", guAccounted("SPJ-GU-SETDA-2", "SETDA", "30000000.00", "2026-03-09"));
		send("SETDA", tuAccounted("LPJ-TU-SETDA-1", "SETDA", "SP2D-TU-SETDA-1", "40000000.00", "2026-03-10"));
		send("SETDA", tuReturned("STS-TU-SETDA-1", "SETDA", "SP2D-TU-SETDA-1", "10000000.00", "2026-03-11"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Map<String, Double> setda = figures("SETDA");
			// disbursed 200,000,000 UP + 120,000,000 GU + 50,000,000 TU
			assertThat(setda).containsEntry("apbd_up_disbursed_rupiah", 370_000_000.00)
				// accounted 120,000,000 + 30,000,000 SPJ-GU + 40,000,000 LPJ-TU
				.containsEntry("apbd_up_accounted_rupiah", 190_000_000.00)
				.containsEntry("apbd_up_returned_rupiah", 10_000_000.00)
				// 370,000,000 − 190,000,000 − 10,000,000
				.containsEntry("apbd_up_outstanding_rupiah", 170_000_000.00)
				// SPJ-GU 150,000,000 less the refill of 120,000,000
				.containsEntry("apbd_up_awaiting_refill_rupiah", 30_000_000.00)
				.containsEntry("apbd_up_ceiling_rupiah", 200_000_000.00)
				.containsEntry("apbd_up_first_disbursed_timestamp_seconds", wita("2026-01-08"))
				.containsEntry("apbd_up_last_gu_timestamp_seconds", wita("2026-02-16"))
				// the TU was settled on day 9: nothing open, nothing late
				.containsEntry("apbd_tu_oldest_open_timestamp_seconds", 0.0)
				.containsEntry("apbd_tu_oldest_open_rupiah", 0.0)
				.containsEntry("apbd_tu_settled_late", 0.0)
				// 30,000,000 awaiting refill is below 50% of 200,000,000
				.containsEntry("apbd_up_gu_eligible", 0.0);
			// last refill 16 February, 27 days before 15 March
			assertThat(rules("SETDA")).containsEntry("up_not_requested", 0.0)
				.containsEntry("gu_overdue", 0.0)
				.containsEntry("tu_overdue", 0.0)
				.containsEntry("leftover_not_returned", 0.0);
		});
	}

	@Test
	void shouldMakeGuEligibleExactlyAtTheThreshold() {
		send("DINKES", ceiling("SK-UP-DINKES", "DINKES", "100000000.00", "2026-01-02"));
		send("DINKES", up("SP2D-UP-DINKES", "DINKES", "100000000.00", "2026-03-02"));
		send("DINKES", guAccounted("SPJ-GU-DINKES-1", "DINKES", "50000000.00", "2026-03-12"));
		send("RSUD", ceiling("SK-UP-RSUD", "RSUD", "100000000.00", "2026-01-02"));
		send("RSUD", up("SP2D-UP-RSUD", "RSUD", "100000000.00", "2026-03-02"));
		send("RSUD", guAccounted("SPJ-GU-RSUD-1", "RSUD", "49999999.99", "2026-03-12"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// 50,000,000.00 = 50% of 100,000,000.00: eligible; one sen less is not
			assertThat(figures("DINKES")).containsEntry("apbd_up_awaiting_refill_rupiah", 50_000_000.00)
				.containsEntry("apbd_up_gu_eligible", 1.0);
			assertThat(figures("RSUD")).containsEntry("apbd_up_awaiting_refill_rupiah", 49_999_999.99)
				.containsEntry("apbd_up_gu_eligible", 0.0);
		});
	}

	@Test
	void shouldFlagAnOpdWithoutGuForMoreThan30DaysWhileUpMoneyIsOutstanding() {
		// 13 February to 15 March is 30 days, 12 February 31 days
		send("BAPPEDA", up("SP2D-UP-BAPPEDA", "BAPPEDA", "60000000.00", "2026-02-13"));
		send("BPKAD", up("SP2D-UP-BPKAD", "BPKAD", "60000000.00", "2026-02-12"));
		// everything accounted since 12 February: nothing outstanding to refill
		send("KESBANGPOL", up("SP2D-UP-KESBANGPOL", "KESBANGPOL", "60000000.00", "2026-01-05"));
		send("KESBANGPOL", guAccounted("SPJ-GU-KESBANGPOL", "KESBANGPOL", "60000000.00", "2026-01-30"));
		// refilled on 16 February (27 days) after a first UP on 5 January
		send("SATPOLPP", up("SP2D-UP-SATPOLPP", "SATPOLPP", "60000000.00", "2026-01-05"));
		send("SATPOLPP", guAccounted("SPJ-GU-SATPOLPP", "SATPOLPP", "40000000.00", "2026-02-09"));
		send("SATPOLPP", guDisbursed("SP2D-GU-SATPOLPP", "SATPOLPP", "40000000.00", "2026-02-16"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(rules("BAPPEDA")).containsEntry("gu_overdue", 0.0).containsEntry("up_not_requested", 0.0);
			assertThat(rules("BPKAD")).containsEntry("gu_overdue", 1.0);
			assertThat(rules("KESBANGPOL")).containsEntry("gu_overdue", 0.0);
			assertThat(rules("SATPOLPP")).containsEntry("gu_overdue", 0.0);
			assertThat(figures("SATPOLPP")).containsEntry("apbd_up_outstanding_rupiah", 60_000_000.00);
		});
	}

	@Test
	void shouldFlagOpdsWithoutUpMoreThan31DaysIntoTheYear() {
		// 1 January to 15 March is 73 days; DISPUSIP has no UP at all
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(rules("DISPUSIP")).containsEntry("up_not_requested", 1.0)
				.containsEntry("gu_overdue", 0.0)
				.containsEntry("tu_overdue", 0.0)
				.containsEntry("leftover_not_returned", 0.0);
			assertThat(figures("DISPUSIP")).containsEntry("apbd_up_first_disbursed_timestamp_seconds", 0.0)
				.containsEntry("apbd_up_last_gu_timestamp_seconds", 0.0);
		});
	}

	@Test
	void shouldFlagATuOpenForMoreThan30Days() {
		send("DLH", tu("SP2D-TU-DLH-1", "DLH", "15000000.00", "2026-02-13"));
		send("DLH", tu("SP2D-TU-DLH-2", "DLH", "5000000.00", "2026-03-03"));
		send("DLH", tuAccounted("LPJ-TU-DLH-1a", "DLH", "SP2D-TU-DLH-1", "4000000.00", "2026-03-01"));
		send("DISHUB", tu("SP2D-TU-DISHUB-1", "DISHUB", "7500000.00", "2026-02-12"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// the oldest open TU of DLH is 30 days old on 15 March: 15,000,000 − 4,000,000 still open
			assertThat(figures("DLH")).containsEntry("apbd_tu_oldest_open_timestamp_seconds", wita("2026-02-13"))
				.containsEntry("apbd_tu_oldest_open_rupiah", 11_000_000.00)
				.containsEntry("apbd_up_outstanding_rupiah", 16_000_000.00);
			assertThat(rules("DLH")).containsEntry("tu_overdue", 0.0);
			// DISHUB's is 31 days old
			assertThat(figures("DISHUB")).containsEntry("apbd_tu_oldest_open_timestamp_seconds", wita("2026-02-12"))
				.containsEntry("apbd_tu_oldest_open_rupiah", 7_500_000.00);
			assertThat(rules("DISHUB")).containsEntry("tu_overdue", 1.0);
		});
	}

	@Test
	void shouldCountATuSettledOnDay31AsLateAndOnDay30AsOnTime() {
		// 2 February + 30 days = 4 March; + 31 days = 5 March
		send("PERKIM", tu("SP2D-TU-PERKIM", "PERKIM", "25000000.00", "2026-02-02"));
		send("PERKIM", tuAccounted("LPJ-TU-PERKIM", "PERKIM", "SP2D-TU-PERKIM", "25000000.00", "2026-03-04"));
		send("DP3A", tu("SP2D-TU-DP3A", "DP3A", "25000000.00", "2026-02-02"));
		send("DP3A", tuAccounted("LPJ-TU-DP3A", "DP3A", "SP2D-TU-DP3A", "20000000.00", "2026-03-04"));
		send("DP3A", tuReturned("STS-TU-DP3A", "DP3A", "SP2D-TU-DP3A", "5000000.00", "2026-03-05"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(figures("PERKIM")).containsEntry("apbd_tu_settled_late", 0.0)
				.containsEntry("apbd_up_outstanding_rupiah", 0.0)
				.containsEntry("apbd_tu_oldest_open_timestamp_seconds", 0.0);
			assertThat(figures("DP3A")).containsEntry("apbd_tu_settled_late", 1.0)
				.containsEntry("apbd_up_accounted_rupiah", 20_000_000.00)
				.containsEntry("apbd_up_returned_rupiah", 5_000_000.00)
				.containsEntry("apbd_up_outstanding_rupiah", 0.0);
			assertThat(rules("PERKIM")).containsEntry("tu_overdue", 0.0);
			assertThat(rules("DP3A")).containsEntry("tu_overdue", 0.0);
		});
	}

	@Test
	void shouldDeadLetterAnEventIdStoredInAnotherYearOfTheRegion() {
		// a 2025 UP of Kota Bima with its total; the ledger's key holds the year, so only a look-up finds its id
		this.jdbc.update("""
				insert into up_ledger (event_id, event_type, pemda, fiscal_year, opd, occurred_on, document_kind,
				    document_number, amount, payload_sha256, source_topic, source_partition, source_offset)
				values ('SP2D-UP-DISPARBUD-2025', 'up-disbursed', '52.72', 2025, 'DISPARBUD', '2025-12-30', 'SP2D',
				    'SP2D-UP-DISPARBUD-2025', 100.00, '\\x00', 'test', 0, 0)""");
		this.jdbc.update("""
				insert into up_total (pemda, fiscal_year, opd, event_type, amount, events, first_on, last_on)
				values ('52.72', 2025, 'DISPARBUD', 'up-disbursed', 100.00, 1, '2025-12-30', '2025-12-30')""");
		// one poll's run, as the first try sees it: the 2025 id again in 2026, then a new UP
		send("DISPARBUD", up("SP2D-UP-DISPARBUD-2025", "DISPARBUD", "70000001.00", "2026-03-02"));
		send("DISPARBUD", up("SP2D-UP-DISPARBUD-2026", "DISPARBUD", "20000000.00", "2026-03-02"));

		assertThat(deadLetter("70000001.00").headers()).containsEntry("apbd-reason", "EVENT_ID_CONFLICT")
			.containsEntry("apbd-field", "eventId");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"select fiscal_year || ' ' || amount from up_ledger where opd = 'DISPARBUD' order by event_id",
					String.class))
				.containsExactly("2025 100.00", "2026 20000000.00"));
	}

	@Test
	void shouldDeadLetterTuSettlementsThatNameNoTuAndEveryEnvelopeDefectButStoreAReturnAboveTheTu() {
		send("DINSOS", tu("SP2D-TU-DINSOS", "DINSOS", "10000000.00", "2026-03-10"));
		send("DINSOS", tuAccounted("LPJ-BEFORE", "DINSOS", "SP2D-TU-DINSOS", "1000000.00", "2026-03-09"));
		send("DINSOS", tuAccounted("LPJ-UNKNOWN", "DINSOS", "SP2D-TU-NEVER", "1000000.00", "2026-03-11"));
		send("DINSOS", tuAccounted("LPJ-PART", "DINSOS", "SP2D-TU-DINSOS", "6000000.00", "2026-03-11"));
		// 10,000,000 − 6,000,000 leaves 4,000,000; 4,000,000.01 is too much, but it was deposited: stored, flagged
		send("DINSOS", tuReturned("STS-TOO-MUCH", "DINSOS", "SP2D-TU-DINSOS", "4000000.01", "2026-03-12"));
		send("DINSOS", tuAccounted("LPJ-OTHER-OPD", "DINSOS", "SP2D-TU-SETDA-1", "1.00", "2026-03-12"));
		send("DINAS-X", up("UP-UNKNOWN-OPD", "DINAS-X", "1000.00", "2026-03-02"));
		send("DINSOS", up("UP-LAST-YEAR", "DINSOS", "1000.00", "2025-12-30"));
		send("DINSOS", up("UP-NUMBER", "DINSOS", "x", "2026-03-02").replace("\"x\"", "1000"));
		send("DINSOS", up("UP-ZERO", "DINSOS", "0.00", "2026-03-02"));
		send("DINSOS", UpEvents.event("UP-SPENDING", "spending-realised", "DINSOS", "2026-03-02", "SP2D", "5.00", null));
		kafka.send(topics.events(), key("DINSOS"), "{\"eventId\": \"UP-POISON\", amount: oops");

		assertThat(deadLetter("LPJ-BEFORE").headers()).containsEntry("apbd-reason", "TU_NOT_DISBURSED")
			.containsEntry("apbd-field", "occurredOn")
			.containsEntry("apbd-value", "2026-03-09")
			.containsEntry("apbd-consumer", "up-advances");
		assertThat(deadLetter("LPJ-UNKNOWN").headers()).containsEntry("apbd-reason", "TU_NOT_DISBURSED")
			.containsEntry("apbd-field", "tu")
			.containsEntry("apbd-value", "SP2D-TU-NEVER");
		assertThat(deadLetter("LPJ-OTHER-OPD").reason()).isEqualTo("TU_NOT_DISBURSED");
		assertThat(deadLetter("UP-UNKNOWN-OPD").reason()).isEqualTo("UNKNOWN_OPD");
		assertThat(deadLetter("UP-LAST-YEAR").reason()).isEqualTo("FISCAL_YEAR_CLOSED");
		assertThat(deadLetter("UP-NUMBER").reason()).isEqualTo("MALFORMED_AMOUNT");
		assertThat(deadLetter("UP-ZERO").reason()).isEqualTo("AMOUNT_OUT_OF_BOUNDS");
		assertThat(deadLetter("UP-SPENDING").reason()).isEqualTo("UNSUPPORTED_TYPE");
		assertThat(deadLetter("UP-POISON").reason()).isEqualTo("MALFORMED_JSON");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(figures("DINSOS")).containsEntry("apbd_up_disbursed_rupiah", 10_000_000.00)
				.containsEntry("apbd_up_accounted_rupiah", 6_000_000.00)
				.containsEntry("apbd_up_returned_rupiah", 4_000_000.01)
				// 10,000,000 − 6,000,000 − 4,000,000.01
				.containsEntry("apbd_up_outstanding_rupiah", -0.01)
				.containsEntry("apbd_tu_oldest_open_rupiah", 0.0);
			assertThat(rules("DINSOS")).containsEntry("return_above_held", 1.0);
		});
		assertThat(this.jdbc.queryForList("select event_id from up_ledger where opd = 'DINSOS' order by event_id",
				String.class)).containsExactly("LPJ-PART", "SP2D-TU-DINSOS", "STS-TOO-MUCH");
	}

	@Test
	void shouldStoreEveryFactThatBreaksATreasuryRuleFlagItAndKeepTheTotals() {
		// SETWAN: a second SP2D-UP, 100,000,000 + 40,000,000 above the ceiling of 100,000,000
		send("SETWAN", ceiling("SK-UP-SETWAN", "SETWAN", "100000000.00", "2026-01-02"));
		send("SETWAN", up("SP2D-UP-SETWAN-1", "SETWAN", "100000000.00", "2026-01-06"));
		send("SETWAN", up("SP2D-UP-SETWAN-2", "SETWAN", "40000000.00", "2026-03-02"));
		// INSPEKTORAT: 35,000,000 refilled for 30,000,000 awaiting
		send("INSPEKTORAT", up("SP2D-UP-INSPEKTORAT", "INSPEKTORAT", "80000000.00", "2026-01-06"));
		send("INSPEKTORAT", guAccounted("SPJ-GU-INSPEKTORAT", "INSPEKTORAT", "30000000.00", "2026-02-02"));
		send("INSPEKTORAT", guDisbursed("SP2D-GU-INSPEKTORAT", "INSPEKTORAT", "35000000.00", "2026-02-09"));
		// BKPSDM: 6,000,000 returned of a TU with 20,000,000 − 15,000,000 = 5,000,000 left
		send("BKPSDM", tu("SP2D-TU-BKPSDM", "BKPSDM", "20000000.00", "2026-03-02"));
		send("BKPSDM", tuAccounted("LPJ-TU-BKPSDM", "BKPSDM", "SP2D-TU-BKPSDM", "15000000.00", "2026-03-09"));
		send("BKPSDM", tuReturned("STS-TU-BKPSDM", "BKPSDM", "SP2D-TU-BKPSDM", "6000000.00", "2026-03-10"));
		// PUPR: an LPJ-TU of 12,000,000 for a TU of 10,000,000
		send("PUPR", tu("SP2D-TU-PUPR", "PUPR", "10000000.00", "2026-03-02"));
		send("PUPR", tuAccounted("LPJ-TU-PUPR", "PUPR", "SP2D-TU-PUPR", "12000000.00", "2026-03-09"));
		// DPMPTSP: closed on 5 March, an SPJ-GU approved on 9 March; 20,000,000 + 5,000,000 awaiting
		// refill is 50% of its ceiling of 50,000,000, but no GU can follow a closure
		send("DPMPTSP", ceiling("SK-UP-DPMPTSP", "DPMPTSP", "50000000.00", "2026-01-02"));
		send("DPMPTSP", up("SP2D-UP-DPMPTSP", "DPMPTSP", "50000000.00", "2026-01-05"));
		send("DPMPTSP", guAccounted("SPJ-GU-DPMPTSP-1", "DPMPTSP", "20000000.00", "2026-02-02"));
		send("DPMPTSP", UpEvents.upReturned("STS-UP-DPMPTSP", "DPMPTSP", "25000000.00", "2026-03-05"));
		send("DPMPTSP", UpEvents.closed("BA-UP-DPMPTSP", "DPMPTSP", "2026-03-05"));
		send("DPMPTSP", guAccounted("SPJ-GU-DPMPTSP-2", "DPMPTSP", "5000000.00", "2026-03-09"));
		// DISTAN: a TU of 5,000,000 on 9 March while the TU of 2 March is open
		send("DISTAN", tu("SP2D-TU-DISTAN-1", "DISTAN", "10000000.00", "2026-03-02"));
		send("DISTAN", tu("SP2D-TU-DISTAN-2", "DISTAN", "5000000.00", "2026-03-09"));
		Map<String, String> breaching = Map.of("SETWAN", "up_above_ceiling", "INSPEKTORAT", "gu_above_awaiting",
				"BKPSDM", "return_above_held", "PUPR", "accounted_above_held", "DPMPTSP", "activity_after_closure",
				"DISTAN", "tu_while_open");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// one scrape per attempt: dozens of scrapes would outlast the timeout on a busy machine
			PrometheusScrape scrape = scrape();
			for (Map.Entry<String, String> opd : breaching.entrySet()) {
				for (String rule : List.of("up_above_ceiling", "gu_above_awaiting", "return_above_held",
						"accounted_above_held", "activity_after_closure", "tu_while_open")) {
					double expected = rule.equals(opd.getValue()) ? 1.0 : 0.0;
					assertThat(rules(scrape, opd.getKey())).as(opd.getKey() + " " + rule).containsEntry(rule, expected);
					assertThat(scrape.valueOrZero("apbd_up_rule_breaches",
							Map.of("opd", opd.getKey(), "category", "up", "rule", rule)))
						.as("breaches of " + opd.getKey() + " " + rule)
						.isEqualTo(expected);
				}
			}
			// 100,000,000 + 40,000,000, none accounted
			assertThat(figures(scrape, "SETWAN")).containsEntry("apbd_up_disbursed_rupiah", 140_000_000.00)
				.containsEntry("apbd_up_outstanding_rupiah", 140_000_000.00)
				.containsEntry("apbd_up_ceiling_rupiah", 100_000_000.00);
			// 80,000,000 + 35,000,000 − 30,000,000; awaiting 30,000,000 − 35,000,000
			assertThat(figures(scrape, "INSPEKTORAT")).containsEntry("apbd_up_disbursed_rupiah", 115_000_000.00)
				.containsEntry("apbd_up_outstanding_rupiah", 85_000_000.00)
				.containsEntry("apbd_up_awaiting_refill_rupiah", -5_000_000.00);
			// 20,000,000 − 15,000,000 − 6,000,000
			assertThat(figures(scrape, "BKPSDM")).containsEntry("apbd_up_returned_rupiah", 6_000_000.00)
				.containsEntry("apbd_up_outstanding_rupiah", -1_000_000.00)
				.containsEntry("apbd_tu_oldest_open_rupiah", 0.0);
			// 10,000,000 − 12,000,000
			assertThat(figures(scrape, "PUPR")).containsEntry("apbd_up_accounted_rupiah", 12_000_000.00)
				.containsEntry("apbd_up_outstanding_rupiah", -2_000_000.00);
			// 50,000,000 − 25,000,000 − 25,000,000
			assertThat(figures(scrape, "DPMPTSP")).containsEntry("apbd_up_accounted_rupiah", 25_000_000.00)
				.containsEntry("apbd_up_outstanding_rupiah", 0.0)
				.containsEntry("apbd_up_awaiting_refill_rupiah", 25_000_000.00)
				.containsEntry("apbd_up_closed_timestamp_seconds", wita("2026-03-05"))
				.containsEntry("apbd_up_gu_eligible", 0.0);
			assertThat(figures(scrape, "DISTAN")).containsEntry("apbd_up_outstanding_rupiah", 15_000_000.00)
				.containsEntry("apbd_tu_oldest_open_timestamp_seconds", wita("2026-03-02"))
				.containsEntry("apbd_tu_oldest_open_rupiah", 10_000_000.00);
		});
		// every fact is in the ledger, none dead-lettered, and the ledger sums are the exported totals
		assertThat(this.jdbc.queryForObject("""
				select count(*) from up_ledger where opd in ('SETWAN', 'INSPEKTORAT', 'BKPSDM', 'PUPR', 'DPMPTSP', 'DISTAN')""",
				Integer.class)).isEqualTo(19);
		for (String opd : breaching.keySet()) {
			java.math.BigDecimal outstanding = this.jdbc.queryForObject("""
					select coalesce(sum(case when event_type in ('up-disbursed', 'gu-disbursed', 'tu-disbursed') then amount
					    when event_type in ('gu-accounted', 'tu-accounted', 'up-returned', 'tu-returned') then -amount
					    else 0 end), 0) from up_ledger where opd = ?""", java.math.BigDecimal.class, opd);
			assertThat(figures(opd).get("apbd_up_outstanding_rupiah")).as(opd).isEqualTo(outstanding.doubleValue());
		}
	}

	@Test
	void shouldJudgeAFactArrivingAfterLaterDatedOnesAsIfItHadComeInOrderAndKeepTheTotalsEqualToTheLedger() {
		send("DISNAKER", ceiling("SK-UP-DISNAKER-1", "DISNAKER", "100000000.00", "2026-01-02"));
		send("DISNAKER", up("SP2D-UP-DISNAKER", "DISNAKER", "100000000.00", "2026-01-05"));
		send("DISNAKER", guAccounted("SPJ-GU-DISNAKER-2", "DISNAKER", "60000000.00", "2026-02-02"));
		send("DISNAKER", guDisbursed("SP2D-GU-DISNAKER-2", "DISNAKER", "60000000.00", "2026-02-09"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(figures("DISNAKER"))
			.containsEntry("apbd_up_disbursed_rupiah", 160_000_000.00));
		// arriving late: an older decree (not in force: the decree of 2 January is newer) and an
		// SPJ-GU of 20 January, after which the SPJ-GU of 2 February accounts 60,000,000 of the
		// 100,000,000 − 70,000,000 = 30,000,000 held: one breach, made good by the refill of 9 February
		send("DISNAKER", ceiling("SK-UP-DISNAKER-0", "DISNAKER", "80000000.00", "2026-01-01"));
		send("DISNAKER", guAccounted("SPJ-GU-DISNAKER-1", "DISNAKER", "70000000.00", "2026-01-20"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			// 70,000,000 + 60,000,000 accounted; 130,000,000 − 60,000,000 awaiting, 50% of the ceiling or more
			assertThat(figures(scrape, "DISNAKER")).containsEntry("apbd_up_accounted_rupiah", 130_000_000.00)
				.containsEntry("apbd_up_ceiling_rupiah", 100_000_000.00)
				.containsEntry("apbd_up_awaiting_refill_rupiah", 70_000_000.00)
				.containsEntry("apbd_up_outstanding_rupiah", 30_000_000.00)
				.containsEntry("apbd_up_gu_eligible", 1.0);
			assertThat(scrape.valueOrZero("apbd_up_rule_breaches",
					Map.of("opd", "DISNAKER", "category", "up", "rule", "accounted_above_held"))).isEqualTo(1.0);
			assertThat(rules(scrape, "DISNAKER")).containsEntry("accounted_above_held", 0.0);
		});
		// the tables the snapshot reads hold exactly what the ledger sums to
		assertThat(this.jdbc.queryForObject("""
				select count(*) from (
				    (select pemda, fiscal_year, opd, event_type, amount, events, first_on, last_on from up_total
				     except
				     select pemda, fiscal_year, opd, event_type, coalesce(sum(amount), 0), count(*), min(occurred_on),
				            max(occurred_on)
				     from up_ledger group by pemda, fiscal_year, opd, event_type)
				    union all
				    (select pemda, fiscal_year, opd, event_type, coalesce(sum(amount), 0), count(*), min(occurred_on),
				            max(occurred_on)
				     from up_ledger group by pemda, fiscal_year, opd, event_type
				     except
				     select pemda, fiscal_year, opd, event_type, amount, events, first_on, last_on from up_total)) d""",
				Integer.class)).isZero();
		assertThat(this.jdbc.queryForList("select amount from up_ceiling where opd = 'DISNAKER'",
				java.math.BigDecimal.class)).containsExactly(new java.math.BigDecimal("100000000.00"));
		assertThat(this.jdbc.queryForObject("""
				select count(*) from up_tu t full join (
				    select d.event_id, d.amount, coalesce(sum(s.amount), 0) as settled, max(s.occurred_on) as last_on
				    from up_ledger d left join up_ledger s on s.tu = d.event_id
				    where d.event_type = 'tu-disbursed' group by d.event_id, d.amount) l on l.event_id = t.event_id
				where t.event_id is null or l.event_id is null or t.settled <> l.settled
				   or t.last_settled_on is distinct from l.last_on""", Integer.class)).isZero();
	}

	@Test
	void shouldEndGuEligibilityWithTheYearEndClosure() {
		// the final SPJ-GU of 40,000,000 is not refilled: 40,000,000 ≥ 50% of 60,000,000, yet the UP is closed
		send("KOPERINDAG", ceiling("SK-UP-KOPERINDAG", "KOPERINDAG", "60000000.00", "2026-01-02"));
		send("KOPERINDAG", up("SP2D-UP-KOPERINDAG", "KOPERINDAG", "60000000.00", "2026-01-05"));
		send("KOPERINDAG", guAccounted("SPJ-GU-KOPERINDAG", "KOPERINDAG", "40000000.00", "2026-03-02"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(figures("KOPERINDAG")).containsEntry("apbd_up_gu_eligible", 1.0));
		send("KOPERINDAG", UpEvents.upReturned("STS-UP-KOPERINDAG", "KOPERINDAG", "20000000.00", "2026-03-04"));
		send("KOPERINDAG", UpEvents.closed("BA-UP-KOPERINDAG", "KOPERINDAG", "2026-03-04"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(figures("KOPERINDAG")).containsEntry("apbd_up_awaiting_refill_rupiah", 40_000_000.00)
				.containsEntry("apbd_up_outstanding_rupiah", 0.0)
				.containsEntry("apbd_up_gu_eligible", 0.0);
			assertThat(rules("KOPERINDAG")).doesNotContainValue(1.0);
		});
	}

	@Test
	void shouldStoreTheSameEventSentThreeTimesOnceAndRejectAReusedIdWithAnotherPayload() {
		double before = outcomeCount("duplicate");
		String event = up("SP2D-UP-DUKCAPIL", "DUKCAPIL", "45000000.00", "2026-01-12");
		for (int i = 0; i < 3; i++) {
			send("DUKCAPIL", event);
		}
		send("DUKCAPIL", up("SP2D-UP-DUKCAPIL", "DUKCAPIL", "99000000.00", "2026-01-12"));
		assertThat(deadLetter("99000000.00").reason()).isEqualTo("EVENT_ID_CONFLICT");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomeCount("duplicate")).isEqualTo(before + 2));
		await().untilAsserted(() -> assertThat(figures("DUKCAPIL")).containsEntry("apbd_up_disbursed_rupiah", 45_000_000.00));
		assertThat(this.jdbc.queryForObject("select count(*) from up_ledger where event_id = 'SP2D-UP-DUKCAPIL'",
				Integer.class)).isEqualTo(1);
	}

	@Test
	void shouldNeverExportAnAbsorptionFigureAndIgnoreEveryBudgetLine() {
		send("DISKOMINFOTIK", up("SP2D-UP-DISKOMINFOTIK", "DISKOMINFOTIK", "80000000.00", "2026-01-09"));
		String line = "2026/DISKOMINFOTIK/x/5.1.02.01.01.0024";
		kafka.send(topics.budget(), line, budgetLine("DPA-DISKOMINFOTIK-goods", line, "DISKOMINFOTIK",
				"5.1.02.01.01.0024", 0, "ORIGINAL", months("1000000.00")));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(figures("DISKOMINFOTIK")).containsEntry("apbd_up_disbursed_rupiah", 80_000_000.00);
			assertThat(scrape().value("apbd_ingest_events_total", Map.of("topic", topics.budget(), "outcome", "ignored")))
				.isGreaterThanOrEqualTo(1);
		});
		// UP is a float: no realisation, no pagu, no cash plan, in any category
		PrometheusScrape scrape = scrape();
		assertThat(scrape.named("apbd_realised_rupiah")).isEmpty();
		assertThat(scrape.named("apbd_pagu_rupiah")).isEmpty();
		assertThat(scrape.named("apbd_cash_plan_to_date_rupiah")).isEmpty();
	}

	@Test
	void shouldAcceptTheContractExamplesAndReportTheirFiguresWrittenByHand() {
		List<ContractExamples.Example> examples = ContractExamples.valid("apbd.up.v1");
		assertThat(examples).hasSize(10);
		for (ContractExamples.Example example : examples) {
			send(example.field("opd"), example.json());
		}
		// the figures of docs/events/up.md, for DIKPORA
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// UP 450,000,000 + GU 180,000,000 + TU 80,000,000
			assertThat(figures("DIKPORA")).containsEntry("apbd_up_ceiling_rupiah", 450_000_000.00)
				.containsEntry("apbd_up_disbursed_rupiah", 710_000_000.00)
				// SPJ-GU 180,000,000 + 40,000,000, LPJ-TU 69,500,000
				.containsEntry("apbd_up_accounted_rupiah", 289_500_000.00)
				// TU leftover 10,500,000 + UP leftover 410,000,000
				.containsEntry("apbd_up_returned_rupiah", 420_500_000.00)
				.containsEntry("apbd_up_outstanding_rupiah", 0.0)
				// SPJ-GU 220,000,000 less the refill of 180,000,000
				.containsEntry("apbd_up_awaiting_refill_rupiah", 40_000_000.00)
				.containsEntry("apbd_up_first_disbursed_timestamp_seconds", wita("2026-01-07"))
				.containsEntry("apbd_up_last_gu_timestamp_seconds", wita("2026-02-20"))
				.containsEntry("apbd_up_closed_timestamp_seconds", wita("2026-12-31"))
				.containsEntry("apbd_tu_oldest_open_timestamp_seconds", 0.0)
				.containsEntry("apbd_tu_settled_late", 0.0)
				.containsEntry("apbd_up_gu_eligible", 0.0);
		});
		assertThat(this.jdbc.queryForObject("select count(*) from up_ledger where opd = 'DIKPORA'", Integer.class))
			.isEqualTo(examples.size());
	}

	@Test
	void shouldExportEveryOpdOfTheRegionFromStartUp() {
		PrometheusScrape scrape = scrape();
		assertThat(scrape.named("apbd_up_outstanding_rupiah")).hasSize(33)
			.allSatisfy(sample -> assertThat(sample.labels()).containsEntry("category", "up")
				.containsEntry("pemda", "52.72"));
		// the rule flags only while breached, as 1; the region's count of breaching OPDs for each of the 10 rules
		assertThat(scrape.named("apbd_up_rule_breached")).allSatisfy(sample -> assertThat(sample.value()).isEqualTo(1.0));
		assertThat(scrape.named("apbd_up_rule_breaches")).allSatisfy(sample -> assertThat(sample.value()).isPositive());
		assertThat(scrape.named("apbd_up_rule_breaching_opds")).hasSize(10);
		// KEC-RABA has no event in these tests: 73 days into the year, only its missing first UP (once refreshed)
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape().samples()
			.stream()
			.filter(sample -> "KEC-RABA".equals(sample.labels().get("opd")) && sample.labels().containsKey("rule")))
			.extracting(sample -> sample.name() + " " + sample.labels().get("rule"))
			.containsExactly("apbd_up_rule_breached up_not_requested"));
		assertThat(scrape.named("apbd_tu_oldest_open_timestamp_seconds")).hasSize(33);
		// 15 March 2026 00:00 WITA (UTC+8) = 2026-03-14T16:00:00Z
		assertThat(scrape.value("apbd_business_date_timestamp_seconds", Map.of("pemda", "52.72")))
			.isEqualTo(1_773_504_000.0);
	}

	@Test
	void shouldExportAGuOverdueFlagUntilTheRefill() {
		// 1 February to 15 March is 42 days without a refill, UP money outstanding
		send("DKP", up("SP2D-UP-DKP", "DKP", "60000000.00", "2026-02-01"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape().named("apbd_up_rule_breached")
			.stream()
			.filter(sample -> "DKP".equals(sample.labels().get("opd")))).singleElement()
			.satisfies(sample -> assertThat(sample.labels()).containsEntry("rule", "gu_overdue")));
		// an SPJ-GU and its refill on 10 March: 5 days since the last refill
		send("DKP", guAccounted("SPJ-GU-DKP", "DKP", "10000000.00", "2026-03-09"));
		send("DKP", guDisbursed("SP2D-GU-DKP", "DKP", "10000000.00", "2026-03-10"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(figures(scrape, "DKP")).containsEntry("apbd_up_last_gu_timestamp_seconds", wita("2026-03-10"));
			assertThat(scrape.samples().stream()
				.filter(sample -> "DKP".equals(sample.labels().get("opd")) && sample.labels().containsKey("rule"))).isEmpty();
		});
	}

	@Test
	void shouldExportExactlyTheMetricsOfTheReadmeCatalogue() {
		// a counted breach, so that every sparse series of the catalogue is in the scrape: an SPJ-GU above the float
		send("BPBD", up("SP2D-UP-BPBD", "BPBD", "10000000.00", "2026-03-02"));
		send("BPBD", guAccounted("SPJ-GU-BPBD", "BPBD", "12000000.00", "2026-03-09"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape().valueOrZero("apbd_up_rule_breaches",
					Map.of("opd", "BPBD", "rule", "accounted_above_held"))).isEqualTo(1.0));
		assertThat(MetricCatalogue.fromReadme().differences(scrape(), "up-advances")).isEmpty();
	}

	private void send(String opd, String json) {
		kafka.send(topics.events(), key(opd), json);
	}

	private DeadLetter deadLetter(String containing) {
		return kafka.find(topics.eventsDlt(), containing, Duration.ofSeconds(30));
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of("http://localhost:" + this.port);
	}

	private double outcomeCount(String outcome) {
		return scrape().value("apbd_ingest_events_total", Map.of("topic", topics.events(), "outcome", outcome));
	}

	/** Every apbd_up_ and apbd_tu_ gauge of one OPD except the rule flags, by name. */
	private Map<String, Double> figures(String opd) {
		return figures(scrape(), opd);
	}

	private static Map<String, Double> figures(PrometheusScrape scrape, String opd) {
		Map<String, Double> figures = new java.util.TreeMap<>();
		for (PrometheusScrape.Sample sample : scrape.samples()) {
			if ((sample.name().startsWith("apbd_up_") || sample.name().startsWith("apbd_tu_"))
					&& opd.equals(sample.labels().get("opd")) && !sample.labels().containsKey("rule")) {
				figures.put(sample.name(), sample.value());
			}
		}
		return figures;
	}

	/** The rule flags of one OPD, by rule: 0 for a rule without a series (exported only while breached). */
	private Map<String, Double> rules(String opd) {
		return rules(scrape(), opd);
	}

	private static Map<String, Double> rules(PrometheusScrape scrape, String opd) {
		Map<String, Double> rules = new java.util.TreeMap<>();
		for (UpFigures.Rule rule : UpFigures.Rule.values()) {
			rules.put(rule.label(), 0.0);
		}
		for (PrometheusScrape.Sample sample : scrape.named("apbd_up_rule_breached")) {
			if (opd.equals(sample.labels().get("opd"))) {
				rules.put(sample.labels().get("rule"), sample.value());
			}
		}
		return rules;
	}

}
