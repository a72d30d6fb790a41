package id.apbdmonitor.goods;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.RegionFiles;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static id.apbdmonitor.core.test.TestEvents.budgetLine;
import static id.apbdmonitor.core.test.TestEvents.months;
import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static id.apbdmonitor.core.test.TestEvents.reversedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledgers are partitioned by region and fiscal year (db/core/V82): the start-up creates the
 * partitions of both configured regions (Kota Bima and Sleman, 2026 open on 15 March 2026, and
 * 2027 ahead); an event id is scoped by its region; dropping Sleman 2026 with
 * apbd_drop_region_year leaves Kota Bima's rows as they were (same xmin), and replaying the
 * topics from the start rebuilds Sleman's ledger and totals as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class GoodsPartitionsIntegrationTests {

	private static final String GOODS_ACCOUNT = "5.1.02.01.01.0024";

	private static final String GROUP = TestInfrastructure.uniqueName("goods-partitions");

	private static TestTopics topics;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "goods-spending", "2026-03-15");
		registry.add("apbd.regions.dir", RegionFiles::slemanDir);
		// a group of this class alone, whose offsets the replay resets
		registry.add("spring.application.name", () -> GROUP);
	}

	@Test
	void shouldCreateEachRegionsYearPartitionsAtStartUpAndKeepAnUnconfiguredYearInTheDefault() {
		List<String> spending = this.jdbc.queryForList(
				"select relid::text from pg_partition_tree('spending_ledger') where isleaf", String.class);
		assertThat(spending).containsExactlyInAnyOrder("spending_ledger_default", "spending_ledger_52_72_default",
				"spending_ledger_52_72_2026", "spending_ledger_52_72_2027", "spending_ledger_34_04_default",
				"spending_ledger_34_04_2026", "spending_ledger_34_04_2027");
		assertThat(this.jdbc.queryForList(
				"select relid::text from pg_partition_tree('budget_revision') where isleaf and relid::text like '%34_04%'",
				String.class))
			.containsExactlyInAnyOrder("budget_revision_34_04_default", "budget_revision_34_04_2026",
					"budget_revision_34_04_2027");
		// as the service role, through the ledger: 2031 has no partition, an unknown pemda neither
		this.jdbc.update(insert("DEFAULT-YEAR-1", "52.72", 2031));
		this.jdbc.update(insert("DEFAULT-PEMDA-1", "52.06", 2026));
		assertThat(this.jdbc.queryForObject(
				"select tableoid::regclass::text from spending_ledger where event_id = 'DEFAULT-YEAR-1'", String.class))
			.isEqualTo("spending_ledger_52_72_default");
		assertThat(this.jdbc.queryForObject(
				"select tableoid::regclass::text from spending_ledger where event_id = 'DEFAULT-PEMDA-1'", String.class))
			.isEqualTo("spending_ledger_default");
	}

	@Test
	void shouldDropOneRegionYearAndRebuildItByReplayingTheTopics() throws Exception {
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(topics.budget(), "52.72/DINKES", budgetLine("DPA-BIMA-DINKES", "BIMA-DINKES-1", "DINKES",
					GOODS_ACCOUNT, 0, "ORIGINAL", months("10000000.00")));
			kafka.send(topics.budget(), "34.04/DINKES", RegionFiles.inSleman(budgetLine("DPA-SLEMAN-DINKES",
					"SLEMAN-DINKES-1", "DINKES", GOODS_ACCOUNT, 0, "ORIGINAL", months("25000000.00"))));
			kafka.send(topics.events(), "52.72/DINKES",
					realisedEvent("SP2D-BIMA-DINKES-1", "DINKES", GOODS_ACCOUNT, "500000.00", "2026-03-02"));
			// the same event id in both regions: two events
			kafka.send(topics.events(), "52.72/DINKES",
					realisedEvent("SP2D-SAMA-1", "DINKES", GOODS_ACCOUNT, "4500000.00", "2026-03-02"));
			kafka.send(topics.events(), "34.04/DISDIK",
					RegionFiles.inSleman(realisedEvent("SP2D-SAMA-1", "DISDIK", GOODS_ACCOUNT, "250000.00", "2026-03-03")));
			kafka.send(topics.events(), "34.04/DINKES", RegionFiles.inSleman(
					realisedEvent("SP2D-SLEMAN-DINKES-1", "DINKES", GOODS_ACCOUNT, "12345678.90", "2026-03-03")));
			kafka.send(topics.events(), "34.04/DINKES", RegionFiles.inSleman(
					reversedEvent("BATAL-SLEMAN-DINKES-1", "DINKES", "SP2D-SLEMAN-DINKES-1", "2345678.90", "2026-03-04")));
			kafka.send(topics.events(), "34.04/DISDIK", RegionFiles.inSleman(
					realisedEvent("SP2D-SLEMAN-DISDIK-1", "DISDIK", GOODS_ACCOUNT, "1000000.00", "2026-03-04")));
		}
		// by hand: Sleman DINKES 12,345,678.90 - 2,345,678.90; DISDIK 1,000,000 + 250,000
		Map<String, String> slemanTotals = Map.of("DINKES", "10000000.00/2", "DISDIK", "1250000.00/2");
		Map<String, String> bimaTotals = Map.of("DINKES", "5000000.00/2");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(totals("34.04")).isEqualTo(slemanTotals);
			assertThat(totals("52.72")).isEqualTo(bimaTotals);
			assertThat(count("budget_line", "34.04")).isEqualTo(1);
			assertThat(count("budget_line", "52.72")).isEqualTo(1);
		});
		assertThat(this.jdbc.queryForList("select pemda || ' ' || opd || ' ' || amount from spending_ledger "
				+ "where event_id = 'SP2D-SAMA-1' order by pemda", String.class))
			.containsExactly("34.04 DISDIK 250000.00", "52.72 DINKES 4500000.00");
		assertThat(this.jdbc.queryForList("select distinct tableoid::regclass::text from spending_ledger "
				+ "where pemda = '34.04' and fiscal_year = 2026", String.class))
			.containsExactly("spending_ledger_34_04_2026");
		List<String> sleman = slemanRows();
		assertThat(sleman).hasSize(4 + 1 + 2 + 1);
		List<String> bima = bimaRowsWithXmin();
		assertThat(bima).hasSize(2 + 1 + 1 + 1);

		this.listeners.stop();
		List<String> dropped = topics.database().dropRegionYear("goods_spending", "34.04", 2026);
		assertThat(dropped).contains("spending_ledger: partition spending_ledger_34_04_2026 dropped and created empty",
				"budget_revision: partition budget_revision_34_04_2026 dropped and created empty",
				"budget_line: 1 rows deleted", "spending_total: 2 rows deleted");
		assertThat(slemanRows()).isEmpty();
		assertThat(totals("34.04")).isEmpty();
		assertThat(bimaRowsWithXmin()).isEqualTo(bima);

		resetOffsetsToTheStart();
		this.listeners.start();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(totals("34.04")).isEqualTo(slemanTotals);
			assertThat(slemanRows()).isEqualTo(sleman);
		});
		// Kota Bima's events were read again as duplicates: not one of its rows was written
		assertThat(bimaRowsWithXmin()).isEqualTo(bima);
		assertThat(totals("52.72")).isEqualTo(bimaTotals);
		assertThat(this.jdbc.queryForList("select distinct tableoid::regclass::text from spending_ledger "
				+ "where pemda = '34.04' and fiscal_year = 2026", String.class))
			.containsExactly("spending_ledger_34_04_2026");
	}

	/** Sleman 2026's rows of the ledgers and the tables beside them, everything but recorded_at. */
	private List<String> slemanRows() {
		List<String> rows = new ArrayList<>();
		rows.addAll(this.jdbc.queryForList("""
				select concat_ws('|', event_id, event_type, opd, category, account, mechanism, occurred_on, amount,
				    reverses, encode(payload_sha256, 'hex'), source_topic, source_partition, source_offset)
				from spending_ledger where pemda = '34.04' and fiscal_year = 2026 order by event_id""", String.class));
		rows.addAll(this.jdbc.queryForList("""
				select concat_ws('|', event_id, line_id, opd, pagu, applied, encode(payload_sha256, 'hex'), source_offset)
				from budget_revision where pemda = '34.04' and fiscal_year = 2026 order by event_id""", String.class));
		rows.addAll(this.jdbc.queryForList("""
				select concat_ws('|', opd, category, realised, events)
				from spending_total where pemda = '34.04' and fiscal_year = 2026 order by opd""", String.class));
		rows.addAll(this.jdbc.queryForList("""
				select concat_ws('|', line_id, revision_number, pagu, cash_plan, event_id)
				from budget_line where pemda = '34.04' and fiscal_year = 2026 order by line_id""", String.class));
		return rows;
	}

	/** Kota Bima 2026's rows with their xmin: the same xmin is the same row version, never rewritten. */
	private List<String> bimaRowsWithXmin() {
		List<String> rows = new ArrayList<>();
		for (String table : List.of("spending_ledger", "budget_revision", "spending_total", "budget_line")) {
			rows.addAll(this.jdbc.queryForList("select '" + table + "|' || xmin::text || '|' || t::text from " + table
					+ " t where pemda = '52.72' and fiscal_year = 2026 order by t::text", String.class));
		}
		return rows;
	}

	private Map<String, String> totals(String pemda) {
		Map<String, String> totals = new HashMap<>();
		this.jdbc.query("select opd, realised, events from spending_total where pemda = ? and fiscal_year = 2026",
				(ResultSet rs) -> {
					totals.put(rs.getString(1), rs.getBigDecimal(2).toPlainString() + "/" + rs.getLong(3));
				}, pemda);
		return totals;
	}

	private int count(String table, String pemda) {
		return this.jdbc.queryForObject("select count(*) from " + table + " where pemda = ?", Integer.class, pemda);
	}

	private void resetOffsetsToTheStart() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.kafka().getBrokersAsString()))) {
			// the stopped consumers leave the group; until then the broker refuses the change
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
				committed.keySet().forEach(partition -> start.put(partition, new OffsetAndMetadata(0)));
				assertThat(start).isNotEmpty();
				admin.alterConsumerGroupOffsets(GROUP, start).all().get();
			});
		}
	}

	private static String insert(String eventId, String pemda, int fiscalYear) {
		return """
				insert into spending_ledger (event_id, event_type, pemda, fiscal_year, opd, category, account, mechanism,
				    occurred_on, document_kind, document_number, amount, payload_sha256, source_topic, source_partition,
				    source_offset)
				values ('%s', 'spending-realised', '%s', %d, 'DINKES', 'goods', '%s', 'LS', '%d-03-02', 'SP2D', '%s',
				    1.00, '\\x00', 'test', 0, 0)""".formatted(eventId, pemda, fiscalYear, GOODS_ACCOUNT, fiscalYear,
				eventId);
	}

}
