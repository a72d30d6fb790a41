package id.apbdmonitor.tpp;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.RegionFiles;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One tpp-payments process for Kota Bima (home, WITA) and Kabupaten Sleman (a region file, WIB)
 * whose own day off, Wednesday 10 June 2026, moves its May deadline: 10 working days after
 * 31 May, with 1 June (Pancasila) and 16 June (1 Muharam) national holidays, are 2–5, 8–12 and
 * 15 June in Kota Bima (deadline 15 June) but 2–5, 8, 9, 11, 12, 15 and 17 June in Sleman
 * (deadline 17 June). On the business date, Tuesday 16 June 2026, an OPD without a May SPM is
 * late in Kota Bima and not yet in Sleman.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TppTwoRegionsIntegrationTests {

	private static final String[] STAGES = { "PERFORMANCE_CLOSED", "VERIFIED", "SPP", "SPM", "SP2D" };

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "tpp-payments", "2026-06-16");
		registry.add("apbd.tpp.submission-deadline-working-days", () -> "10");
		registry.add("apbd.regions.dir", () -> RegionFiles.slemanDir("2026-06-10"));
	}

	@Test
	void shouldCountEachRegionsDeadlineOnItsOwnCalendar() {
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			// January to April paid in both regions, no May SPM in either; DINKES of each region
			for (int month = 1; month <= 4; month++) {
				for (String event : month("52.72", "BIMA", "DINKES", month, "100000000.00")) {
					kafka.send(topics.events(), "52.72/DINKES", event);
				}
				for (String event : month("34.04", "SLEMAN", "DINKES", month, "75000000.50")) {
					kafka.send(topics.events(), "34.04/DINKES", event);
				}
			}
			// an OPD of Kota Bima under Sleman's code, and a pemda monitored by neither
			kafka.send(topics.events(), "34.04/BPKAD",
					stage("34.04", "TPP-SLEMAN-BPKAD", "BPKAD", 1, "PERFORMANCE_CLOSED", "2026-02-03", "1.00"));
			kafka.send(topics.events(), "52.06/DINKES",
					stage("52.06", "TPP-DOMPU", "DINKES", 1, "PERFORMANCE_CLOSED", "2026-02-03", "1.00"));
			assertThat(kafka.find(topics.eventsDlt(), "TPP-SLEMAN-BPKAD", Duration.ofSeconds(30)).reason())
				.isEqualTo("UNKNOWN_OPD");
			assertThat(kafka.find(topics.eventsDlt(), "TPP-DOMPU", Duration.ofSeconds(30)).reason())
				.isEqualTo("UNKNOWN_PEMDA");
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// 4 × 100.000.000; every SPM (the 9th of the next month) before its deadline (13 February,
			// 13 March, 15 April, 19 May: the same in both regions); May past 15 June without SPM
			assertThat(figures("52.72", "DINKES")).containsEntry("apbd_realised_rupiah", 400_000_000.00)
				.containsEntry("apbd_tpp_months_due", 5.0)
				.containsEntry("apbd_tpp_months_paid", 4.0)
				.containsEntry("apbd_tpp_last_month_paid", 4.0)
				.containsEntry("apbd_tpp_months_submitted_late", 0.0)
				.containsEntry("apbd_tpp_months_late", 1.0);
			// 4 × 75.000.000,50; May's deadline is 17 June: not late on 16 June
			assertThat(figures("34.04", "DINKES")).containsEntry("apbd_realised_rupiah", 300_000_002.00)
				.containsEntry("apbd_tpp_months_due", 5.0)
				.containsEntry("apbd_tpp_months_paid", 4.0)
				.containsEntry("apbd_tpp_last_month_paid", 4.0)
				.containsEntry("apbd_tpp_months_submitted_late", 0.0)
				.containsEntry("apbd_tpp_months_late", 0.0);
			// Sleman's other OPD has nothing: January to April late (May not yet)
			assertThat(figures("34.04", "DISDIK")).containsEntry("apbd_realised_rupiah", 0.0)
				.containsEntry("apbd_tpp_months_late", 4.0);
		});
		PrometheusScrape scrape = scrape();
		assertThat(scrape.value("apbd_tpp_submission_deadline_timestamp_seconds", Map.of("pemda", "52.72", "month", "5")))
			.isEqualTo(startOf("2026-06-15", 8));
		assertThat(scrape.value("apbd_tpp_submission_deadline_timestamp_seconds", Map.of("pemda", "34.04", "month", "5")))
			.isEqualTo(startOf("2026-06-17", 7));
		// April's deadline (19 May) is the same date, at the start of each region's own day
		assertThat(scrape.value("apbd_tpp_submission_deadline_timestamp_seconds", Map.of("pemda", "34.04", "month", "4")))
			.isEqualTo(startOf("2026-05-19", 7));
	}

	@Test
	void shouldExportEveryOpdOfBothRegionsFromStartUp() {
		PrometheusScrape scrape = scrape();
		// Kota Bima's 33 OPDs and Sleman's two
		assertThat(scrape.named("apbd_realised_rupiah")).hasSize(35);
		assertThat(scrape.named("apbd_tpp_months_late").stream().filter(s -> "34.04".equals(s.labels().get("pemda"))))
			.extracting(s -> s.labels().get("opd"))
			.containsExactlyInAnyOrder("DINKES", "DISDIK");
		// Sleman's DISDIK has no stage: no month's delay to export
		assertThat(scrape.named("apbd_tpp_month_end_to_spm_seconds")).extracting(s -> s.labels().get("opd"))
			.doesNotContain("DISDIK");
		assertThat(scrape.named("apbd_tpp_submission_deadline_timestamp_seconds")).hasSize(2 * 12);
		// the 2026 SKB is on file: no region misses a year (2026, and 2027 for December's deadline)
		assertThat(scrape.value("apbd_calendar_year_missing", Map.of("pemda", "34.04", "year", "2026"))).isZero();
		assertThat(scrape.named("apbd_calendar_year_missing")).hasSize(4);
	}

	/** The five stages of a month's TPP, on the 3rd, 5th, 8th, 9th (SPM) and 11th of the next month. */
	private static String[] month(String pemda, String prefix, String opd, int month, String amount) {
		int[] days = { 3, 5, 8, 9, 11 };
		String[] events = new String[STAGES.length];
		for (int i = 0; i < STAGES.length; i++) {
			String date = LocalDate.of(2026, month + 1, days[i]).toString();
			events[i] = stage(pemda, "TPP-" + prefix + "-" + opd + "-" + month + "-" + STAGES[i], opd, month,
					STAGES[i], date, amount);
		}
		return events;
	}

	private static String stage(String pemda, String eventId, String opd, int month, String stage, String date,
			String amount) {
		return """
				{"eventId":"%s","type":"tpp-stage","schemaVersion":1,"pemda":"%s","fiscalYear":2026,"opd":"%s",
				 "occurredOn":"%s","document":{"kind":"OTHER","number":"%s"},"month":%d,"stage":"%s",
				 "amount":"%s","employees":60}"""
			.formatted(eventId, pemda, opd, date, eventId, month, stage, amount);
	}

	private static double startOf(String date, int utcOffsetHours) {
		return LocalDate.parse(date).atStartOfDay(ZoneOffset.ofHours(utcOffsetHours)).toEpochSecond();
	}

	/** The per-OPD gauges of one region's OPD without a month label, by name. */
	private Map<String, Double> figures(String pemda, String opd) {
		Map<String, Double> figures = new TreeMap<>();
		for (PrometheusScrape.Sample sample : scrape().samples()) {
			if (pemda.equals(sample.labels().get("pemda")) && opd.equals(sample.labels().get("opd"))
					&& !sample.labels().containsKey("month")) {
				figures.put(sample.name(), sample.value());
			}
		}
		return figures;
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of("http://localhost:" + this.port);
	}

}
