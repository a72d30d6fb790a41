package id.apbdmonitor.up;

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

import static id.apbdmonitor.core.test.RegionFiles.inSleman;
import static id.apbdmonitor.up.UpEvents.ceiling;
import static id.apbdmonitor.up.UpEvents.guAccounted;
import static id.apbdmonitor.up.UpEvents.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One up-advances process for Kota Bima (home, WITA) and Kabupaten Sleman (a region file, WIB),
 * both with an OPD coded DINKES, on the business date 15 March 2026 and the default rules (GU at
 * 50% of the ceiling, first UP within 31 days, a GU refill at most every 30 days). Each DINKES
 * keeps its own ceiling, float and verdicts, replayed from its own region's facts; the date
 * rules count days to each region's own business date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UpTwoRegionsIntegrationTests {

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "up-advances", "2026-03-15");
		registry.add("apbd.regions.dir", () -> RegionFiles.slemanDir());
	}

	@Test
	void shouldKeepEachRegionsAdvancesAndRulesOnItsOwnSeries() {
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			// Kota Bima: UP on 13 February (30 days before 15 March), half of it accounted
			kafka.send(topics.events(), "52.72/DINKES",
					ceiling("SK-UP-BIMA-DINKES", "DINKES", "100000000.00", "2026-01-02"));
			kafka.send(topics.events(), "52.72/DINKES",
					up("SP2D-UP-BIMA-DINKES", "DINKES", "100000000.00", "2026-02-13"));
			kafka.send(topics.events(), "52.72/DINKES",
					guAccounted("SPJ-GU-BIMA-DINKES", "DINKES", "50000000.00", "2026-03-12"));
			// Sleman: UP on 12 February (31 days before 15 March), nothing accounted
			kafka.send(topics.events(), "34.04/DINKES",
					inSleman(ceiling("SK-UP-SLEMAN-DINKES", "DINKES", "200000000.00", "2026-01-05")));
			kafka.send(topics.events(), "34.04/DINKES",
					inSleman(up("SP2D-UP-SLEMAN-DINKES", "DINKES", "200000000.00", "2026-02-12")));
			// an OPD of Kota Bima under Sleman's code, and a pemda monitored by neither
			kafka.send(topics.events(), "34.04/BPKAD",
					inSleman(up("SP2D-UP-SLEMAN-BPKAD", "BPKAD", "1.00", "2026-02-12")));
			kafka.send(topics.events(), "52.06/DINKES", up("SP2D-UP-DOMPU", "DINKES", "1.00", "2026-02-12")
				.replace("\"pemda\":\"52.72\"", "\"pemda\":\"52.06\""));
			assertThat(kafka.find(topics.eventsDlt(), "SP2D-UP-SLEMAN-BPKAD", Duration.ofSeconds(30)).reason())
				.isEqualTo("UNKNOWN_OPD");
			assertThat(kafka.find(topics.eventsDlt(), "SP2D-UP-DOMPU", Duration.ofSeconds(30)).reason())
				.isEqualTo("UNKNOWN_PEMDA");
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// 50.000.000 awaiting refill = 50% of the 100.000.000 ceiling: eligible
			assertThat(figures("52.72", "DINKES")).containsEntry("apbd_up_ceiling_rupiah", 100_000_000.00)
				.containsEntry("apbd_up_disbursed_rupiah", 100_000_000.00)
				.containsEntry("apbd_up_accounted_rupiah", 50_000_000.00)
				.containsEntry("apbd_up_outstanding_rupiah", 50_000_000.00)
				.containsEntry("apbd_up_awaiting_refill_rupiah", 50_000_000.00)
				.containsEntry("apbd_up_gu_eligible", 1.0)
				.containsEntry("apbd_up_first_disbursed_timestamp_seconds", startOf("2026-02-13", 8));
			assertThat(figures("34.04", "DINKES")).containsEntry("apbd_up_ceiling_rupiah", 200_000_000.00)
				.containsEntry("apbd_up_disbursed_rupiah", 200_000_000.00)
				.containsEntry("apbd_up_accounted_rupiah", 0.0)
				.containsEntry("apbd_up_outstanding_rupiah", 200_000_000.00)
				.containsEntry("apbd_up_gu_eligible", 0.0)
				// the start of 12 February in WIB (UTC+7)
				.containsEntry("apbd_up_first_disbursed_timestamp_seconds", startOf("2026-02-12", 7));
			// 30 days without a refill are allowed, 31 are not
			assertThat(rules("52.72", "DINKES")).containsEntry("gu_overdue", 0.0).containsEntry("up_not_requested", 0.0);
			assertThat(rules("34.04", "DINKES")).containsEntry("gu_overdue", 1.0).containsEntry("up_not_requested", 0.0);
			// Sleman's DISDIK has no UP 73 days into the year (more than 31)
			assertThat(rules("34.04", "DISDIK")).containsEntry("up_not_requested", 1.0).containsEntry("gu_overdue", 0.0);
		});
	}

	@Test
	void shouldExportEveryOpdOfBothRegionsFromStartUp() {
		PrometheusScrape scrape = scrape();
		// Kota Bima's 33 OPDs and Sleman's two; 10 rules each, 6 of them counted
		assertThat(scrape.named("apbd_up_outstanding_rupiah")).hasSize(35);
		assertThat(scrape.named("apbd_up_outstanding_rupiah").stream().filter(s -> "34.04".equals(s.labels().get("pemda"))))
			.extracting(s -> s.labels().get("opd"))
			.containsExactlyInAnyOrder("DINKES", "DISDIK");
		// the rule flags only while breached; per region the count of breaching OPDs for each of the 10 rules
		assertThat(scrape.named("apbd_up_rule_breaching_opds")).extracting(sample -> sample.labels().get("pemda"))
			.hasSize(2 * 10)
			.containsOnly("52.72", "34.04");
		// the start of 15 March in each region's own time zone: WITA (UTC+8) and WIB (UTC+7)
		assertThat(scrape.value("apbd_business_date_timestamp_seconds", Map.of("pemda", "52.72")))
			.isEqualTo(1_773_504_000.0);
		assertThat(scrape.value("apbd_business_date_timestamp_seconds", Map.of("pemda", "34.04")))
			.isEqualTo(1_773_507_600.0);
	}

	private static double startOf(String date, int utcOffsetHours) {
		return LocalDate.parse(date).atStartOfDay(ZoneOffset.ofHours(utcOffsetHours)).toEpochSecond();
	}

	/** The gauges of one region's OPD without a rule label, by name. */
	private Map<String, Double> figures(String pemda, String opd) {
		Map<String, Double> figures = new TreeMap<>();
		for (PrometheusScrape.Sample sample : scrape().samples()) {
			if (pemda.equals(sample.labels().get("pemda")) && opd.equals(sample.labels().get("opd"))
					&& !sample.labels().containsKey("rule")) {
				figures.put(sample.name(), sample.value());
			}
		}
		return figures;
	}

	/** {@code apbd_up_rule_breached} of one region's OPD, by rule: 0 for a rule without a series (exported only while breached). */
	private Map<String, Double> rules(String pemda, String opd) {
		Map<String, Double> rules = new TreeMap<>();
		for (UpFigures.Rule rule : UpFigures.Rule.values()) {
			rules.put(rule.label(), 0.0);
		}
		for (PrometheusScrape.Sample sample : scrape().named("apbd_up_rule_breached")) {
			if (pemda.equals(sample.labels().get("pemda")) && opd.equals(sample.labels().get("opd"))) {
				rules.put(sample.labels().get("rule"), sample.value());
			}
		}
		return rules;
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of("http://localhost:" + this.port);
	}

}
