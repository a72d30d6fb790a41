package id.apbdmonitor.capital;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import id.apbdmonitor.core.test.SchemaMigrations;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run looks its contracts up by the key (contract_id, pemda) even when the table's statistics
 * are stale: a drain that starts on an empty table stores thousands of contracts before
 * autovacuum's first analyze, and a plan made from the old statistics read every contract of the
 * region through the index by year and OPD, 8 ms a poll and growing with the region (issue 11;
 * V90 dropped that index).
 */
class CapitalContractLookUpIntegrationTests {

	@Test
	void shouldProbeTheKeyOfTheContractsAfterATableGrewPastItsStatistics() {
		JdbcTemplate jdbc = SchemaMigrations.newDatabase("v90", "capital_spending", "classpath:db/core",
				"classpath:db/capital")
			.migrateTo("latest")
			.jdbc();
		contracts(jdbc, 1, 3);
		jdbc.execute("analyze capital_spending.capital_contract");
		// 20,000 contracts the statistics know nothing of, as in a drain's first minute
		contracts(jdbc, 4, 20_000);

		// the plan the writer's connection caches: PgJDBC prepares on the server, generic once reused
		List<String> found = new ArrayList<>();
		String plan = jdbc.execute((ConnectionCallback<String>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set search_path to capital_spending");
				statement.execute("set plan_cache_mode to force_generic_plan");
				statement.execute("prepare contracts (text, text[]) as "
						+ CapitalLedger.CONTRACTS.replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2"));
				String execute = "execute contracts ('52.72', array['K-17', 'K-4001', 'K-19999', 'K-NEW'])";
				try (ResultSet rs = statement.executeQuery(execute)) {
					while (rs.next()) {
						found.add(rs.getString("contract_id"));
					}
				}
				StringBuilder lines = new StringBuilder();
				try (ResultSet rs = statement.executeQuery("explain " + execute)) {
					while (rs.next()) {
						lines.append(rs.getString(1)).append('\n');
					}
				}
				return lines.toString();
			}
		});

		assertThat(plan).contains("capital_contract_pkey").doesNotContain("Seq Scan");
		assertThat(found).containsExactlyInAnyOrder("K-17", "K-4001", "K-19999");
	}

	/** Contracts K-from to K-to of Kota Bima's 2026, each with its signing event. */
	private static void contracts(JdbcTemplate jdbc, int from, int to) {
		jdbc.update("""
				insert into capital_spending.capital_event (event_id, event_type, pemda, fiscal_year, opd, contract_id,
				    occurred_on, document_kind, document_number, payload_sha256, source_topic, source_partition,
				    source_offset)
				select 'SPK-K-' || n, 'capital-contract-signed', '52.72', 2026, 'PUPR', 'K-' || n, date '2026-01-10',
				    'CONTRACT', 'K-' || n || '/SPK', '\\x00', 't', 0, n
				from generate_series(?, ?) as n""", from, to);
		jdbc.update("""
				insert into capital_spending.capital_contract (contract_id, event_id, pemda, fiscal_year, opd,
				    sub_activity, account, supplier, contract_value, signed_on, planned_end)
				select 'K-' || n, 'SPK-K-' || n, '52.72', 2026, 'PUPR', '1.03.03.2.01.0002', '5.2.03.01.01.0001',
				    'CV Uji', 1000000.00, date '2026-01-10', date '2026-09-30'
				from generate_series(?, ?) as n""", from, to);
	}

}
