package id.apbdmonitor.up;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.ingest.ArrayColumns;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.Idempotency;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only UP ledger and the totals its snapshot reads. A run of events is stored as one
 * set; the pipeline never puts a TU accounting in the run of the TU it settles, so it sees the
 * TU stored by an earlier run (of the same batch or before). A TU
 * accounting or return must name a TU of its OPD disbursed no later than itself: a broken
 * reference is a contract defect and is dead-lettered. A fact that breaks a treasury rule (more
 * accounted or returned than the TU has left, a refill above what awaits it …) already happened
 * in SIPD, so it is stored and {@link UpRuleBook} flags it.
 */
@Repository
class UpLedger {

	/**
	 * Binary arrays only (a date as its epoch day, an amount in hundredths of a rupiah, null for
	 * the closure); rows are inserted in run order, so that seq follows arrival.
	 */
	private static final String INSERT_FACTS = """
			insert into up_ledger (event_id, event_type, pemda, fiscal_year, opd, occurred_on, document_kind,
			    document_number, amount, tu, payload_sha256, source_topic, source_partition, source_offset)
			select event_id, event_type, pemda, fiscal_year, opd, date '1970-01-01' + epoch_day, document_kind,
			    document_number, cents * 0.01, tu, payload_sha256, source_topic, source_partition, source_offset
			from unnest(?::text[], ?::text[], ?::text[], ?::int4[], ?::text[], ?::int4[], ?::text[], ?::text[],
			    ?::int8[], ?::text[], ?::bytea[], ?::text[], ?::int4[], ?::int8[])
			    with ordinality as u (event_id, event_type, pemda, fiscal_year, opd, epoch_day, document_kind,
			    document_number, cents, tu, payload_sha256, source_topic, source_partition, source_offset, arrival)
			order by arrival
			on conflict (event_id) do nothing
			returning event_id, seq""";

	private final JdbcTemplate jdbc;

	UpLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a run in which no two events share an eventId and no settlement shares a run with
	 * its TU (the pipeline cuts its runs so), with the outcome of writing them one by one: every
	 * check reads only rows stored before the run. The new facts go in as one insert in run
	 * order (so their seq is their order of arrival), then the totals as one delta per key.
	 */
	List<Outcome> write(List<Parsed<UpEvent>> batch) {
		int n = batch.size();
		Outcome[] outcomes = new Outcome[n];
		List<String> ids = new ArrayList<>(n);
		List<String> tuIds = new ArrayList<>();
		for (Parsed<UpEvent> parsed : batch) {
			ids.add(parsed.event().envelope().eventId());
			if (parsed.event().settlesTu()) {
				tuIds.add(parsed.event().tu());
			}
		}
		Map<String, byte[]> stored = storedHashes(ids);
		Map<String, Disbursement> tus = disbursements(tuIds);
		List<Integer> fresh = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Parsed<UpEvent> parsed = batch.get(i);
			byte[] hash = stored.get(ids.get(i));
			if (hash != null) {
				outcomes[i] = Idempotency.sameOrConflict(hash, parsed.record(), ids.get(i));
			}
			else if (parsed.event().settlesTu()) {
				outcomes[i] = checkTu(parsed.event(), tus.get(parsed.event().tu()));
			}
			if (outcomes[i] == null) {
				fresh.add(i);
			}
		}
		Map<String, Long> inserted = insert(batch, fresh);
		Totals totals = new Totals();
		for (int i : fresh) {
			Parsed<UpEvent> parsed = batch.get(i);
			Long seq = inserted.get(ids.get(i));
			if (seq != null) {
				outcomes[i] = Outcome.ACCEPTED;
				totals.add(parsed.event(), seq);
				continue;
			}
			// stored meanwhile by a concurrent writer (the instance that lost this partition)
			byte[] hash = storedHashes(List.of(ids.get(i))).get(ids.get(i));
			if (hash == null) {
				throw new IllegalStateException("event " + ids.get(i) + " was neither inserted nor found; retrying the batch");
			}
			outcomes[i] = Idempotency.sameOrConflict(hash, parsed.record(), ids.get(i));
		}
		totals.apply(this.jdbc);
		return Arrays.asList(outcomes);
	}

	private Map<String, byte[]> storedHashes(List<String> ids) {
		Map<String, byte[]> stored = new HashMap<>();
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement statement = connection
				.prepareStatement("select event_id, payload_sha256 from up_ledger where event_id = any(?)")) {
				statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						stored.put(rs.getString(1), rs.getBytes(2));
					}
				}
			}
			return null;
		});
		return stored;
	}

	private Map<String, Disbursement> disbursements(List<String> tuIds) {
		Map<String, Disbursement> tus = new HashMap<>();
		if (tuIds.isEmpty()) {
			return tus;
		}
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement statement = connection.prepareStatement("""
					select event_id, opd, fiscal_year, occurred_on from up_ledger
					where event_id = any(?) and event_type = 'tu-disbursed'""")) {
				statement.setArray(1, connection.createArrayOf("text", tuIds.toArray()));
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						tus.put(rs.getString(1),
								new Disbursement(rs.getString(2), rs.getInt(3), rs.getDate(4).toLocalDate()));
					}
				}
			}
			return null;
		});
		return tus;
	}

	/** Inserts the facts in run order; the seq of each that was new, by event id. */
	private Map<String, Long> insert(List<Parsed<UpEvent>> batch, List<Integer> indexes) {
		Map<String, Long> inserted = new HashMap<>();
		if (indexes.isEmpty()) {
			return inserted;
		}
		return this.jdbc.execute((ConnectionCallback<Map<String, Long>>) connection -> {
			int n = indexes.size();
			Object[][] columns = { new String[n], new String[n], new String[n], new Integer[n], new String[n],
					new Integer[n], new String[n], new String[n], new Long[n], new String[n], new byte[n][],
					new String[n], new Integer[n], new Long[n] };
			for (int row = 0; row < n; row++) {
				Parsed<UpEvent> parsed = batch.get(indexes.get(row));
				UpEvent event = parsed.event();
				Envelope envelope = event.envelope();
				columns[0][row] = envelope.eventId();
				columns[1][row] = envelope.type();
				columns[2][row] = envelope.pemda();
				columns[3][row] = envelope.fiscalYear();
				columns[4][row] = envelope.opd();
				columns[5][row] = (int) envelope.occurredOn().toEpochDay();
				columns[6][row] = envelope.document().kind();
				columns[7][row] = envelope.document().number();
				columns[8][row] = (event.amount() != null) ? event.amount().movePointRight(2).longValueExact() : null;
				columns[9][row] = event.tu();
				columns[10][row] = parsed.record().sha256();
				columns[11][row] = parsed.record().topic();
				columns[12][row] = parsed.record().partition();
				columns[13][row] = parsed.record().offset();
			}
			String[] types = { "text", "text", "text", "int4", "text", "int4", "text", "text", "int8", "text", "bytea",
					"text", "int4", "int8" };
			try (PreparedStatement statement = connection.prepareStatement(INSERT_FACTS)) {
				ArrayColumns.bind(connection, statement, columns, types);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						inserted.put(rs.getString(1), rs.getLong(2));
					}
				}
			}
			return inserted;
		});
	}

	/** TU_NOT_DISBURSED, or null when the settlement names a TU it may settle. */
	private static Outcome checkTu(UpEvent event, Disbursement tu) {
		Envelope envelope = event.envelope();
		if (tu == null || !tu.opd().equals(envelope.opd()) || tu.fiscalYear() != envelope.fiscalYear()) {
			return BatchIngestor.reject(Reason.TU_NOT_DISBURSED, "tu", event.tu(), "tu '" + event.tu()
					+ "' names no tu-disbursed event of " + envelope.opd() + " in " + envelope.fiscalYear());
		}
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

	/** What the facts stored by a run add to the totals the snapshot reads, one delta per key. */
	private static final class Totals {

		private final Map<List<Object>, TypeDelta> types = new LinkedHashMap<>();

		private final Map<List<Object>, Object[]> ceilings = new LinkedHashMap<>();

		private final List<Object[]> disbursedTus = new ArrayList<>();

		private final Map<String, Object[]> settlements = new LinkedHashMap<>();

		void add(UpEvent event, long seq) {
			Envelope envelope = event.envelope();
			LocalDate on = envelope.occurredOn();
			BigDecimal amount = (event.amount() != null) ? event.amount() : BigDecimal.ZERO;
			TypeDelta delta = this.types.computeIfAbsent(
					List.of(envelope.pemda(), envelope.fiscalYear(), envelope.opd(), envelope.type()),
					key -> new TypeDelta(on));
			delta.amount = delta.amount.add(amount);
			delta.events++;
			delta.first = on.isBefore(delta.first) ? on : delta.first;
			delta.last = on.isAfter(delta.last) ? on : delta.last;
			switch (event.type()) {
				case UpEvent.CEILING_SET -> this.ceilings.merge(
						List.of(envelope.pemda(), envelope.fiscalYear(), envelope.opd()),
						new Object[] { envelope.pemda(), envelope.fiscalYear(), envelope.opd(), Date.valueOf(on), seq,
								amount },
						(a, b) -> newer(a, b));
				case UpEvent.TU_DISBURSED -> this.disbursedTus.add(new Object[] { envelope.eventId(), envelope.pemda(),
						envelope.fiscalYear(), envelope.opd(), Date.valueOf(on), amount });
				case UpEvent.TU_ACCOUNTED, UpEvent.TU_RETURNED -> this.settlements.merge(event.tu(),
						new Object[] { amount, Date.valueOf(on), event.tu() },
						(a, b) -> new Object[] { ((BigDecimal) a[0]).add((BigDecimal) b[0]),
								((Date) a[1]).after((Date) b[1]) ? a[1] : b[1], a[2] });
				default -> {
					// the other facts move only up_total
				}
			}
		}

		/** The ceiling decree in force of two: the later by date, then by arrival. */
		private static Object[] newer(Object[] a, Object[] b) {
			int byDate = ((Date) a[3]).compareTo((Date) b[3]);
			return (byDate > 0 || (byDate == 0 && (Long) a[4] > (Long) b[4])) ? a : b;
		}

		void apply(JdbcTemplate jdbc) {
			if (this.types.isEmpty()) {
				return;
			}
			List<Object[]> rows = new ArrayList<>(this.types.size());
			this.types.forEach((key, delta) -> rows.add(new Object[] { key.get(0), key.get(1), key.get(2), key.get(3),
					delta.amount, delta.events, Date.valueOf(delta.first), Date.valueOf(delta.last) }));
			jdbc.batchUpdate("""
					insert into up_total (pemda, fiscal_year, opd, event_type, amount, events, first_on, last_on)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (pemda, fiscal_year, opd, event_type) do update
					set amount = up_total.amount + excluded.amount, events = up_total.events + excluded.events,
					    first_on = least(up_total.first_on, excluded.first_on),
					    last_on = greatest(up_total.last_on, excluded.last_on)""", rows);
			if (!this.ceilings.isEmpty()) {
				jdbc.batchUpdate("""
						insert into up_ceiling (pemda, fiscal_year, opd, occurred_on, seq, amount)
						values (?, ?, ?, ?, ?, ?)
						on conflict (pemda, fiscal_year, opd) do update
						set occurred_on = excluded.occurred_on, seq = excluded.seq, amount = excluded.amount
						where (up_ceiling.occurred_on, up_ceiling.seq) < (excluded.occurred_on, excluded.seq)""",
						new ArrayList<>(this.ceilings.values()));
			}
			if (!this.disbursedTus.isEmpty()) {
				jdbc.batchUpdate("""
						insert into up_tu (event_id, pemda, fiscal_year, opd, disbursed_on, amount, settled)
						values (?, ?, ?, ?, ?, ?, 0)""", this.disbursedTus);
			}
			if (!this.settlements.isEmpty()) {
				// a settlement never shares a run with its TU: the TU's row is stored before
				jdbc.batchUpdate("""
						update up_tu set settled = settled + ?, last_settled_on = greatest(last_settled_on, ?)
						where event_id = ?""", new ArrayList<>(this.settlements.values()));
			}
		}

	}

	private static final class TypeDelta {

		private BigDecimal amount = BigDecimal.ZERO;

		private long events;

		private LocalDate first;

		private LocalDate last;

		TypeDelta(LocalDate on) {
			this.first = on;
			this.last = on;
		}

	}

}
