package id.apbdmonitor.capital;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.ingest.ArrayColumns;
import id.apbdmonitor.core.ingest.CopyRows;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The capital ledger, the contract states derived from it and the per sub-kegiatan totals the
 * snapshot reads, written a run at a time inside the batch transaction. A run is decided in
 * memory by {@link CapitalRun} against the rows its events touch (read with a few {@code = any(?)}
 * queries) and the earlier records of the same run, then stored as sets: one COPY of the new
 * events, one insert of the new contracts, one update of the changed contracts and one upsert of
 * the totals' deltas, whatever the number of events.
 */
@Repository
class CapitalLedger {

	/**
	 * The new events go in with one COPY (see {@link CopyRows}). The reference of a reversal is
	 * checked at the end of the statement, so a payment and its reversal may be copied together.
	 */
	private static final String[] EVENT_COLUMNS = CopyRows.ledgerColumns("contract_id", "amount", "physical_progress",
			"stage", "reverses");

	/**
	 * Binary arrays only (text, int4, int8): a date goes as its epoch day, an amount as hundredths
	 * of a rupiah and a percentage as hundredths of a percent, because date or numeric arrays would
	 * be formatted as text by the driver and parsed again by the server.
	 */
	private static final String INSERT_CONTRACTS = """
			insert into capital_contract (contract_id, event_id, pemda, fiscal_year, opd, sub_activity, account,
			    supplier, contract_value, signed_on, planned_end, physical_progress, paid, handed_over_on)
			select contract_id, event_id, pemda, fiscal_year, opd, sub_activity, account, supplier, value_cents * 0.01,
			    date '1970-01-01' + signed_day, date '1970-01-01' + end_day, hundredths * 0.01, paid_cents * 0.01,
			    date '1970-01-01' + handed_day
			from unnest(?::text[], ?::text[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[],
			    ?::int8[], ?::int4[], ?::int4[], ?::int4[], ?::int8[], ?::int4[])
			    as u (contract_id, event_id, pemda, fiscal_year, opd, sub_activity, account, supplier, value_cents,
			    signed_day, end_day, hundredths, paid_cents, handed_day)""";

	/** Deltas and maxima, so that the statement does not depend on the values read before it. */
	private static final String UPDATE_CONTRACTS = """
			update capital_contract c
			set paid = c.paid + u.paid_cents * 0.01,
			    physical_progress = greatest(c.physical_progress, u.hundredths * 0.01),
			    handed_over_on = coalesce(c.handed_over_on, date '1970-01-01' + u.handed_day)
			from unnest(?::text[], ?::int8[], ?::int4[], ?::int4[], ?::text[])
			    as u (contract_id, paid_cents, hundredths, handed_day, pemda)
			where c.contract_id = u.contract_id and c.pemda = u.pemda""";

	private static final String UPSERT_TOTALS = """
			insert into capital_total (pemda, fiscal_year, opd, sub_activity, contracts, contracted, paid,
			    progress_value, handed_over_unpaid, planned_end)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (pemda, fiscal_year, opd, sub_activity) do update
			set contracts = capital_total.contracts + excluded.contracts,
			    contracted = capital_total.contracted + excluded.contracted,
			    paid = capital_total.paid + excluded.paid,
			    progress_value = capital_total.progress_value + excluded.progress_value,
			    handed_over_unpaid = capital_total.handed_over_unpaid + excluded.handed_over_unpaid,
			    planned_end = greatest(capital_total.planned_end, excluded.planned_end)""";

	/**
	 * A region's contracts by id: probes the key (contract_id, pemda), whatever the statistics
	 * (V90 dropped the index that a stale plan read the whole region through).
	 */
	static final String CONTRACTS = """
			select contract_id, event_id, pemda, fiscal_year, opd, sub_activity, account, supplier, contract_value,
			       signed_on, planned_end, paid, physical_progress, handed_over_on
			from capital_contract where pemda = ? and contract_id = any(?)""";

	private final JdbcTemplate jdbc;

	CapitalLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a run with the outcome of writing its events one by one in order. The pipeline may
	 * pass events that share a contract or a reversed payment (the listener declares no
	 * references): each is decided after the earlier ones of the run took effect in memory.
	 * <p>
	 * The usual run, every event new and accepted, is first decided without looking its own ids
	 * up (only the payments its reversals name) and its events copied unless the ledger's key
	 * says one is stored: that look-up was the database's second cost after the COPY (issue 11).
	 * Any other outcome, an id stored in another year of the region, or a key taken, and the run
	 * is loaded and decided again with its own ids looked up.
	 */
	List<Outcome> write(List<Parsed<CapitalEvent>> batch) {
		CapitalRun first = load(batch, false);
		List<Outcome> outcomes = decide(first, batch);
		if (first.accepted().size() == batch.size() && copiedIfNew(first)) {
			storeState(first);
			return outcomes;
		}
		CapitalRun run = load(batch, true);
		outcomes = decide(run, batch);
		if (!run.accepted().isEmpty()) {
			// a row a concurrent writer (the instance that lost the partition) stored meanwhile fails the
			// copy with a unique violation, and the pipeline writes the run again in halves
			this.jdbc.execute((ConnectionCallback<Long>) connection -> eventRows(run).copy(connection));
			storeState(run);
		}
		return outcomes;
	}

	private static List<Outcome> decide(CapitalRun run, List<Parsed<CapitalEvent>> batch) {
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (Parsed<CapitalEvent> parsed : batch) {
			outcomes.add(run.decide(parsed));
		}
		return outcomes;
	}

	/**
	 * Copies the events of a run decided without looking its own ids up, unless one of them is
	 * stored: in another year of its region (looked up first) or in the same (the key refuses the
	 * copy, which is rolled back alone). False when it copied nothing.
	 */
	private boolean copiedIfNew(CapitalRun run) {
		return this.jdbc.execute(
				(ConnectionCallback<Boolean>) connection -> eventRows(run).copyIfNew(connection, run.accepted()));
	}

	/**
	 * The rows the run's events read: their own ids (with {@code ownIds}), the payments they
	 * reverse, their contracts.
	 * Ids are scoped by region: the look-ups go per region of the run (usually one), each reading
	 * only that region's partitions, and the run's maps are keyed by {@link CapitalRun#key}.
	 */
	private CapitalRun load(List<Parsed<CapitalEvent>> batch, boolean ownIds) {
		Map<String, Region> regions = new LinkedHashMap<>();
		for (Parsed<CapitalEvent> parsed : batch) {
			CapitalEvent event = parsed.event();
			Region region = regions.computeIfAbsent(event.envelope().pemda(), (pemda) -> new Region());
			if (ownIds) {
				region.ids.add(event.envelope().eventId());
			}
			if (event.reverses() != null) {
				region.ids.add(event.reverses());
				region.reversedPayments.add(event.reverses());
			}
			if (event.contractId() != null) {
				region.contractIds.add(event.contractId());
			}
			if (CapitalEvent.PROGRESS.equals(event.type())) {
				region.progressContracts.add(event.contractId());
			}
		}
		Map<String, CapitalRun.Known> events = new HashMap<>();
		Map<String, CapitalRun.Contract> contracts = new LinkedHashMap<>();
		Map<String, List<CapitalRun.Report>> reports = new HashMap<>();
		Map<String, BigDecimal> reversed = new HashMap<>();
		regions.forEach((pemda, region) -> {
			events(pemda, region.ids, events);
			for (String payment : region.reversedPayments) {
				CapitalRun.Known known = events.get(CapitalRun.key(pemda, payment));
				if (known != null) {
					region.contractIds.add(known.contractId());
				}
			}
			contracts(pemda, region.contractIds, contracts);
			reports(pemda, region.progressContracts, reports);
			reversed(pemda, region.reversedPayments, reversed);
		});
		return new CapitalRun(events, contracts, reports, reversed);
	}

	/** What one region of the run reads. */
	private static final class Region {

		final Set<String> ids = new LinkedHashSet<>();

		final Set<String> contractIds = new LinkedHashSet<>();

		final Set<String> progressContracts = new LinkedHashSet<>();

		final Set<String> reversedPayments = new LinkedHashSet<>();

	}

	private void events(String pemda, Set<String> ids, Map<String, CapitalRun.Known> events) {
		query("""
				select event_id, payload_sha256, event_type, pemda, opd, fiscal_year, contract_id, amount
				from capital_event where pemda = ? and event_id = any(?)""", pemda, ids,
				rs -> events.put(CapitalRun.key(pemda, rs.getString(1)), new CapitalRun.Known(rs.getBytes(2),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7),
						rs.getBigDecimal(8))));
	}

	private void contracts(String pemda, Set<String> contractIds, Map<String, CapitalRun.Contract> contracts) {
		query(CONTRACTS, pemda, contractIds,
				rs -> contracts.put(CapitalRun.key(pemda, rs.getString(1)),
						new CapitalRun.Contract(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
								rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
								rs.getBigDecimal(9), rs.getObject(10, LocalDate.class),
								rs.getObject(11, LocalDate.class), true, rs.getBigDecimal(12), rs.getBigDecimal(13),
								rs.getObject(14, LocalDate.class))));
	}

	private void reports(String pemda, Set<String> contractIds, Map<String, List<CapitalRun.Report>> reports) {
		for (String contractId : contractIds) {
			reports.put(CapitalRun.key(pemda, contractId), new ArrayList<>());
		}
		query("""
				select contract_id, event_id, occurred_on, physical_progress from capital_event
				where pemda = ? and contract_id = any(?) and event_type = 'capital-progress-reported'""", pemda,
				contractIds, rs -> reports.get(CapitalRun.key(pemda, rs.getString(1))).add(new CapitalRun.Report(
						rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4))));
	}

	/** What was reversed before the run of each payment, by {@link CapitalRun#key}. */
	private void reversed(String pemda, Set<String> payments, Map<String, BigDecimal> reversed) {
		query("select reverses, -sum(amount) from capital_event where pemda = ? and reverses = any(?) group by reverses",
				pemda, payments, rs -> reversed.put(CapitalRun.key(pemda, rs.getString(1)), rs.getBigDecimal(2)));
	}

	private void query(String sql, String pemda, Set<String> keys, RowReader reader) {
		if (keys.isEmpty()) {
			return;
		}
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setString(1, pemda);
				ArrayColumns.bind(statement, 2, keys.toArray(String[]::new));
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						reader.read(rs);
					}
				}
			}
			return null;
		});
	}

	/** The contracts the run signed or changed, and the totals' deltas: after its events are copied. */
	private void storeState(CapitalRun run) {
		List<CapitalRun.Contract> changed = run.changed();
		List<CapitalRun.Contract> signed = changed.stream().filter(contract -> !contract.stored).toList();
		List<CapitalRun.Contract> updated = changed.stream().filter(contract -> contract.stored).toList();
		if (!signed.isEmpty()) {
			insertContracts(signed);
		}
		if (!updated.isEmpty()) {
			updateContracts(updated);
		}
		upsertTotals(run.totalDeltas());
	}

	/**
	 * The accepted events' rows, in run order: encoded on the consumer thread already
	 * ({@link #encodedRow}) or here; a reversal takes the contract of the payment it reverses.
	 */
	private static CopyRows eventRows(CapitalRun run) {
		CopyRows rows = new CopyRows("capital_event", EVENT_COLUMNS);
		for (Parsed<CapitalEvent> parsed : run.accepted()) {
			CapitalEvent event = parsed.event();
			if (parsed.row() != null) {
				rows.encoded(parsed.row());
			}
			else {
				Envelope envelope = event.envelope();
				String contractId = (event.reverses() != null) ? run.contractOf(envelope.pemda(), event.reverses())
						: event.contractId();
				eventRow(rows, event, contractId, parsed.record());
			}
		}
		return rows;
	}

	/** An event's ledger row, but a reversal's, whose contract is its payment's; null for a reversal. */
	static byte[] encodedRow(CapitalEvent event, IncomingRecord record) {
		if (event.reverses() != null) {
			return null;
		}
		return eventRow(CopyRows.row(EVENT_COLUMNS.length), event, event.contractId(), record).encodedRow();
	}

	private static CopyRows eventRow(CopyRows rows, CapitalEvent event, String contractId, IncomingRecord record) {
		boolean reversal = event.reverses() != null;
		return rows.envelope(event.envelope())
			.text(contractId)
			.amount(amount(event, reversal))
			.amount(event.progress())
			.text(event.stage())
			.text(event.reverses())
			.source(record)
			.endRow();
	}

	private void insertContracts(List<CapitalRun.Contract> signed) {
		int n = signed.size();
		Object[][] columns = { new String[n], new String[n], new String[n], new Integer[n], new String[n],
				new String[n], new String[n], new String[n], new Long[n], new Integer[n], new Integer[n],
				new Integer[n], new Long[n], new Integer[n] };
		for (int row = 0; row < n; row++) {
			CapitalRun.Contract contract = signed.get(row);
			columns[0][row] = contract.contractId;
			columns[1][row] = contract.eventId;
			columns[2][row] = contract.pemda;
			columns[3][row] = contract.fiscalYear;
			columns[4][row] = contract.opd;
			columns[5][row] = contract.subActivity;
			columns[6][row] = contract.account;
			columns[7][row] = contract.supplier;
			columns[8][row] = cents(contract.value);
			columns[9][row] = (int) contract.signedOn.toEpochDay();
			columns[10][row] = (int) contract.plannedEnd.toEpochDay();
			columns[11][row] = hundredths(contract.progress);
			columns[12][row] = cents(contract.paid);
			columns[13][row] = (contract.handedOverOn != null) ? (int) contract.handedOverOn.toEpochDay() : null;
		}
		update(INSERT_CONTRACTS, columns);
	}

	private void updateContracts(List<CapitalRun.Contract> updated) {
		int n = updated.size();
		Object[][] columns = { new String[n], new Long[n], new Integer[n], new Integer[n], new String[n] };
		for (int row = 0; row < n; row++) {
			CapitalRun.Contract contract = updated.get(row);
			LocalDate handedOver = contract.handedOverInRun();
			columns[0][row] = contract.contractId;
			columns[1][row] = cents(contract.paidDelta());
			columns[2][row] = hundredths(contract.progress);
			columns[3][row] = (handedOver != null) ? (int) handedOver.toEpochDay() : null;
			columns[4][row] = contract.pemda;
		}
		update(UPDATE_CONTRACTS, columns);
	}

	private void upsertTotals(Map<List<Object>, CapitalRun.TotalDelta> deltas) {
		if (deltas.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(deltas.size());
		deltas.forEach((key, delta) -> rows.add(new Object[] { key.get(0), key.get(1), key.get(2), key.get(3),
				delta.contracts, delta.contracted, delta.paid, delta.progressValue, delta.unpaid,
				Date.valueOf(delta.plannedEnd) }));
		this.jdbc.batchUpdate(UPSERT_TOTALS, rows);
	}

	private void update(String sql, Object[][] columns) {
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				ArrayColumns.bind(statement, columns);
				statement.executeUpdate();
			}
			return null;
		});
	}

	/** A payment's amount, a reversal's negated, none for the other events. */
	private static BigDecimal amount(CapitalEvent event, boolean reversal) {
		if (reversal) {
			return event.amount().negate();
		}
		return CapitalEvent.PAYMENT.equals(event.type()) ? event.amount() : null;
	}

	private static long cents(BigDecimal amount) {
		return amount.movePointRight(2).longValueExact();
	}

	private static int hundredths(BigDecimal percent) {
		return percent.movePointRight(2).intValueExact();
	}

	/** The year's totals per OPD and sub-kegiatan: O(OPDs × sub-kegiatan), not O(contracts). */
	List<SubActivityTotal> totals(String pemda, int fiscalYear) {
		return this.jdbc.query("""
				select opd, sub_activity, contracts, contracted, paid, progress_value, handed_over_unpaid, planned_end
				from capital_total where pemda = ? and fiscal_year = ? and contracts > 0""",
				(rs, row) -> new SubActivityTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
						rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
						rs.getObject(8, LocalDate.class)),
				pemda, fiscalYear);
	}

	/**
	 * The contracts of one OPD's sub-kegiatan in a year, summed: value, paid net of reversals,
	 * value × physical progress in force (percent), value not yet paid on handed-over contracts,
	 * the latest planned end.
	 */
	record SubActivityTotal(String opd, String subActivity, long contracts, BigDecimal contracted, BigDecimal paid,
			BigDecimal progressValue, BigDecimal handedOverUnpaid, LocalDate plannedEnd) {
	}

	@FunctionalInterface
	private interface RowReader {

		void read(ResultSet rs) throws SQLException;

	}

}
