package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.Idempotency;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only TPP ledger. Stages are stored one by one in batch order (33 OPDs × 12 months
 * × 5 stages a year), so a month's SPM may follow its SPP in the same batch; a stage is only
 * accepted right after the stage before it, once, and not dated before it.
 */
@Repository
class TppLedger {

	private final JdbcTemplate jdbc;

	TppLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Outcome> write(List<Parsed<TppEvent>> batch) {
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (Parsed<TppEvent> parsed : batch) {
			outcomes.add(write(parsed));
		}
		return outcomes;
	}

	private Outcome write(Parsed<TppEvent> parsed) {
		TppEvent event = parsed.event();
		Envelope envelope = event.envelope();
		List<byte[]> stored = this.jdbc.query("select payload_sha256 from tpp_ledger where event_id = ?",
				(rs, row) -> rs.getBytes(1), envelope.eventId());
		if (!stored.isEmpty()) {
			return Idempotency.sameOrConflict(stored.get(0), parsed.record(), envelope.eventId());
		}
		List<Reached> reached = this.jdbc.query("""
				select stage, occurred_on from tpp_ledger
				where pemda = ? and fiscal_year = ? and opd = ? and month = ? order by stage_order desc limit 1""",
				(rs, row) -> new Reached(Stage.valueOf(rs.getString(1)), rs.getDate(2).toLocalDate()),
				envelope.pemda(), envelope.fiscalYear(), envelope.opd(), event.month());
		Stage last = reached.isEmpty() ? null : reached.get(0).stage();
		if (last != event.stage().previous()) {
			String what = (last == null) ? "has no stage yet" : "is at stage " + last;
			return BatchIngestor.reject(Reason.STAGE_OUT_OF_ORDER, "stage", event.stage(),
					"TPP of " + envelope.opd() + " for month " + event.month() + " " + what + "; " + event.stage()
							+ " must follow " + ((event.stage().previous() != null) ? event.stage().previous() : "nothing")
							+ " exactly once");
		}
		if (!reached.isEmpty() && envelope.occurredOn().isBefore(reached.get(0).occurredOn())) {
			return BatchIngestor.reject(Reason.STAGE_OUT_OF_ORDER, "occurredOn", envelope.occurredOn(),
					event.stage() + " on " + envelope.occurredOn() + " is dated before " + last + " on "
							+ reached.get(0).occurredOn() + " of month " + event.month());
		}
		this.jdbc.update("""
				insert into tpp_ledger (event_id, pemda, fiscal_year, opd, month, stage, stage_order, occurred_on,
				    document_kind, document_number, amount, employees, payload_sha256, source_topic,
				    source_partition, source_offset)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", envelope.eventId(), envelope.pemda(),
				envelope.fiscalYear(), envelope.opd(), event.month(), event.stage().name(), event.stage().order(),
				Date.valueOf(envelope.occurredOn()), envelope.document().kind(), envelope.document().number(),
				event.amount(), event.employees(), parsed.record().sha256(), parsed.record().topic(),
				parsed.record().partition(), parsed.record().offset());
		return Outcome.ACCEPTED;
	}

	/** Every stage reached in one year. */
	List<StageRow> stages(String pemda, int fiscalYear) {
		return this.jdbc.query("""
				select opd, month, stage, occurred_on, amount from tpp_ledger
				where pemda = ? and fiscal_year = ?""",
				(rs, row) -> new StageRow(rs.getString(1), rs.getInt(2), Stage.valueOf(rs.getString(3)),
						rs.getDate(4).toLocalDate(), rs.getBigDecimal(5)),
				pemda, fiscalYear);
	}

	record StageRow(String opd, int month, Stage stage, LocalDate occurredOn, BigDecimal amount) {
	}

	private record Reached(Stage stage, LocalDate occurredOn) {
	}

}
