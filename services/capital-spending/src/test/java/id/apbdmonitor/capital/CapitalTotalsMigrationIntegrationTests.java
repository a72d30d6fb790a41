package id.apbdmonitor.capital;

import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.SchemaMigrations;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V74 fills capital_total from the contracts of a database migrated before it: a service
 * upgraded in place starts with the same totals as one that stored its contracts after V74.
 */
class CapitalTotalsMigrationIntegrationTests {

	@Test
	void shouldSumTheContractsStoredBeforeTheTotalsPerOpdAndSubActivity() {
		// the service's migrations, as in its application.yml
		SchemaMigrations database = SchemaMigrations.newDatabase("v74", "capital_spending", "classpath:db/core",
				"classpath:db/capital")
			.migrateTo("60");
		JdbcTemplate jdbc = database.jdbc();
		// PUPR drainage: two contracts, one handed over; PERKIM: one; 2025 kept apart from 2026
		contract(jdbc, "K-1", 2026, "PUPR", "1.03.03.2.01.0002", "1000000.00", "2026-06-30", "50.00", "400000.00",
				"2026-05-02");
		contract(jdbc, "K-2", 2026, "PUPR", "1.03.03.2.01.0002", "3000000.50", "2026-09-30", "10.25", "0.00", null);
		contract(jdbc, "K-3", 2026, "PERKIM", "1.04.02.2.01.0005", "250000.00", "2026-03-31", "100.00", "250000.00",
				"2026-04-01");
		contract(jdbc, "K-4", 2025, "PUPR", "1.03.03.2.01.0002", "700000.00", "2025-12-15", "0.00", "0.00", null);

		database.migrateTo("latest");

		List<Map<String, Object>> totals = jdbc.queryForList("""
				select fiscal_year || ' ' || opd || ' ' || sub_activity as key, contracts, contracted::text as contracted,
				       paid::text as paid, progress_value::text as progress_value,
				       handed_over_unpaid::text as unpaid, planned_end::text as planned_end
				from capital_spending.capital_total order by 1""");
		assertThat(totals).containsExactly(
				// 700,000.00 × 0 %
				row("2025 PUPR 1.03.03.2.01.0002", 1, "700000.00", "0.00", "0.0000", "0.00", "2025-12-15"),
				// 250,000.00 × 100 = 25,000,000.0000; handed over and paid in full: 0 unpaid
				row("2026 PERKIM 1.04.02.2.01.0005", 1, "250000.00", "250000.00", "25000000.0000", "0.00", "2026-03-31"),
				// 1,000,000.00 + 3,000,000.50; 1,000,000 × 50 + 3,000,000.50 × 10.25 = 50,000,000 + 30,750,005.125;
				// only K-1 was handed over: 1,000,000.00 − 400,000.00
				row("2026 PUPR 1.03.03.2.01.0002", 2, "4000000.50", "400000.00", "80750005.1250", "600000.00",
						"2026-09-30"));
	}

	private static Map<String, Object> row(String key, long contracts, String contracted, String paid,
			String progressValue, String unpaid, String plannedEnd) {
		return Map.of("key", key, "contracts", contracts, "contracted", contracted, "paid", paid, "progress_value",
				progressValue, "unpaid", unpaid, "planned_end", plannedEnd);
	}

	private static void contract(JdbcTemplate jdbc, String id, int year, String opd, String subActivity, String value,
			String plannedEnd, String progress, String paid, String handedOverOn) {
		jdbc.update("""
				insert into capital_spending.capital_event (event_id, event_type, pemda, fiscal_year, opd, contract_id, occurred_on,
				    document_kind, document_number, payload_sha256, source_topic, source_partition, source_offset)
				values (?, 'capital-contract-signed', '52.72', ?, ?, ?, date '2025-01-10', 'CONTRACT', ?, '\\x00', 't', 0, 0)""",
				"SPK-" + id, year, opd, id, id + "/SPK");
		jdbc.update("""
				insert into capital_spending.capital_contract (contract_id, event_id, pemda, fiscal_year, opd, sub_activity, account,
				    supplier, contract_value, signed_on, planned_end, physical_progress, paid, handed_over_on)
				values (?, ?, '52.72', ?, ?, ?, '5.2.03.01.01.0001', 'CV Uji', ?::numeric, date '2025-01-10', ?::date,
				    ?::numeric, ?::numeric, ?::date)""",
				id, "SPK-" + id, year, opd, subActivity, value, plannedEnd, progress, paid, handedOverOn);
	}

}
