package id.apbdmonitor.pad;

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

import static id.apbdmonitor.core.test.TestEvents.budgetLine;
import static id.apbdmonitor.core.test.TestEvents.months;
import static id.apbdmonitor.pad.PadRevenueIntegrationTests.receipt;
import static id.apbdmonitor.pad.PadRevenueIntegrationTests.reversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One pad-revenue process for two regions: Kota Bima (the home region, WITA) and Kabupaten
 * Sleman (WIB) from a region file of {@code apbd.regions.dir}. The clock stands at 31 March 2026
 * 16:30 UTC: already 1 April 00:30 in Kota Bima, still 31 March 23:30 in Sleman, so each region's
 * seasonal expectation is of its own day. Both have a BPKAD and a DINKES: targets, receipts and
 * the zero-target rule of one region never show on the other's series, and a reversal of one
 * region cannot take back a receipt of the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RegionMidnightClock.class)
@DirtiesContext
class PadTwoRegionsIntegrationTests {

	private static final String PBB_P2 = "4.1.01.15.01.0001";

	private static final String HEALTH_LEVY = "4.1.02.01.01.0001";

	private static final String SLEMAN = """
			apbd:
			  region:
			    pemda: "34.04"
			    name: Kabupaten Sleman
			    province: Daerah Istimewa Yogyakarta
			    zone: Asia/Jakarta
			    opds:
			      - { code: BPKAD, name: Badan Keuangan dan Aset Daerah }
			      - { code: DINKES, name: Dinas Kesehatan Sleman }
			""";

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "pad-revenue", "2026-03-31");
		registry.add("apbd.regions.dir", () -> RegionFiles.dir("34.04-kabupaten-sleman.yml", SLEMAN));
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
	void shouldKeepEachRegionsTargetsReceiptsAndRuleOnItsOwnSeries() {
		kafka.send(topics.budget(), "52.72/BPKAD", budgetLine("DPA-BIMA-PBB", "BIMA-PBB-1", "BPKAD", PBB_P2, 0,
				"ORIGINAL", months("100000000.00")));
		kafka.send(topics.budget(), "52.72/DINKES", budgetLine("DPA-BIMA-LEVY", "BIMA-LEVY-1", "DINKES", HEALTH_LEVY,
				0, "ORIGINAL", months("2000000.00")));
		kafka.send(topics.budget(), "34.04/BPKAD", RegionFiles.inSleman(budgetLine("DPA-SLEMAN-PBB", "SLEMAN-PBB-1", "BPKAD", PBB_P2,
				0, "ORIGINAL", months("50000000.00"))));
		// Sleman's health levy moved to a BLUD: the shift of 10 March sets its target to 0
		kafka.send(topics.budget(), "34.04/DINKES", RegionFiles.inSleman(budgetLine("DPA-SLEMAN-LEVY-r0", "SLEMAN-LEVY-1", "DINKES",
				HEALTH_LEVY, 0, "ORIGINAL", months("1000000.00"))));
		kafka.send(topics.budget(), "34.04/DINKES", RegionFiles.inSleman(budgetLine("DPA-SLEMAN-LEVY-r1", "SLEMAN-LEVY-1", "DINKES",
				HEALTH_LEVY, 1, "SHIFT", "0.00", months("0.00"), "2026-03-10")));
		kafka.send(topics.events(), "52.72/BPKAD", receipt("STS-BIMA-1", "BPKAD", PBB_P2, "15000000.00", "2026-03-10"));
		kafka.send(topics.events(), "52.72/DINKES",
				receipt("STS-BIMA-2", "DINKES", HEALTH_LEVY, "300000.00", "2026-03-20"));
		kafka.send(topics.events(), "34.04/BPKAD",
				RegionFiles.inSleman(receipt("STS-SLEMAN-1", "BPKAD", PBB_P2, "7500000.50", "2026-03-30")));
		kafka.send(topics.events(), "34.04/DINKES",
				RegionFiles.inSleman(receipt("STS-SLEMAN-2", "DINKES", HEALTH_LEVY, "1250000.00", "2026-03-20")));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.value("apbd_revenue_target_rupiah", pad("52.72", "BPKAD", "pbb-p2")))
				.isEqualTo(1_200_000_000.00);
			assertThat(scrape.value("apbd_revenue_target_rupiah", pad("34.04", "BPKAD", "pbb-p2")))
				.isEqualTo(600_000_000.00);
			assertThat(scrape.value("apbd_revenue_target_rupiah", pad("52.72", "DINKES", "retribusi")))
				.isEqualTo(24_000_000.00);
			assertThat(scrape.value("apbd_revenue_target_rupiah", pad("34.04", "DINKES", "retribusi"))).isZero();
			assertThat(scrape.value("apbd_revenue_realised_rupiah", pad("52.72", "BPKAD", "pbb-p2")))
				.isEqualTo(15_000_000.00);
			assertThat(scrape.value("apbd_revenue_realised_rupiah", pad("34.04", "BPKAD", "pbb-p2")))
				.isEqualTo(7_500_000.50);
			assertThat(scrape.value("apbd_revenue_realised_rupiah", pad("52.72", "DINKES", "retribusi")))
				.isEqualTo(300_000.00);
			assertThat(scrape.value("apbd_revenue_realised_rupiah", pad("34.04", "DINKES", "retribusi")))
				.isEqualTo(1_250_000.00);
			// Sleman's receipt of 20 March is after its shift of 10 March; Kota Bima's target was never 0
			assertThat(scrape.value("apbd_pad_rule_breaches", pad("34.04", "DINKES", "retribusi"))).isEqualTo(1.0);
			assertThat(scrape.value("apbd_pad_rule_breached", pad("34.04", "DINKES", "retribusi"))).isEqualTo(1.0);
			assertThat(scrape.value("apbd_pad_rule_breached", pad("52.72", "DINKES", "retribusi"))).isZero();
		});
		PrometheusScrape scrape = scrape();
		// PBB-P2's profile: 1 %, 1 %, 2 %, 3 % … Kota Bima on 1 April: 12 + 12 + 24 juta, plus 36 juta × 1/30
		assertThat(scrape.value("apbd_revenue_expected_to_date_rupiah", pad("52.72", "BPKAD", "pbb-p2")))
			.isEqualTo(49_200_000.00);
		// Sleman still on 31 March: 6 + 6 + 12 juta, the whole of March
		assertThat(scrape.value("apbd_revenue_expected_to_date_rupiah", pad("34.04", "BPKAD", "pbb-p2")))
			.isEqualTo(24_000_000.00);
		// the levy has no profile, a twelfth a month: Kota Bima 3 × 2,000,000 + 2,000,000 × 1/30 = 66,666.67
		assertThat(scrape.value("apbd_revenue_expected_to_date_rupiah", pad("52.72", "DINKES", "retribusi")))
			.isEqualTo(6_066_666.67);
		// the start of a receipt's day in its own region: 10 March 00:00 WITA = 2026-03-09T16:00Z,
		// 30 March 00:00 WIB = 2026-03-29T17:00Z
		assertThat(scrape.value("apbd_revenue_last_receipt_timestamp_seconds", pad("52.72", "BPKAD", "pbb-p2")))
			.isEqualTo(1_773_072_000.0);
		assertThat(scrape.value("apbd_revenue_last_receipt_timestamp_seconds", pad("34.04", "BPKAD", "pbb-p2")))
			.isEqualTo(1_774_803_600.0);

		// Sleman's BPKAD taking back part of Kota Bima's BPKAD receipt, and a pemda monitored by neither
		kafka.send(topics.events(), "34.04/BPKAD",
				RegionFiles.inSleman(reversal("STS-SLEMAN-ON-BIMA", "BPKAD", "STS-BIMA-1", "1000000.00", "2026-03-31")));
		kafka.send(topics.events(), "52.06/BPKAD", receipt("STS-DOMPU-1", "BPKAD", PBB_P2, "1.00", "2026-03-10")
			.replace("\"pemda\":\"52.72\"", "\"pemda\":\"52.06\""));
		// ids are scoped by region: Sleman has no STS-BIMA-1 of its own
		assertThat(deadLetterReason("STS-SLEMAN-ON-BIMA")).isEqualTo("UNKNOWN_REFERENCE");
		assertThat(deadLetterReason("STS-DOMPU-1")).isEqualTo("UNKNOWN_PEMDA");
		assertThat(scrape().value("apbd_revenue_realised_rupiah", pad("52.72", "BPKAD", "pbb-p2")))
			.isEqualTo(15_000_000.00);
	}

	@Test
	void shouldExportEveryRegionsCollectorsAndBusinessDateFromStartUp() {
		PrometheusScrape scrape = scrape();
		// Kota Bima: BPKAD's 11 types, RSUD's 2 and 7 OPDs' levies; Sleman has two of the collectors,
		// BPKAD (11) and DINKES (1). The test above uses configured pairs only.
		assertThat(scrape.named("apbd_revenue_realised_rupiah")).hasSize(32);
		assertThat(scrape.named("apbd_revenue_realised_rupiah")
			.stream()
			.filter(sample -> "34.04".equals(sample.labels().get("pemda")))
			.filter(sample -> "DINKES".equals(sample.labels().get("opd"))))
			.extracting(sample -> sample.labels().get("revenue_type"))
			.containsExactly("retribusi");
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

	private static Map<String, String> pad(String pemda, String opd, String revenueType) {
		return Map.of("pemda", pemda, "opd", opd, "category", "pad", "revenue_type", revenueType);
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of("http://localhost:" + this.port);
	}

}
