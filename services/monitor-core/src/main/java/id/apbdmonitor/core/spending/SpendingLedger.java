package id.apbdmonitor.core.spending;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.ingest.CopyRows;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only spending ledger and its year-to-date totals. The realisations of a batch are
 * looked up by event id in one query; those not stored yet go in with one {@link CopyRows COPY};
 * reversals (rare) are checked against their original one by one. The
 * totals receive the deltas of new rows only, in the same transaction.
 */
@Repository
class SpendingLedger {

	private static final String[] COLUMNS = CopyRows.ledgerColumns("category", "account", "mechanism", "amount");

	private final JdbcTemplate jdbc;

	SpendingLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a batch in which no two events share an eventId (the pipeline cuts its runs so): the
	 * realisations as one set, then the reversals one by one in offset order, each seeing what
	 * came before it in the batch and nothing after it: the outcome of one-at-a-time processing.
	 */
	List<Outcome> write(List<Parsed<SpendingEvent>> batch) {
		Outcome[] outcomes = new Outcome[batch.size()];
		List<Integer> realisations = new ArrayList<>();
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
		// in offset order, each stored before the next is read: a reversal sees the realisations
		// and reversals before it in the batch, as it would one record at a time
		for (int i = 0; i < batch.size(); i++) {
			if (outcomes[i] == null) {
				Integer original = insertedAt.get(batch.get(i).event().reverses());
				outcomes[i] = reverse(batch.get(i), original != null && original > i, totals);
			}
		}
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
			// ids are scoped by region: one look-up per region of the run (usually one), each
			// pruned to that region's partitions; an id of the region stored in another year is
			// found too, and answered EVENT_ID_CONFLICT
			Map<String, List<String>> idsByPemda = new LinkedHashMap<>();
			for (int i : indexes) {
				Envelope envelope = batch.get(i).event().envelope();
				idsByPemda.computeIfAbsent(envelope.pemda(), (pemda) -> new ArrayList<>()).add(envelope.eventId());
			}
			try (PreparedStatement statement = connection.prepareStatement(
					"select event_id, payload_sha256 from spending_ledger where pemda = ? and event_id = any(?)")) {
				for (Map.Entry<String, List<String>> region : idsByPemda.entrySet()) {
					statement.setString(1, region.getKey());
					statement.setArray(2, connection.createArrayOf("text", region.getValue().toArray()));
					try (ResultSet rs = statement.executeQuery()) {
						while (rs.next()) {
							// no two events of a run share an id: keyed by id alone here
							stored.put(rs.getString(1), rs.getBytes(2));
						}
					}
				}
			}
			Map<String, Integer> copied = new HashMap<>();
			CopyRows rows = new CopyRows("spending_ledger", COLUMNS);
			for (int i : indexes) {
				Parsed<SpendingEvent> parsed = batch.get(i);
				SpendingEvent event = parsed.event();
				Envelope envelope = event.envelope();
				if (stored.containsKey(envelope.eventId())) {
					continue;
				}
				Integer first = copied.putIfAbsent(envelope.eventId(), i);
				if (first != null) {
					// the id twice in one call: the second is answered against the first, as one at a time
					stored.put(envelope.eventId(), batch.get(first).record().sha256());
					continue;
				}
				rows.envelope(envelope)
					.text(event.category())
					.text(event.account())
					.text(event.mechanism())
					.amount(event.amount())
					.source(parsed.record())
					.endRow();
			}
			rows.copy(connection);
			return copied;
		});
	}

	/** {@code originalLater}: the original is a realisation further on in the batch, unseen yet. */
	private Outcome reverse(Parsed<SpendingEvent> parsed, boolean originalLater, Totals totals) {
		SpendingEvent event = parsed.event();
		Envelope envelope = event.envelope();
		Outcome stored = storedOutcome(parsed);
		if (stored != null) {
			return stored;
		}
		if (originalLater) {
			return unknownOriginal(event);
		}
		List<Original> originals = this.jdbc.query("""
				select pemda, fiscal_year, opd, category, account, mechanism, amount, reverses
				from spending_ledger where pemda = ? and event_id = ?""", (rs, row) -> new Original(rs.getString("pemda"),
				rs.getInt("fiscal_year"), rs.getString("opd"), rs.getString("category"), rs.getString("account"),
				rs.getString("mechanism"), rs.getBigDecimal("amount"), rs.getString("reverses")), envelope.pemda(),
				event.reverses());
		if (originals.isEmpty()) {
			return unknownOriginal(event);
		}
		Original original = originals.get(0);
		if (original.reverses() != null) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' is itself a reversal; reverse the original realisation");
		}
		if (!original.opd().equals(envelope.opd()) || original.fiscalYear() != envelope.fiscalYear()) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' is an event of " + original.opd() + " in "
							+ original.fiscalYear() + ", not of " + envelope.opd() + " in " + envelope.fiscalYear());
		}
		BigDecimal reversed = this.jdbc.queryForObject(
				"select coalesce(-sum(amount), 0) from spending_ledger where pemda = ? and fiscal_year = ? and reverses = ?",
				BigDecimal.class, original.pemda(), original.fiscalYear(), event.reverses());
		BigDecimal remaining = original.amount().subtract(reversed);
		if (event.amount().compareTo(remaining) > 0) {
			return BatchIngestor.reject(Reason.REVERSAL_EXCEEDS_ORIGINAL, "amount", event.amount().toPlainString(),
					"amount " + event.amount().toPlainString() + " exceeds what is left of " + event.reverses() + ": "
							+ remaining.toPlainString() + " of " + original.amount().toPlainString());
		}
		BigDecimal signed = event.amount().negate();
		this.jdbc.update("""
				insert into spending_ledger (event_id, event_type, pemda, fiscal_year, opd, category, account,
				    mechanism, occurred_on, document_kind, document_number, amount, reverses, payload_sha256,
				    source_topic, source_partition, source_offset)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", envelope.eventId(), envelope.type(),
				envelope.pemda(), envelope.fiscalYear(), envelope.opd(), original.category(), original.account(),
				original.mechanism(), java.sql.Date.valueOf(envelope.occurredOn()), envelope.document().kind(),
				envelope.document().number(), signed, event.reverses(), parsed.record().sha256(),
				parsed.record().topic(), parsed.record().partition(), parsed.record().offset());
		totals.add(envelope, original.category(), signed);
		return Outcome.ACCEPTED;
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

	/** DUPLICATE or EVENT_ID_CONFLICT when the event id is already stored, else null. */
	private Outcome storedOutcome(Parsed<SpendingEvent> parsed) {
		Envelope envelope = parsed.event().envelope();
		List<byte[]> stored = this.jdbc.query(
				"select payload_sha256 from spending_ledger where pemda = ? and event_id = ?",
				(rs, row) -> rs.getBytes(1), envelope.pemda(), envelope.eventId());
		return stored.isEmpty() ? null : sameOrConflict(stored.get(0), parsed);
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

	private record Original(String pemda, int fiscalYear, String opd, String category, String account,
			String mechanism, BigDecimal amount, String reverses) {
	}

	/** Deltas of the rows inserted by this batch, per OPD and category. */
	private static final class Totals {

		private static final java.util.Comparator<Key> KEY_ORDER = java.util.Comparator.comparing(Key::pemda)
			.thenComparingInt(Key::fiscalYear)
			.thenComparing(Key::opd)
			.thenComparing(Key::category);

		private final Map<Key, BigDecimal> amounts = new HashMap<>();

		private final Map<Key, Long> counts = new HashMap<>();

		void add(Envelope envelope, String category, BigDecimal amount) {
			Key key = new Key(envelope.pemda(), envelope.fiscalYear(), envelope.opd(), category);
			this.amounts.merge(key, amount, BigDecimal::add);
			this.counts.merge(key, 1L, Long::sum);
		}

		void apply(JdbcTemplate jdbc) {
			if (this.amounts.isEmpty()) {
				return;
			}
			// in key order: partitions written concurrently (apbd.ingest.concurrency) lock the rows
			// they share in the same order, so they wait for each other instead of deadlocking
			List<Key> keys = new ArrayList<>(this.amounts.keySet());
			keys.sort(KEY_ORDER);
			List<Object[]> rows = new ArrayList<>(keys.size());
			for (Key key : keys) {
				rows.add(new Object[] { key.pemda(), key.fiscalYear(), key.opd(), key.category(), this.amounts.get(key),
						this.counts.get(key) });
			}
			jdbc.batchUpdate("""
					insert into spending_total (pemda, fiscal_year, opd, category, realised, events)
					values (?, ?, ?, ?, ?, ?)
					on conflict (pemda, fiscal_year, opd, category) do update
					set realised = spending_total.realised + excluded.realised,
					    events = spending_total.events + excluded.events""", rows);
		}

		private record Key(String pemda, int fiscalYear, String opd, String category) {
		}

	}

}
