package id.apbdmonitor.pad;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.ContractExamples;
import id.apbdmonitor.core.test.ContractExamples.Example;
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
import static id.apbdmonitor.core.test.TestEvents.key;
import static id.apbdmonitor.core.test.TestEvents.months;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * pad-revenue end to end on a real Kafka broker and a real PostgreSQL, business date fixed on
 * 14 August 2026 (two weeks before the PBB-P2 due date). Each test uses its own collecting OPD;
 * expected values are worked out by hand in the comments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PadRevenueIntegrationTests {

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "pad-revenue", "2026-08-14");
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
	void shouldReviseTheTargetAtApbdPAndCountAnOldParkingTaxCodeAsPbjt() {
		String line = "2026/DISHUB/4.1.01.19.04.0001";
		Map<String, String> pbjt = Map.of("opd", "DISHUB", "category", "pad", "revenue_type", "pbjt");
		kafka.send(topics.budget(), line, budgetLine("DPA-DISHUB-PAD-r0", line, "DISHUB", "4.1.01.19.04.0001", 0,
				"ORIGINAL", months("100000000.00")));
		// PBJT has no profile: a twelfth a month. 14 August: January to July 700,000,000 + 100,000,000 × 14/31
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(scrape().value("apbd_revenue_target_rupiah", pbjt)).isEqualTo(1_200_000_000.00);
			assertThat(scrape().value("apbd_revenue_expected_to_date_rupiah", pbjt)).isEqualTo(745_161_290.32);
		});
		kafka.send(topics.budget(), line, budgetLine("DPPA-DISHUB-PAD-r2", line, "DISHUB", "4.1.01.19.04.0001", 2,
				"AMENDED", months("125000000.00")));
		send("DISHUB", receipt("STS-DISHUB-1", "DISHUB", "4.1.01.19.04.0001", "30000000.00", "2026-07-10"));
		send("DISHUB", reversal("STS-DISHUB-1-KOREKSI", "DISHUB", "STS-DISHUB-1", "500000.00", "2026-07-11"));
		// parking tax under its pre-2022 code 4.1.01.11: counted as PBJT
		send("DISHUB", receipt("STS-DISHUB-2", "DISHUB", "4.1.01.11.01.0001", "5500000.00", "2026-08-03"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			// APBD-P: 1,500,000,000, 125,000,000 a month: 875,000,000 + 125,000,000 × 14/31 = 56,451,612.90
			assertThat(scrape.value("apbd_revenue_target_rupiah", pbjt)).isEqualTo(1_500_000_000.00);
			assertThat(scrape.value("apbd_revenue_expected_to_date_rupiah", pbjt)).isEqualTo(931_451_612.90);
			// 30,000,000 − 500,000 + 5,500,000
			assertThat(scrape.value("apbd_revenue_realised_rupiah", pbjt)).isEqualTo(35_000_000.00);
			// pace 35 juta ÷ 931.451.612,90; 35.000.000 + (1.500.000.000 − 931.451.612,90) × 35.000.000 ÷ 931.451.612,90
			// = 35.000.000 + 19.899.193.548.500.000 ÷ 931.451.612,90 = 35.000.000 + 21.363.636,36 (against the revised target)
			assertThat(scrape.value("apbd_revenue_projected_year_end_rupiah", pbjt)).isEqualTo(56_363_636.36);
			// 3 August 2026 00:00 WITA = 2026-08-02T16:00:00Z; the reversal is not a receipt
			assertThat(scrape.value("apbd_revenue_last_receipt_timestamp_seconds", pbjt)).isEqualTo(1_785_686_400.0);
		});
		assertThat(scrape().samples()).noneMatch(sample -> "DISHUB".equals(sample.labels().get("opd"))
				&& "other-tax".equals(sample.labels().get("revenue_type")));
	}

	@Test
	void shouldStoreReceiptsOnATargetRevisedToZeroAndFlagThem() {
		String line = "2026/DLH/4.1.02.01.02.0001";
		Map<String, String> levies = Map.of("opd", "DLH", "revenue_type", "retribusi");
		kafka.send(topics.budget(), line, budgetLine("DPA-DLH-PAD-r0", line, "DLH", "4.1.02.01.02.0001", 0,
				"ORIGINAL", months("20000000.00")));
		// the waste levy moved to a BLUD: the shift of 31 July sets DLH's target to 0
		kafka.send(topics.budget(), line, budgetLine("DPA-DLH-PAD-r1", line, "DLH", "4.1.02.01.02.0001", 1, "SHIFT",
				"0.00", months("0.00"), "2026-07-31"));
		// before the shift, on the day of the shift, and twice after it; the last one is reversed in full
		send("DLH", receipt("STS-DLH-1", "DLH", "4.1.02.01.02.0001", "4250000.00", "2026-07-20"));
		send("DLH", receipt("STS-DLH-2", "DLH", "4.1.02.01.02.0001", "1100000.00", "2026-07-31"));
		send("DLH", receipt("STS-DLH-3", "DLH", "4.1.02.01.02.0001", "3900000.00", "2026-08-04"));
		send("DLH", receipt("STS-DLH-4", "DLH", "4.1.02.01.02.0001", "2600000.00", "2026-08-10"));
		send("DLH", receipt("STS-DLH-5", "DLH", "4.1.02.01.02.0001", "700000.00", "2026-08-11"));
		send("DLH", reversal("STS-DLH-5-KOREKSI", "DLH", "STS-DLH-5", "700000.00", "2026-08-12"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.value("apbd_revenue_target_rupiah", levies)).isZero();
			// every receipt is stored and counted: 4,250,000 + 1,100,000 + 3,900,000 + 2,600,000
			assertThat(scrape.value("apbd_revenue_realised_rupiah", levies)).isEqualTo(11_850_000.00);
			// 4 and 10 August are after the shift; 11 August was reversed in full
			assertThat(scrape.value("apbd_pad_rule_breached", levies)).isEqualTo(1.0);
			assertThat(scrape.value("apbd_pad_rule_breaches", levies)).isEqualTo(2.0);
			assertThat(scrape.value("apbd_pad_rule_breached", Map.of("opd", "RSUD", "revenue_type", "retribusi")))
				.isZero();
			// inside the wait: the gauges above already hold once the first four receipts are stored
			assertThat(this.jdbc.queryForObject("select count(*) from pad_ledger where opd = 'DLH'", Integer.class))
				.isEqualTo(6);
		});
	}

	@Test
	void shouldCountANonStandardPadAccountUnderItsOwnRevenueType() {
		// 4.1.05 is none of the four jenis of PAD; the receipt is PAD money all the same
		send("KEC-MPUNDA", receipt("STS-MPUNDA-1", "KEC-MPUNDA", "4.1.05.01.01.0001", "1250000.00", "2026-08-03"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape().value(
				"apbd_revenue_realised_rupiah", Map.of("opd", "KEC-MPUNDA", "revenue_type", "non-standard-pad")))
			.isEqualTo(1_250_000.00));
		assertThat(scrape().samples()).noneMatch(sample -> "unclassified".equals(sample.labels().get("revenue_type")));
	}

	@Test
	void shouldExpectPropertyTaxNearItsDueDateFromTheSeasonalProfile() {
		String line = "2026/KEC-RABA/4.1.01.15.01.0001";
		kafka.send(topics.budget(), line, budgetLine("DPA-RABA-PBB", line, "KEC-RABA", "4.1.01.15.01.0001", 0,
				"ORIGINAL", flat1bn()));
		Map<String, String> pbb = Map.of("opd", "KEC-RABA", "category", "pad", "revenue_type", "pbb-p2");
		// profile 1, 1, 2, 3, 4, 5, 8 % to July = 24 % = 240,000,000; August 40 % = 400,000,000 × 14/31
		// = 180,645,161.29; together 420,645,161.29 although a straight line would expect 618 million
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(scrape().value("apbd_revenue_target_rupiah", pbb)).isEqualTo(1_000_000_000.00);
			assertThat(scrape().value("apbd_revenue_expected_to_date_rupiah", pbb)).isEqualTo(420_645_161.29);
			assertThat(scrape().value("apbd_revenue_realised_rupiah", pbb)).isZero();
			// nothing received against a material expectation: pace 0, projected 0
			assertThat(scrape().value("apbd_revenue_projected_year_end_rupiah", pbb)).isZero();
		});
	}

	@Test
	void shouldDeadLetterInvalidReceiptsAndCountDuplicatesWithoutApplyingThem() {
		double duplicatesBefore = outcomeCount("duplicate");
		String event = receipt("STS-RSUD-1", "RSUD", "4.1.04.16.01.0001", "2750000.00", "2026-08-01");
		for (int i = 0; i < 3; i++) {
			send("RSUD", event);
		}
		send("RSUD", receipt("STS-RSUD-SPENDING", "RSUD", "5.1.02.01.01.0024", "1000.00", "2026-08-01"));
		send("RSUD", receipt("STS-RSUD-CHANNEL", "RSUD", "4.1.04.16.01.0001", "1000.00", "2026-08-01")
			.replace("\"TELLER\"", "\"CASH_IN_DRAWER\""));
		send("RSUD", reversal("STS-RSUD-NOWHERE", "RSUD", "STS-NEVER-SENT", "10.00", "2026-08-02"));
		send("RSUD", reversal("STS-RSUD-TOO-MUCH", "RSUD", "STS-RSUD-1", "2750000.01", "2026-08-02"));
		send("DINKES", reversal("STS-DINKES-FOREIGN", "DINKES", "STS-RSUD-1", "10.00", "2026-08-02"));
		kafka.send(topics.events(), key("RSUD"), "[\"STS-POISON\"]");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomeCount("duplicate")).isEqualTo(duplicatesBefore + 2));
		assertThat(deadLetter("STS-RSUD-SPENDING").headers()).containsEntry("apbd-reason", "ACCOUNT_OUTSIDE_CATEGORY");
		assertThat(deadLetter("STS-RSUD-CHANNEL").headers()).containsEntry("apbd-reason", "INVALID_FIELD")
			.containsEntry("apbd-field", "channel");
		assertThat(deadLetter("STS-RSUD-NOWHERE").reason()).isEqualTo("UNKNOWN_REFERENCE");
		assertThat(deadLetter("STS-RSUD-TOO-MUCH").reason()).isEqualTo("REVERSAL_EXCEEDS_ORIGINAL");
		assertThat(deadLetter("STS-DINKES-FOREIGN").reason()).isEqualTo("REFERENCE_MISMATCH");
		assertThat(deadLetter("STS-POISON").reason()).isEqualTo("MALFORMED_JSON");
		await().untilAsserted(() -> assertThat(scrape().value("apbd_revenue_realised_rupiah",
				Map.of("opd", "RSUD", "category", "pad", "revenue_type", "other-pad"))).isEqualTo(2_750_000.00));
		assertThat(this.jdbc.queryForObject("select count(*) from pad_ledger where opd in ('RSUD', 'DINKES')",
				Integer.class)).isEqualTo(1);
		assertTotalsEqualTheLedger();
	}

	@Test
	void shouldDeadLetterAnEventIdStoredInAnotherYearOfTheRegion() {
		// a 2025 receipt of Kota Bima; the ledger's key holds the year, so only a look-up finds it
		this.jdbc.update("""
				insert into pad_ledger (event_id, event_type, pemda, fiscal_year, opd, account, channel, occurred_on,
				    document_kind, document_number, amount, payload_sha256, source_topic, source_partition, source_offset)
				values ('STS-KOPERINDAG-2025-1', 'pad-received', '52.72', 2025, 'KOPERINDAG', '4.1.02.01.01.0001',
				    'TELLER', '2025-12-30', 'STS', 'STS-KOPERINDAG-2025-1/STS', 100.00, '\\x00', 'test', 0, 0)""");
		// with its total, as the service would have stored it (the other tests check totals against the ledger)
		this.jdbc.update("""
				insert into pad_total (pemda, fiscal_year, opd, account, realised, last_receipt_on, events)
				values ('52.72', 2025, 'KOPERINDAG', '4.1.02.01.01.0001', 100.00, '2025-12-30', 1)""");
		// one poll's run, as the first try sees it: the 2025 id again in 2026, then a new receipt
		send("KOPERINDAG", receipt("STS-KOPERINDAG-2025-1", "KOPERINDAG", "4.1.02.01.01.0001", "700001.00",
				"2026-08-03"));
		send("KOPERINDAG", receipt("STS-KOPERINDAG-2026-2", "KOPERINDAG", "4.1.02.01.01.0001", "200000.00",
				"2026-08-03"));

		assertThat(deadLetter("700001.00").headers()).containsEntry("apbd-reason", "EVENT_ID_CONFLICT")
			.containsEntry("apbd-field", "eventId");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"select fiscal_year || ' ' || amount from pad_ledger where opd = 'KOPERINDAG' order by event_id",
					String.class))
				.containsExactly("2025 100.00", "2026 200000.00"));
	}

	/** The totals the snapshot reads hold exactly what the ledger sums to (a reversal moves no receipt date). */
	private void assertTotalsEqualTheLedger() {
		String recompute = """
				select pemda, fiscal_year, opd, account, sum(amount), max(occurred_on) filter (where reverses is null),
				       count(*)
				from pad_ledger group by pemda, fiscal_year, opd, account""";
		String totals = "select pemda, fiscal_year, opd, account, realised, last_receipt_on, events from pad_total";
		assertThat(this.jdbc.queryForObject("select count(*) from ((" + totals + " except " + recompute
				+ ") union all (" + recompute + " except " + totals + ")) d", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from pad_total", Integer.class)).isPositive();
	}

	@Test
	void shouldAcceptTheDocumentedExamplesAndReportTheFiguresOfTheContractPage() {
		for (Example example : ContractExamples.valid("apbd.budget.v1")) {
			kafka.send(topics.budget(), example.field("lineId"), example.json());
		}
		List<Example> examples = ContractExamples.valid("apbd.pad.v1");
		assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
		for (Example example : examples) {
			send(example.field("opd"), example.json());
		}
		Map<String, String> pbjt = Map.of("opd", "BPKAD", "category", "pad", "revenue_type", "pbjt");
		Map<String, String> pbb = Map.of("opd", "BPKAD", "category", "pad", "revenue_type", "pbb-p2");
		// the figures computed by hand on docs/events/pad.md
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.value("apbd_revenue_target_rupiah", pbjt)).isEqualTo(7_200_000_000.00);
			assertThat(scrape.value("apbd_revenue_expected_to_date_rupiah", pbjt)).isEqualTo(4_470_967_741.94);
			assertThat(scrape.value("apbd_revenue_realised_rupiah", pbjt)).isEqualTo(57_300_000.00);
			assertThat(scrape.value("apbd_revenue_target_rupiah", pbb)).isEqualTo(3_000_000_000.00);
			assertThat(scrape.value("apbd_revenue_expected_to_date_rupiah", pbb)).isEqualTo(1_261_935_483.87);
			assertThat(scrape.value("apbd_revenue_realised_rupiah", pbb)).isEqualTo(150_000_000.00);
			// 12 August 2026 00:00 WITA
			assertThat(scrape.value("apbd_revenue_last_receipt_timestamp_seconds", pbb)).isEqualTo(1_786_464_000.0);
		});
		List<DeadLetter> dead = new ArrayList<>(kafka.readAll(topics.eventsDlt(), Integer.MAX_VALUE, Duration.ofSeconds(2)));
		for (Example example : examples) {
			assertThat(dead).noneMatch(letter -> letter.value().contains("\"" + example.field("eventId") + "\""));
		}
		assertTotalsEqualTheLedger();
	}

	@Test
	void shouldExportTheConfiguredCollectorsFromStartUp() {
		List<String> bpkad = scrape().named("apbd_revenue_target_rupiah")
			.stream()
			.filter(sample -> "BPKAD".equals(sample.labels().get("opd")))
			.map(sample -> sample.labels().get("revenue_type"))
			.toList();
		assertThat(bpkad).contains("pbjt", "pbb-p2", "bphtb", "reklame", "air-tanah", "mblb", "opsen-pkb",
				"opsen-bbnkb", "other-tax", "bumd-dividend", "other-pad");
		assertThat(scrape().named("apbd_revenue_realised_rupiah"))
			.allSatisfy(sample -> assertThat(sample.labels()).containsEntry("category", "pad"));
	}

	@Test
	void shouldExportExactlyTheMetricsOfTheReadmeCatalogue() {
		assertThat(MetricCatalogue.fromReadme().differences(scrape(), "pad-revenue")).isEmpty();
	}

	/** 1,000,000,000 over 12 months: 83,333,333.33 for eleven, 83,333,333.37 in December. */
	private static List<String> flat1bn() {
		List<String> months = new ArrayList<>(java.util.Collections.nCopies(11, "83333333.33"));
		months.add("83333333.37");
		return months;
	}

	private static void send(String opd, String event) {
		kafka.send(topics.events(), key(opd), event);
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

	static String receipt(String eventId, String opd, String account, String amount, String date) {
		return """
				{"eventId":"%s","type":"pad-received","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"STS","number":"%s/STS"},
				 "account":"%s","amount":"%s","channel":"TELLER"}"""
			.formatted(eventId, opd, date, eventId, account, amount);
	}

	static String reversal(String eventId, String opd, String reverses, String amount, String date) {
		return """
				{"eventId":"%s","type":"pad-receipt-reversed","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"STS","number":"%s/KOREKSI"},
				 "reverses":"%s","amount":"%s"}"""
			.formatted(eventId, opd, date, eventId, reverses, amount);
	}

}
