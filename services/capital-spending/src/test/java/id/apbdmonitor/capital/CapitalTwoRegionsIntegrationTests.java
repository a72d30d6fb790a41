package id.apbdmonitor.capital;

import java.time.Duration;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.RegionFiles;
import id.apbdmonitor.core.test.RegionMidnightClock;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static id.apbdmonitor.capital.CapitalSpendingIntegrationTests.contract;
import static id.apbdmonitor.capital.CapitalSpendingIntegrationTests.payment;
import static id.apbdmonitor.capital.CapitalSpendingIntegrationTests.progress;
import static id.apbdmonitor.capital.CapitalSpendingIntegrationTests.reversal;
import static id.apbdmonitor.core.test.TestEvents.budgetLine;
import static id.apbdmonitor.core.test.TestEvents.months;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One capital-spending process for two regions: Kota Bima (the home region, WITA) and Kabupaten
 * Sleman (WIB) from a region file of {@code apbd.regions.dir}. The clock stands at 31 March 2026
 * 16:30 UTC: already 1 April 00:30 in Kota Bima, still 31 March 23:30 in Sleman, so each region's
 * cash plan to date is of its own day. Both have a DINKES and contracts on the same (national)
 * sub-kegiatan code; each region's priority project counts only its own region's contracts, and
 * an event of one region cannot pay or reverse on a contract of the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RegionMidnightClock.class)
@DirtiesContext
class CapitalTwoRegionsIntegrationTests {

	private static final String BUILDING = "5.2.03.01.01.0001";

	/** The sub-kegiatan of both regions' projects (Permendagri 90 codes are national). */
	private static final String HEALTH_WORKS = "1.02.02.2.01.0001";

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "capital-spending", "2026-03-31");
		registry.add("apbd.regions.dir", RegionFiles::slemanDir);
		// a list given here replaces the configured one: one project of each region, same sub-kegiatan
		registry.add("apbd.capital.projects[0].code", () -> "rsud-works");
		registry.add("apbd.capital.projects[0].opd", () -> "RSUD");
		registry.add("apbd.capital.projects[0].sub-activities[0]", () -> HEALTH_WORKS);
		registry.add("apbd.capital.projects[1].code", () -> "sleman-puskesmas");
		registry.add("apbd.capital.projects[1].opd", () -> "DINKES");
		registry.add("apbd.capital.projects[1].pemda", () -> "34.04");
		registry.add("apbd.capital.projects[1].sub-activities[0]", () -> HEALTH_WORKS);
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
	void shouldKeepEachRegionsContractsProjectsAndCashPlanOnItsOwnSeries() {
		kafka.send(topics.budget(), "52.72/DINKES", budgetLine("DPA-BIMA-DINKES-CAP", "BIMA-DINKES-CAP-1", "DINKES",
				BUILDING, 0, "ORIGINAL", months("10000000.00")));
		kafka.send(topics.budget(), "34.04/DINKES", RegionFiles.inSleman(budgetLine("DPA-SLEMAN-DINKES-CAP", "SLEMAN-DINKES-CAP-1",
				"DINKES", BUILDING, 0, "ORIGINAL", months("30000000.00"))));
		kafka.send(topics.events(), "52.72/DINKES", contract("K-BIMA-1", "DINKES", HEALTH_WORKS, BUILDING,
				"100000000.00", "2026-01-10", "2026-06-30"));
		kafka.send(topics.events(), "52.72/DINKES",
				payment("SP2D-BIMA-1", "DINKES", "K-BIMA-1", "ADVANCE", "20000000.00", "2026-02-01"));
		kafka.send(topics.events(), "52.72/DINKES", progress("PROG-BIMA-1", "DINKES", "K-BIMA-1", "40", "2026-03-20"));
		kafka.send(topics.events(), "34.04/DINKES", RegionFiles.inSleman(contract("K-SLEMAN-1", "DINKES", HEALTH_WORKS, BUILDING,
				"250000000.00", "2026-01-12", "2026-09-30")));
		kafka.send(topics.events(), "34.04/DINKES",
				RegionFiles.inSleman(payment("SP2D-SLEMAN-1", "DINKES", "K-SLEMAN-1", "ADVANCE", "75000000.00", "2026-03-02")));
		kafka.send(topics.events(), "34.04/DINKES",
				RegionFiles.inSleman(progress("PROG-SLEMAN-1", "DINKES", "K-SLEMAN-1", "20", "2026-03-25")));

		Map<String, String> bimaProject = Map.of("pemda", "52.72", "project", "rsud-works");
		Map<String, String> slemanProject = Map.of("pemda", "34.04", "project", "sleman-puskesmas");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.value("apbd_pagu_rupiah", capital("52.72", "DINKES"))).isEqualTo(120_000_000.00);
			assertThat(scrape.value("apbd_pagu_rupiah", capital("34.04", "DINKES"))).isEqualTo(360_000_000.00);
			assertThat(scrape.value("apbd_contracted_rupiah", capital("52.72", "DINKES"))).isEqualTo(100_000_000.00);
			assertThat(scrape.value("apbd_contracted_rupiah", capital("34.04", "DINKES"))).isEqualTo(250_000_000.00);
			assertThat(scrape.value("apbd_realised_rupiah", capital("52.72", "DINKES"))).isEqualTo(20_000_000.00);
			assertThat(scrape.value("apbd_realised_rupiah", capital("34.04", "DINKES"))).isEqualTo(75_000_000.00);
			assertThat(scrape.value("apbd_project_contracted_rupiah", bimaProject)).isEqualTo(100_000_000.00);
			assertThat(scrape.value("apbd_project_contracted_rupiah", slemanProject)).isEqualTo(250_000_000.00);
			// 20 juta ÷ 100 juta and 75 juta ÷ 250 juta
			assertThat(scrape.value("apbd_project_financial_progress_ratio", bimaProject)).isEqualTo(0.2);
			assertThat(scrape.value("apbd_project_financial_progress_ratio", slemanProject)).isEqualTo(0.3);
			assertThat(scrape.value("apbd_project_physical_progress_ratio", bimaProject)).isEqualTo(0.4);
			assertThat(scrape.value("apbd_project_physical_progress_ratio", slemanProject)).isEqualTo(0.2);
		});
		PrometheusScrape scrape = scrape();
		// Kota Bima on 1 April: January to March 30,000,000 + 10,000,000 × 1/30 = 333,333.33
		assertThat(scrape.value("apbd_cash_plan_to_date_rupiah", capital("52.72", "DINKES"))).isEqualTo(30_333_333.33);
		// Sleman still on 31 March: January and February 60,000,000 + March 30,000,000 × 31/31
		assertThat(scrape.value("apbd_cash_plan_to_date_rupiah", capital("34.04", "DINKES"))).isEqualTo(90_000_000.00);
		// a planned end is the start of the day in the project's own region:
		// 30 June 00:00 WITA = 2026-06-29T16:00Z; 30 September 00:00 WIB = 2026-09-29T17:00Z
		assertThat(scrape.value("apbd_project_planned_end_timestamp_seconds", bimaProject)).isEqualTo(1_782_748_800.0);
		assertThat(scrape.value("apbd_project_planned_end_timestamp_seconds", slemanProject))
			.isEqualTo(1_790_701_200.0);
		// each project exists in its own region only
		assertThat(scrape.named("apbd_project_contracted_rupiah"))
			.extracting(sample -> sample.labels().get("pemda") + " " + sample.labels().get("opd") + " "
					+ sample.labels().get("project"))
			.containsExactlyInAnyOrder("52.72 RSUD rsud-works", "34.04 DINKES sleman-puskesmas");

		// Sleman's DINKES paying on, and reversing a payment of, Kota Bima's DINKES contract
		kafka.send(topics.events(), "34.04/DINKES",
				RegionFiles.inSleman(payment("SP2D-SLEMAN-ON-BIMA", "DINKES", "K-BIMA-1", "INSTALMENT", "1000000.00", "2026-03-28")));
		kafka.send(topics.events(), "34.04/DINKES",
				RegionFiles.inSleman(reversal("BATAL-SLEMAN-ON-BIMA", "DINKES", "SP2D-BIMA-1", "1000000.00", "2026-03-28")));
		kafka.send(topics.events(), "52.06/DINKES", contract("K-DOMPU-1", "DINKES", HEALTH_WORKS, BUILDING,
				"1000000.00", "2026-01-10", "2026-06-30")
			.replace("\"pemda\":\"52.72\"", "\"pemda\":\"52.06\""));
		// ids are scoped by region: Sleman has no contract K-BIMA-1 nor payment SP2D-BIMA-1 of its own
		assertThat(deadLetterReason("SP2D-SLEMAN-ON-BIMA")).isEqualTo("UNKNOWN_REFERENCE");
		assertThat(deadLetterReason("BATAL-SLEMAN-ON-BIMA")).isEqualTo("UNKNOWN_REFERENCE");
		assertThat(deadLetterReason("K-DOMPU-1")).isEqualTo("UNKNOWN_PEMDA");
		assertThat(scrape().value("apbd_realised_rupiah", capital("52.72", "DINKES"))).isEqualTo(20_000_000.00);
	}

	@Test
	void shouldExportEveryRegionsOpdsAndBusinessDateFromStartUp() {
		PrometheusScrape scrape = scrape();
		// Kota Bima's 33 OPDs and Sleman's two
		assertThat(scrape.named("apbd_handed_over_unpaid_rupiah")).hasSize(35);
		assertThat(scrape.named("apbd_handed_over_unpaid_rupiah")
			.stream()
			.filter(sample -> "34.04".equals(sample.labels().get("pemda"))))
			.extracting(sample -> sample.labels().get("opd"))
			.containsExactlyInAnyOrder("DINKES", "DISDIK");
		// 1 April 00:00 WITA = 2026-03-31T16:00Z; 31 March 00:00 WIB = 2026-03-30T17:00Z
		assertThat(scrape.value("apbd_business_date_timestamp_seconds", Map.of("pemda", "52.72")))
			.isEqualTo(1_774_972_800.0);
		assertThat(scrape.value("apbd_business_date_timestamp_seconds", Map.of("pemda", "34.04")))
			.isEqualTo(1_774_890_000.0);
	}

	/** The reason of the event's dead letter (checked to be its own: find returns the last record read). */
	private static String deadLetterReason(String eventId) {
		KafkaTestClient.DeadLetter letter = kafka.find(topics.eventsDlt(), eventId, Duration.ofSeconds(30));
		assertThat(letter.value()).contains("\"" + eventId + "\"");
		return letter.reason();
	}

	private static Map<String, String> capital(String pemda, String opd) {
		return Map.of("pemda", pemda, "opd", opd, "category", "capital");
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of("http://localhost:" + this.port);
	}

}
