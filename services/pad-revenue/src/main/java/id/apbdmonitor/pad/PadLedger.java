package id.apbdmonitor.pad;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only PAD ledger and its year-to-date totals per collecting OPD and account, written
 * event by event inside the batch transaction: the ledger row and its total's delta together, a
 * duplicate never touching either.
 */
@Repository
class PadLedger {

	private final JdbcTemplate jdbc;

	PadLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Outcome> write(List<Parsed<PadEvent>> batch) {
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (Parsed<PadEvent> parsed : batch) {
			outcomes.add(write(parsed));
		}
		return outcomes;
	}

	private Outcome write(Parsed<PadEvent> parsed) {
		PadEvent event = parsed.event();
		Envelope envelope = event.envelope();
		List<byte[]> stored = this.jdbc.query("select payload_sha256 from pad_ledger where event_id = ?",
				(rs, row) -> rs.getBytes(1), envelope.eventId());
		if (!stored.isEmpty()) {
			if (Arrays.equals(stored.get(0), parsed.record().sha256())) {
				return Outcome.DUPLICATE;
			}
			return BatchIngestor.reject(Reason.EVENT_ID_CONFLICT, "eventId", envelope.eventId(), "eventId '"
					+ envelope.eventId() + "' is already stored with a different payload; a corrected fact needs a new eventId");
		}
		if (!event.isReversal()) {
			insert(parsed, event.account(), event.channel(), event.amount(), null);
			total(envelope, event.account(), event.amount(), envelope.occurredOn());
			return Outcome.ACCEPTED;
		}
		List<Receipt> receipts = this.jdbc.query(
				"select opd, fiscal_year, account, channel, amount, reverses from pad_ledger where event_id = ?",
				(rs, row) -> new Receipt(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
						rs.getBigDecimal(5), rs.getString(6)),
				event.reverses());
		if (receipts.isEmpty()) {
			return BatchIngestor.reject(Reason.UNKNOWN_REFERENCE, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' names no pad-received event in the ledger");
		}
		Receipt receipt = receipts.get(0);
		if (receipt.reverses() != null || !receipt.opd().equals(envelope.opd())
				|| receipt.fiscalYear() != envelope.fiscalYear()) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' must be a pad-received of " + envelope.opd() + " in "
							+ envelope.fiscalYear() + "; it is of " + receipt.opd() + " in " + receipt.fiscalYear()
							+ ((receipt.reverses() != null) ? ", and itself a reversal" : ""));
		}
		BigDecimal reversed = this.jdbc.queryForObject(
				"select coalesce(-sum(amount), 0) from pad_ledger where reverses = ?", BigDecimal.class,
				event.reverses());
		BigDecimal remaining = receipt.amount().subtract(reversed);
		if (event.amount().compareTo(remaining) > 0) {
			return BatchIngestor.reject(Reason.REVERSAL_EXCEEDS_ORIGINAL, "amount", event.amount().toPlainString(),
					"amount " + event.amount().toPlainString() + " exceeds what is left of " + event.reverses() + ": "
							+ remaining.toPlainString() + " of " + receipt.amount().toPlainString());
		}
		insert(parsed, receipt.account(), receipt.channel(), event.amount().negate(), event.reverses());
		total(envelope, receipt.account(), event.amount().negate(), null);
		return Outcome.ACCEPTED;
	}

	private void insert(Parsed<PadEvent> parsed, String account, String channel, BigDecimal amount, String reverses) {
		Envelope envelope = parsed.event().envelope();
		this.jdbc.update("""
				insert into pad_ledger (event_id, event_type, pemda, fiscal_year, opd, account, channel, occurred_on,
				    document_kind, document_number, amount, reverses, payload_sha256, source_topic, source_partition,
				    source_offset)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", envelope.eventId(), envelope.type(),
				envelope.pemda(), envelope.fiscalYear(), envelope.opd(), account, channel,
				Date.valueOf(envelope.occurredOn()), envelope.document().kind(), envelope.document().number(), amount,
				reverses, parsed.record().sha256(), parsed.record().topic(), parsed.record().partition(),
				parsed.record().offset());
	}

	/** Adds a delta; a receipt (not a reversal) also moves the date of the last receipt forward. */
	private void total(Envelope envelope, String account, BigDecimal delta, LocalDate receivedOn) {
		this.jdbc.update("""
				insert into pad_total (pemda, fiscal_year, opd, account, realised, last_receipt_on, events)
				values (?, ?, ?, ?, ?, ?, 1)
				on conflict (pemda, fiscal_year, opd, account) do update
				set realised = pad_total.realised + excluded.realised,
				    last_receipt_on = greatest(pad_total.last_receipt_on, excluded.last_receipt_on),
				    events = pad_total.events + 1""", envelope.pemda(), envelope.fiscalYear(), envelope.opd(),
				account, delta, (receivedOn != null) ? Date.valueOf(receivedOn) : null);
	}

	/** Receipts of one year per collecting OPD and account. */
	List<Total> totals(String pemda, int fiscalYear) {
		return this.jdbc.query(
				"select opd, account, realised, last_receipt_on from pad_total where pemda = ? and fiscal_year = ?",
				(rs, row) -> new Total(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
						rs.getObject(4, LocalDate.class)),
				pemda, fiscalYear);
	}

	record Total(String opd, String account, BigDecimal realised, LocalDate lastReceiptOn) {
	}

	/** The target lines in force of one year, each with the date of the revision in force. */
	List<ZeroTargetRule.TargetLine> targetLines(String pemda, int fiscalYear, String category) {
		return this.jdbc.query("""
				select l.opd, l.account, l.pagu, r.occurred_on
				from budget_line l join budget_revision r on r.event_id = l.event_id
				where l.pemda = ? and l.fiscal_year = ? and l.category = ?""",
				(rs, row) -> new ZeroTargetRule.TargetLine(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
						rs.getObject(4, LocalDate.class)),
				pemda, fiscalYear, category);
	}

	/** The receipts of an OPD dated after a day that are not reversed in full. */
	List<ZeroTargetRule.Receipt> receiptsAfter(String pemda, int fiscalYear, String opd, LocalDate after) {
		return this.jdbc.query("""
				select p.account, p.occurred_on from pad_ledger p
				where p.pemda = ? and p.fiscal_year = ? and p.opd = ? and p.reverses is null and p.occurred_on > ?
				  and p.amount + coalesce((select sum(r.amount) from pad_ledger r where r.reverses = p.event_id), 0) > 0""",
				(rs, row) -> new ZeroTargetRule.Receipt(rs.getString(1), rs.getObject(2, LocalDate.class)), pemda,
				fiscalYear, opd, Date.valueOf(after));
	}

	private record Receipt(String opd, int fiscalYear, String account, String channel, BigDecimal amount,
			String reverses) {
	}

}
