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
		Long seq = this.jdbc.queryForObject("""
				insert into up_ledger (event_id, event_type, pemda, fiscal_year, opd, occurred_on, document_kind,
				    document_number, amount, tu, payload_sha256, source_topic, source_partition, source_offset)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning seq""", Long.class, envelope.eventId(),
				envelope.type(), envelope.pemda(), envelope.fiscalYear(), envelope.opd(),
				Date.valueOf(envelope.occurredOn()), envelope.document().kind(), envelope.document().number(),
				event.amount(), event.tu(), parsed.record().sha256(), parsed.record().topic(),
				parsed.record().partition(), parsed.record().offset());
		total(event, seq);
		return Outcome.ACCEPTED;
	}

	/** The totals the snapshot reads, moved by one stored fact in the same transaction. */
	private void total(UpEvent event, long seq) {
		Envelope envelope = event.envelope();
		Date on = Date.valueOf(envelope.occurredOn());
		BigDecimal amount = (event.amount() != null) ? event.amount() : BigDecimal.ZERO;
		this.jdbc.update("""
				insert into up_total (pemda, fiscal_year, opd, event_type, amount, events, first_on, last_on)
				values (?, ?, ?, ?, ?, 1, ?, ?)
				on conflict (pemda, fiscal_year, opd, event_type) do update
				set amount = up_total.amount + excluded.amount, events = up_total.events + 1,
				    first_on = least(up_total.first_on, excluded.first_on),
				    last_on = greatest(up_total.last_on, excluded.last_on)""", envelope.pemda(),
				envelope.fiscalYear(), envelope.opd(), envelope.type(), amount, on, on);
		switch (event.type()) {
			case UpEvent.CEILING_SET -> this.jdbc.update("""
					insert into up_ceiling (pemda, fiscal_year, opd, occurred_on, seq, amount) values (?, ?, ?, ?, ?, ?)
					on conflict (pemda, fiscal_year, opd) do update
					set occurred_on = excluded.occurred_on, seq = excluded.seq, amount = excluded.amount
					where (up_ceiling.occurred_on, up_ceiling.seq) < (excluded.occurred_on, excluded.seq)""",
					envelope.pemda(), envelope.fiscalYear(), envelope.opd(), on, seq, amount);
			case UpEvent.TU_DISBURSED -> this.jdbc.update("""
					insert into up_tu (event_id, pemda, fiscal_year, opd, disbursed_on, amount, settled)
					values (?, ?, ?, ?, ?, ?, 0)""", envelope.eventId(), envelope.pemda(), envelope.fiscalYear(),
					envelope.opd(), on, amount);
			case UpEvent.TU_ACCOUNTED, UpEvent.TU_RETURNED -> this.jdbc.update("""
					update up_tu set settled = settled + ?,
					    last_settled_on = greatest(last_settled_on, ?) where event_id = ?""", amount, on, event.tu());
			default -> {
				// the other facts move only up_total
			}
		}
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

	/** Every fact of one OPD's year in the order it happened: by date, then by arrival. */
	List<Fact> facts(String pemda, int fiscalYear, String opd) {
		return this.jdbc.query("""
				select event_id, opd, event_type, occurred_on, document_kind, document_number, amount, tu
				from up_ledger where pemda = ? and fiscal_year = ? and opd = ? order by occurred_on, seq""",
				(rs, row) -> fact(rs), pemda, fiscalYear, opd);
	}

	/** The facts of the year stored after {@code seq}, in the order they happened, each with its seq. */
	List<Sequenced> factsAfter(String pemda, int fiscalYear, long seq) {
		return this.jdbc.query("""
				select event_id, opd, event_type, occurred_on, document_kind, document_number, amount, tu, seq
				from up_ledger where seq > ? and pemda = ? and fiscal_year = ? order by occurred_on, seq""",
				(rs, row) -> new Sequenced(rs.getLong(9), fact(rs)), seq, pemda, fiscalYear);
	}

	private static Fact fact(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
				rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8));
	}

	/** Sums per OPD and event type, for one year, with how many facts each sums. */
	List<TypeTotal> typeTotals(String pemda, int fiscalYear) {
		return this.jdbc.query("""
				select opd, event_type, amount, first_on, last_on, events
				from up_total where pemda = ? and fiscal_year = ?""",
				(rs, row) -> new TypeTotal(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
						rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getLong(6)),
				pemda, fiscalYear);
	}

	/** The ceiling in force per OPD: the newest up-ceiling-set by date, then by arrival. */
	List<Ceiling> ceilings(String pemda, int fiscalYear) {
		return this.jdbc.query("select opd, amount from up_ceiling where pemda = ? and fiscal_year = ?",
				(rs, row) -> new Ceiling(rs.getString(1), rs.getBigDecimal(2)), pemda, fiscalYear);
	}

	/**
	 * Per OPD with a TU in the year: its oldest open TU (by date, then id) and how many TUs were
	 * settled in full more than {@code maxDays} after their disbursement.
	 */
	List<TuSummary> tuSummaries(String pemda, int fiscalYear, int maxDays) {
		return this.jdbc.query("""
				select opd,
				       (array_agg(disbursed_on order by disbursed_on, event_id) filter (where settled < amount))[1],
				       (array_agg(amount - settled order by disbursed_on, event_id) filter (where settled < amount))[1],
				       count(*) filter (where settled >= amount and last_settled_on - disbursed_on > ?)
				from up_tu where pemda = ? and fiscal_year = ? group by opd""", (rs, row) -> {
					Date oldest = rs.getDate(2);
					return new TuSummary(rs.getString(1), (oldest != null) ? oldest.toLocalDate() : null,
							rs.getBigDecimal(3), rs.getInt(4));
				}, maxDays, pemda, fiscalYear);
	}

	/** One stored fact; {@code amount} is null for the closure, {@code tu} set for a TU settlement. */
	record Fact(String eventId, String opd, String type, LocalDate occurredOn, String documentKind,
			String documentNumber, BigDecimal amount, String tu) {
	}

	/** A fact with its place in the order of arrival. */
	record Sequenced(long seq, Fact fact) {
	}

	record TypeTotal(String opd, String type, BigDecimal amount, LocalDate first, LocalDate last, long events) {
	}

	record Ceiling(String opd, BigDecimal amount) {
	}

	/** The oldest open TU of an OPD (null when none is open) and its TUs settled late. */
	record TuSummary(String opd, LocalDate oldestOpenOn, BigDecimal oldestOpenRemaining, int settledLate) {
	}

	private record Disbursement(String opd, int fiscalYear, LocalDate occurredOn) {
	}

}
