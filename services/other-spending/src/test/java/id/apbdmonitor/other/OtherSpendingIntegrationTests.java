package id.apbdmonitor.other;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static id.apbdmonitor.core.test.TestEvents.reversedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * other-spending end to end on a real Kafka broker and a real PostgreSQL: one service, six
 * categories told apart by account code. The business date is fixed on 15 March 2026; each test
 * uses its own OPD so that tests do not see each other's totals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OtherSpendingIntegrationTests {

	private static final String SALARY = "5.1.01.01.01.0001";

	private static final String TPP = "5.1.01.02.01.0001";

	private static final String GRANT = "5.1.05.05.01.0001";

	private static final String SOCIAL = "5.1.06.01.01.0001";

	private static final String BTT = "5.3.01.01.01.0001";

	private static final String TRANSFER = "5.4.02.05.01.0001";

	private static final String SUBSIDY = "5.1.04.01.01.0001";

	private static final List<String> CATEGORIES = List.of("personnel", "interest-subsidies", "grants", "social",
			"unexpected", "transfers");

	private static final List<String> SPENDING_GAUGES = List.of("apbd_pagu_rupiah", "apbd_cash_plan_to_date_rupiah",
			"apbd_realised_rupiah", "apbd_projected_year_end_rupiah");

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "other-spending", "2026-03-15");
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
	void shouldCountEachRealisationInTheCategoryOfItsAccount() {
		kafka.send(topics.events(), key("BPKAD"), realisedEvent("SP2D-GAJI-1", "BPKAD", SALARY, "1500000000.00", "2026-03-02"));
		kafka.send(topics.events(), key("BPKAD"), realisedEvent("SP2D-HIBAH-1", "BPKAD", GRANT, "250000000.00", "2026-03-03"));
		kafka.send(topics.events(), key("BPKAD"), realisedEvent("SP2D-BTT-1", "BPKAD", BTT, "75000000.00", "2026-03-04"));
		kafka.send(topics.events(), key("BPKAD"), realisedEvent("SP2D-BANKEU-1", "BPKAD", TRANSFER, "40000000.00", "2026-03-05"));
		kafka.send(topics.events(), key("BPKAD"), realisedEvent("SP2D-SUBSIDI-1", "BPKAD", SUBSIDY, "12000000.00", "2026-03-05"));
		kafka.send(topics.events(), key("BPKAD"), realisedEvent("SP2D-BANSOS-1", "BPKAD", SOCIAL, "9000000.00", "2026-03-06"));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(realisedOf("BPKAD", "social")).isEqualTo(9_000_000.00));
		assertThat(realisedOf("BPKAD", "personnel")).isEqualTo(1_500_000_000.00);
		assertThat(realisedOf("BPKAD", "grants")).isEqualTo(250_000_000.00);
		assertThat(realisedOf("BPKAD", "unexpected")).isEqualTo(75_000_000.00);
		assertThat(realisedOf("BPKAD", "transfers")).isEqualTo(40_000_000.00);
		assertThat(realisedOf("BPKAD", "interest-subsidies")).isEqualTo(12_000_000.00);
		// ordered by event id: BANKEU, BANSOS, BTT, GAJI, HIBAH, SUBSIDI
		assertThat(this.jdbc.queryForList("select category from spending_ledger where opd = 'BPKAD' order by event_id",
				String.class)).containsExactly("transfers", "social", "unexpected", "personnel", "grants",
						"interest-subsidies");
	}

	@Test
	void shouldStoreTheSameEventSentThreeTimesOnceAndCountTwoDuplicates() {
		double duplicatesBefore = outcomeCount("duplicate");
		String event = realisedEvent("SP2D-GAJI-SETDA-1", "SETDA", SALARY, "820000000.00", "2026-03-02");
		for (int i = 0; i < 3; i++) {
			kafka.send(topics.events(), key("SETDA"), event);
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomeCount("duplicate")).isEqualTo(duplicatesBefore + 2));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from spending_ledger where event_id = 'SP2D-GAJI-SETDA-1'", Integer.class))
			.isEqualTo(1);
		await().untilAsserted(() -> assertThat(realisedOf("SETDA", "personnel")).isEqualTo(820_000_000.00));
	}

	@Test
	void shouldDeadLetterAPoisonRecordWithItsReason() {
		kafka.send(topics.events(), key("BAPPEDA"), "{\"eventId\": \"SP2D-GAJI-9\", amount: oops");
		DeadLetter dead = deadLetter("SP2D-GAJI-9\", amount: oops");
		assertThat(dead.reason()).isEqualTo("MALFORMED_JSON");
		assertThat(dead.headers()).containsEntry("apbd-consumer", "other-spending")
			.containsEntry("apbd-source-topic", topics.events());
	}

	@Test
	void shouldDeadLetterTppGoodsAndCapitalAccountsAsOutsideItsCategories() {
		// TPP is personnel spending, but tpp-payments counts it: here it would count twice
		kafka.send(topics.events(), key("DLH"), realisedEvent("INV-TPP", "DLH", TPP, "1000.00", "2026-03-02"));
		kafka.send(topics.events(), key("DLH"), realisedEvent("INV-GOODS", "DLH", "5.1.02.01.01.0024", "1000.00", "2026-03-02"));
		kafka.send(topics.events(), key("DLH"), realisedEvent("INV-CAPITAL", "DLH", "5.2.02.05.01.0001", "1000.00", "2026-03-02"));
		kafka.send(topics.events(), key("DLH"), realisedEvent("INV-AMOUNT", "DLH", SALARY, "12,5", "2026-03-02"));

		for (String id : List.of("INV-TPP", "INV-GOODS", "INV-CAPITAL")) {
			assertThat(deadLetter(id).headers()).containsEntry("apbd-reason", "ACCOUNT_OUTSIDE_CATEGORY")
				.containsEntry("apbd-field", "account");
		}
		assertThat(deadLetter("INV-AMOUNT").headers()).containsEntry("apbd-reason", "MALFORMED_AMOUNT");
		assertThat(this.jdbc.queryForObject("select count(*) from spending_ledger where event_id like 'INV-%'",
				Integer.class)).isZero();
		// nothing stored: no series for DLH in any category
		assertThat(spendingSamples("DLH")).isEmpty();
	}

	@Test
	void shouldLowerTheRealisedTotalOfTheOriginalsCategoryOnAReversal() {
		kafka.send(topics.events(), key("DINSOS"), realisedEvent("SP2D-BANSOS-DINSOS-1", "DINSOS", SOCIAL, "10000000.00", "2026-03-05"));
		kafka.send(topics.events(), key("DINSOS"), reversedEvent("BATAL-BANSOS-DINSOS-1", "DINSOS", "SP2D-BANSOS-DINSOS-1", "2500000.00", "2026-03-06"));
		// 10,000,000 − 2,500,000 leaves 7,500,000; reversing 7,500,000.01 more must fail
		kafka.send(topics.events(), key("DINSOS"), reversedEvent("BATAL-BANSOS-DINSOS-2", "DINSOS", "SP2D-BANSOS-DINSOS-1", "7500000.01", "2026-03-07"));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(realisedOf("DINSOS", "social")).isEqualTo(7_500_000.00));
		assertThat(deadLetter("BATAL-BANSOS-DINSOS-2").headers())
			.containsEntry("apbd-reason", "REVERSAL_EXCEEDS_ORIGINAL");
		assertThat(this.jdbc.queryForObject(
				"select category from spending_ledger where event_id = 'BATAL-BANSOS-DINSOS-1'", String.class))
			.isEqualTo("social");
	}

	@Test
	void shouldKeepThePaguOfEachCategoryAndIgnoreTppBudgetLines() {
		String salaries = "2026/DIKPORA/1.01.01.2.01.0001/" + SALARY;
		kafka.send(topics.budget(), salaries, budgetLine("DPA-DIKPORA-gaji", salaries, "DIKPORA", SALARY, 0,
				"ORIGINAL", months("5000000000.00")));
		String grants = "2026/DIKPORA/1.01.01.2.01.0002/" + GRANT;
		kafka.send(topics.budget(), grants, budgetLine("DPA-DIKPORA-hibah", grants, "DIKPORA", GRANT, 0, "ORIGINAL",
				months("100000000.00")));
		String tpp = "2026/DIKPORA/1.01.01.2.01.0003/" + TPP;
		kafka.send(topics.budget(), tpp, budgetLine("DPA-DIKPORA-tpp", tpp, "DIKPORA", TPP, 0, "ORIGINAL",
				months("900000000.00")));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(pagu("DIKPORA", "grants")).isEqualTo(1_200_000_000.00));
		assertThat(pagu("DIKPORA", "personnel")).isEqualTo(60_000_000_000.00);
		await().untilAsserted(() -> assertThat(this.jdbc.queryForObject(
				"select count(*) from budget_line where opd = 'DIKPORA'", Integer.class)).isEqualTo(2));
		// 15 March: January and February in full + 5,000,000,000 × 15/31 = 12,419,354,838.71
		assertThat(scrape().value("apbd_cash_plan_to_date_rupiah", Map.of("opd", "DIKPORA", "category", "personnel")))
			.isEqualTo(12_419_354_838.71);
	}

	@Test
	void shouldExportAPairOnlyOnceItHasABudgetLineOrSpending() {
		// DISHUB has nothing in any category yet: none of its 6 × 4 series exists
		assertThat(spendingSamples("DISHUB")).isEmpty();

		// a grants line of 10,000,000 a month: pagu 120,000,000; on 15 March the plan to date is
		// 20,000,000 + 10,000,000 × 15/31 = 24,838,709.68; nothing spent against a material plan
		// projects what is realised, 0
		String grants = "2026/DISHUB/1.01.01.2.01.0009/" + GRANT;
		kafka.send(topics.budget(), grants, budgetLine("DPA-DISHUB-hibah", grants, "DISHUB", GRANT, 0, "ORIGINAL",
				months("10000000.00")));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(spendingSamples("DISHUB")).hasSize(4));
		assertThat(figures("DISHUB", "grants")).containsExactly(120_000_000.00, 24_838_709.68, 0.0, 0.0);

		// 6,000,000 realised: the pace 6,000,000 ÷ 24,838,709.68 carries the remaining
		// 95,161,290.32 of the plan: + 22,987,012.98, projected 28,987,012.98
		kafka.send(topics.events(), key("DISHUB"), realisedEvent("SP2D-HIBAH-DISHUB-1", "DISHUB", GRANT, "6000000.00", "2026-03-09"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(realisedOf("DISHUB", "grants")).isEqualTo(6_000_000.00));
		assertThat(figures("DISHUB", "grants")).containsExactly(120_000_000.00, 24_838_709.68, 6_000_000.00,
				28_987_012.98);

		// social spending without a budget line: the pair appears with pagu 0 (ApbdOpdSpendingWithoutPagu)
		kafka.send(topics.events(), key("DISHUB"), realisedEvent("SP2D-BANSOS-DISHUB-1", "DISHUB", SOCIAL, "2500000.00", "2026-03-10"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(spendingSamples("DISHUB")).hasSize(8));
		assertThat(figures("DISHUB", "social")).containsExactly(0.0, 0.0, 2_500_000.00, 2_500_000.00);
		assertThat(spendingSamples("DISHUB")).extracting(sample -> sample.labels().get("category"))
			.containsOnly("grants", "social");
	}

	@Test
	void shouldKeepAPairWhoseSpendingWasReversedToZero() {
		kafka.send(topics.events(), key("DUKCAPIL"), realisedEvent("SP2D-GAJI-DUKCAPIL-1", "DUKCAPIL", SALARY, "3000000.00", "2026-03-02"));
		kafka.send(topics.events(), key("DUKCAPIL"), reversedEvent("BATAL-GAJI-DUKCAPIL-1", "DUKCAPIL", "SP2D-GAJI-DUKCAPIL-1", "3000000.00", "2026-03-03"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.jdbc.queryForObject(
				"select count(*) from spending_ledger where opd = 'DUKCAPIL'", Integer.class)).isEqualTo(2));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(figures("DUKCAPIL", "personnel")).containsExactly(0.0, 0.0, 0.0, 0.0));
		assertThat(spendingSamples("DUKCAPIL")).hasSize(4);
	}

	@Test
	void shouldCountThePairsItExportsPerCategory() {
		kafka.send(topics.events(), key("DKP"), realisedEvent("SP2D-BTT-DKP-1", "DKP", BTT, "1000000.00", "2026-03-02"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(realisedOf("DKP", "unexpected")).isEqualTo(1_000_000.00));
		PrometheusScrape scrape = scrape();
		for (String category : CATEGORIES) {
			long pairs = scrape.named("apbd_pagu_rupiah")
				.stream()
				.filter(sample -> category.equals(sample.labels().get("category")))
				.count();
			assertThat(scrape.value("apbd_spending_pairs", Map.of("category", category))).as(category)
				.isEqualTo(pairs);
		}
	}

	@Test
	void shouldExportExactlyTheMetricsOfTheReadmeCatalogue() {
		// the spending gauges exist once some pair has a budget line or spending
		kafka.send(topics.events(), key("DISPUSIP"), realisedEvent("SP2D-GAJI-DISPUSIP-1", "DISPUSIP", SALARY, "1000000.00", "2026-03-02"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(MetricCatalogue.fromReadme().differences(scrape(), "other-spending")).isEmpty());
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

	private double realisedOf(String opd, String category) {
		return scrape().value("apbd_realised_rupiah", Map.of("opd", opd, "category", category));
	}

	private double pagu(String opd, String category) {
		return scrape().value("apbd_pagu_rupiah", Map.of("opd", opd, "category", category));
	}

	/** Pagu, cash plan to date, realised and projected year end of one pair, from one scrape. */
	private List<Double> figures(String opd, String category) {
		PrometheusScrape scrape = scrape();
		Map<String, String> labels = Map.of("opd", opd, "category", category);
		return SPENDING_GAUGES.stream().map(name -> scrape.value(name, labels)).toList();
	}

	/** Every sample of the four spending gauges of one OPD. */
	private List<PrometheusScrape.Sample> spendingSamples(String opd) {
		PrometheusScrape scrape = scrape();
		return SPENDING_GAUGES.stream()
			.flatMap(name -> scrape.named(name).stream())
			.filter(sample -> opd.equals(sample.labels().get("opd")))
			.toList();
	}

}
