package id.apbdmonitor.goods;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.ingest.TopicListener;
import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.MetricCatalogue;
import id.apbdmonitor.core.test.KafkaTestClient.DeadLetter;
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
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static id.apbdmonitor.core.test.TestEvents.budgetLine;
import static id.apbdmonitor.core.test.TestEvents.key;
import static id.apbdmonitor.core.test.TestEvents.months;
import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static id.apbdmonitor.core.test.TestEvents.reversedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * goods-spending end to end on a real Kafka broker and a real PostgreSQL: produced records in,
 * ledger rows, dead letters and {@code /actuator/prometheus} values out. The business date is
 * fixed on 15 March 2026; each test uses its own OPD so tests do not see each other's totals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class GoodsSpendingIntegrationTests {

	private static final String GOODS_ACCOUNT = "5.1.02.01.01.0024";

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "goods-spending", "2026-03-15");
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
	void shouldStoreTheSameEventSentThreeTimesOnceAndCountTwoDuplicates() {
		double duplicatesBefore = outcomeCount("duplicate");
		String event = realisedEvent("SP2D-SETDA-1", "SETDA", GOODS_ACCOUNT, "4500000.00", "2026-03-02");
		for (int i = 0; i < 3; i++) {
			kafka.send(topics.events(), key("SETDA"), event);
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomeCount("duplicate")).isEqualTo(duplicatesBefore + 2));
		assertThat(this.jdbc.queryForObject("select count(*) from spending_ledger where event_id = 'SP2D-SETDA-1'",
				Integer.class)).isEqualTo(1);
		await().untilAsserted(() -> assertThat(realisedOf("SETDA")).isEqualTo(4_500_000.00));
	}

	@Test
	void shouldDeadLetterAPoisonRecordWithItsReason() {
		kafka.send(topics.events(), key("BAPPEDA"), "{\"eventId\": \"SP2D-9\", amount: oops");
		DeadLetter dead = deadLetter("SP2D-9\", amount: oops");
		assertThat(dead.reason()).isEqualTo("MALFORMED_JSON");
		assertThat(dead.key()).isEqualTo(key("BAPPEDA"));
		assertThat(dead.headers()).containsEntry("apbd-consumer", "goods-spending")
			.containsEntry("apbd-source-topic", topics.events());
	}

	@Test
	void shouldDeadLetterEachKindOfInvalidEventWithReasonAndField() {
		kafka.send(topics.events(), key("DINAS-X"),
				realisedEvent("INV-OPD", "DINAS-X", GOODS_ACCOUNT, "1000.00", "2026-03-02"));
		kafka.send(topics.events(), key("DLH"), realisedEvent("INV-ACCOUNT", "DLH", "5.2.02.01.01.0001", "1000.00", "2026-03-02"));
		kafka.send(topics.events(), key("DLH"), realisedEvent("INV-YEAR", "DLH", GOODS_ACCOUNT, "1000.00", "2025-12-30"));
		kafka.send(topics.events(), key("DLH"), realisedEvent("INV-AMOUNT", "DLH", GOODS_ACCOUNT, "12,5", "2026-03-02"));
		kafka.send(topics.events(), key("DLH"),
				realisedEvent("INV-NUMBER", "DLH", GOODS_ACCOUNT, "x", "2026-03-02").replace("\"x\"", "12.5"));
		kafka.send(topics.events(), key("DLH"), reversedEvent("INV-REVERSAL", "DLH", "SP2D-NEVER-SENT", "10.00", "2026-03-02"));

		assertThat(deadLetter("INV-OPD").headers()).containsEntry("apbd-reason", "UNKNOWN_OPD")
			.containsEntry("apbd-field", "opd")
			.containsEntry("apbd-value", "DINAS-X");
		assertThat(deadLetter("INV-ACCOUNT").headers()).containsEntry("apbd-reason", "ACCOUNT_OUTSIDE_CATEGORY")
			.containsEntry("apbd-field", "account")
			.containsEntry("apbd-value", "5.2.02.01.01.0001");
		assertThat(deadLetter("INV-YEAR").headers()).containsEntry("apbd-reason", "FISCAL_YEAR_CLOSED")
			.containsEntry("apbd-field", "fiscalYear")
			.containsEntry("apbd-value", "2025");
		assertThat(deadLetter("INV-AMOUNT").headers()).containsEntry("apbd-reason", "MALFORMED_AMOUNT")
			.containsEntry("apbd-field", "amount")
			.containsEntry("apbd-value", "12,5");
		assertThat(deadLetter("INV-NUMBER").headers()).containsEntry("apbd-reason", "MALFORMED_AMOUNT")
			.containsEntry("apbd-field", "amount")
			.containsEntry("apbd-value", "12.5");
		assertThat(deadLetter("INV-REVERSAL").headers()).containsEntry("apbd-reason", "UNKNOWN_REFERENCE")
			.containsEntry("apbd-field", "reverses")
			.containsEntry("apbd-value", "SP2D-NEVER-SENT");
		assertThat(this.jdbc.queryForObject("select count(*) from spending_ledger where event_id like 'INV-%'",
				Integer.class)).isZero();
		// nothing stored for DLH: it exports no goods series at all
		assertThat(spendingSamples("DLH")).isEmpty();
	}

	@Test
	void shouldCommitTheRecordsAroundAFailingRecordOfTheSameBatch() {
		// stopping the container first makes the three records arrive in one poll
		this.listeners.getListenerContainer(TopicListener.ID).stop();
		kafka.send(topics.events(), key("DISHUB"), realisedEvent("BATCH-1", "DISHUB", GOODS_ACCOUNT, "1000000.00", "2026-03-03"));
		kafka.send(topics.events(), key("DISHUB"), realisedEvent("BATCH-2", "DISHUB", GOODS_ACCOUNT, "-5.00", "2026-03-03"));
		kafka.send(topics.events(), key("DISHUB"), realisedEvent("BATCH-3", "DISHUB", GOODS_ACCOUNT, "250000.00", "2026-03-04"));
		this.listeners.getListenerContainer(TopicListener.ID).start();

		assertThat(deadLetter("BATCH-2").reason()).isEqualTo("AMOUNT_OUT_OF_BOUNDS");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(realisedOf("DISHUB")).isEqualTo(1_250_000.00));
		assertThat(this.jdbc.queryForList("select event_id from spending_ledger where opd = 'DISHUB' order by event_id",
				String.class)).containsExactly("BATCH-1", "BATCH-3");
	}

	@Test
	void shouldLowerTheRealisedTotalOnAReversalAndRefuseToReverseMoreThanTheOriginal() {
		kafka.send(topics.events(), key("DINSOS"), realisedEvent("SP2D-DINSOS-1", "DINSOS", GOODS_ACCOUNT, "10000000.00", "2026-03-05"));
		kafka.send(topics.events(), key("DINSOS"), reversedEvent("BATAL-DINSOS-1", "DINSOS", "SP2D-DINSOS-1", "2500000.00", "2026-03-06"));
		// 10,000,000 − 2,500,000 leaves 7,500,000; reversing 7,500,000.01 more must fail
		kafka.send(topics.events(), key("DINSOS"), reversedEvent("BATAL-DINSOS-2", "DINSOS", "SP2D-DINSOS-1", "7500000.01", "2026-03-07"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(realisedOf("DINSOS")).isEqualTo(7_500_000.00));
		assertThat(deadLetter("BATAL-DINSOS-2").headers()).containsEntry("apbd-reason", "REVERSAL_EXCEEDS_ORIGINAL")
			.containsEntry("apbd-field", "amount");
		assertThat(this.jdbc.queryForObject("select amount from spending_ledger where event_id = 'BATAL-DINSOS-1'",
				BigDecimal.class)).isEqualByComparingTo("-2500000.00");
	}

	@Test
	void shouldDeadLetterAReusedEventIdWithADifferentPayload() {
		kafka.send(topics.events(), key("DP3A"), realisedEvent("SP2D-DP3A-1", "DP3A", GOODS_ACCOUNT, "300000.00", "2026-03-05"));
		kafka.send(topics.events(), key("DP3A"), realisedEvent("SP2D-DP3A-1", "DP3A", GOODS_ACCOUNT, "999999.00", "2026-03-05"));
		assertThat(deadLetter("999999.00").reason()).isEqualTo("EVENT_ID_CONFLICT");
		await().untilAsserted(() -> assertThat(realisedOf("DP3A")).isEqualTo(300_000.00));
	}

	/**
	 * An id stored in another year of the region does not take the ledger's key (the year is part
	 * of it), which the ledger's first try relies on: such an id is looked up before the copy and
	 * answered EVENT_ID_CONFLICT, while the new event beside it in the same poll is stored.
	 */
	@Test
	void shouldDeadLetterAnEventIdStoredInAnotherYearOfTheRegion() {
		this.jdbc.update("""
				insert into spending_ledger (event_id, event_type, pemda, fiscal_year, opd, category, account, mechanism,
				    occurred_on, document_kind, document_number, amount, payload_sha256, source_topic, source_partition,
				    source_offset)
				values ('SP2D-DKP-2025-1', 'spending-realised', '52.72', 2025, 'DKP', 'goods', ?, 'LS', '2025-12-30',
				    'SP2D', 'SP2D-DKP-2025-1', 100.00, '\\x00', 'test', 0, 0)""", GOODS_ACCOUNT);
		kafka.send(topics.events(), key("DKP"), realisedEvent("SP2D-DKP-2025-1", "DKP", GOODS_ACCOUNT, "700000.00", "2026-03-05"));
		kafka.send(topics.events(), key("DKP"), realisedEvent("SP2D-DKP-2026-2", "DKP", GOODS_ACCOUNT, "200000.00", "2026-03-05"));
		assertThat(deadLetter("700000.00").headers()).containsEntry("apbd-reason", "EVENT_ID_CONFLICT")
			.containsEntry("apbd-field", "eventId");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(realisedOf("DKP")).isEqualTo(200_000.00));
		assertThat(this.jdbc.queryForList("select fiscal_year || ' ' || amount from spending_ledger where opd = 'DKP' "
				+ "order by event_id", String.class))
			.containsExactly("2025 100.00", "2026 200000.00");
	}

	@Test
	void shouldReplaceThePaguWithANewerRevisionAndIgnoreALateOlderOne() {
		String line = "2026/PUPR/1.03.01.2.01.0001/" + GOODS_ACCOUNT;
		kafka.send(topics.budget(), line, budgetLine("DPA-PUPR-r0", line, "PUPR", GOODS_ACCOUNT, 0, "ORIGINAL",
				months("100000000.00")));
		await().untilAsserted(() -> assertThat(pagu("PUPR")).isEqualTo(1_200_000_000.00));
		kafka.send(topics.budget(), line, budgetLine("DPA-PUPR-r1", line, "PUPR", GOODS_ACCOUNT, 1, "SHIFT",
				months("125000000.00")));
		await().untilAsserted(() -> assertThat(pagu("PUPR")).isEqualTo(1_500_000_000.00));
		// revision 0 again, sent late by a second adapter: kept in the history, not applied
		kafka.send(topics.budget(), line, budgetLine("DPA-PUPR-r0-late", line, "PUPR", GOODS_ACCOUNT, 0,
				"ORIGINAL", months("90000000.00")));
		await().untilAsserted(() -> assertThat(this.jdbc.queryForObject(
				"select applied from budget_revision where event_id = 'DPA-PUPR-r0-late'", Boolean.class)).isFalse());
		assertThat(pagu("PUPR")).isEqualTo(1_500_000_000.00);
		// 15 March: January and February in full (250,000,000) + 125,000,000 × 15/31 = 60,483,870.97
		await().untilAsserted(() -> assertThat(scrape().value("apbd_cash_plan_to_date_rupiah", labels("PUPR")))
			.isEqualTo(310_483_870.97));
	}

	@Test
	void shouldProjectTheYearEndWithTheCashPlanInForceAfterARevision() {
		String line = "2026/DISTAN/3.27.02.2.01.0001/" + GOODS_ACCOUNT;
		kafka.send(topics.budget(), line, budgetLine("DPA-DISTAN-r0", line, "DISTAN", GOODS_ACCOUNT, 0, "ORIGINAL",
				months("100000000.00")));
		// APBD-P: 150 juta in January, February and April to December, nothing in March: 1.650 juta
		List<String> revised = new java.util.ArrayList<>(months("150000000.00"));
		revised.set(2, "0.00");
		kafka.send(topics.budget(), line, budgetLine("DPA-DISTAN-r1", line, "DISTAN", GOODS_ACCOUNT, 1, "AMENDED",
				revised));
		kafka.send(topics.events(), key("DISTAN"),
				realisedEvent("SP2D-DISTAN-1", "DISTAN", GOODS_ACCOUNT, "240000000.00", "2026-03-02"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pagu("DISTAN")).isEqualTo(1_650_000_000.00));
		// 15 March: plan to date 150 + 150 + 0 = 300 juta; pace 240 ÷ 300 = 0,8;
		// 240 juta + (1.650 − 300) juta × 0,8 = 240 + 1.080 = 1.320 juta
		await().untilAsserted(() -> assertThat(scrape().value("apbd_projected_year_end_rupiah", labels("DISTAN")))
			.isEqualTo(1_320_000_000.00));
	}

	@Test
	void shouldIgnoreBudgetLinesOfOtherCategoriesAndRejectACashPlanThatMissesThePagu() {
		String capital = "2026/DLH/x/5.2.02.01.01.0001";
		kafka.send(topics.budget(), capital, budgetLine("DPA-DLH-capital", capital, "DLH", "5.2.02.01.01.0001", 0,
				"ORIGINAL", months("1000.00")));
		String wrong = "2026/DLH/y/" + GOODS_ACCOUNT;
		kafka.send(topics.budget(), wrong, budgetLine("DPA-DLH-wrong", wrong, "DLH", GOODS_ACCOUNT, 0, "ORIGINAL",
				"12000.01", months("1000.00")));
		DeadLetter dead = kafka.find(topics.budgetDlt(), "DPA-DLH-wrong", Duration.ofSeconds(30));
		assertThat(dead.headers()).containsEntry("apbd-reason", "CASH_PLAN_MISMATCH").containsEntry("apbd-field", "cashPlan");
		await().untilAsserted(() -> assertThat(scrape().value("apbd_ingest_events_total",
				Map.of("topic", topics.budget(), "outcome", "ignored"))).isGreaterThanOrEqualTo(1));
		// no goods budget line in force and no goods spending: no series, not a pagu of 0
		assertThat(spendingSamples("DLH")).isEmpty();
	}

	@Test
	void shouldExportSpendingSeriesOnlyForOpdsWithABudgetLineOrSpending() {
		PrometheusScrape scrape = scrape();
		// KEC-ASAKOTA has neither in this test class
		assertThat(spendingSamples("KEC-ASAKOTA")).isEmpty();
		List<PrometheusScrape.Sample> pagu = scrape.named("apbd_pagu_rupiah");
		assertThat(pagu).hasSizeLessThan(33)
			.allSatisfy(sample -> assertThat(sample.labels()).containsEntry("category", "goods")
				.containsEntry("pemda", "52.72"));
		for (String gauge : List.of("apbd_cash_plan_to_date_rupiah", "apbd_realised_rupiah", "apbd_projected_year_end_rupiah")) {
			assertThat(scrape.named(gauge)).as(gauge).hasSameSizeAs(pagu);
		}
		assertThat(scrape.value("apbd_spending_pairs", Map.of("category", "goods"))).isEqualTo(pagu.size());
		// 15 March 2026 00:00 WITA (UTC+8) = 2026-03-14T16:00:00Z
		assertThat(scrape().value("apbd_business_date_timestamp_seconds", Map.of("pemda", "52.72")))
			.isEqualTo(1_773_504_000.0);
	}

	private DeadLetter deadLetter(String containing) {
		return kafka.find(topics.eventsDlt(), containing, Duration.ofSeconds(30));
	}

	@Test
	void shouldExportExactlyTheMetricsOfTheReadmeCatalogue() {
		// the spending gauges exist once some OPD has a budget line or spending
		kafka.send(topics.events(), key("DISPUSIP"),
				realisedEvent("SP2D-DISPUSIP-1", "DISPUSIP", GOODS_ACCOUNT, "1000000.00", "2026-03-02"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(MetricCatalogue.fromReadme().differences(scrape(), "goods-spending")).isEmpty());
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of("http://localhost:" + this.port);
	}

	private double outcomeCount(String outcome) {
		return scrape().value("apbd_ingest_events_total", Map.of("topic", topics.events(), "outcome", outcome));
	}

	private double realisedOf(String opd) {
		return scrape().value("apbd_realised_rupiah", labels(opd));
	}

	private double pagu(String opd) {
		return scrape().value("apbd_pagu_rupiah", labels(opd));
	}

	/** Every sample of the four spending gauges of one OPD. */
	private List<PrometheusScrape.Sample> spendingSamples(String opd) {
		PrometheusScrape scrape = scrape();
		return List.of("apbd_pagu_rupiah", "apbd_cash_plan_to_date_rupiah", "apbd_realised_rupiah",
				"apbd_projected_year_end_rupiah")
			.stream()
			.flatMap(name -> scrape.named(name).stream())
			.filter(sample -> opd.equals(sample.labels().get("opd")))
			.toList();
	}

	private static Map<String, String> labels(String opd) {
		return Map.of("opd", opd, "category", "goods");
	}

}
