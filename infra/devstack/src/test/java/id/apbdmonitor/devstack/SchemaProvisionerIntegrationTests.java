package id.apbdmonitor.devstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The two roles per service of the devstack, on the embedded PostgreSQL on a free port (never the
 * devstack's): the owner role owns the schema, the service role can only use it, and data kept
 * from before the owner roles existed (everything owned by the service role) is handed over.
 */
class SchemaProvisionerIntegrationTests {

	private final Path home = Path.of(System.getProperty("java.io.tmpdir"))
		.resolve("schema-provisioner-" + ProcessHandle.current().pid());

	@Test
	void shouldGiveTheSchemaToTheOwnerRoleAndTakeOverWhatTheServiceRoleOwned() throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.start(Ports.findFree(), this.home.resolve("postgres"), false,
				this.home.resolveSibling("devstack-pg-binaries"), this.home.resolve("logs/postgres.log"));
		try {
			String url = database.jdbcUrl("apbd");
			// a devstack run from before the owner roles: the service role owns its schema and tables
			try (Connection admin = database.connectAsAdmin(null); Statement statement = admin.createStatement()) {
				statement.execute("create database apbd");
			}
			try (Connection admin = database.connectAsAdmin("apbd"); Statement statement = admin.createStatement()) {
				statement.execute("create role gamma_service login password 'old'");
				statement.execute("create schema gamma_service authorization gamma_service");
				statement.execute("create table gamma_service.ledger (id int primary key)");
				statement.execute("alter table gamma_service.ledger owner to gamma_service");
				statement.execute("insert into gamma_service.ledger values (7)");
			}

			Map<String, String> passwords = new SchemaProvisioner().provision(database, "apbd", List.of("gamma_service"));

			assertThat(passwords).containsOnlyKeys("gamma_service", "gamma_service_owner");
			try (Connection owner = DriverManager.getConnection(url, "gamma_service_owner",
					passwords.get("gamma_service_owner")); Statement statement = owner.createStatement()) {
				assertThat(single(statement, "select nspowner::regrole::text from pg_namespace where nspname = 'gamma_service'"))
					.isEqualTo("gamma_service_owner");
				assertThat(single(statement, "select tableowner from pg_tables where tablename = 'ledger'"))
					.isEqualTo("gamma_service_owner");
				assertThat(single(statement, "select count(*) from gamma_service.ledger")).isEqualTo("1");
			}
			try (Connection service = DriverManager.getConnection(url, "gamma_service", passwords.get("gamma_service"));
					Statement statement = service.createStatement()) {
				// usage of the schema, nothing on the table until the migrations grant it
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute("delete from gamma_service.ledger"))
					.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute("create table gamma_service.forged (id int)"))
					.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
				assertThat(single(statement, "select has_schema_privilege('gamma_service', 'USAGE')")).isEqualTo("t");
			}
		}
		finally {
			database.close();
			EmbeddedDatabase.deleteRecursively(this.home);
		}
	}

	private static String single(Statement statement, String query) throws SQLException {
		try (ResultSet rows = statement.executeQuery(query)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
