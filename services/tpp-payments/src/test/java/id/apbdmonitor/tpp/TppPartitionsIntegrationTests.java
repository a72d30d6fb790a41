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
 * each in its region's partition; within one region an id is one stage whatever the year
 * (db/tpp/V88's {@code tpp_event_id}), until its region-year is dropped for a replay.
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
		// Kota Bima's 2025 still open (its December paid late, say): an id of 2025 may come back
		// under 2026; Sleman's years are its region file's
		registry.add("apbd.region.open-fiscal-years", () -> "2025,2026");
	}

	@Test
	void shouldStoreTheSameIdOfTwoRegionsAsTwoStages() {
		assertThat(this.jdbc.queryForList("select relid::text from pg_partition_tree('tpp_ledger') where isleaf",
				String.class))
			.containsExactlyInAnyOrder("tpp_ledger_default", "tpp_ledger_52_72_default", "tpp_ledger_52_72_2025",
					"tpp_ledger_52_72_2026", "tpp_ledger_52_72_2027", "tpp_ledger_34_04_default", "tpp_ledger_34_04_2026",
					"tpp_ledger_34_04_2027");
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.events(), "52.72/DINKES", stage("52.72", "TPP-SAMA-1", "2026-02-03"));
			kafka.send(topics.events(), "34.04/DINKES", stage("34.04", "TPP-SAMA-1", "2026-02-04"));
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"select tableoid::regclass || ' ' || event_id || ' ' || occurred_on from tpp_ledger "
							+ "where event_id = 'TPP-SAMA-1' order by 1",
					String.class))
				.containsExactly("tpp_ledger_34_04_2026 TPP-SAMA-1 2026-02-04",
						"tpp_ledger_52_72_2026 TPP-SAMA-1 2026-02-03"));
	}

	@Test
	void shouldDeadLetterAnIdTheRegionHoldsInAnotherYear() throws Exception {
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.events(), "52.72/DINKES", stage("52.72", 2025, "TPP-TAHUN-1", "2025-02-03"));
			kafka.send(topics.events(), "52.72/DINKES", stage("52.72", 2026, "TPP-TAHUN-1", "2026-02-03"));
			// the same payload again: a duplicate, not a conflict
			kafka.send(topics.events(), "52.72/DINKES", stage("52.72", 2025, "TPP-TAHUN-1", "2025-02-03"));
			assertThat(kafka.find(topics.eventsDlt(), "TPP-TAHUN-1", Duration.ofSeconds(30)).headers())
				.containsEntry("apbd-reason", "EVENT_ID_CONFLICT")
				.containsEntry("apbd-value", "TPP-TAHUN-1");
		}
		assertThat(this.jdbc.queryForList(
				"select tableoid::regclass || ' ' || occurred_on from tpp_ledger where event_id = 'TPP-TAHUN-1'",
				String.class))
			.containsExactly("tpp_ledger_52_72_2025 2025-02-03");
		assertThat(this.jdbc.queryForList(
				"select pemda || ' ' || fiscal_year from tpp_event_id where event_id = 'TPP-TAHUN-1'", String.class))
			.containsExactly("52.72 2025");

		// the drop of the region-year takes its ids too: its replay is stored again, not a duplicate
		assertThat(topics.database().dropRegionYear("tpp_payments", "52.72", 2025)).contains("tpp_event_id: 1 rows deleted",
				"tpp_ledger: partition tpp_ledger_52_72_2025 dropped and created empty");
		assertThat(this.jdbc.queryForObject("select count(*) from tpp_event_id where event_id = 'TPP-TAHUN-1'",
				Integer.class))
			.isZero();
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.events(), "52.72/DINKES", stage("52.72", 2025, "TPP-TAHUN-1", "2025-02-03"));
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"select tableoid::regclass || ' ' || occurred_on from tpp_ledger where event_id = 'TPP-TAHUN-1'",
					String.class))
				.containsExactly("tpp_ledger_52_72_2025 2025-02-03"));
	}

	private static String stage(String pemda, String eventId, String date) {
		return stage(pemda, 2026, eventId, date);
	}

	private static String stage(String pemda, int fiscalYear, String eventId, String date) {
		return """
				{"eventId":"%s","type":"tpp-stage","schemaVersion":1,"pemda":"%s","fiscalYear":%d,"opd":"DINKES",
				 "occurredOn":"%s","document":{"kind":"OTHER","number":"%s"},"month":1,"stage":"PERFORMANCE_CLOSED",
				 "amount":"1000000.00","employees":60}"""
			.formatted(eventId, pemda, fiscalYear, date, eventId);
	}

}
