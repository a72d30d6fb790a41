package id.apbdmonitor.goods;

import java.time.Duration;
import java.util.Map;

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

import static id.apbdmonitor.core.test.TestEvents.budgetLine;
import static id.apbdmonitor.core.test.TestEvents.months;
import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One goods-spending process for two regions: Kota Bima (the home region) and Kabupaten Sleman
 * from a region file of {@code apbd.regions.dir}. Both have an OPD coded DINKES; each region's
 * budget and spending land on its own series, an OPD of one region is not one of the other, and
 * a third pemda is still refused. The business date is fixed on 15 March 2026.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class GoodsTwoRegionsIntegrationTests {

	private static final String GOODS_ACCOUNT = "5.1.02.01.01.0024";

	private static TestTopics topics;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "goods-spending", "2026-03-15");
		registry.add("apbd.regions.dir", RegionFiles::slemanDir);
	}

	@Test
	void shouldKeepEachRegionsBudgetAndSpendingOnItsOwnSeries() {
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.budget(), "52.72/DINKES", budgetLine("DPA-BIMA-DINKES", "BIMA-DINKES-1", "DINKES",
					GOODS_ACCOUNT, 0, "ORIGINAL", months("10000000.00")));
			kafka.send(topics.budget(), "34.04/DINKES", RegionFiles.inSleman(budgetLine("DPA-SLEMAN-DINKES", "SLEMAN-DINKES-1",
					"DINKES", GOODS_ACCOUNT, 0, "ORIGINAL", months("25000000.00"))));
			kafka.send(topics.events(), "52.72/DINKES",
					realisedEvent("SP2D-BIMA-DINKES-1", "DINKES", GOODS_ACCOUNT, "4500000.00", "2026-03-02"));
			kafka.send(topics.events(), "34.04/DINKES",
					RegionFiles.inSleman(realisedEvent("SP2D-SLEMAN-DINKES-1", "DINKES", GOODS_ACCOUNT, "12345678.90", "2026-03-03")));
			kafka.send(topics.events(), "34.04/DISDIK",
					RegionFiles.inSleman(realisedEvent("SP2D-SLEMAN-DISDIK-1", "DISDIK", GOODS_ACCOUNT, "1000000.00", "2026-03-04")));
			// an OPD of Kota Bima under Sleman's code, and a pemda monitored by neither
			kafka.send(topics.events(), "34.04/BPKAD",
					RegionFiles.inSleman(realisedEvent("SP2D-SLEMAN-BPKAD-1", "BPKAD", GOODS_ACCOUNT, "1.00", "2026-03-04")));
			kafka.send(topics.events(), "52.06/DINKES", realisedEvent("SP2D-DOMPU-1", "DINKES", GOODS_ACCOUNT, "1.00",
					"2026-03-04").replace("\"pemda\":\"52.72\"", "\"pemda\":\"52.06\""));

			assertThat(kafka.find(topics.eventsDlt(), "SP2D-SLEMAN-BPKAD-1", Duration.ofSeconds(30)).reason())
				.isEqualTo("UNKNOWN_OPD");
			assertThat(kafka.find(topics.eventsDlt(), "SP2D-DOMPU-1", Duration.ofSeconds(30)).reason())
				.isEqualTo("UNKNOWN_PEMDA");
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.value("apbd_pagu_rupiah", goods("52.72", "DINKES"))).isEqualTo(120_000_000.00);
			assertThat(scrape.value("apbd_pagu_rupiah", goods("34.04", "DINKES"))).isEqualTo(300_000_000.00);
			assertThat(scrape.value("apbd_realised_rupiah", goods("52.72", "DINKES"))).isEqualTo(4_500_000.00);
			assertThat(scrape.value("apbd_realised_rupiah", goods("34.04", "DINKES"))).isEqualTo(12_345_678.90);
			assertThat(scrape.value("apbd_realised_rupiah", goods("34.04", "DISDIK"))).isEqualTo(1_000_000.00);
		});
		// Sleman's series: its two OPDs with spending, nothing for the dead-lettered BPKAD
		assertThat(scrape().named("apbd_realised_rupiah").stream().filter(s -> "34.04".equals(s.labels().get("pemda"))))
			.extracting(s -> s.labels().get("opd"))
			.containsExactlyInAnyOrder("DINKES", "DISDIK");
		// two and a half months of Sleman's plan on 15 March (31 days of March: 15/31 of its third month)
		assertThat(scrape().value("apbd_cash_plan_to_date_rupiah", goods("34.04", "DINKES")))
			.isEqualTo(50_000_000.00 + 25_000_000.00 * 15 / 31, org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void shouldExportEachRegionsOpdsNamesAndBusinessDate() {
		PrometheusScrape scrape = scrape();
		// names from start-up, whether or not the OPD has spending series yet
		assertThat(scrape.value("apbd_opd_info", Map.of("pemda", "34.04", "opd", "DINKES", "opd_name",
				"Dinas Kesehatan Sleman"))).isEqualTo(1.0);
		// zone: the name Alertmanager prints after an alert's times (Asia/Jakarta is WIB, Asia/Makassar WITA)
		assertThat(scrape.value("apbd_region_info", Map.of("pemda", "34.04", "region_name", "Kabupaten Sleman",
				"province", "Daerah Istimewa Yogyakarta", "zone", "WIB"))).isEqualTo(1.0);
		assertThat(scrape.value("apbd_region_info", Map.of("pemda", "52.72", "region_name", "Kota Bima",
				"province", "Nusa Tenggara Barat", "zone", "WITA"))).isEqualTo(1.0);
		// the start of 15 March in each region's own time zone: WITA (UTC+8) and WIB (UTC+7)
		assertThat(scrape.value("apbd_business_date_timestamp_seconds", Map.of("pemda", "52.72")))
			.isEqualTo(1_773_504_000.0);
		assertThat(scrape.value("apbd_business_date_timestamp_seconds", Map.of("pemda", "34.04")))
			.isEqualTo(1_773_507_600.0);
	}

	private static Map<String, String> goods(String pemda, String opd) {
		return Map.of("pemda", pemda, "opd", opd, "category", "goods");
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of("http://localhost:" + this.port);
	}

}
