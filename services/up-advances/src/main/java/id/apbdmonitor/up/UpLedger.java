package id.apbdmonitor.up;

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
 * The append-only UP ledger. Events are stored one by one in batch order (a few thousand a year
 * per region), so a TU accounting may settle a TU disbursed earlier in the same batch. A TU
 * accounting or return must name a TU of its OPD disbursed no later than itself: a broken
 * reference is a contract defect and is dead-lettered. A fact that breaks a treasury rule (more
 * accounted or returned than the TU has left, a refill above what awaits it …) already happened
 * in SIPD, so it is stored and {@link UpRuleBook} flags it.
 */
@Repository
class UpLedger {

	private final JdbcTemplate jdbc;

	UpLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Outcome> write(List<Parsed<UpEvent>> batch) {
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (Parsed<UpEvent> parsed : batch) {
			outcomes.add(write(parsed));
		}
		return outcomes;
	}

	private Outcome write(Parsed<UpEvent> parsed) {
		UpEvent event = parsed.event();
		Envelope envelope = event.envelope();
		List<byte[]> stored = this.jdbc.query("select payload_sha256 from up_ledger where event_id = ?",
				(rs, row) -> rs.getBytes(1), envelope.eventId());
		if (!stored.isEmpty()) {
			return Idempotency.sameOrConflict(stored.get(0), parsed.record(), envelope.eventId());
		}
		if (event.settlesTu()) {
			Outcome rejected = checkTu(event);
			if (rejected != null) {
				return rejected;
			}
		}
		this.jdbc.update("""
				insert into up_ledger (event_id, event_type, pemda, fiscal_year, opd, occurred_on, document_kind,
				    document_number, amount, tu, payload_sha256, source_topic, source_partition, source_offset)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", envelope.eventId(), envelope.type(),
				envelope.pemda(), envelope.fiscalYear(), envelope.opd(), Date.valueOf(envelope.occurredOn()),
				envelope.document().kind(), envelope.document().number(), event.amount(), event.tu(),
				parsed.record().sha256(), parsed.record().topic(), parsed.record().partition(),
				parsed.record().offset());
		return Outcome.ACCEPTED;
	}

	/** TU_NOT_DISBURSED, or null when the settlement names a TU it may settle. */
	private Outcome checkTu(UpEvent event) {
		Envelope envelope = event.envelope();
		List<Disbursement> tus = this.jdbc.query("""
				select opd, fiscal_year, occurred_on from up_ledger
				where event_id = ? and event_type = 'tu-disbursed'""",
				(rs, row) -> new Disbursement(rs.getString(1), rs.getInt(2), rs.getDate(3).toLocalDate()),
				event.tu());
		if (tus.isEmpty() || !tus.get(0).opd().equals(envelope.opd())
				|| tus.get(0).fiscalYear() != envelope.fiscalYear()) {
			return BatchIngestor.reject(Reason.TU_NOT_DISBURSED, "tu", event.tu(), "tu '" + event.tu()
					+ "' names no tu-disbursed event of " + envelope.opd() + " in " + envelope.fiscalYear());
		}
		Disbursement tu = tus.get(0);
		if (envelope.occurredOn().isBefore(tu.occurredOn())) {
			return BatchIngestor.reject(Reason.TU_NOT_DISBURSED, "occurredOn", envelope.occurredOn(),
					envelope.type() + " on " + envelope.occurredOn() + " is dated before TU '" + event.tu()
							+ "' was disbursed on " + tu.occurredOn());
		}
		return null;
	}

	/** Every fact of the year in the order it happened: by date, then by arrival. */
	List<Fact> facts(String pemda, int fiscalYear) {
		return this.jdbc.query("""
				select event_id, opd, event_type, occurred_on, document_kind, document_number, amount, tu
				from up_ledger where pemda = ? and fiscal_year = ? order by occurred_on, seq""",
				(rs, row) -> new Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
						rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8)),
				pemda, fiscalYear);
	}

	/** Sums per OPD and event type, for one year. */
	List<TypeTotal> typeTotals(String pemda, int fiscalYear) {
		return this.jdbc.query("""
				select opd, event_type, coalesce(sum(amount), 0), min(occurred_on), max(occurred_on)
				from up_ledger where pemda = ? and fiscal_year = ? group by opd, event_type""",
				(rs, row) -> new TypeTotal(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
						rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate()),
				pemda, fiscalYear);
	}

	/** The ceiling in force per OPD: the newest up-ceiling-set by date, then by arrival. */
	List<Ceiling> ceilings(String pemda, int fiscalYear) {
		return this.jdbc.query("""
				select distinct on (opd) opd, amount from up_ledger
				where pemda = ? and fiscal_year = ? and event_type = 'up-ceiling-set'
				order by opd, occurred_on desc, seq desc""",
				(rs, row) -> new Ceiling(rs.getString(1), rs.getBigDecimal(2)), pemda, fiscalYear);
	}

	/** Every TU of the year with what settled it so far and the date of its last settlement. */
	List<Tu> tus(String pemda, int fiscalYear) {
		return this.jdbc.query("""
				select d.opd, d.event_id, d.occurred_on, d.amount, coalesce(sum(s.amount), 0), max(s.occurred_on)
				from up_ledger d left join up_ledger s on s.tu = d.event_id
				where d.pemda = ? and d.fiscal_year = ? and d.event_type = 'tu-disbursed'
				group by d.opd, d.event_id, d.occurred_on, d.amount""", (rs, row) -> {
					Date last = rs.getDate(6);
					return new Tu(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4),
							rs.getBigDecimal(5), (last != null) ? last.toLocalDate() : null);
				}, pemda, fiscalYear);
	}

	/** One stored fact; {@code amount} is null for the closure, {@code tu} set for a TU settlement. */
	record Fact(String eventId, String opd, String type, LocalDate occurredOn, String documentKind,
			String documentNumber, BigDecimal amount, String tu) {
	}

	record TypeTotal(String opd, String type, BigDecimal amount, LocalDate first, LocalDate last) {
	}

	record Ceiling(String opd, BigDecimal amount) {
	}

	record Tu(String opd, String eventId, LocalDate disbursedOn, BigDecimal amount, BigDecimal settled,
			LocalDate lastSettledOn) {

		boolean open() {
			return this.settled.compareTo(this.amount) < 0;
		}

		BigDecimal remaining() {
			return this.amount.subtract(this.settled);
		}

	}

	private record Disbursement(String opd, int fiscalYear, LocalDate occurredOn) {
	}

}
