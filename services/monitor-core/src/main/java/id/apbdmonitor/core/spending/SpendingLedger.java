package id.apbdmonitor.core.spending;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.ingest.CopyRows;
import id.apbdmonitor.core.ingest.Idempotency;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only spending ledger and its year-to-date totals. The realisations of a batch go in
 * with one {@link CopyRows COPY}, and the ledger's key tells whether one is stored already; only
 * then are their ids looked up, in one query, and those not stored copied. Then the reversals are
 * checked against their originals, read in one query, and the accepted ones go in with a second
 * COPY. The totals receive the deltas of new rows only, in the same transaction.
 */
@Repository
class SpendingLedger {

	private static final String[] COLUMNS = CopyRows.ledgerColumns("category", "account", "mechanism", "amount");

	private static final String[] REVERSAL_COLUMNS = CopyRows.ledgerColumns("category", "account", "mechanism", "amount",
			"reverses");

	private final JdbcTemplate jdbc;

	SpendingLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a batch in which no two events share an eventId (the pipeline cuts its runs so): the
	 * realisations as one set, then the reversals decided in offset order, each seeing what came
	 * before it in the batch and nothing after it: the outcome of one-at-a-time processing.
	 */
	List<Outcome> write(List<Parsed<SpendingEvent>> batch) {
		Outcome[] outcomes = new Outcome[batch.size()];
		List<Integer> realisations = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			if (!batch.get(i).event().isReversal()) {
				realisations.add(i);
			}
		}
		Totals totals = new Totals();
		Map<String, byte[]> stored = new HashMap<>();
		// where in the batch each inserted realisation is: a reversal before it must not see it
		Map<String, Integer> insertedAt = insertRealisations(batch, realisations, stored);
		for (int i : realisations) {
			Parsed<SpendingEvent> parsed = batch.get(i);
			// a second record with the same id in this call is not the one inserted
			Integer at = insertedAt.get(parsed.event().envelope().eventId());
			if (at != null && at == i) {
				outcomes[i] = Outcome.ACCEPTED;
				totals.add(parsed.event().envelope(), parsed.event().category(), parsed.event().amount());
			}
			else {
				outcomes[i] = againstStored(parsed, stored.get(parsed.event().envelope().eventId()));
			}
		}
		reverse(batch, outcomes, insertedAt, totals);
		totals.apply(this.jdbc);
		return Arrays.asList(outcomes);
	}

	/**
	 * Stores the realisations whose event id the ledger does not hold yet and returns where in
	 * the batch each stored one is, by id; the stored payload hashes of the others go into
	 * {@code stored}.
	 */
	private Map<String, Integer> insertRealisations(List<Parsed<SpendingEvent>> batch, List<Integer> indexes,
			Map<String, byte[]> stored) {
		if (indexes.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.execute((ConnectionCallback<Map<String, Integer>>) connection -> {
			Map<String, Integer> copied = copyIfNew(connection, batch, indexes);
			return (copied != null) ? copied : lookUpAndCopy(connection, batch, indexes, stored);
		});
	}

	/**
	 * The usual case, every realisation of the run new, without looking its ids up: the look-up
	 * of a goods poll's 2,000 ids in a ledger of a million rows took 7 ms, a third of the
	 * database's time in the drain (pg_stat_statements, issue 11), while the ledger's key probes
	 * the same index anyway as the rows go in. An id stored in the same region and year fails the
	 * key: the copy is rolled back and null returned, and {@link #lookUpAndCopy} decides. An id
	 * stored in another year of the region does not fail the key (the year is part of it), so the
	 * other years' partitions are looked in first; the run's own year, the large one, is pruned
	 * from that look-up. Null as well when an id occurs twice in the run (the pipeline's runs never
	 * hold one twice).
	 */
	private Map<String, Integer> copyIfNew(Connection connection, List<Parsed<SpendingEvent>> batch,
			List<Integer> indexes) throws SQLException {
		Map<String, Integer> at = new HashMap<>(2 * indexes.size());
		List<Parsed<SpendingEvent>> realisations = new ArrayList<>(indexes.size());
		for (int i : indexes) {
			Parsed<SpendingEvent> parsed = batch.get(i);
			if (at.putIfAbsent(parsed.event().envelope().eventId(), i) != null) {
				return null;
			}
			realisations.add(parsed);
		}
		CopyRows rows = new CopyRows("spending_ledger", COLUMNS);
		realisations.forEach((parsed) -> row(rows, parsed));
		return rows.copyIfNew(connection, realisations) ? at : null;
	}

	/**
	 * Looks the realisations' ids up in their region (every year) and stores those not found,
	 * returning where in the batch each stored one is; the payload hashes of the ids found, and of
	 * an id met twice, go into {@code stored}.
	 */
	private Map<String, Integer> lookUpAndCopy(Connection connection, List<Parsed<SpendingEvent>> batch,
			List<Integer> indexes, Map<String, byte[]> stored) throws SQLException {
		// ids are scoped by region: one look-up per region of the run (usually one), each
		// pruned to that region's partitions; an id of the region stored in another year is
		// found too, and answered EVENT_ID_CONFLICT
		Map<String, List<String>> idsByPemda = new LinkedHashMap<>();
		for (int i : indexes) {
			Envelope envelope = batch.get(i).event().envelope();
			idsByPemda.computeIfAbsent(envelope.pemda(), (pemda) -> new ArrayList<>()).add(envelope.eventId());
		}
		Idempotency.storedHashes(connection,
				"select event_id, payload_sha256 from spending_ledger where pemda = ? and event_id = any(?)", idsByPemda,
				stored);
		Map<String, Integer> copied = new HashMap<>();
		CopyRows rows = new CopyRows("spending_ledger", COLUMNS);
		for (int i : indexes) {
			Parsed<SpendingEvent> parsed = batch.get(i);
			Envelope envelope = parsed.event().envelope();
			if (stored.containsKey(envelope.eventId())) {
				continue;
			}
			Integer first = copied.putIfAbsent(envelope.eventId(), i);
			if (first != null) {
				// the id twice in one call: the second is answered against the first, as one at a time
				stored.put(envelope.eventId(), batch.get(first).record().sha256());
				continue;
			}
			row(rows, parsed);
		}
		rows.copy(connection);
		return copied;
	}

	/** A realisation's row: encoded on the consumer thread already ({@link #encodedRow}), or here. */
	private static void row(CopyRows rows, Parsed<SpendingEvent> parsed) {
		if (parsed.row() != null) {
			rows.encoded(parsed.row());
		}
		else {
			realisation(rows, parsed.event(), parsed.record());
		}
	}

	/** The ledger row of a realisation, which depends on nothing stored; null for a reversal, whose row takes its original's columns. */
	static byte[] encodedRow(SpendingEvent event, IncomingRecord record) {
		if (event.isReversal()) {
			return null;
		}
		return realisation(CopyRows.row(COLUMNS.length), event, record).encodedRow();
	}

	private static CopyRows realisation(CopyRows rows, SpendingEvent event, IncomingRecord record) {
		return rows.envelope(event.envelope())
			.text(event.category())
			.text(event.account())
			.text(event.mechanism())
			.amount(event.amount())
			.source(record)
			.endRow();
	}

	/**
	 * Decides the batch's reversals in offset order, as one at a time would: each sees the ledger
	 * as it was before the batch, the realisations before it in the batch (stored already, one
	 * further on is unseen) and the reversals accepted before it. Three queries per region and
	 * one COPY for all of them: one at a time, four statements per reversal were a sixth of the
	 * database's work on a drain (issue 11).
	 */
	private void reverse(List<Parsed<SpendingEvent>> batch, Outcome[] outcomes, Map<String, Integer> insertedAt,
			Totals totals) {
		List<Integer> reversals = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (outcomes[i] == null) {
				reversals.add(i);
			}
		}
		if (reversals.isEmpty()) {
			return;
		}
		Map<String, Map<String, Stored>> stored = new HashMap<>();
		Map<String, Map<String, BigDecimal>> reversed = new HashMap<>();
		lookUpReversals(batch, reversals, stored, reversed);
		// reversals accepted in this batch, by pemda and eventId; what they reverse is added to reversed
		Map<String, Map<String, Stored>> accepted = new HashMap<>();
		CopyRows rows = new CopyRows("spending_ledger", REVERSAL_COLUMNS);
		for (int i : reversals) {
			Parsed<SpendingEvent> parsed = batch.get(i);
			SpendingEvent event = parsed.event();
			Envelope envelope = event.envelope();
			Map<String, Stored> region = stored.getOrDefault(envelope.pemda(), Map.of());
			Stored own = region.get(envelope.eventId());
			if (own == null) {
				// an id twice in one call (the pipeline never does it): the second sees the first
				own = accepted.getOrDefault(envelope.pemda(), Map.of()).get(envelope.eventId());
			}
			if (own != null) {
				outcomes[i] = sameOrConflict(own.sha256(), parsed);
				continue;
			}
			Integer later = insertedAt.get(event.reverses());
			Stored original = accepted.getOrDefault(envelope.pemda(), Map.of()).get(event.reverses());
			if (original == null) {
				original = region.get(event.reverses());
			}
			outcomes[i] = (later != null && later > i || original == null) ? unknownOriginal(event)
					: check(event, original, reversed);
			if (outcomes[i] != Outcome.ACCEPTED) {
				continue;
			}
			BigDecimal signed = event.amount().negate();
			accepted.computeIfAbsent(envelope.pemda(), (pemda) -> new HashMap<>())
				.put(envelope.eventId(), new Stored(parsed.record().sha256(), envelope.fiscalYear(), envelope.opd(),
						original.category(), original.account(), original.mechanism(), signed, event.reverses()));
			reversed.computeIfAbsent(envelope.pemda(), (pemda) -> new HashMap<>())
				.merge(event.reverses(), event.amount(), BigDecimal::add);
			rows.envelope(envelope)
				.text(original.category())
				.text(original.account())
				.text(original.mechanism())
				.amount(signed)
				.text(event.reverses())
				.source(parsed.record())
				.endRow();
			totals.add(envelope, original.category(), signed);
		}
		this.jdbc.execute((ConnectionCallback<Long>) rows::copy);
	}

	/** ACCEPTED, or why a reversal of a stored original is refused. */
	private static Outcome check(SpendingEvent event, Stored original, Map<String, Map<String, BigDecimal>> reversed) {
		Envelope envelope = event.envelope();
		if (original.reverses() != null) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' is itself a reversal; reverse the original realisation");
		}
		if (!original.opd().equals(envelope.opd()) || original.fiscalYear() != envelope.fiscalYear()) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' is an event of " + original.opd() + " in "
							+ original.fiscalYear() + ", not of " + envelope.opd() + " in " + envelope.fiscalYear());
		}
		// stored before the batch and accepted earlier in it
		BigDecimal remaining = original.amount()
			.subtract(reversed.getOrDefault(envelope.pemda(), Map.of()).getOrDefault(event.reverses(), BigDecimal.ZERO));
		if (event.amount().compareTo(remaining) > 0) {
			return BatchIngestor.reject(Reason.REVERSAL_EXCEEDS_ORIGINAL, "amount", event.amount().toPlainString(),
					"amount " + event.amount().toPlainString() + " exceeds what is left of " + event.reverses() + ": "
							+ remaining.toPlainString() + " of " + original.amount().toPlainString());
		}
		return Outcome.ACCEPTED;
	}

	/**
	 * The stored rows of the reversals' own ids and of the ids they reverse, and how much of each
	 * of those is reversed already, per region: the ledger before the batch's reversals, with the
	 * batch's realisations in it.
	 */
	private void lookUpReversals(List<Parsed<SpendingEvent>> batch, List<Integer> reversals,
			Map<String, Map<String, Stored>> stored, Map<String, Map<String, BigDecimal>> reversed) {
		Map<String, List<String>> idsByPemda = new LinkedHashMap<>();
		Map<String, List<String>> originalsByPemda = new LinkedHashMap<>();
		for (int i : reversals) {
			SpendingEvent event = batch.get(i).event();
			String pemda = event.envelope().pemda();
			idsByPemda.computeIfAbsent(pemda, (key) -> new ArrayList<>()).add(event.envelope().eventId());
			idsByPemda.get(pemda).add(event.reverses());
			originalsByPemda.computeIfAbsent(pemda, (key) -> new ArrayList<>()).add(event.reverses());
		}
		for (Map.Entry<String, List<String>> region : idsByPemda.entrySet()) {
			Map<String, Stored> rows = new HashMap<>();
			this.jdbc.query("""
					select event_id, payload_sha256, fiscal_year, opd, category, account, mechanism, amount, reverses
					from spending_ledger where pemda = ? and event_id = any(?)""", (rs) -> {
				rows.put(rs.getString("event_id"), new Stored(rs.getBytes("payload_sha256"), rs.getInt("fiscal_year"),
						rs.getString("opd"), rs.getString("category"), rs.getString("account"),
						rs.getString("mechanism"), rs.getBigDecimal("amount"), rs.getString("reverses")));
			}, region.getKey(), region.getValue().toArray(String[]::new));
			stored.put(region.getKey(), rows);
			// reversals are stored in their original's region and year only (the check above)
			Map<String, BigDecimal> sums = new HashMap<>();
			this.jdbc.query("""
					select reverses, -sum(amount) as reversed from spending_ledger
					where pemda = ? and reverses = any(?) group by reverses""",
					(rs) -> {
						sums.put(rs.getString("reverses"), rs.getBigDecimal("reversed"));
					}, region.getKey(), originalsByPemda.get(region.getKey()).toArray(String[]::new));
			reversed.put(region.getKey(), sums);
		}
	}

	private static Outcome unknownOriginal(SpendingEvent event) {
		return BatchIngestor.reject(Reason.UNKNOWN_REFERENCE, "reverses", event.reverses(), "reverses '"
				+ event.reverses() + "' names no spending-realised event in the ledger of " + event.envelope().opd());
	}

	private static Outcome againstStored(Parsed<SpendingEvent> parsed, byte[] storedHash) {
		if (storedHash == null) {
			throw new IllegalStateException("event " + parsed.event().envelope().eventId()
					+ " was neither inserted nor found; retrying the batch");
		}
		return sameOrConflict(storedHash, parsed);
	}

	private static Outcome sameOrConflict(byte[] storedHash, Parsed<SpendingEvent> parsed) {
		if (Arrays.equals(storedHash, parsed.record().sha256())) {
			return Outcome.DUPLICATE;
		}
		String id = parsed.event().envelope().eventId();
		return BatchIngestor.reject(Reason.EVENT_ID_CONFLICT, "eventId", id,
				"eventId '" + id + "' is already stored with a different payload; a corrected fact needs a new eventId");
	}

	/** Realised totals in the ledger for one year, per OPD and category. */
	List<Total> totals(String pemda, int fiscalYear) {
		return this.jdbc.query("select opd, category, realised, events from spending_total where pemda = ? and fiscal_year = ?",
				(rs, row) -> new Total(rs.getString("opd"), rs.getString("category"), rs.getBigDecimal("realised"),
						rs.getLong("events")),
				pemda, fiscalYear);
	}

	record Total(String opd, String category, BigDecimal realised, long events) {
	}

	/** A stored ledger row as a reversal reads it. */
	private record Stored(byte[] sha256, int fiscalYear, String opd, String category, String account,
			String mechanism, BigDecimal amount, String reverses) {
	}

	/** Deltas of the rows inserted by this batch, per OPD and category. */
	private static final class Totals {

		private static final java.util.Comparator<Key> KEY_ORDER = java.util.Comparator.comparing(Key::pemda)
			.thenComparingInt(Key::fiscalYear)
			.thenComparing(Key::opd)
			.thenComparing(Key::category);

		// one look-up per stored event: the sum and the count of a key together
		private final Map<Key, Sum> sums = new HashMap<>();

		void add(Envelope envelope, String category, BigDecimal amount) {
			Sum sum = this.sums.computeIfAbsent(new Key(envelope.pemda(), envelope.fiscalYear(), envelope.opd(), category),
					(key) -> new Sum());
			sum.amount = sum.amount.add(amount);
			sum.events++;
		}

		void apply(JdbcTemplate jdbc) {
			if (this.sums.isEmpty()) {
				return;
			}
			// in key order: partitions written concurrently (apbd.ingest.concurrency) lock the rows
			// they share in the same order, so they wait for each other instead of deadlocking
			List<Key> keys = new ArrayList<>(this.sums.keySet());
			keys.sort(KEY_ORDER);
			List<Object[]> rows = new ArrayList<>(keys.size());
			for (Key key : keys) {
				Sum sum = this.sums.get(key);
				rows.add(new Object[] { key.pemda(), key.fiscalYear(), key.opd(), key.category(), sum.amount, sum.events });
			}
			jdbc.batchUpdate("""
					insert into spending_total (pemda, fiscal_year, opd, category, realised, events)
					values (?, ?, ?, ?, ?, ?)
					on conflict (pemda, fiscal_year, opd, category) do update
					set realised = spending_total.realised + excluded.realised,
					    events = spending_total.events + excluded.events""", rows);
		}

		private static final class Sum {

			private BigDecimal amount = BigDecimal.ZERO;

			private long events;

		}

		/**
		 * Hashed and compared by hand: under C1 a record's generated {@code hashCode} and
		 * {@code equals} go through method handles; two map merges of such a key cost 0.30 µs an
		 * event on the writer, of this one 0.08 µs (issue 11).
		 */
		private record Key(String pemda, int fiscalYear, String opd, String category) {

			@Override
			public int hashCode() {
				return ((Objects.hashCode(this.pemda) * 31 + this.fiscalYear) * 31 + Objects.hashCode(this.opd)) * 31
						+ Objects.hashCode(this.category);
			}

			@Override
			public boolean equals(Object other) {
				return other == this || (other instanceof Key key && this.fiscalYear == key.fiscalYear
						&& Objects.equals(this.pemda, key.pemda) && Objects.equals(this.opd, key.opd)
						&& Objects.equals(this.category, key.category));
			}

		}

	}

}
