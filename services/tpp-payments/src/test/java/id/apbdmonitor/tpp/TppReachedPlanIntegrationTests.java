package id.apbdmonitor.tpp;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.test.SchemaMigrations;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-up of the stages reached runs in every poll's ingest transaction, as a generic plan
 * (costed over every year partition of the ledger). Over a region with a hundred filled years
 * such a plan chose two parallel workers, and starting them took 50-140 ms a poll for 1.5 ms of
 * work (the benchmark, 2 December); the transaction's settings keep them out.
 */
class TppReachedPlanIntegrationTests {

	@Test
	void shouldPlanTheStagesReachedWithoutParallelWorkersInAnIngestTransaction() {
		SchemaMigrations database = SchemaMigrations.newDatabase("reached", "tpp_payments", "classpath:db/core",
				"classpath:db/tpp")
			.migrateTo("latest");
		JdbcTemplate jdbc = database.jdbc();
		jdbc.execute("select tpp_payments.apbd_ensure_partitions('52.72', array(select generate_series(2000, 2100)))");
		// 2,000 stages a year, as the benchmark's copies of a simulated year
		jdbc.update("""
				insert into tpp_payments.tpp_ledger (event_id, pemda, fiscal_year, opd, month, stage, stage_order,
				    occurred_on, document_kind, document_number, amount, employees, payload_sha256, source_topic,
				    source_partition, source_offset)
				select 'TPP-' || y || '-' || n, '52.72', y, 'OPD-' || (n / 60), 1 + (n / 5) % 12,
				    'STAGE-' || n % 5, 1 + n % 5, make_date(y, 1 + (n / 5) % 12, 1), 'OTHER', 'D-' || n,
				    1000000.00, 60, '\\x00', 't', 0, n
				from generate_series(2000, 2100) as y, generate_series(0, 1999) as n""");
		jdbc.execute("analyze tpp_payments.tpp_ledger");

		// generic, without the rest of the settings: the set-up above is one that parallel workers are chosen for
		assertThat(plan(jdbc, "set local plan_cache_mode = force_generic_plan"))
			.anyMatch((line) -> line.contains("Gather"));
		assertThat(plan(jdbc, BatchIngestor.TRANSACTION_SETTINGS)).isNotEmpty()
			.noneMatch((line) -> line.contains("Gather") || line.contains("Parallel"));
	}

	/** The plan of {@link TppLedger#REACHED} in a transaction that ran {@code settings} first. */
	private static List<String> plan(JdbcTemplate jdbc, String settings) {
		String query = TppLedger.REACHED;
		for (int i = 1; query.contains("?"); i++) {
			query = query.replaceFirst("\\?", "\\$" + i);
		}
		String prepare = "prepare reached (text[], int4[], text, int4) as " + query;
		return jdbc.execute((ConnectionCallback<List<String>>) (connection) -> {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("set local search_path = tpp_payments");
				statement.execute(settings);
				statement.execute(prepare);
				List<String> plan = new ArrayList<>();
				try (ResultSet rs = statement.executeQuery(
						"explain execute reached ('{OPD-1,OPD-2}', '{1,2}', '52.72', 2026)")) {
					while (rs.next()) {
						plan.add(rs.getString(1));
					}
				}
				return plan;
			}
			finally {
				connection.rollback();
			}
		});
	}

}
