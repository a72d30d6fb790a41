package id.apbdmonitor.tpp;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * tpp-payments end to end on a real Kafka broker and a real PostgreSQL, the business date fixed
 * on Monday 15 June 2026, the deadline 10 working days after month end, and the national
 * calendar of 2026 (SKB 1497/2/5 of 2025): in April to June Good Friday 3 April, Labour Day
 * 1 May, Ascension 14 May and its cuti bersama 15 May, Iduladha 27 May and its cuti bersama
 * 28 May, Waisak on Sunday 31 May (May ends on a holiday) and Pancasila on Monday 1 June. Each
 * test uses its own OPDs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TppPaymentsIntegrationTests {

	private static final String[] STAGES = { "PERFORMANCE_CLOSED", "VERIFIED", "SPP", "SPM", "SP2D" };

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "tpp-payments", "2026-06-15");
		registry.add("apbd.tpp.submission-deadline-working-days", () -> "10");
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
	void shouldReportTheContractExamplesLumpSumWithCategoryTpp() {
		List<ContractExamples.Example> line = ContractExamples.valid("apbd.budget.v1")
			.stream()
			.filter(example -> example.name().contains("tpp"))
			.toList();
		assertThat(line).hasSize(1);
		kafka.send(topics.budget(), line.get(0).field("lineId"), line.get(0).json());
		List<ContractExamples.Example> stages = ContractExamples.valid("apbd.tpp.v1");
		assertThat(stages).hasSize(10);
		for (ContractExamples.Example example : stages) {
			send(example.field("opd"), example.json());
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Map<String, Double> bappeda = figures("BAPPEDA");
			assertThat(bappeda).containsEntry("apbd_pagu_rupiah", 1_800_000_000.00)
				// January to May 5 × 150,000,000 + June 150,000,000 × 15/30
				.containsEntry("apbd_cash_plan_to_date_rupiah", 825_000_000.00)
				// the two SP2D of 12 March: 148,500,000 + 149,250,000
				.containsEntry("apbd_realised_rupiah", 297_750_000.00)
				// TPP is paid in arrears: its pace counts the months ended, January to May 5 × 150 = 750 juta;
				// 297.750.000 + (1.800.000.000 − 750.000.000) × 297.750.000 ÷ 750.000.000 = 297.750.000 + 416.850.000
				.containsEntry("apbd_projected_year_end_rupiah", 714_600_000.00)
				// January to May have ended
				.containsEntry("apbd_tpp_months_due", 5.0)
				.containsEntry("apbd_tpp_months_paid", 2.0)
				.containsEntry("apbd_tpp_last_month_paid", 2.0)
				// March (deadline 15 April) and April (deadline 19 May) have no SPM; May's is 15 June
				.containsEntry("apbd_tpp_months_late", 2.0)
				// January's SPM of 10 March came after its deadline of 13 February; February's was in time
				.containsEntry("apbd_tpp_months_submitted_late", 1.0)
				// SPM and SP2D are equal in both months: no rule series (exported only while breached)
				.doesNotContainKeys("apbd_tpp_rule_breached", "apbd_tpp_rule_breaches");
			// SPM 10 March: 38 days after 31 January, 10 after 28 February; SP2D 12 March: 40 and 12;
			// the other months have neither, hence no series
			assertThat(monthly("apbd_tpp_month_end_to_spm_seconds", "BAPPEDA")).containsOnly(
					Map.entry("1", 38 * 86_400.0), Map.entry("2", 10 * 86_400.0));
			assertThat(monthly("apbd_tpp_month_end_to_sp2d_seconds", "BAPPEDA")).containsOnly(
					Map.entry("1", 40 * 86_400.0), Map.entry("2", 12 * 86_400.0));
		});
		assertThat(this.jdbc.queryForObject("select count(*) from tpp_ledger where opd = 'BAPPEDA'", Integer.class))
			.isEqualTo(10);
	}

	@Test
	void shouldCountTheDeadlineOfAMonthEndingOnAHolidayInWorkingDays() {
		for (int month = 1; month <= 4; month++) {
			payMonth("DLH", month, "150000000.00");
		}
		for (int month = 1; month <= 3; month++) {
			payMonth("DISHUB", month, "80000000.00");
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// May ends on Sunday 31 May (a holiday), 1 June is a holiday: 2, 3, 4, 5, 8, 9, 10, 11, 12,
			// 15 June are the 10 working days, so 15 June is the deadline and May is not late yet
			// (without the 1 June holiday it would be 12 June, and late)
			assertThat(scrape().value("apbd_tpp_submission_deadline_timestamp_seconds", Map.of("month", "5")))
				.isEqualTo(wita("2026-06-15"));
			// April: 1, 14 and 15 May are days off: 4–8, 11–13, 18, 19 May
			assertThat(scrape().value("apbd_tpp_submission_deadline_timestamp_seconds", Map.of("month", "4")))
				.isEqualTo(wita("2026-05-19"));
			assertThat(figures("DLH")).containsEntry("apbd_tpp_months_late", 0.0)
				.containsEntry("apbd_tpp_months_paid", 4.0)
				.containsEntry("apbd_tpp_last_month_paid", 4.0)
				.containsEntry("apbd_realised_rupiah", 600_000_000.00);
			// DISHUB has no April SPM, past 19 May
			assertThat(figures("DISHUB")).containsEntry("apbd_tpp_months_late", 1.0)
				.containsEntry("apbd_tpp_months_paid", 3.0)
				.containsEntry("apbd_realised_rupiah", 240_000_000.00);
		});
	}

	@Test
	void shouldStoreAnSp2dBelowItsSpmAndFlagTheOpd() {
		String[] dates = { "2026-02-03", "2026-02-05", "2026-02-06", "2026-02-09", "2026-02-11" };
		for (int i = 0; i < STAGES.length; i++) {
			String amount = STAGES[i].equals("SP2D") ? "119500000.00" : "120000000.00";
			send("KETAPANG", stage("TPP-KETAPANG-1-" + STAGES[i], "KETAPANG", 1, STAGES[i], dates[i], amount));
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// the SP2D is stored and realised as paid: Rp 119,5 juta, Rp 500.000 below the SPM
			assertThat(figures("KETAPANG")).containsEntry("apbd_realised_rupiah", 119_500_000.00)
				.containsEntry("apbd_tpp_months_paid", 1.0)
				.containsEntry("apbd_tpp_rule_breached", 1.0)
				.containsEntry("apbd_tpp_rule_breaches", 1.0);
			// DLH breaches nothing: no rule series
			assertThat(scrape().named("apbd_tpp_rule_breached")).extracting(sample -> sample.labels().get("opd"))
				.doesNotContain("DLH");
		});
	}

	@Test
	void shouldDeadLetterStagesOutOfOrderAMonthOutside1To12AndEnvelopeDefects() {
		send("DP3A", stage("TPP-DP3A-01-PC", "DP3A", 1, "PERFORMANCE_CLOSED", "2026-02-03", "50000000.00"));
		send("DP3A", stage("TPP-DP3A-01-SPM", "DP3A", 1, "SPM", "2026-02-10", "50000000.00"));
		send("DP3A", stage("TPP-DP3A-01-PC-AGAIN", "DP3A", 1, "PERFORMANCE_CLOSED", "2026-02-04", "50000000.00"));
		send("DP3A", stage("TPP-DP3A-01-VER-EARLY", "DP3A", 1, "VERIFIED", "2026-02-02", "50000000.00"));
		send("DP3A", stage("TPP-DP3A-13", "DP3A", 13, "PERFORMANCE_CLOSED", "2026-02-03", "50000000.00"));
		send("DP3A", stage("TPP-DP3A-00", "DP3A", 0, "PERFORMANCE_CLOSED", "2026-02-03", "50000000.00"));
		send("DINAS-X", stage("TPP-UNKNOWN-OPD", "DINAS-X", 1, "PERFORMANCE_CLOSED", "2026-02-03", "1.00"));
		send("DP3A", stage("TPP-NUMBER", "DP3A", 2, "PERFORMANCE_CLOSED", "2026-03-03", "x").replace("\"x\"", "1000"));
		kafka.send(topics.events(), key("DP3A"), "{\"eventId\": \"TPP-POISON\", month: 1");
		String twice = stage("TPP-DP3A-02-PC", "DP3A", 2, "PERFORMANCE_CLOSED", "2026-03-03", "51000000.00");
		double duplicates = outcome("duplicate");
		for (int i = 0; i < 3; i++) {
			send("DP3A", twice);
		}

		assertThat(deadLetter("TPP-DP3A-01-SPM").headers()).containsEntry("apbd-reason", "STAGE_OUT_OF_ORDER")
			.containsEntry("apbd-field", "stage")
			.containsEntry("apbd-value", "SPM")
			.containsEntry("apbd-consumer", "tpp-payments");
		assertThat(deadLetter("TPP-DP3A-01-PC-AGAIN").reason()).isEqualTo("STAGE_OUT_OF_ORDER");
		assertThat(deadLetter("TPP-DP3A-01-VER-EARLY").headers()).containsEntry("apbd-reason", "STAGE_OUT_OF_ORDER")
			.containsEntry("apbd-field", "occurredOn");
		assertThat(deadLetter("TPP-DP3A-13").headers()).containsEntry("apbd-reason", "INVALID_FIELD")
			.containsEntry("apbd-field", "month")
			.containsEntry("apbd-value", "13");
		assertThat(deadLetter("TPP-DP3A-00").headers()).containsEntry("apbd-field", "month");
		assertThat(deadLetter("TPP-UNKNOWN-OPD").reason()).isEqualTo("UNKNOWN_OPD");
		assertThat(deadLetter("TPP-NUMBER").reason()).isEqualTo("MALFORMED_AMOUNT");
		assertThat(deadLetter("TPP-POISON").reason()).isEqualTo("MALFORMED_JSON");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outcome("duplicate")).isEqualTo(duplicates + 2));
		assertThat(this.jdbc.queryForList("select event_id from tpp_ledger where opd = 'DP3A' order by event_id",
				String.class)).containsExactly("TPP-DP3A-01-PC", "TPP-DP3A-02-PC");
		assertThat(figures("DP3A")).containsEntry("apbd_realised_rupiah", 0.0).containsEntry("apbd_tpp_months_paid", 0.0);
	}

	@Test
	void shouldExportEveryOpdOfTheRegionFromStartUp() {
		PrometheusScrape scrape = scrape();
		assertThat(scrape.named("apbd_realised_rupiah")).hasSize(33)
			.allSatisfy(sample -> assertThat(sample.labels()).containsEntry("category", "tpp"));
		assertThat(scrape.named("apbd_projected_year_end_rupiah")).hasSize(33);
		assertThat(scrape.named("apbd_tpp_months_due")).hasSize(33).allSatisfy(sample -> assertThat(sample.value()).isEqualTo(5.0));
		assertThat(scrape.named("apbd_tpp_submission_deadline_timestamp_seconds")).hasSize(12);
		// KEC-RABA has no stage in these tests: pagu, cash plan, realised, projection, months due, paid,
		// late and submitted late and the last month paid, and nothing else: 9 where there were 35 (the
		// rule flag and count, 12 months to SPM and 12 to SP2D); apbd_opd_info comes from monitor-core
		assertThat(scrape.samples().stream()
			.filter(sample -> sample.name().startsWith("apbd_") && !sample.name().equals("apbd_opd_info")
					&& "KEC-RABA".equals(sample.labels().get("opd"))))
			.extracting(PrometheusScrape.Sample::name)
			.hasSize(9)
			.doesNotHaveDuplicates()
			.noneMatch(name -> name.contains("rule") || name.contains("month_end"));
	}

	@Test
	void shouldExportAMonthsDelaysOnceItsStagesAreStored() {
		send("DISPARBUD", stage("TPP-DISPARBUD-4-PC", "DISPARBUD", 4, "PERFORMANCE_CLOSED", "2026-05-04", "90000000.00"));
		send("DISPARBUD", stage("TPP-DISPARBUD-4-VER", "DISPARBUD", 4, "VERIFIED", "2026-05-05", "90000000.00"));
		send("DISPARBUD", stage("TPP-DISPARBUD-4-SPP", "DISPARBUD", 4, "SPP", "2026-05-06", "90000000.00"));
		send("DISPARBUD", stage("TPP-DISPARBUD-4-SPM", "DISPARBUD", 4, "SPM", "2026-05-07", "90000000.00"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// 30 April to 7 May: 7 days; no SP2D yet, so no series to SP2D
			assertThat(monthly("apbd_tpp_month_end_to_spm_seconds", "DISPARBUD")).containsOnly(Map.entry("4", 7 * 86_400.0));
			assertThat(monthly("apbd_tpp_month_end_to_sp2d_seconds", "DISPARBUD")).isEmpty();
		});
		send("DISPARBUD", stage("TPP-DISPARBUD-4-SP2D", "DISPARBUD", 4, "SP2D", "2026-05-11", "90000000.00"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// 30 April to 11 May: 11 days
			assertThat(monthly("apbd_tpp_month_end_to_sp2d_seconds", "DISPARBUD")).containsOnly(Map.entry("4", 11 * 86_400.0));
			assertThat(figures("DISPARBUD")).containsEntry("apbd_realised_rupiah", 90_000_000.00)
				.doesNotContainKeys("apbd_tpp_rule_breached", "apbd_tpp_rule_breaches");
		});
	}

	@Test
	void shouldExportExactlyTheMetricsOfTheReadmeCatalogue() {
		// an SP2D below its SPM, so that every sparse series of the catalogue is in the scrape
		String[] dates = { "2026-03-03", "2026-03-05", "2026-03-06", "2026-03-09", "2026-03-11" };
		for (int i = 0; i < STAGES.length; i++) {
			String amount = STAGES[i].equals("SP2D") ? "69000000.00" : "70000000.00";
			send("BPBD", stage("TPP-BPBD-2-" + STAGES[i], "BPBD", 2, STAGES[i], dates[i], amount));
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(figures("BPBD")).containsEntry("apbd_tpp_rule_breaches", 1.0));
		assertThat(MetricCatalogue.fromReadme().differences(scrape(), "tpp-payments")).isEmpty();
	}

	/** All five stages of a month, on the 3rd, 5th, 8th, 9th and 11th of the next month. */
	private void payMonth(String opd, int month, String amount) {
		int[] days = { 3, 5, 8, 9, 11 };
		for (int i = 0; i < STAGES.length; i++) {
			String date = LocalDate.of(2026, month + 1, days[i]).toString();
			send(opd, stage("TPP-" + opd + "-" + month + "-" + STAGES[i], opd, month, STAGES[i], date, amount));
		}
	}

	private static String stage(String eventId, String opd, int month, String stage, String date, String amount) {
		return """
				{"eventId":"%s","type":"tpp-stage","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,"opd":"%s",
				 "occurredOn":"%s","document":{"kind":"OTHER","number":"%s"},"month":%d,"stage":"%s",
				 "amount":"%s","employees":60}"""
			.formatted(eventId, opd, date, eventId, month, stage, amount);
	}

	private static String key(String opd) {
		return "52.72/" + opd;
	}

	private static double wita(String date) {
		return LocalDate.parse(date).atStartOfDay(ZoneOffset.ofHours(8)).toEpochSecond();
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

	private double outcome(String outcome) {
		return scrape().value("apbd_ingest_events_total", Map.of("topic", topics.events(), "outcome", outcome));
	}

	/** The per-OPD gauges of one OPD without a month label, by name. */
	private Map<String, Double> figures(String opd) {
		Map<String, Double> figures = new java.util.TreeMap<>();
		for (PrometheusScrape.Sample sample : scrape().samples()) {
			if (opd.equals(sample.labels().get("opd")) && !sample.labels().containsKey("month")) {
				figures.put(sample.name(), sample.value());
			}
		}
		return figures;
	}

	/** One per-month gauge of one OPD, by month. */
	private Map<String, Double> monthly(String name, String opd) {
		Map<String, Double> months = new java.util.TreeMap<>();
		for (PrometheusScrape.Sample sample : scrape().named(name)) {
			if (opd.equals(sample.labels().get("opd"))) {
				months.put(sample.labels().get("month"), sample.value());
			}
		}
		return months;
	}

}
