package id.apbdmonitor.capital;

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

import static id.apbdmonitor.capital.CapitalSpendingIntegrationTests.contract;
import static id.apbdmonitor.capital.CapitalSpendingIntegrationTests.payment;
import static id.apbdmonitor.capital.CapitalSpendingIntegrationTests.reversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The capital ledger is partitioned by region and fiscal year (db/capital/V87): the same
 * contract id and payment id in Kota Bima and in Sleman are two contracts and two payments, each
 * in its region's partition, and a reversal in Sleman takes back Sleman's payment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CapitalPartitionsIntegrationTests {

	private static final String BUILDING = "5.2.03.01.01.0001";

	private static final String HEALTH_WORKS = "1.02.02.2.01.0001";

	private static TestTopics topics;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "capital-spending", "2026-03-31");
		registry.add("apbd.regions.dir", RegionFiles::slemanDir);
	}

	@Test
	void shouldKeepTheSameContractOfTwoRegionsApart() {
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.events(), "52.72/DINKES", contract("K-SAMA-1", "DINKES", HEALTH_WORKS, BUILDING,
					"100000000.00", "2026-01-10", "2026-06-30"));
			kafka.send(topics.events(), "52.72/DINKES",
					payment("SP2D-SAMA-1", "DINKES", "K-SAMA-1", "ADVANCE", "20000000.00", "2026-02-01"));
			kafka.send(topics.events(), "34.04/DINKES", RegionFiles.inSleman(contract("K-SAMA-1", "DINKES",
					HEALTH_WORKS, BUILDING, "250000000.00", "2026-01-12", "2026-09-30")));
			kafka.send(topics.events(), "34.04/DINKES", RegionFiles.inSleman(
					payment("SP2D-SAMA-1", "DINKES", "K-SAMA-1", "ADVANCE", "75000000.00", "2026-03-02")));
			kafka.send(topics.events(), "34.04/DINKES",
					RegionFiles.inSleman(reversal("BATAL-SAMA-1", "DINKES", "SP2D-SAMA-1", "5000000.00", "2026-03-03")));
		}
		// by hand: Sleman 75,000,000 - 5,000,000 paid of 250,000,000; Kota Bima 20,000,000 of 100,000,000
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"select pemda || ' ' || contract_id || ' ' || contract_value || ' ' || paid from capital_contract "
							+ "order by pemda", String.class))
				.containsExactly("34.04 K-SAMA-1 250000000.00 70000000.00", "52.72 K-SAMA-1 100000000.00 20000000.00"));
		assertThat(this.jdbc.queryForList(
				"select tableoid::regclass || ' ' || event_id from capital_event order by 1", String.class))
			.containsExactly("capital_event_34_04_2026 BATAL-SAMA-1", "capital_event_34_04_2026 K-SAMA-1",
					"capital_event_34_04_2026 SP2D-SAMA-1", "capital_event_52_72_2026 K-SAMA-1",
					"capital_event_52_72_2026 SP2D-SAMA-1");
	}

}
