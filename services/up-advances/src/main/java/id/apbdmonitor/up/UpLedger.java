package id.apbdmonitor.up;

import java.math.BigDecimal;
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
import id.apbdmonitor.core.ingest.CopyRows;
import id.apbdmonitor.core.ingest.Idempotency;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only UP ledger and the totals its snapshot reads. A run of events is stored as one
 * set; a TU accounting or return in the run of the TU it settles is checked against the TU as
 * that run stores it, so a run has the outcome of storing its events one by one. A TU
 * accounting or return must name a TU of its OPD disbursed no later than itself: a broken
 * reference is a contract defect and is dead-lettered. A fact that breaks a treasury rule (more
 * accounted or returned than the TU has left, a refill above what awaits it …) already happened
 * in SIPD, so it is stored and {@link UpRuleBook} flags it.
 */
@Repository
class UpLedger {

	/** The ledger's columns but seq (its default numbers the rows in the order copied) and recorded_at. */
	private static final String[] COLUMNS = CopyRows.ledgerColumns("amount", "tu");

	/** Rows per page of {@link #factsAfter}. */
	private static final int PAGE = 5000;

	private final JdbcTemplate jdbc;

	UpLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a run in which no two events share an eventId, with the outcome of writing them one
	 * by one: a settlement is checked against the TU stored before the run or disbursed by an
	 * earlier event of the same run that is stored with it (no check needs what a TU has left:
	 * over-settling is stored and flagged). The new facts go in as one COPY in run order (so
	 * their seq is their order of arrival), then the totals as one statement.
	 */
	List<Outcome> write(List<Parsed<UpEvent>> batch) {
		// the usual run, every event new and accepted, is first decided without looking its own ids
		// up (only the TUs its settlements name) and copied unless the ledger's key says one is
		// stored: that look-up was the database's third cost (issue 11). Any other outcome, an id
		// stored in another year of the region, or a key taken, and the run is decided again
		// against the look-up of all its ids.
		Run first = decide(batch, stored(lookUp(batch, false)));
		if (first.allAccepted() && copiedIfNew(batch, first)) {
			first.totals.apply(this.jdbc);
			return first.outcomes();
		}
		Run run = decide(batch, stored(lookUp(batch, true)));
		// a fact a concurrent writer (the instance that lost this partition) stored meanwhile fails
		// the copy; the pipeline then writes the run again in halves, each checked anew, so a
		// settlement checked against a TU of this run never outlives that TU's copy
		if (!run.fresh.isEmpty()) {
			this.jdbc.execute((ConnectionCallback<Long>) connection -> rows(batch, run.fresh).copy(connection));
		}
		run.totals.apply(this.jdbc);
		return run.outcomes();
	}

	/**
	 * What a run reads from the ledger, per region (ids are scoped by region; every map of a run
	 * is keyed by key(pemda, id)): the TUs its settlements name, and with {@code ownIds} its own ids.
	 */
	private static Map<String, List<String>> lookUp(List<Parsed<UpEvent>> batch, boolean ownIds) {
		Map<String, List<String>> lookedUp = new LinkedHashMap<>();
		for (Parsed<UpEvent> parsed : batch) {
			UpEvent event = parsed.event();
			if (ownIds || event.settlesTu()) {
				List<String> region = lookedUp.computeIfAbsent(event.envelope().pemda(), (pemda) -> new ArrayList<>());
				if (ownIds) {
					region.add(event.envelope().eventId());
				}
				if (event.settlesTu()) {
					region.add(event.tu());
				}
			}
		}
		return lookedUp;
	}

	/** Every record of a run decided in run order against {@code stored}, the ledger's facts it read. */
	private static Run decide(List<Parsed<UpEvent>> batch, Map<String, Stored> stored) {
		int n = batch.size();
		Run run = new Run(n);
		// the TUs disbursed by earlier events of this run that are stored with it
		Map<String, Disbursement> runTus = new HashMap<>();
		for (int i = 0; i < n; i++) {
			Parsed<UpEvent> parsed = batch.get(i);
			UpEvent event = parsed.event();
			Envelope envelope = event.envelope();
			String pemda = envelope.pemda();
			String id = envelope.eventId();
			Stored existing = stored.get(key(pemda, id));
			if (existing != null) {
				run.outcomes[i] = Idempotency.sameOrConflict(existing.sha256(), parsed.record(), id);
			}
			else if (event.settlesTu()) {
				Disbursement inRun = runTus.get(key(pemda, event.tu()));
				run.outcomes[i] = checkTu(event, (inRun != null) ? inRun : disbursement(stored.get(key(pemda, event.tu()))));
			}
			if (run.outcomes[i] == null) {
				run.outcomes[i] = Outcome.ACCEPTED;
				run.fresh.add(i);
				run.totals.add(event, i);
				if (UpEvent.TU_DISBURSED.equals(event.type())) {
					runTus.put(key(pemda, id), new Disbursement(envelope.opd(), envelope.fiscalYear(), envelope.occurredOn()));
				}
			}
		}
		return run;
	}

	/** A run decided: the outcome of each record, the records to store in run order, and their totals. */
	private static final class Run {

		final Outcome[] outcomes;

		final List<Integer> fresh;

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

	/**
	 * Copies a run decided without looking its own ids up, every record accepted, unless one of
	 * them is stored: in another year of its region (looked up first) or in the same (the key
	 * refuses the copy, which is rolled back alone). False when it copied nothing.
	 */
	private boolean copiedIfNew(List<Parsed<UpEvent>> batch, Run run) {
		return this.jdbc.execute(
				(ConnectionCallback<Boolean>) connection -> rows(batch, run.fresh).copyIfNew(connection, batch));
	}

	/**
	 * The stored facts among the ids of each region, by {@link #key}: their payload hash and, for
	 * a TU, what a settlement is checked against. One look-up per region of the run (usually
	 * one), each reading only that region's partitions; an id of the region stored in another
	 * year is found too (EVENT_ID_CONFLICT).
	 */
	private Map<String, Stored> stored(Map<String, List<String>> idsByPemda) {
		Map<String, Stored> stored = new HashMap<>();
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement statement = connection.prepareStatement("""
					select event_id, payload_sha256, event_type, opd, fiscal_year, occurred_on
					from up_ledger where pemda = ? and event_id = any(?)""")) {
				for (Map.Entry<String, List<String>> region : idsByPemda.entrySet()) {
					statement.setString(1, region.getKey());
					ArrayColumns.bind(statement, 2, region.getValue().toArray(String[]::new));
					try (ResultSet rs = statement.executeQuery()) {
						while (rs.next()) {
							stored.put(key(region.getKey(), rs.getString(1)), new Stored(rs.getBytes(2), rs.getString(3),
									rs.getString(4), rs.getInt(5), rs.getObject(6, LocalDate.class)));
						}
					}
				}
			}
			return null;
		});
		return stored;
	}

	/** An id within its region: ids are scoped by pemda. */
	private static String key(String pemda, String id) {
		return pemda + '\n' + id;
	}

	/** The TU disbursement a stored fact is, or null when it is none (or not stored). */
	private static Disbursement disbursement(Stored fact) {
		if (fact == null || !UpEvent.TU_DISBURSED.equals(fact.type())) {
			return null;
		}
		return new Disbursement(fact.opd(), fact.fiscalYear(), fact.occurredOn());
	}

	/**
	 * The rows of the facts at {@code indexes}, in run order (their seq follows it): encoded on
	 * the consumer thread already ({@link #encodedRow}), or here.
	 */
	private static CopyRows rows(List<Parsed<UpEvent>> batch, List<Integer> indexes) {
		CopyRows rows = new CopyRows("up_ledger", COLUMNS);
		for (int i : indexes) {
			Parsed<UpEvent> parsed = batch.get(i);
			if (parsed.row() != null) {
				rows.encoded(parsed.row());
			}
			else {
				fact(rows, parsed.event(), parsed.record());
			}
		}
		return rows;
	}

	/** A fact's ledger row, which depends on nothing stored, encoded apart ({@link CopyRows#row(int)}). */
	static byte[] encodedRow(UpEvent event, IncomingRecord record) {
		return fact(CopyRows.row(COLUMNS.length), event, record).encodedRow();
	}

	private static CopyRows fact(CopyRows rows, UpEvent event, IncomingRecord record) {
		return rows.envelope(event.envelope()).amount(event.amount()).text(event.tu()).source(record).endRow();
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

	/**
	 * Passes every fact of some OPDs' year to {@code each}, per OPD in the order it happened (by
	 * date, then by arrival), read in slices rather than held all at once. Inside a transaction.
	 */
	void eachFact(String pemda, int fiscalYear, List<String> opds, java.util.function.Consumer<Fact> each) {
		this.jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					select event_id, opd, event_type, occurred_on, document_kind, document_number, amount, tu
					from up_ledger where pemda = ? and fiscal_year = ? and opd = any(?) order by opd, occurred_on, seq""");
			statement.setFetchSize(5000);
			statement.setString(1, pemda);
			statement.setInt(2, fiscalYear);
			ArrayColumns.bind(statement, 3, opds.toArray(String[]::new));
			return statement;
		}, (org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(fact(rs)));
	}

	/** The amount of each OPD's first up-ceiling-set of the year (by date, then by arrival), for the OPDs that have one. */
	Map<String, BigDecimal> firstCeilings(String pemda, int fiscalYear, List<String> opds) {
		Map<String, BigDecimal> first = new HashMap<>();
		this.jdbc.query("""
				select distinct on (opd) opd, amount from up_ledger
				where pemda = ? and fiscal_year = ? and opd = any(?) and event_type = 'up-ceiling-set'
				order by opd, occurred_on, seq""", statement -> {
			statement.setString(1, pemda);
			statement.setInt(2, fiscalYear);
			ArrayColumns.bind(statement, 3, opds.toArray(String[]::new));
		}, (org.springframework.jdbc.core.RowCallbackHandler) rs -> first.put(rs.getString(1), rs.getBigDecimal(2)));
		return first;
	}

	/**
	 * The facts of the year stored after {@code seq}, in the order they happened, each with its
	 * seq. Read in pages along the seq index (what is new is a few rows of a large ledger, and a
	 * page by seq keeps the planner on that index), then ordered here.
	 */
	List<Sequenced> factsAfter(String pemda, int fiscalYear, long seq) {
		List<Sequenced> after = new ArrayList<>();
		long from = seq;
		while (true) {
			List<Object[]> page = this.jdbc.query("""
					select event_id, opd, event_type, occurred_on, document_kind, document_number, amount, tu, seq,
					    pemda, fiscal_year
					from up_ledger where pemda = ? and fiscal_year = ? and seq > ? order by seq limit ?""",
					(rs, row) -> new Object[] { new Sequenced(rs.getLong(9), fact(rs)), rs.getString(10), rs.getInt(11) },
					pemda, fiscalYear, from, PAGE);
			for (Object[] row : page) {
				Sequenced fact = (Sequenced) row[0];
				from = fact.seq();
				if (pemda.equals(row[1]) && fiscalYear == (Integer) row[2]) {
					after.add(fact);
				}
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		after.sort(java.util.Comparator.comparing((Sequenced fact) -> fact.fact().occurredOn())
			.thenComparingLong(Sequenced::seq));
		return after;
	}

	/** Dates are read as LocalDate: the driver's java.sql.Date goes through a Calendar per value. */
	private static Fact fact(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
				rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8));
	}

	/** Sums per OPD and event type, for one year, with how many facts each sums. */
	List<TypeTotal> typeTotals(String pemda, int fiscalYear) {
		return this.jdbc.query("""
				select opd, event_type, amount, first_on, last_on, events
				from up_total where pemda = ? and fiscal_year = ?""",
				(rs, row) -> new TypeTotal(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
						rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getLong(6)),
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
					return new TuSummary(rs.getString(1), rs.getObject(2, LocalDate.class),
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

	private record Stored(byte[] sha256, String type, String opd, int fiscalYear, LocalDate occurredOn) {
	}

	/**
	 * What the facts stored by a run add to the totals the snapshot reads, one delta per key, all
	 * written by one statement. A settlement of a TU disbursed in the same run is added to the
	 * TU's new row: the statement's parts all see the tables as they were before it.
	 */
	private static final class Totals {

		private static final String APPLY = """
				with types as (
				    insert into up_total (pemda, fiscal_year, opd, event_type, amount, events, first_on, last_on)
				    select pemda, fiscal_year, opd, event_type, cents * 0.01, events, date '1970-01-01' + first_day,
				        date '1970-01-01' + last_day
				    from unnest(?::text[], ?::int4[], ?::text[], ?::text[], ?::int8[], ?::int8[], ?::int4[], ?::int4[])
				        as u (pemda, fiscal_year, opd, event_type, cents, events, first_day, last_day)
				    on conflict (pemda, fiscal_year, opd, event_type) do update
				    set amount = up_total.amount + excluded.amount, events = up_total.events + excluded.events,
				        first_on = least(up_total.first_on, excluded.first_on),
				        last_on = greatest(up_total.last_on, excluded.last_on)),
				ceilings as (
				    insert into up_ceiling (pemda, fiscal_year, opd, occurred_on, seq, amount)
				    select u.pemda, u.fiscal_year, u.opd, date '1970-01-01' + u.day, l.seq, u.cents * 0.01
				    from unnest(?::text[], ?::int4[], ?::text[], ?::int4[], ?::text[], ?::int8[])
				        with ordinality as u (pemda, fiscal_year, opd, day, event_id, cents, ord)
				    join up_ledger l on l.event_id = u.event_id and l.pemda = u.pemda and l.fiscal_year = u.fiscal_year
				    order by u.ord
				    on conflict (pemda, fiscal_year, opd) do update
				    set occurred_on = excluded.occurred_on, seq = excluded.seq, amount = excluded.amount
				    where (up_ceiling.occurred_on, up_ceiling.seq) < (excluded.occurred_on, excluded.seq)),
				tus as (
				    insert into up_tu (event_id, pemda, fiscal_year, opd, disbursed_on, amount, settled, last_settled_on)
				    select event_id, pemda, fiscal_year, opd, date '1970-01-01' + day, cents * 0.01, settled_cents * 0.01,
				        date '1970-01-01' + settled_day
				    from unnest(?::text[], ?::text[], ?::int4[], ?::text[], ?::int4[], ?::int8[], ?::int8[], ?::int4[])
				        as u (event_id, pemda, fiscal_year, opd, day, cents, settled_cents, settled_day))
				update up_tu set settled = up_tu.settled + s.cents * 0.01,
				    last_settled_on = greatest(up_tu.last_settled_on, date '1970-01-01' + s.day)
				from unnest(?::text[], ?::int4[], ?::text[], ?::int8[], ?::int4[]) as s (pemda, fiscal_year, tu, cents, day)
				where up_tu.event_id = s.tu and up_tu.pemda = s.pemda and up_tu.fiscal_year = s.fiscal_year""";

		private final Map<List<Object>, TypeDelta> types = new LinkedHashMap<>();

		/**
		 * Per OPD: pemda, year, opd, epoch day, event id, cents and place in the run of the decree in
		 * force. The statement reads its seq from the ledger: the run was copied in order, so the
		 * place in the run orders a run's decrees as their seq does.
		 */
		private final Map<List<Object>, Object[]> ceilings = new LinkedHashMap<>();

		/**
		 * Per TU disbursed in the run, by (pemda, id): pemda, year, opd, epoch day, cents, settled
		 * cents, last settled day.
		 */
		private final Map<List<String>, Object[]> disbursedTus = new LinkedHashMap<>();

		/** Per TU stored before the run, by (pemda, year, id): settled cents, last settled day. */
		private final Map<List<Object>, long[]> settlements = new LinkedHashMap<>();

		/** Adds an accepted fact, {@code place} its index in the run. */
		void add(UpEvent event, int place) {
			Envelope envelope = event.envelope();
			LocalDate on = envelope.occurredOn();
			int day = (int) on.toEpochDay();
			long cents = (event.amount() != null) ? event.amount().movePointRight(2).longValueExact() : 0;
			TypeDelta delta = this.types.computeIfAbsent(
					List.of(envelope.pemda(), envelope.fiscalYear(), envelope.opd(), envelope.type()),
					key -> new TypeDelta(on));
			delta.cents += cents;
			delta.events++;
			delta.first = on.isBefore(delta.first) ? on : delta.first;
			delta.last = on.isAfter(delta.last) ? on : delta.last;
			switch (event.type()) {
				case UpEvent.CEILING_SET -> this.ceilings.merge(
						List.of(envelope.pemda(), envelope.fiscalYear(), envelope.opd()),
						new Object[] { envelope.pemda(), envelope.fiscalYear(), envelope.opd(), day, envelope.eventId(), cents,
								place },
						Totals::newer);
				case UpEvent.TU_DISBURSED -> this.disbursedTus.put(List.of(envelope.pemda(), envelope.eventId()), new Object[] { envelope.pemda(),
						envelope.fiscalYear(), envelope.opd(), day, cents, 0L, null });
				case UpEvent.TU_ACCOUNTED, UpEvent.TU_RETURNED -> {
					Object[] tu = this.disbursedTus.get(List.of(envelope.pemda(), event.tu()));
					if (tu != null) {
						tu[5] = (Long) tu[5] + cents;
						tu[6] = (tu[6] == null) ? day : Math.max((Integer) tu[6], day);
					}
					else {
						this.settlements.merge(List.of(envelope.pemda(), envelope.fiscalYear(), event.tu()),
								new long[] { cents, day },
								(a, b) -> new long[] { a[0] + b[0], Math.max(a[1], b[1]) });
					}
				}
				default -> {
					// the other facts move only up_total
				}
			}
		}

		/** The ceiling decree in force of two of the run: the later by date, then by arrival. */
		private static Object[] newer(Object[] a, Object[] b) {
			int byDate = Integer.compare((Integer) a[3], (Integer) b[3]);
			return (byDate > 0 || (byDate == 0 && (Integer) a[6] > (Integer) b[6])) ? a : b;
		}

		void apply(JdbcTemplate jdbc) {
			if (this.types.isEmpty()) {
				return;
			}
			int t = this.types.size();
			Object[][] types = { new String[t], new Integer[t], new String[t], new String[t], new Long[t], new Long[t],
					new Integer[t], new Integer[t] };
			int row = 0;
			for (Map.Entry<List<Object>, TypeDelta> each : this.types.entrySet()) {
				TypeDelta delta = each.getValue();
				Object[] values = { each.getKey().get(0), each.getKey().get(1), each.getKey().get(2),
						each.getKey().get(3), delta.cents, delta.events, (int) delta.first.toEpochDay(),
						(int) delta.last.toEpochDay() };
				for (int c = 0; c < values.length; c++) {
					types[c][row] = values[c];
				}
				row++;
			}
			Object[][] ceilings = columns(this.ceilings.values(), new String[0], new Integer[0], new String[0],
					new Integer[0], new String[0], new Long[0]);
			List<Object[]> tuRows = new ArrayList<>(this.disbursedTus.size());
			this.disbursedTus.forEach((key, tu) -> {
				Object[] withId = new Object[tu.length + 1];
				withId[0] = key.get(1);
				System.arraycopy(tu, 0, withId, 1, tu.length);
				tuRows.add(withId);
			});
			Object[][] tus = columns(tuRows, new String[0], new String[0], new Integer[0], new String[0], new Integer[0],
					new Long[0], new Long[0], new Integer[0]);
			List<Object[]> settledRows = new ArrayList<>(this.settlements.size());
			this.settlements.forEach((key, settled) -> settledRows
				.add(new Object[] { key.get(0), key.get(1), key.get(2), settled[0], (int) settled[1] }));
			Object[][] settled = columns(settledRows, new String[0], new Integer[0], new String[0], new Long[0],
					new Integer[0]);
			Object[][] all = concat(types, ceilings, tus, settled);
			jdbc.execute((ConnectionCallback<Void>) connection -> {
				try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
					ArrayColumns.bind(statement, all);
					statement.executeUpdate();
				}
				return null;
			});
		}

		/** Rows as columns, each column an array of its template's type. */
		private static Object[][] columns(java.util.Collection<Object[]> rows, Object[]... templates) {
			Object[][] columns = new Object[templates.length][];
			for (int c = 0; c < templates.length; c++) {
				columns[c] = Arrays.copyOf(templates[c], rows.size());
			}
			int row = 0;
			for (Object[] values : rows) {
				for (int c = 0; c < templates.length; c++) {
					columns[c][row] = values[c];
				}
				row++;
			}
			return columns;
		}

		private static Object[][] concat(Object[][]... parts) {
			List<Object[]> all = new ArrayList<>();
			for (Object[][] part : parts) {
				all.addAll(Arrays.asList(part));
			}
			return all.toArray(new Object[0][]);
		}

	}

	private static final class TypeDelta {

		private long cents;

		private long events;

		private LocalDate first;

		private LocalDate last;

		TypeDelta(LocalDate on) {
			this.first = on;
			this.last = on;
		}

	}

}
