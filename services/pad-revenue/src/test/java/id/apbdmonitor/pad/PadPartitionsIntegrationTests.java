package id.apbdmonitor.pad;

import java.time.Duration;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.RegionFiles;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static id.apbdmonitor.pad.PadRevenueIntegrationTests.receipt;
import static id.apbdmonitor.pad.PadRevenueIntegrationTests.reversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PAD ledger is partitioned by region and fiscal year (db/pad/V86): the same receipt id in
 * Kota Bima and in Sleman is two receipts, each in its region's partition, and a reversal in
 * Sleman takes back Sleman's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PadPartitionsIntegrationTests {

	private static final String PBB_P2 = "4.1.01.15.01.0001";

	private static TestTopics topics;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "pad-revenue", "2026-03-31");
		registry.add("apbd.regions.dir", () -> RegionFiles.dir("34.04-kabupaten-sleman.yml", """
				apbd:
				  region:
				    pemda: "34.04"
				    name: Kabupaten Sleman
				    province: Daerah Istimewa Yogyakarta
				    zone: Asia/Jakarta
				    opds:
				      - { code: BPKAD, name: Badan Keuangan dan Aset Daerah }
				"""));
	}

	@Test
	void shouldKeepTheSameReceiptIdOfTwoRegionsApart() {
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.events(), "52.72/BPKAD", receipt("STS-SAMA-1", "BPKAD", PBB_P2, "15000000.00", "2026-03-10"));
			kafka.send(topics.events(), "34.04/BPKAD",
					RegionFiles.inSleman(receipt("STS-SAMA-1", "BPKAD", PBB_P2, "7500000.00", "2026-03-11")));
			kafka.send(topics.events(), "34.04/BPKAD",
					RegionFiles.inSleman(reversal("STS-SAMA-1-BATAL", "BPKAD", "STS-SAMA-1", "500000.00", "2026-03-12")));
		}
		// by hand: Kota Bima 15,000,000; Sleman 7,500,000 - 500,000
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"select pemda || ' ' || realised || ' ' || events from pad_total order by pemda", String.class))
				.containsExactly("34.04 7000000.00 2", "52.72 15000000.00 1"));
		assertThat(this.jdbc.queryForList("select tableoid::regclass || ' ' || event_id from pad_ledger order by 1",
				String.class))
			.containsExactly("pad_ledger_34_04_2026 STS-SAMA-1", "pad_ledger_34_04_2026 STS-SAMA-1-BATAL",
					"pad_ledger_52_72_2026 STS-SAMA-1");
	}

}
