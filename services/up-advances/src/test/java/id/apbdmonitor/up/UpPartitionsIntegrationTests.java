package id.apbdmonitor.up;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static id.apbdmonitor.core.test.RegionFiles.inSleman;
import static id.apbdmonitor.up.UpEvents.tu;
import static id.apbdmonitor.up.UpEvents.tuReturned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The UP ledger is partitioned by region and fiscal year (db/up/V84): a TU id of Kota Bima and
 * the same id in Sleman are two TUs, a return settles the one of its own region, and dropping
 * Sleman 2026 leaves Kota Bima's rows as they were (same xmin). A look-up by id, the check of a
 * settlement's TU among them, probes the key even in a year no ANALYZE has seen yet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UpPartitionsIntegrationTests {

	private static TestTopics topics;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "up-advances", "2026-03-15");
		registry.add("apbd.regions.dir", () -> RegionFiles.slemanDir());
	}

	@Test
	void shouldKeepTheSameTuIdOfTwoRegionsApartAndDropOneRegionYear() throws Exception {
		assertThat(this.jdbc.queryForList("select relid::text from pg_partition_tree('up_ledger') where isleaf",
				String.class))
			.containsExactlyInAnyOrder("up_ledger_default", "up_ledger_52_72_default", "up_ledger_52_72_2026",
					"up_ledger_52_72_2027", "up_ledger_34_04_default", "up_ledger_34_04_2026", "up_ledger_34_04_2027");
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.events(), "52.72/DINKES", tu("TU-SAMA-1", "DINKES", "10000000.00", "2026-03-02"));
			kafka.send(topics.events(), "34.04/DINKES", inSleman(tu("TU-SAMA-1", "DINKES", "20000000.00", "2026-03-03")));
			kafka.send(topics.events(), "34.04/DINKES",
					inSleman(tuReturned("STS-SLEMAN-1", "DINKES", "TU-SAMA-1", "5000000.00", "2026-03-05")));
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(tus()).containsExactly("34.04 TU-SAMA-1 20000000.00 5000000.00",
					"52.72 TU-SAMA-1 10000000.00 0.00"));
		assertThat(this.jdbc.queryForList("select tableoid::regclass || ' ' || event_id from up_ledger order by 1",
				String.class))
			.containsExactly("up_ledger_34_04_2026 STS-SLEMAN-1", "up_ledger_34_04_2026 TU-SAMA-1",
					"up_ledger_52_72_2026 TU-SAMA-1");
		List<String> bima = bimaRowsWithXmin();
		assertThat(bima).hasSize(3);

		assertThat(topics.database().dropRegionYear("up_advances", "34.04", 2026)).contains(
				"up_ledger: partition up_ledger_34_04_2026 dropped and created empty", "up_tu: 1 rows deleted",
				"up_total: 2 rows deleted");
		assertThat(tus()).containsExactly("52.72 TU-SAMA-1 10000000.00 0.00");
		assertThat(this.jdbc.queryForObject("select count(*) from up_ledger where pemda = '34.04'", Integer.class))
			.isZero();
		assertThat(bimaRowsWithXmin()).isEqualTo(bima);
	}

	@Test
	void shouldLookAnIdUpByTheKeyInAYearNoAnalyzeHasSeen() {
		// 10,000 facts of Kota Bima's 2027 (a partition ready ahead), rolled back after the plan is read
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			this.jdbc.update("""
					insert into up_ledger (event_id, event_type, pemda, fiscal_year, opd, occurred_on, document_kind,
					    document_number, amount, tu, payload_sha256, source_topic, source_partition, source_offset)
					select 'UP-' || g, 'gu-submitted', '52.72', 2027, 'OPD' || g % 33, date '2027-03-01', 'SPM',
					    'SPM/' || g, 1000.00, null, '\\x00', 't', 0, g
					from generate_series(1, 10000) g""");
			// the query of the check of a settlement's TU (db/up/V96, as the owner, FOR KEY SHARE)
			List<String> plan = this.jdbc.queryForList("""
					explain select 1 from up_ledger x
					where event_id = 'UP-9001' and pemda = '52.72' and fiscal_year = 2027""",
					String.class);
			assertThat(String.join("\n", plan)).contains("using up_ledger_52_72_2027_pkey");
			status.setRollbackOnly();
		});
	}

	private List<String> tus() {
		return this.jdbc.queryForList(
				"select pemda || ' ' || event_id || ' ' || amount || ' ' || settled from up_tu order by pemda", String.class);
	}

	private List<String> bimaRowsWithXmin() {
		List<String> rows = new ArrayList<>();
		for (String table : List.of("up_ledger", "up_tu", "up_total")) {
			rows.addAll(this.jdbc.queryForList("select '" + table + "|' || xmin::text || '|' || t::text from " + table
					+ " t where pemda = '52.72' order by t::text", String.class));
		}
		return rows;
	}

}
