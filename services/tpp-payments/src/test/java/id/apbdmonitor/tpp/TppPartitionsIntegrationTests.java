package id.apbdmonitor.tpp;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The TPP ledger is partitioned by region and fiscal year (db/tpp/V85): each region's year has
 * its partition from start-up, and the same event id in Kota Bima and in Sleman is two stages,
 * each in its region's partition.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TppPartitionsIntegrationTests {

	private static TestTopics topics;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "tpp-payments", "2026-03-16");
		registry.add("apbd.regions.dir", () -> RegionFiles.slemanDir());
	}

	@Test
	void shouldStoreTheSameIdOfTwoRegionsAsTwoStages() {
		assertThat(this.jdbc.queryForList("select relid::text from pg_partition_tree('tpp_ledger') where isleaf",
				String.class))
			.containsExactlyInAnyOrder("tpp_ledger_default", "tpp_ledger_52_72_default", "tpp_ledger_52_72_2026",
					"tpp_ledger_52_72_2027", "tpp_ledger_34_04_default", "tpp_ledger_34_04_2026", "tpp_ledger_34_04_2027");
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.events(), "52.72/DINKES", stage("52.72", "TPP-SAMA-1", "2026-02-03"));
			kafka.send(topics.events(), "34.04/DINKES", stage("34.04", "TPP-SAMA-1", "2026-02-04"));
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"select tableoid::regclass || ' ' || event_id || ' ' || occurred_on from tpp_ledger order by 1",
					String.class))
				.containsExactly("tpp_ledger_34_04_2026 TPP-SAMA-1 2026-02-04",
						"tpp_ledger_52_72_2026 TPP-SAMA-1 2026-02-03"));
	}

	private static String stage(String pemda, String eventId, String date) {
		return """
				{"eventId":"%s","type":"tpp-stage","schemaVersion":1,"pemda":"%s","fiscalYear":2026,"opd":"DINKES",
				 "occurredOn":"%s","document":{"kind":"OTHER","number":"%s"},"month":1,"stage":"PERFORMANCE_CLOSED",
				 "amount":"1000000.00","employees":60}"""
			.formatted(eventId, pemda, date, eventId);
	}

}
