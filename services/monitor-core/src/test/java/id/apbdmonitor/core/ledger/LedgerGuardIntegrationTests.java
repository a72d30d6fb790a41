package id.apbdmonitor.core.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The database guards the ledger: every service's migrations (read from the service modules of
 * this repository), run as the owner role as in production, leave the service role able to read
 * and append to a ledger but never to UPDATE, DELETE, TRUNCATE, ALTER or DROP it. That the
 * services still ingest as that role is shown by every service's integration tests, which run
 * with the same two roles (TestInfrastructure.register).
 */
class LedgerGuardIntegrationTests {

	/** A service's schema, its migration folders and what it must be able to do. */
	record Service(String name, String schema, List<String> locations, List<String> ledgers, List<String> totals) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static final String CORE = "classpath:db/core";

	static List<Service> services() {
		// the same locations as apbd.db.migrations in each service's application.yml
		return List.of(
				new Service("goods-spending", "goods_spending", List.of(CORE, "classpath:db/spending"),
						List.of("budget_revision", "spending_ledger"), List.of("budget_line", "spending_total")),
				new Service("services-spending", "services_spending", List.of(CORE, "classpath:db/spending"),
						List.of("budget_revision", "spending_ledger"), List.of("budget_line", "spending_total")),
				new Service("up-advances", "up_advances", List.of(CORE, module("up-advances", "up")),
						List.of("budget_revision", "up_ledger"), List.of("budget_line")),
				new Service("tpp-payments", "tpp_payments", List.of(CORE, module("tpp-payments", "tpp")),
						List.of("budget_revision", "tpp_ledger", "tpp_event_id"), List.of("budget_line")),
				new Service("capital-spending", "capital_spending", List.of(CORE, module("capital-spending", "capital")),
						List.of("budget_revision", "capital_event"), List.of("budget_line", "capital_contract")),
				new Service("pad-revenue", "pad_revenue", List.of(CORE, module("pad-revenue", "pad")),
						List.of("budget_revision", "pad_ledger"), List.of("budget_line", "pad_total")));
	}

	/** Migrations of another module of this repository: Surefire runs in services/monitor-core. */
	private static String module(String module, String folder) {
		return "filesystem:../" + module + "/src/main/resources/db/" + folder;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("services")
	void shouldLetTheServiceRoleOnlyAppendToItsLedgers(Service service) throws SQLException {
		TestDatabase database = TestInfrastructure.newDatabaseWithRoles(TestInfrastructure.uniqueName("guard"));
		migrate(database, service);
		// partitions as the start-up's maintenance creates them, after the guard ran
		try (Connection connection = database.connectAsOwner(); Statement statement = connection.createStatement()) {
			statement.execute("select " + service.schema() + ".apbd_ensure_partitions('52.72', array[2026, 2027])");
		}
		List<String> partitions = partitions(database, service);
		assertThat(partitions).contains("budget_revision_52_72", "budget_revision_52_72_2026", "budget_revision_default");
		// a restart migrates again (nothing pending): the grants are recomputed, not lost
		migrate(database, service);
		assertThat(partitions(database, service)).isEqualTo(partitions);

		try (Connection connection = database.connectAsService(); Statement statement = connection.createStatement()) {
			statement.execute("set search_path to " + service.schema());
			assertThat(owner(statement, "select nspowner::regrole::text from pg_namespace where nspname = current_schema()"))
				.isEqualTo(database.ownerUser());
			assertThat(tables(statement)).containsAll(service.ledgers()).containsAll(service.totals());
			for (String ledger : service.ledgers()) {
				assertThat(privilege(statement, ledger, "SELECT")).as("SELECT on %s", ledger).isTrue();
				assertThat(privilege(statement, ledger, "INSERT")).as("INSERT on %s", ledger).isTrue();
				assertDenied(statement, "update " + ledger + " set event_id = event_id");
				assertDenied(statement, "delete from " + ledger);
				assertDenied(statement, "truncate " + ledger);
				assertDenied(statement, "alter table " + ledger + " add column forged text");
				assertDenied(statement, "drop table " + ledger + " cascade");
			}
			for (String total : service.totals()) {
				assertThat(privilege(statement, total, "UPDATE")).as("UPDATE on %s", total).isTrue();
				assertDenied(statement, "delete from " + total);
				assertDenied(statement, "truncate " + total);
				assertDenied(statement, "drop table " + total);
			}
			// a partition is reached only through its ledger: never addressed directly
			for (String partition : partitions) {
				assertDenied(statement, "select count(*) from " + partition);
				assertDenied(statement, "update " + partition + " set event_id = event_id");
				assertDenied(statement, "delete from " + partition);
				assertDenied(statement, "truncate " + partition);
				assertDenied(statement, "drop table " + partition);
			}
			assertDenied(statement, "select * from apbd_drop_region_year('52.72', 2026)");
			assertDenied(statement, "select apbd_ensure_partitions('52.73', array[2026])");
			assertDenied(statement, "create table forged (id int)");
			for (String table : tables(statement)) {
				assertThat(owner(statement, "select tableowner::text from pg_tables where schemaname = current_schema() "
						+ "and tablename = '" + table + "'")).as("owner of %s", table).isEqualTo(database.ownerUser());
			}
		}
	}

	static void migrate(TestDatabase database, Service service) {
		// what Spring Boot's Flyway does with monitor-core.yml's spring.flyway.* settings
		Flyway.configure()
			.dataSource(database.url(), database.ownerUser(), database.ownerPassword())
			.schemas(service.schema())
			.defaultSchema(service.schema())
			.createSchemas(true)
			.locations(service.locations().toArray(String[]::new))
			.placeholders(Map.of("service_role", database.serviceUser()))
			.load()
			.migrate();
	}

	private static List<String> partitions(TestDatabase database, Service service) throws SQLException {
		List<String> partitions = new ArrayList<>();
		try (Connection connection = database.connectAsOwner(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select relname from pg_class where relispartition "
						+ "and relnamespace = '" + service.schema() + "'::regnamespace and relkind in ('r', 'p') order by relname")) {
			while (rows.next()) {
				partitions.add(rows.getString(1));
			}
		}
		return partitions;
	}

	private static void assertDenied(Statement statement, String sql) {
		assertThatExceptionOfType(SQLException.class).as(sql)
			.isThrownBy(() -> statement.execute(sql))
			// 42501 insufficient_privilege: "permission denied" or "must be owner"
			.satisfies((ex) -> assertThat(ex.getSQLState()).as(sql + ": " + ex.getMessage()).isEqualTo("42501"));
	}

	private static boolean privilege(Statement statement, String table, String privilege) throws SQLException {
		try (ResultSet rows = statement.executeQuery(
				"select has_table_privilege(current_user, '" + table + "', '" + privilege + "')")) {
			rows.next();
			return rows.getBoolean(1);
		}
	}

	private static String owner(Statement statement, String query) throws SQLException {
		try (ResultSet rows = statement.executeQuery(query)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static List<String> tables(Statement statement) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = current_schema()")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

}
