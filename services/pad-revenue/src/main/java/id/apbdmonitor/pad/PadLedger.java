package id.apbdmonitor.pad;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.ingest.ArrayColumns;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.CopyRows;
import id.apbdmonitor.core.ingest.Idempotency;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only PAD ledger and its year-to-date totals per collecting OPD and account, written
 * inside the batch transaction: one look-up of the run's ids and of the receipts its reversals
 * name, every record decided in run order against the ledger as it was before the run and the
 * rows accepted earlier in the same run, the new rows copied in with one {@code COPY}, and the
 * totals' deltas of the stored rows as one upsert, so a duplicate never touches either.
 */
@Repository
class PadLedger {

	private static final String[] COLUMNS = CopyRows.ledgerColumns("account", "channel", "amount", "reverses");

	/**
	 * A region's stored rows by id, with what their reversals (same region and year) took back so
	 * far; reads only that region's partitions.
	 */
	private static final String STORED = """
			select p.event_id, p.payload_sha256, p.pemda, p.opd, p.fiscal_year, p.account, p.channel, p.occurred_on,
			    p.amount, p.reverses, coalesce((select -sum(r.amount) from pad_ledger r
			        where r.pemda = p.pemda and r.fiscal_year = p.fiscal_year and r.reverses = p.event_id), 0)
			from pad_ledger p where p.pemda = ? and p.event_id = any(?)""";

	/** The totals' deltas and the days' counts of a run, one statement (a data-modifying WITH). */
	private static final String UPSERT_TOTALS = """
			with totals as (
			    insert into pad_total (pemda, fiscal_year, opd, account, realised, last_receipt_on, events)
			    select pemda, fiscal_year, opd, account, cents * 0.01, date '1970-01-01' + epoch_day, events
			    from unnest(?::text[], ?::int4[], ?::text[], ?::text[], ?::int8[], ?::int4[], ?::int8[])
			        as u (pemda, fiscal_year, opd, account, cents, epoch_day, events)
			    on conflict (pemda, fiscal_year, opd, account) do update
			    set realised = pad_total.realised + excluded.realised,
			        last_receipt_on = greatest(pad_total.last_receipt_on, excluded.last_receipt_on),
			        events = pad_total.events + excluded.events)
			insert into pad_receipt_day (pemda, fiscal_year, opd, account, occurred_on, open_receipts)
			select pemda, fiscal_year, opd, account, date '1970-01-01' + epoch_day, change
			from unnest(?::text[], ?::int4[], ?::text[], ?::text[], ?::int4[], ?::int8[])
			    as u (pemda, fiscal_year, opd, account, epoch_day, change)
			on conflict (pemda, fiscal_year, opd, occurred_on, account) do update
			set open_receipts = pad_receipt_day.open_receipts + excluded.open_receipts""";

	private final JdbcTemplate jdbc;

	PadLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a run in which no two events share an eventId (the pipeline cuts its runs so) with
	 * the outcome of writing them one by one: each record in run order, a stored id as a
	 * duplicate or conflict, a reversal against its receipt and the receipt's earlier reversals
	 * as stored before the run or accepted earlier in it (a receipt later in the run is not there
	 * yet); then the new rows as one COPY in run order (a reversal after its receipt) and the
	 * totals' deltas of what was stored, one row per OPD and account.
	 * <p>
	 * The usual run, every event new and accepted, is first decided without looking its own ids
	 * up (only the receipts its reversals name) and copied unless the ledger's key says one is
	 * stored: the look-up of a poll's 2,000 ids was the database's second cost after the COPY
	 * (issue 11). Any other outcome, an id stored in another year of the region, or a key taken,
	 * and the run is decided again against the look-up of all its ids.
	 */
	List<Outcome> write(List<Parsed<PadEvent>> batch) {
		Run first = decide(batch, stored(lookUp(batch, false)));
		if (first.allAccepted() && copiedIfNew(batch, first)) {
			first.totals.apply(this.jdbc);
			return first.outcomes();
		}
		Run run = decide(batch, stored(lookUp(batch, true)));
		// a row a concurrent writer (the instance that lost this partition) stored meanwhile fails
		// the copy; the pipeline then writes the run again in halves, each checked anew
		if (!run.fresh.isEmpty()) {
			this.jdbc.execute((ConnectionCallback<Long>) connection -> rows(batch, run).copy(connection));
		}
		run.totals.apply(this.jdbc);
		return run.outcomes();
	}

	/**
	 * What a run reads from the ledger, per region (ids are scoped by region; every map here is
	 * keyed by key(pemda, id)): the receipts reversed, and with {@code ownIds} the run's own ids.
	 */
	private static Map<String, Set<String>> lookUp(List<Parsed<PadEvent>> batch, boolean ownIds) {
		Map<String, Set<String>> lookUp = new LinkedHashMap<>();
		for (Parsed<PadEvent> parsed : batch) {
			PadEvent event = parsed.event();
			if (ownIds || event.isReversal()) {
				Set<String> region = lookUp.computeIfAbsent(event.envelope().pemda(), (pemda) -> new HashSet<>());
				if (ownIds) {
					region.add(event.envelope().eventId());
				}
				if (event.isReversal()) {
					region.add(event.reverses());
				}
			}
		}
		return lookUp;
	}

	/**
	 * Copies a run decided without looking its own ids up, unless one of them is stored: in
	 * another year of its region (looked up first) or in the same (the key refuses the copy,
	 * which is rolled back alone). False when it copied nothing.
	 */
	private boolean copiedIfNew(List<Parsed<PadEvent>> batch, Run run) {
		return this.jdbc.execute((ConnectionCallback<Boolean>) connection -> rows(batch, run).copyIfNew(connection, batch));
	}

	/** Every record of a run decided in run order against {@code stored}, the ledger's rows it read. */
	private static Run decide(List<Parsed<PadEvent>> batch, Map<String, Row> stored) {
		int n = batch.size();
		Run decided = new Run(n);
		// the rows this run stores, by key, in run order: never one of the stored ones
		Map<String, Row> run = new HashMap<>();
		for (int i = 0; i < n; i++) {
			Parsed<PadEvent> parsed = batch.get(i);
			PadEvent event = parsed.event();
			Envelope envelope = event.envelope();
			String id = envelope.eventId();
			Row own = stored.get(key(envelope.pemda(), id));
			if (own != null) {
				decided.outcomes[i] = Idempotency.sameOrConflict(own.sha256(), parsed.record(), id);
				continue;
			}
			if (!event.isReversal()) {
				decided.outcomes[i] = Outcome.ACCEPTED;
				decided.fresh.add(i);
				run.put(key(envelope.pemda(), id), new Row(envelope.pemda(), envelope.opd(), envelope.fiscalYear(),
						event.account(), event.channel(), envelope.occurredOn(), event.amount(), null, BigDecimal.ZERO));
				decided.totals.add(envelope, event.account(), event.amount(), envelope.occurredOn());
				decided.totals.open(envelope.pemda(), envelope.fiscalYear(), envelope.opd(), event.account(),
						envelope.occurredOn(), 1);
				continue;
			}
			String reversed = key(envelope.pemda(), event.reverses());
			Row receipt = run.containsKey(reversed) ? run.get(reversed) : stored.get(reversed);
			decided.outcomes[i] = check(event, receipt);
			if (decided.outcomes[i] == null) {
				decided.outcomes[i] = Outcome.ACCEPTED;
				receipt.reversed = receipt.reversed.add(event.amount());
				if (receipt.amount().compareTo(receipt.reversed) == 0) {
					// reversed in full: no longer a receipt the zero-target rule counts
					decided.totals.open(receipt.pemda(), receipt.fiscalYear(), receipt.opd(), receipt.account(),
							receipt.receivedOn(), -1);
				}
				Row row = new Row(envelope.pemda(), envelope.opd(), envelope.fiscalYear(), receipt.account(),
						receipt.channel(), envelope.occurredOn(), event.amount().negate(), event.reverses(),
						BigDecimal.ZERO);
				run.put(key(envelope.pemda(), id), row);
				decided.fresh.add(i);
				decided.reversalRows.put(i, row);
				decided.totals.add(envelope, receipt.account(), event.amount().negate(), null);
			}
		}
		return decided;
	}

	/**
	 * A run decided: the outcome of each record, the records to store (in run order) with the
	 * rows of their reversals, and the totals' deltas of those.
	 */
	private static final class Run {

		final Outcome[] outcomes;

		final List<Integer> fresh;

		final Map<Integer, Row> reversalRows = new HashMap<>();

		final Totals totals = new Totals();

		Run(int n) {
			this.outcomes = new Outcome[n];
			this.fresh = new ArrayList<>(n);
		}

		boolean allAccepted() {
			return this.fresh.size() == this.outcomes.length;
		}

		List<Outcome> outcomes() {
			return Arrays.asList(this.outcomes);
		}

	}

	/** A rejection of the reversal of {@code receipt} (null: none known), or null when it may be stored. */
	private static Outcome check(PadEvent event, Row receipt) {
		Envelope envelope = event.envelope();
		if (receipt == null) {
			return BatchIngestor.reject(Reason.UNKNOWN_REFERENCE, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' names no pad-received event in the ledger of "
							+ envelope.pemda());
		}
		// the same OPD code exists in several regions (DINKES): the pemda must match too
		if (receipt.reverses() != null || !receipt.pemda().equals(envelope.pemda())
				|| !receipt.opd().equals(envelope.opd()) || receipt.fiscalYear() != envelope.fiscalYear()) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' must be a pad-received of " + envelope.pemda() + "/"
							+ envelope.opd() + " in " + envelope.fiscalYear() + "; it is of " + receipt.pemda() + "/"
							+ receipt.opd() + " in " + receipt.fiscalYear()
							+ ((receipt.reverses() != null) ? ", and itself a reversal" : ""));
		}
		BigDecimal remaining = receipt.amount().subtract(receipt.reversed);
		if (event.amount().compareTo(remaining) > 0) {
			return BatchIngestor.reject(Reason.REVERSAL_EXCEEDS_ORIGINAL, "amount", event.amount().toPlainString(),
					"amount " + event.amount().toPlainString() + " exceeds what is left of " + event.reverses() + ": "
							+ remaining.toPlainString() + " of " + receipt.amount().toPlainString());
		}
		return null;
	}

	/**
	 * A run's rows to store, in run order: a receipt's encoded on the consumer thread already
	 * ({@link #encodedRow}) or here; a reversal's account, channel and signed amount come from its
	 * receipt.
	 */
	private static CopyRows rows(List<Parsed<PadEvent>> batch, Run run) {
		CopyRows rows = new CopyRows("pad_ledger", COLUMNS);
		for (int index : run.fresh) {
			Parsed<PadEvent> parsed = batch.get(index);
			PadEvent event = parsed.event();
			Row reversal = run.reversalRows.get(index);
			if (reversal != null) {
				rows.envelope(event.envelope())
					.text(reversal.account())
					.text(reversal.channel())
					.amount(reversal.amount())
					.text(event.reverses())
					.source(parsed.record())
					.endRow();
			}
			else if (parsed.row() != null) {
				rows.encoded(parsed.row());
			}
			else {
				receipt(rows, event, parsed.record());
			}
		}
		return rows;
	}

	/** A receipt's ledger row, which depends on nothing stored; null for a reversal, whose row takes its receipt's columns. */
	static byte[] encodedRow(PadEvent event, IncomingRecord record) {
		if (event.isReversal()) {
			return null;
		}
		return receipt(CopyRows.row(COLUMNS.length), event, record).encodedRow();
	}

	private static CopyRows receipt(CopyRows rows, PadEvent event, IncomingRecord record) {
		return rows.envelope(event.envelope())
			.text(event.account())
			.text(event.channel())
			.amount(event.amount())
			.text(event.reverses())
			.source(record)
			.endRow();
	}

	/** An id within its region: ids are scoped by pemda. */
	private static String key(String pemda, String id) {
		return pemda + '\n' + id;
	}

	/** The stored rows of these ids of each region, by {@link #key}: one look-up per region. */
	private Map<String, Row> stored(Map<String, Set<String>> idsByPemda) {
		Map<String, Row> rows = new HashMap<>();
		if (idsByPemda.isEmpty()) {
			return rows;
		}
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement statement = connection.prepareStatement(STORED)) {
				for (Map.Entry<String, Set<String>> region : idsByPemda.entrySet()) {
					statement.setString(1, region.getKey());
					ArrayColumns.bind(statement, 2, region.getValue().toArray(String[]::new));
					try (ResultSet rs = statement.executeQuery()) {
						while (rs.next()) {
							Row row = new Row(rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
									rs.getString(7), rs.getObject(8, LocalDate.class), rs.getBigDecimal(9),
									rs.getString(10), rs.getBigDecimal(11));
							row.sha256 = rs.getBytes(2);
							rows.put(key(region.getKey(), rs.getString(1)), row);
						}
					}
				}
			}
			return null;
		});
		return rows;
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
				from budget_line l join budget_revision r
				    on r.event_id = l.event_id and r.pemda = l.pemda and r.fiscal_year = l.fiscal_year
				where l.pemda = ? and l.fiscal_year = ? and l.category = ?""",
				(rs, row) -> new ZeroTargetRule.TargetLine(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
						rs.getObject(4, LocalDate.class)),
				pemda, fiscalYear, category);
	}

	/**
	 * The receipts of an OPD dated after a day that are not reversed in full, counted per account
	 * and day: at most a row per day and account, however many receipts the ledger holds.
	 */
	List<ZeroTargetRule.Receipt> receiptsAfter(String pemda, int fiscalYear, String opd, LocalDate after) {
		return this.jdbc.query("""
				select account, occurred_on, open_receipts from pad_receipt_day
				where pemda = ? and fiscal_year = ? and opd = ? and occurred_on > ? and open_receipts > 0""",
				(rs, row) -> new ZeroTargetRule.Receipt(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3)),
				pemda, fiscalYear, opd, Date.valueOf(after));
	}

	/**
	 * A ledger row as a reversal reads it: a receipt (or a reversal, {@code reverses} set) with
	 * the amount its reversals took back so far, moved by the reversals accepted in the run.
	 */
	private static final class Row {

		private final String pemda;

		private final String opd;

		private final int fiscalYear;

		private final String account;

		private final String channel;

		private final LocalDate receivedOn;

		private final BigDecimal amount;

		private final String reverses;

		private BigDecimal reversed;

		private byte[] sha256;

		Row(String pemda, String opd, int fiscalYear, String account, String channel, LocalDate receivedOn,
				BigDecimal amount, String reverses, BigDecimal reversed) {
			this.pemda = pemda;
			this.opd = opd;
			this.fiscalYear = fiscalYear;
			this.account = account;
			this.channel = channel;
			this.receivedOn = receivedOn;
			this.amount = amount;
			this.reverses = reverses;
			this.reversed = reversed;
		}

		String pemda() {
			return this.pemda;
		}

		String opd() {
			return this.opd;
		}

		LocalDate receivedOn() {
			return this.receivedOn;
		}

		int fiscalYear() {
			return this.fiscalYear;
		}

		String account() {
			return this.account;
		}

		String channel() {
			return this.channel;
		}

		BigDecimal amount() {
			return this.amount;
		}

		String reverses() {
			return this.reverses;
		}

		byte[] sha256() {
			return this.sha256;
		}

	}

	/** Deltas of the rows stored by a run, per OPD and account: a receipt (not a reversal) moves the last receipt's date. */
	private static final class Totals {

		private final Map<List<Object>, Delta> deltas = new LinkedHashMap<>();

		/** pemda, fiscal year, opd, account, date → change of the receipts not reversed in full. */
		private final Map<List<Object>, Long> open = new LinkedHashMap<>();

		void open(String pemda, int fiscalYear, String opd, String account, LocalDate receivedOn, long change) {
			this.open.merge(List.of(pemda, fiscalYear, opd, account, receivedOn), change, Long::sum);
		}

		void add(Envelope envelope, String account, BigDecimal amount, LocalDate receivedOn) {
			Delta delta = this.deltas.computeIfAbsent(
					List.of(envelope.pemda(), envelope.fiscalYear(), envelope.opd(), account), key -> new Delta());
			delta.amount = delta.amount.add(amount);
			delta.events++;
			if (receivedOn != null && (delta.lastReceiptOn == null || receivedOn.isAfter(delta.lastReceiptOn))) {
				delta.lastReceiptOn = receivedOn;
			}
		}

		/**
		 * One statement: the upsert of every total's delta and of every day's count, in binary
		 * arrays (a date as its epoch day, null without a receipt).
		 */
		void apply(JdbcTemplate jdbc) {
			if (this.deltas.isEmpty()) {
				return;
			}
			int n = this.deltas.size();
			int d = this.open.size();
			Object[][] columns = { new String[n], new Integer[n], new String[n], new String[n], new Long[n],
					new Integer[n], new Long[n], new String[d], new Integer[d], new String[d], new String[d],
					new Integer[d], new Long[d] };
			int row = 0;
			for (Map.Entry<List<Object>, Delta> each : this.deltas.entrySet()) {
				List<Object> key = each.getKey();
				Delta delta = each.getValue();
				columns[0][row] = key.get(0);
				columns[1][row] = key.get(1);
				columns[2][row] = key.get(2);
				columns[3][row] = key.get(3);
				columns[4][row] = delta.amount.movePointRight(2).longValueExact();
				columns[5][row] = (delta.lastReceiptOn != null) ? (int) delta.lastReceiptOn.toEpochDay() : null;
				columns[6][row] = delta.events;
				row++;
			}
			row = 0;
			for (Map.Entry<List<Object>, Long> each : this.open.entrySet()) {
				List<Object> key = each.getKey();
				for (int c = 0; c < 4; c++) {
					columns[7 + c][row] = key.get(c);
				}
				columns[11][row] = (int) ((LocalDate) key.get(4)).toEpochDay();
				columns[12][row] = each.getValue();
				row++;
			}
			jdbc.execute((ConnectionCallback<Void>) connection -> {
				try (PreparedStatement statement = connection.prepareStatement(UPSERT_TOTALS)) {
					ArrayColumns.bind(statement, columns);
					statement.executeUpdate();
				}
				return null;
			});
		}

	}

	private static final class Delta {

		private BigDecimal amount = BigDecimal.ZERO;

		private long events;

		private LocalDate lastReceiptOn;

	}

}
