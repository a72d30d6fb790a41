package id.apbdmonitor.core.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;


import id.apbdmonitor.core.clock.FixedBusinessClock;
import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;

import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The partitioned ledgers (db/core/V82, db/spending/V83) on a database of the previous version:
 * its rows move into the partitions of their region and year, a row waiting in a default
 * partition moves into the partition created for it later, and a look-up by (pemda, event_id)
 * reads only that region's partitions.
 */
class LedgerPartitionsIntegrationTests {

	private static final String SCHEMA = "goods_spending";

	@Test
	void shouldKeepTheRowsOfADatabaseMigratedByThePreviousVersion() throws SQLException {
		TestDatabase database = TestInfrastructure.newDatabaseWithRoles(TestInfrastructure.uniqueName("partitions"));
		migrate(database, "81");
		try (Connection connection = database.connectAsOwner(); Statement statement = connection.createStatement()) {
			statement.execute("set search_path to " + SCHEMA);
			statement.execute(revision("DPA-1", "L-1", "52.72", 2026));
			statement.execute(revision("DPA-2", "L-2", "34.04", 2025));
			statement.execute("""
					insert into budget_line (line_id, pemda, fiscal_year, opd, category, account, revision_number,
					    revision_kind, pagu, cash_plan, event_id)
					values ('L-1', '52.72', 2026, 'DINKES', 'goods', '5.1.02', 0, 'ORIGINAL', 12.00,
					    array_fill(1.00::numeric, array[12]), 'DPA-1')""");
			statement.execute(spending("SP2D-1", "52.72", 2026, "100.00", null));
			statement.execute(spending("BATAL-1", "52.72", 2026, "-40.00", "SP2D-1"));
			statement.execute(spending("SP2D-2", "34.04", 2025, "7.00", null));
		}
		migrate(database, null);
		try (Connection connection = database.connectAsOwner(); Statement statement = connection.createStatement()) {
			statement.execute("set search_path to " + SCHEMA);
			assertThat(rows(statement, "select tableoid::regclass || ' ' || event_id || ' ' || amount from spending_ledger order by event_id"))
				.containsExactly("spending_ledger_52_72_2026 BATAL-1 -40.00", "spending_ledger_52_72_2026 SP2D-1 100.00",
						"spending_ledger_34_04_2025 SP2D-2 7.00");
			assertThat(rows(statement, "select tableoid::regclass || ' ' || event_id from budget_revision order by event_id"))
				.containsExactly("budget_revision_52_72_2026 DPA-1", "budget_revision_34_04_2025 DPA-2");
			assertThat(rows(statement, "select pemda || ' ' || fiscal_year || ' ' || line_id || ' ' || event_id from budget_line"))
				.containsExactly("52.72 2026 L-1 DPA-1");

			// a year without a partition waits in the region's default, then moves into its own
			statement.execute(spending("SP2D-3", "52.72", 2027, "5.00", null));
			statement.execute(spending("BATAL-3", "52.72", 2027, "-5.00", "SP2D-3"));
			assertThat(rows(statement, "select distinct tableoid::regclass::text from spending_ledger where fiscal_year = 2027"))
				.containsExactly("spending_ledger_52_72_default");
			statement.execute("select apbd_ensure_partitions('52.72', array[2026, 2027])");
			assertThat(rows(statement, "select tableoid::regclass || ' ' || event_id from spending_ledger where fiscal_year = 2027 order by event_id"))
				.containsExactly("spending_ledger_52_72_2027 BATAL-3", "spending_ledger_52_72_2027 SP2D-3");
			// the reference of a reversal is checked in the partition made since (db/core/V92, a
			// trigger where a foreign key was), and holds: SP2D-1 is of 2026, not 2027
			assertThat(rows(statement, "select tgname from pg_trigger where tgrelid = 'spending_ledger_52_72_2027'::regclass"))
				.containsExactly("spending_ledger_reverses");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute(spending("BATAL-4", "52.72", 2027, "-1.00", "SP2D-1")))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("23503"));

			// the look-up of the ledgers reads the region's partitions only
			statement.execute("prepare lookup(text, text[]) as select event_id, payload_sha256 from spending_ledger "
					+ "where pemda = $1 and event_id = any($2)");
			String plan = String.join("\n", rows(statement, "explain (costs off) execute lookup('34.04', array['SP2D-2'])"));
			assertThat(plan).contains("spending_ledger_34_04_2025", "spending_ledger_34_04_default")
				.doesNotContain("52_72")
				.doesNotContain("spending_ledger_default");
		}
	}

	@Test
	void shouldLetInstancesStartingTogetherCreateThePartitionsOnce() throws Exception {
		TestDatabase database = TestInfrastructure.newDatabaseWithRoles(TestInfrastructure.uniqueName("together"));
		ZoneId wita = ZoneId.of("Asia/Makassar");
		List<RegionProperties> regions = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			regions.add(new RegionProperties("52.%02d".formatted(i), "Region " + i, "Nusa Tenggara Barat", wita,
					List.of(new RegionProperties.Opd("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah")), List.of(2026)));
		}
		Regions all = Regions.of(regions.get(0), regions.subList(1, regions.size()).toArray(RegionProperties[]::new));
		PartitionMaintenance maintenance = new PartitionMaintenance(all,
				new FiscalYears(all, new FixedBusinessClock(LocalDate.of(2026, 3, 2), wita)));
		migrate(database, null);
		// three instances of a new release start at once: each runs the maintenance after its migrate
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<?>> starts = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				starts.add(pool.submit(() -> maintenance(database, maintenance)));
			}
			for (Future<?> start : starts) {
				start.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		try (Connection connection = database.connectAsOwner(); Statement statement = connection.createStatement()) {
			// each region: its own partition, its default, 2026 and 2027
			assertThat(rows(statement, "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
					+ "where n.nspname = '" + SCHEMA + "' and c.relkind in ('r', 'p') "
					+ "and c.relname like 'spending\\_ledger\\_52\\_%'"))
				.containsExactly(Integer.toString(40 * 4));
		}
	}

	private static void maintenance(TestDatabase database, PartitionMaintenance maintenance) {
		Flyway.configure()
			.dataSource(database.url(), database.ownerUser(), database.ownerPassword())
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA)
			.locations("classpath:db/core", "classpath:db/spending")
			.placeholders(Map.of("service_role", database.serviceUser()))
			.callbacks(maintenance)
			.load()
			.migrate();
	}

	private static void migrate(TestDatabase database, String target) {
		var configuration = Flyway.configure()
			.dataSource(database.url(), database.ownerUser(), database.ownerPassword())
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA)
			.createSchemas(true)
			.locations("classpath:db/core", "classpath:db/spending")
			.placeholders(Map.of("service_role", database.serviceUser()));
		if (target != null) {
			configuration.target(target);
		}
		configuration.load().migrate();
	}

	private static String revision(String eventId, String lineId, String pemda, int year) {
		return """
				insert into budget_revision (event_id, line_id, pemda, fiscal_year, opd, category, account,
				    revision_number, revision_kind, pagu, cash_plan, occurred_on, document_kind, document_number,
				    applied, payload_sha256, source_topic, source_partition, source_offset)
				values ('%s', '%s', '%s', %d, 'DINKES', 'goods', '5.1.02', 0, 'ORIGINAL', 12.00,
				    array_fill(1.00::numeric, array[12]), '%d-01-02', 'DPA', '%s', true, '\\x00', 'budget', 0, 0)"""
			.formatted(eventId, lineId, pemda, year, year, eventId);
	}

	private static String spending(String eventId, String pemda, int year, String amount, String reverses) {
		return """
				insert into spending_ledger (event_id, event_type, pemda, fiscal_year, opd, category, account, mechanism,
				    occurred_on, document_kind, document_number, amount, reverses, payload_sha256, source_topic,
				    source_partition, source_offset)
				values ('%s', 'spending-realised', '%s', %d, 'DINKES', 'goods', '5.1.02', 'LS', '%d-03-02', 'SP2D',
				    '%s', %s, %s, '\\x00', 'spending', 0, 0)"""
			.formatted(eventId, pemda, year, year, eventId, amount, (reverses != null) ? "'" + reverses + "'" : "null");
	}

	/** The first column of each row of {@code query}. */
	static List<String> rows(Statement statement, String query) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(query)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

}
