package id.apbdmonitor.core.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import id.apbdmonitor.core.ledger.LedgerGuardIntegrationTests.Service;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A ledger row that refers to another row of its ledger (a reversal to its original, a TU
 * settlement to its TU) is refused by the database when that row is not stored in the same region
 * and fiscal year, for the service role too, which may neither read a partition nor lock a ledger
 * row itself. The check is a trigger on the rows that hold a reference (db/core/V92, called
 * by db/spending/V93, db/pad/V94, db/capital/V95 and db/up/V96) where a foreign key was; like the key, it runs at the end
 * of the statement, so a row and the one it refers to may be inserted (copied) together.
 */
class LedgerReferencesIntegrationTests {

	/**
	 * A ledger's reference column and the columns and values of one of its rows: {@code %1$s} the
	 * event id, {@code %2$s} the reference (an SQL literal or null), {@code %3$d} the fiscal year.
	 */
	record Reference(String service, String ledger, String column, String columns, String original, String referring) {

		@Override
		public String toString() {
			return this.ledger + "." + this.column;
		}

	}

	private static final String SOURCE = "'\\x00', 't', 0, 0";

	static List<Reference> references() {
		String spending = "event_id, event_type, pemda, fiscal_year, opd, category, account, mechanism, occurred_on, "
				+ "document_kind, document_number, amount, reverses, payload_sha256, source_topic, source_partition, source_offset";
		String spendingRow = "'%1$s', 'x', '52.72', %3$d, 'DINKES', 'goods', '5.1.02', 'LS', date '2026-03-01', 'SP2D', "
				+ "'%1$s', %4$s, %2$s, " + SOURCE;
		String pad = "event_id, event_type, pemda, fiscal_year, opd, account, channel, occurred_on, document_kind, "
				+ "document_number, amount, reverses, payload_sha256, source_topic, source_partition, source_offset";
		String padRow = "'%1$s', 'x', '52.72', %3$d, 'BPKAD', '4.1.01', 'BANK', date '2026-03-01', 'STS', '%1$s', %4$s, "
				+ "%2$s, " + SOURCE;
		String capital = "event_id, event_type, pemda, fiscal_year, opd, contract_id, occurred_on, document_kind, "
				+ "document_number, amount, reverses, payload_sha256, source_topic, source_partition, source_offset";
		String capitalRow = "'%1$s', 'x', '52.72', %3$d, 'PUPR', 'K-1', date '2026-03-01', 'SP2D', '%1$s', %4$s, %2$s, "
				+ SOURCE;
		String up = "event_id, event_type, pemda, fiscal_year, opd, occurred_on, document_kind, document_number, amount, "
				+ "tu, payload_sha256, source_topic, source_partition, source_offset";
		String upRow = "'%1$s', %5$s, '52.72', %3$d, 'DINKES', date '2026-03-01', 'SPM', '%1$s', 1000.00, %2$s, " + SOURCE;
		return List.of(
				new Reference("goods-spending", "spending_ledger", "reverses", spending,
						row(spendingRow, "100.00", "'x'"), row(spendingRow, "-40.00", "'x'")),
				new Reference("pad-revenue", "pad_ledger", "reverses", pad, row(padRow, "100.00", "'x'"),
						row(padRow, "-40.00", "'x'")),
				new Reference("capital-spending", "capital_event", "reverses", capital,
						row(capitalRow, "100.00", "'x'"), row(capitalRow, "-40.00", "'x'")),
				new Reference("up-advances", "up_ledger", "tu", up, row(upRow, "0", "'tu-submitted'"),
						row(upRow, "0", "'tu-returned'")));
	}

	/** Fixes the amount ({@code %4$s}) and event type ({@code %5$s}) of a row template. */
	private static String row(String template, String amount, String eventType) {
		return template.replace("%4$s", amount).replace("%5$s", eventType);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("references")
	void shouldRefuseAReferenceToNoRowOfTheSameRegionAndYear(Reference reference) throws SQLException {
		Service service = LedgerGuardIntegrationTests.services().stream()
			.filter((each) -> each.name().equals(reference.service()))
			.findFirst()
			.orElseThrow();
		TestDatabase database = TestInfrastructure.newDatabaseWithRoles(TestInfrastructure.uniqueName("references"));
		LedgerGuardIntegrationTests.migrate(database, service);
		try (Connection connection = database.connectAsOwner(); Statement statement = connection.createStatement()) {
			statement.execute("select " + service.schema() + ".apbd_ensure_partitions('52.72', array[2026, 2027])");
		}
		try (Connection connection = database.connectAsService(); Statement statement = connection.createStatement()) {
			statement.execute("set search_path to " + service.schema());
			statement.execute(insert(reference, reference.original().formatted("O-1", "null", 2026)));
			statement.execute(insert(reference, reference.referring().formatted("R-1", "'O-1'", 2026)));
			// the referring row first, its original after it, in one statement
			statement.execute(insert(reference, reference.referring().formatted("R-2", "'O-2'", 2027) + "), ("
					+ reference.original().formatted("O-2", "null", 2027)));
			assertRefused(statement, insert(reference, reference.referring().formatted("R-3", "'NONE'", 2026)));
			// O-1 is of 2026: a row of 2027 cannot refer to it
			assertRefused(statement, insert(reference, reference.referring().formatted("R-4", "'O-1'", 2027)));
			assertThat(LedgerPartitionsIntegrationTests.rows(statement, "select event_id || ' ' || " + reference.column() + " from " + reference.ledger()
					+ " where " + reference.column() + " is not null order by event_id"))
				.containsExactly("R-1 O-1", "R-2 O-2");
		}
	}

	private static String insert(Reference reference, String values) {
		return "insert into " + reference.ledger() + " (" + reference.columns() + ") values (" + values + ")";
	}

	private static void assertRefused(Statement statement, String sql) {
		assertThatExceptionOfType(SQLException.class).as(sql)
			.isThrownBy(() -> statement.execute(sql))
			// 23503 foreign_key_violation, as the foreign key the trigger replaced
			.satisfies((ex) -> assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo("23503"));
	}

}
