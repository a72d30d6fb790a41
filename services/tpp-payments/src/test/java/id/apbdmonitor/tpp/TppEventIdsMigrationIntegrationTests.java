package id.apbdmonitor.tpp;

import id.apbdmonitor.core.test.SchemaMigrations;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V88 fills tpp_event_id from a ledger stored before it: a service upgraded in place finds the
 * ids it holds, and an id stored twice in one region (two writers racing, before the key) keeps
 * the row stored first.
 */
class TppEventIdsMigrationIntegrationTests {

	@Test
	void shouldHoldEveryStoredIdOncePerRegionTheFirstStoredKept() {
		// the service's migrations, as in its application.yml
		SchemaMigrations database = SchemaMigrations.newDatabase("v88", "tpp_payments", "classpath:db/core",
				"classpath:db/tpp")
			.migrateTo("85");
		JdbcTemplate jdbc = database.jdbc();
		stage(jdbc, "TPP-X", "52.72", 2025, "DINKES", "01");
		stage(jdbc, "TPP-X", "52.72", 2026, "DINKES", "02");
		stage(jdbc, "TPP-X", "34.04", 2026, "DINKES", "03");
		stage(jdbc, "TPP-Y", "52.72", 2026, "RSUD", "04");

		database.migrateTo("latest");

		assertThat(jdbc.queryForList("""
				select pemda || ' ' || event_id || ' ' || fiscal_year || ' ' || encode(payload_sha256, 'hex')
				from tpp_payments.tpp_event_id order by 1""", String.class))
			.containsExactly("34.04 TPP-X 2026 03", "52.72 TPP-X 2025 01", "52.72 TPP-Y 2026 04");
	}

	private static void stage(JdbcTemplate jdbc, String id, String pemda, int year, String opd, String sha) {
		jdbc.update("""
				insert into tpp_payments.tpp_ledger (event_id, pemda, fiscal_year, opd, month, stage, stage_order,
				    occurred_on, document_kind, document_number, amount, employees, payload_sha256, source_topic,
				    source_partition, source_offset)
				values (?, ?, ?, ?, 1, 'PERFORMANCE_CLOSED', 1, make_date(?, 2, 3), 'OTHER', ?, 1000000.00, 60,
				    decode(?, 'hex'), 't', 0, 0)""", id, pemda, year, opd, year, id, sha);
	}

}
