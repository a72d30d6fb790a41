package id.apbdmonitor.pad;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.ingest.ArrayColumns;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only PAD ledger and its year-to-date totals per collecting OPD and account, written
 * inside the batch transaction: the receipts of a run as one {@code INSERT … SELECT FROM unnest(…)
 * ON CONFLICT DO NOTHING} (which returns exactly the rows that were new), reversals (rare) one by
 * one, and the totals' deltas of the stored rows only, so a duplicate never touches either.
 */
@Repository
class PadLedger {

	/** Binary arrays only (see SpendingLedger): a date as its epoch day, an amount in hundredths of a rupiah. */
	private static final String INSERT_RECEIPTS = """
			insert into pad_ledger (event_id, event_type, pemda, fiscal_year, opd, account, channel, occurred_on,
			    document_kind, document_number, amount, payload_sha256, source_topic, source_partition, source_offset)
			select event_id, event_type, pemda, fiscal_year, opd, account, channel, date '1970-01-01' + epoch_day,
			    document_kind, document_number, cents * 0.01, payload_sha256, source_topic, source_partition,
			    source_offset
			from unnest(?::text[], ?::text[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::int4[],
			    ?::text[], ?::text[], ?::int8[], ?::bytea[], ?::text[], ?::int4[], ?::int8[])
			    as u (event_id, event_type, pemda, fiscal_year, opd, account, channel, epoch_day, document_kind,
			    document_number, cents, payload_sha256, source_topic, source_partition, source_offset)
			on conflict (event_id) do nothing
			returning event_id""";

	private final JdbcTemplate jdbc;

	PadLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a run in which no two events share an eventId or a reversed receipt (the pipeline
	 * cuts its runs so): the receipts as one set, then the reversals one by one, then the totals'
	 * deltas of what was stored, one row per OPD and account.
	 */
	List<Outcome> write(List<Parsed<PadEvent>> batch) {
		Outcome[] outcomes = new Outcome[batch.size()];
		List<Integer> receipts = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (!batch.get(i).event().isReversal()) {
				receipts.add(i);
			}
		}
		Totals totals = new Totals();
		Set<String> inserted = insertReceipts(batch, receipts);
		for (int i : receipts) {
			Parsed<PadEvent> parsed = batch.get(i);
			PadEvent event = parsed.event();
			if (inserted.remove(event.envelope().eventId())) {
				outcomes[i] = Outcome.ACCEPTED;
				totals.add(event.envelope(), event.account(), event.amount(), event.envelope().occurredOn());
			}
			else {
				Outcome stored = storedOutcome(parsed);
				if (stored == null) {
					throw new IllegalStateException("event " + event.envelope().eventId()
							+ " was neither inserted nor found; retrying the batch");
				}
				outcomes[i] = stored;
			}
		}
		for (int i = 0; i < batch.size(); i++) {
			if (outcomes[i] == null) {
				outcomes[i] = reverse(batch.get(i), totals);
			}
		}
		totals.apply(this.jdbc);
		return Arrays.asList(outcomes);
	}

	private Set<String> insertReceipts(List<Parsed<PadEvent>> batch, List<Integer> indexes) {
		Set<String> ids = new HashSet<>();
		if (indexes.isEmpty()) {
			return ids;
		}
		return this.jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
			int n = indexes.size();
			Object[][] columns = { new String[n], new String[n], new String[n], new Integer[n], new String[n],
					new String[n], new String[n], new Integer[n], new String[n], new String[n], new Long[n],
					new byte[n][], new String[n], new Integer[n], new Long[n] };
			for (int row = 0; row < n; row++) {
				Parsed<PadEvent> parsed = batch.get(indexes.get(row));
				PadEvent event = parsed.event();
				Envelope envelope = event.envelope();
				columns[0][row] = envelope.eventId();
				columns[1][row] = envelope.type();
				columns[2][row] = envelope.pemda();
				columns[3][row] = envelope.fiscalYear();
				columns[4][row] = envelope.opd();
				columns[5][row] = event.account();
				columns[6][row] = event.channel();
				columns[7][row] = (int) envelope.occurredOn().toEpochDay();
				columns[8][row] = envelope.document().kind();
				columns[9][row] = envelope.document().number();
				columns[10][row] = event.amount().movePointRight(2).longValueExact();
				columns[11][row] = parsed.record().sha256();
				columns[12][row] = parsed.record().topic();
				columns[13][row] = parsed.record().partition();
				columns[14][row] = parsed.record().offset();
			}
			String[] types = { "text", "text", "text", "int4", "text", "text", "text", "int4", "text", "text", "int8",
					"bytea", "text", "int4", "int8" };
			try (PreparedStatement statement = connection.prepareStatement(INSERT_RECEIPTS)) {
				ArrayColumns.bind(connection, statement, columns, types);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						ids.add(rs.getString(1));
					}
				}
			}
			return ids;
		});
	}

	/** DUPLICATE or EVENT_ID_CONFLICT when the event id is already stored, else null. */
	private Outcome storedOutcome(Parsed<PadEvent> parsed) {
		Envelope envelope = parsed.event().envelope();
		List<byte[]> stored = this.jdbc.query("select payload_sha256 from pad_ledger where event_id = ?",
				(rs, row) -> rs.getBytes(1), envelope.eventId());
		if (stored.isEmpty()) {
			return null;
		}
		if (Arrays.equals(stored.get(0), parsed.record().sha256())) {
			return Outcome.DUPLICATE;
		}
		return BatchIngestor.reject(Reason.EVENT_ID_CONFLICT, "eventId", envelope.eventId(), "eventId '"
				+ envelope.eventId() + "' is already stored with a different payload; a corrected fact needs a new eventId");
	}

	private Outcome reverse(Parsed<PadEvent> parsed, Totals totals) {
		PadEvent event = parsed.event();
		Envelope envelope = event.envelope();
		Outcome stored = storedOutcome(parsed);
		if (stored != null) {
			return stored;
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
		this.jdbc.update("""
				insert into pad_ledger (event_id, event_type, pemda, fiscal_year, opd, account, channel, occurred_on,
				    document_kind, document_number, amount, reverses, payload_sha256, source_topic, source_partition,
				    source_offset)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", envelope.eventId(), envelope.type(),
				envelope.pemda(), envelope.fiscalYear(), envelope.opd(), receipt.account(), receipt.channel(),
				Date.valueOf(envelope.occurredOn()), envelope.document().kind(), envelope.document().number(),
				event.amount().negate(), event.reverses(), parsed.record().sha256(), parsed.record().topic(),
				parsed.record().partition(), parsed.record().offset());
		totals.add(envelope, receipt.account(), event.amount().negate(), null);
		return Outcome.ACCEPTED;
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

	/** Deltas of the rows stored by a run, per OPD and account: a receipt (not a reversal) moves the last receipt's date. */
	private static final class Totals {

		private final Map<List<Object>, Delta> deltas = new LinkedHashMap<>();

		void add(Envelope envelope, String account, BigDecimal amount, LocalDate receivedOn) {
			Delta delta = this.deltas.computeIfAbsent(
					List.of(envelope.pemda(), envelope.fiscalYear(), envelope.opd(), account), key -> new Delta());
			delta.amount = delta.amount.add(amount);
			delta.events++;
			if (receivedOn != null && (delta.lastReceiptOn == null || receivedOn.isAfter(delta.lastReceiptOn))) {
				delta.lastReceiptOn = receivedOn;
			}
		}

		void apply(JdbcTemplate jdbc) {
			if (this.deltas.isEmpty()) {
				return;
			}
			List<Object[]> rows = new ArrayList<>(this.deltas.size());
			this.deltas.forEach((key, delta) -> rows.add(new Object[] { key.get(0), key.get(1), key.get(2), key.get(3),
					delta.amount, (delta.lastReceiptOn != null) ? Date.valueOf(delta.lastReceiptOn) : null,
					delta.events }));
			jdbc.batchUpdate("""
					insert into pad_total (pemda, fiscal_year, opd, account, realised, last_receipt_on, events)
					values (?, ?, ?, ?, ?, ?, ?)
					on conflict (pemda, fiscal_year, opd, account) do update
					set realised = pad_total.realised + excluded.realised,
					    last_receipt_on = greatest(pad_total.last_receipt_on, excluded.last_receipt_on),
					    events = pad_total.events + excluded.events""", rows);
		}

	}

	private static final class Delta {

		private BigDecimal amount = BigDecimal.ZERO;

		private long events;

		private LocalDate lastReceiptOn;

	}

}
