package id.apbdmonitor.capital;

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
 * capital-spending end to end on a real Kafka broker and a real PostgreSQL, business date fixed
 * on 20 May 2026. Each test uses its own OPDs and contracts; expected values are worked out by
 * hand in the comments. The documented examples (docs/events) run through the same service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CapitalSpendingIntegrationTests {

	private static final String BUILDING = "5.2.03.01.01.0001";

	private static final String RSUD_WORKS = "1.02.02.2.01.0001";

	/** No priority project's: the contracts of this sub-kegiatan move no project gauge. */
	private static final String HOUSING_WORKS = "1.04.02.2.01.0009";

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "capital-spending", "2026-05-20");
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
	void shouldFollowAPriorityProjectThroughProgressPaymentsReversalAndHandover() {
		String line = "2026/RSUD/" + RSUD_WORKS + "/" + BUILDING;
		kafka.send(topics.budget(), line, budgetLine("DPA-RSUD-CAP", line, "RSUD", BUILDING, 0, "ORIGINAL",
				months("3000000000.00")));
		send("RSUD", contract("K-RSUD-1", "RSUD", RSUD_WORKS, BUILDING, "30000000000.00", "2026-01-15", "2026-03-31"));
		send("RSUD", contract("K-RSUD-2", "RSUD", RSUD_WORKS, BUILDING, "2000000000.00", "2026-02-02", "2026-06-30"));
		send("RSUD", progress("PROG-RSUD-1a", "RSUD", "K-RSUD-1", "60", "2026-02-28"));
		// a late report of 10 February: lower, but earlier, so it fits the history: kept, changes nothing
		send("RSUD", progress("PROG-RSUD-1b", "RSUD", "K-RSUD-1", "40", "2026-02-10"));
		// 50% on 15 March after 60% on 28 February: progress never goes down, rejected
		send("RSUD", progress("PROG-RSUD-1c", "RSUD", "K-RSUD-1", "50", "2026-03-15"));
		send("RSUD", progress("PROG-RSUD-1d", "RSUD", "K-RSUD-1", "100", "2026-03-31"));
		send("RSUD", progress("PROG-RSUD-2a", "RSUD", "K-RSUD-2", "25.5", "2026-05-15"));
		send("RSUD", payment("SP2D-RSUD-1", "RSUD", "K-RSUD-1", "ADVANCE", "6000000000.00", "2026-01-20"));
		send("RSUD", payment("SP2D-RSUD-2", "RSUD", "K-RSUD-1", "INSTALMENT", "12000000000.00", "2026-03-05"));
		send("RSUD", handedOver("BAST-RSUD-1", "RSUD", "K-RSUD-1", "2026-04-02"));
		// 6 bn + 12 bn paid of 30 bn: 12,000,000,000.01 more would exceed the contract by one sen
		send("RSUD", payment("SP2D-RSUD-3", "RSUD", "K-RSUD-1", "FINAL", "12000000000.01", "2026-04-10"));
		send("RSUD", payment("SP2D-RSUD-4", "RSUD", "K-RSUD-2", "ADVANCE", "400000000.00", "2026-02-10"));
		send("RSUD", reversal("BATAL-RSUD-4", "RSUD", "SP2D-RSUD-4", "100000000.00", "2026-02-12"));

		Map<String, String> project = Map.of("project", "rsud-works", "opd", "RSUD", "category", "capital");
		Map<String, String> rsud = Map.of("opd", "RSUD", "category", "capital");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			// 6,000,000,000 + 12,000,000,000 + 400,000,000 − 100,000,000
			assertThat(scrape.value("apbd_realised_rupiah", rsud)).isEqualTo(18_300_000_000.00);
			assertThat(scrape.value("apbd_project_realised_rupiah", project)).isEqualTo(18_300_000_000.00);
			assertThat(scrape.value("apbd_contracted_rupiah", rsud)).isEqualTo(32_000_000_000.00);
			assertThat(scrape.value("apbd_project_contracted_rupiah", project)).isEqualTo(32_000_000_000.00);
			// (30 bn × 100% + 2 bn × 25.5%) ÷ 32 bn = 30.51 ÷ 32 = 0.9534375
			assertThat(scrape.value("apbd_project_physical_progress_ratio", project)).isEqualTo(0.953438);
			// 18.3 bn ÷ 32 bn
			assertThat(scrape.value("apbd_project_financial_progress_ratio", project)).isEqualTo(0.571875);
			// K-RSUD-1 handed over on 2 April with 18 bn of 30 bn paid
			assertThat(scrape.value("apbd_project_handed_over_unpaid_rupiah", project)).isEqualTo(12_000_000_000.00);
			assertThat(scrape.value("apbd_handed_over_unpaid_rupiah", rsud)).isEqualTo(12_000_000_000.00);
			// the later planned end, 30 June 2026 00:00 WITA = 2026-06-29T16:00:00Z
			assertThat(scrape.value("apbd_project_planned_end_timestamp_seconds", project)).isEqualTo(1_782_748_800.0);
			assertThat(scrape.value("apbd_pagu_rupiah", rsud)).isEqualTo(36_000_000_000.00);
			// 20 May: January to April in full (12 bn) + 3 bn × 20/31 = 1,935,483,870.97
			assertThat(scrape.value("apbd_cash_plan_to_date_rupiah", rsud)).isEqualTo(13_935_483_870.97);
			// ahead of plan: pace 18,3 ÷ 13,94 ≈ 1,31; 18,3 + (36 − 13,94) × 1,31 ≈ 47,3 miliar, capped at the pagu
			assertThat(scrape.value("apbd_projected_year_end_rupiah", rsud)).isEqualTo(36_000_000_000.00);
		});
		assertThat(deadLetter("SP2D-RSUD-3").headers()).containsEntry("apbd-reason", "PAYMENT_EXCEEDS_CONTRACT")
			.containsEntry("apbd-field", "amount")
			.containsEntry("apbd-value", "12000000000.01");
		assertThat(deadLetter("PROG-RSUD-1c").headers()).containsEntry("apbd-reason", "PROGRESS_NOT_MONOTONIC")
			.containsEntry("apbd-field", "physicalProgress");
		assertThat(this.jdbc.queryForList(
				"select event_id from capital_event where contract_id = 'K-RSUD-1' and event_type = 'capital-progress-reported' order by event_id",
				String.class)).containsExactly("PROG-RSUD-1a", "PROG-RSUD-1b", "PROG-RSUD-1d");
		// the ledger and the contract state agree
		assertThat(this.jdbc.queryForObject("""
				select sum(amount) from capital_event where contract_id in ('K-RSUD-1', 'K-RSUD-2')
				and event_type in ('capital-payment', 'capital-payment-reversed')""", java.math.BigDecimal.class))
			.isEqualByComparingTo("18300000000.00");
	}

	@Test
	void shouldStoreTheSameEventSentThreeTimesOnceAndCountTwoDuplicates() {
		double duplicatesBefore = outcomeCount("duplicate");
		send("DISHUB", contract("K-DISHUB-1", "DISHUB", "1.15.02.2.01.0001", "5.2.02.03.01.0001", "450000000.00",
				"2026-02-01", "2026-05-31"));
		String pay = payment("SP2D-DISHUB-1", "DISHUB", "K-DISHUB-1", "ADVANCE", "90000000.00", "2026-02-05");
		for (int i = 0; i < 3; i++) {
			send("DISHUB", pay);
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomeCount("duplicate")).isEqualTo(duplicatesBefore + 2));
		await().untilAsserted(() -> assertThat(scrape().value("apbd_realised_rupiah",
				Map.of("opd", "DISHUB", "category", "capital"))).isEqualTo(90_000_000.00));
		assertThat(this.jdbc.queryForObject("select count(*) from capital_event where event_id = 'SP2D-DISHUB-1'",
				Integer.class)).isEqualTo(1);
	}

	@Test
	void shouldDeadLetterAnEventIdStoredInAnotherYearOfTheRegion() {
		// a 2025 report of Kota Bima; the ledger's key holds the year, so only a look-up finds its id
		this.jdbc.update("""
				insert into capital_event (event_id, event_type, pemda, fiscal_year, opd, contract_id, occurred_on,
				    document_kind, document_number, physical_progress, payload_sha256, source_topic, source_partition,
				    source_offset)
				values ('K-PERKIM-2025', 'capital-progress-reported', '52.72', 2025, 'PERKIM', 'K-PERKIM-OLD',
				    '2025-12-30', 'BA', 'K-PERKIM-2025/BA', 100.00, '\\x00', 'test', 0, 0)""");
		// one poll's run, as the first try sees it: that id signs a 2026 contract, then a new contract
		send("PERKIM", contract("K-PERKIM-2025", "PERKIM", HOUSING_WORKS, BUILDING, "700000001.00", "2026-04-01",
				"2026-09-30"));
		send("PERKIM", contract("K-PERKIM-2026", "PERKIM", HOUSING_WORKS, BUILDING, "200000000.00", "2026-04-01",
				"2026-09-30"));

		assertThat(deadLetter("700000001.00").headers()).containsEntry("apbd-reason", "EVENT_ID_CONFLICT")
			.containsEntry("apbd-field", "eventId");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"select fiscal_year || ' ' || event_id from capital_event where opd = 'PERKIM' order by event_id",
					String.class))
				.containsExactly("2025 K-PERKIM-2025", "2026 K-PERKIM-2026"));
		assertThat(this.jdbc.queryForList("select contract_id from capital_contract where opd = 'PERKIM'", String.class))
			.containsExactly("K-PERKIM-2026");
	}

	@Test
	void shouldDeadLetterEachKindOfInvalidCapitalEventWithItsReason() {
		send("DLH", contract("K-DLH-1", "DLH", "2.11.05.2.01.0001", "5.2.02.05.01.0001", "800000000.00", "2026-03-01",
				"2026-09-30"));
		send("DLH", contract("K-DLH-1-AGAIN", "DLH", "2.11.05.2.01.0001", "5.2.02.05.01.0001", "900000000.00",
				"2026-03-02", "2026-09-30").replace("\"contractId\":\"K-DLH-1-AGAIN\"", "\"contractId\":\"K-DLH-1\""));
		send("DLH", contract("K-DLH-GOODS", "DLH", "2.11.05.2.01.0001", "5.1.02.01.01.0024", "1000.00", "2026-03-01",
				"2026-09-30"));
		send("DLH", payment("SP2D-DLH-NOWHERE", "DLH", "K-NEVER-SIGNED", "ADVANCE", "1000.00", "2026-03-05"));
		send("DLH", progress("PROG-DLH-120", "DLH", "K-DLH-1", "120", "2026-03-10"));
		send("DLH", handedOver("BAST-DLH-1", "DLH", "K-DLH-1", "2026-04-01"));
		send("DLH", handedOver("BAST-DLH-1-AGAIN", "DLH", "K-DLH-1", "2026-04-02"));
		// DKP's key is another partition, read by another consumer: no order with DLH's events is
		// promised, so the foreign payment goes once DLH's contract is stored
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"select count(*) from capital_contract where contract_id = 'K-DLH-1'", Integer.class)).isEqualTo(1));
		send("DKP", payment("SP2D-DKP-FOREIGN", "DKP", "K-DLH-1", "ADVANCE", "1000.00", "2026-03-05"));
		kafka.send(topics.events(), key("DLH"), "{\"eventId\": \"K-POISON\", value: oops");

		assertThat(deadLetter("K-DLH-1-AGAIN").headers()).containsEntry("apbd-reason", "CONTRACT_CONFLICT")
			.containsEntry("apbd-field", "contractId");
		assertThat(deadLetter("K-DLH-GOODS").headers()).containsEntry("apbd-reason", "ACCOUNT_OUTSIDE_CATEGORY")
			.containsEntry("apbd-value", "5.1.02.01.01.0024");
		assertThat(deadLetter("SP2D-DLH-NOWHERE").headers()).containsEntry("apbd-reason", "UNKNOWN_REFERENCE")
			.containsEntry("apbd-value", "K-NEVER-SIGNED");
		assertThat(deadLetter("PROG-DLH-120").headers()).containsEntry("apbd-reason", "INVALID_FIELD")
			.containsEntry("apbd-field", "physicalProgress");
		assertThat(deadLetter("BAST-DLH-1-AGAIN").reason()).isEqualTo("CONTRACT_CONFLICT");
		assertThat(deadLetter("SP2D-DKP-FOREIGN").reason()).isEqualTo("REFERENCE_MISMATCH");
		assertThat(deadLetter("K-POISON").reason()).isEqualTo("MALFORMED_JSON");
		await().untilAsserted(() -> assertThat(scrape().value("apbd_contracted_rupiah",
				Map.of("opd", "DLH", "category", "capital"))).isEqualTo(800_000_000.00));
		assertThat(this.jdbc.queryForObject("select count(*) from capital_event where opd in ('DLH', 'DKP')",
				Integer.class)).isEqualTo(2);
	}

	@Test
	void shouldAcceptTheDocumentedExamplesAndReportTheFiguresOfTheContractPage() {
		for (Example example : ContractExamples.valid("apbd.budget.v1")) {
			kafka.send(topics.budget(), example.field("lineId"), example.json());
		}
		List<Example> examples = ContractExamples.valid("apbd.capital.v1");
		assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
		for (Example example : examples) {
			send(example.field("opd"), example.json());
		}
		Map<String, String> project = Map.of("project", "nufrep-drainage", "opd", "PUPR", "category", "capital");
		Map<String, String> pupr = Map.of("opd", "PUPR", "category", "capital");
		// the figures computed by hand on docs/events/capital.md
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.value("apbd_pagu_rupiah", pupr)).isEqualTo(3_000_000_000.00);
			assertThat(scrape.value("apbd_cash_plan_to_date_rupiah", pupr)).isEqualTo(3_000_000_000.00);
			assertThat(scrape.value("apbd_contracted_rupiah", pupr)).isEqualTo(2_850_000_000.00);
			assertThat(scrape.value("apbd_realised_rupiah", pupr)).isEqualTo(1_570_000_000.00);
			// the whole cash plan is behind the business date: nothing remains, projected = realised
			assertThat(scrape.value("apbd_projected_year_end_rupiah", pupr)).isEqualTo(1_570_000_000.00);
			assertThat(scrape.value("apbd_handed_over_unpaid_rupiah", pupr)).isEqualTo(1_280_000_000.00);
			assertThat(scrape.value("apbd_project_physical_progress_ratio", project)).isEqualTo(1.0);
			assertThat(scrape.value("apbd_project_financial_progress_ratio", project)).isEqualTo(0.550877);
		});
		List<DeadLetter> dead = new ArrayList<>(kafka.readAll(topics.eventsDlt(), Integer.MAX_VALUE, Duration.ofSeconds(2)));
		for (Example example : examples) {
			assertThat(dead).noneMatch(letter -> letter.value().contains("\"" + example.field("eventId") + "\""));
		}
	}

	@Test
	void shouldExportEveryOpdAndOnlyTheConfiguredProjectsFromStartUp() {
		PrometheusScrape scrape = scrape();
		assertThat(scrape.named("apbd_realised_rupiah")).hasSize(33)
			.allSatisfy(sample -> assertThat(sample.labels()).containsEntry("category", "capital"));
		assertThat(scrape.named("apbd_project_physical_progress_ratio")).extracting(s -> s.labels().get("project"))
			.containsExactlyInAnyOrder("nufrep-land", "nufrep-drainage", "serasuba-park", "rsud-works", "pkh-regional",
					"house-repair", "livable-drainage", "livable-parks", "livable-waste", "livable-housing");
		// DISHUB's contract belongs to no project: it never becomes a label value
		assertThat(scrape.samples()).noneMatch(s -> s.labels().containsKey("project") && s.labels().get("opd").equals("DISHUB"));
	}

	@Test
	void shouldExportExactlyTheMetricsOfTheReadmeCatalogue() {
		assertThat(MetricCatalogue.fromReadme().differences(scrape(), "capital-spending")).isEmpty();
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

	static String contract(String eventId, String opd, String subActivity, String account, String value, String date,
			String plannedEnd) {
		return """
				{"eventId":"%s","type":"capital-contract-signed","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"CONTRACT","number":"%s/SPK"},
				 "contractId":"%s","subActivity":"%s","account":"%s","supplier":"CV Test","value":"%s","plannedEnd":"%s"}"""
			.formatted(eventId, opd, date, eventId, eventId, subActivity, account, value, plannedEnd);
	}

	static String progress(String eventId, String opd, String contractId, String percent, String date) {
		return """
				{"eventId":"%s","type":"capital-progress-reported","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"OTHER","number":"%s/LAPORAN"},
				 "contractId":"%s","physicalProgress":%s}"""
			.formatted(eventId, opd, date, eventId, contractId, percent);
	}

	static String handedOver(String eventId, String opd, String contractId, String date) {
		return """
				{"eventId":"%s","type":"capital-handed-over","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"BAST","number":"%s/BAST"},"contractId":"%s"}"""
			.formatted(eventId, opd, date, eventId, contractId);
	}

	static String payment(String eventId, String opd, String contractId, String stage, String amount, String date) {
		return """
				{"eventId":"%s","type":"capital-payment","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"SP2D","number":"%s/SP2D-LS"},
				 "contractId":"%s","stage":"%s","amount":"%s"}"""
			.formatted(eventId, opd, date, eventId, contractId, stage, amount);
	}

	static String reversal(String eventId, String opd, String reverses, String amount, String date) {
		return """
				{"eventId":"%s","type":"capital-payment-reversed","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"SP2D","number":"%s/BATAL"},
				 "reverses":"%s","amount":"%s"}"""
			.formatted(eventId, opd, date, eventId, reverses, amount);
	}

}
