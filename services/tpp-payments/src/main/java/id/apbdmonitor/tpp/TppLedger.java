package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.ingest.ArrayColumns;
import id.apbdmonitor.core.ingest.CopyRows;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.Idempotency;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only TPP ledger (33 OPDs × 12 months × 5 stages a year). A stage is only accepted
 * right after the stage before it, once, and not dated before it; the stages of one OPD's month
 * may share a run, so a month's SPM sees its SPP accepted earlier in the same run.
 */
@Repository
class TppLedger {

	private static final String[] COLUMNS = { "event_id", "pemda", "fiscal_year", "opd", "month", "stage",
			"stage_order", "occurred_on", "document_kind", "document_number", "amount", "employees", "payload_sha256",
			"source_topic", "source_partition", "source_offset" };

	private static final String[] ID_COLUMNS = { "pemda", "event_id", "fiscal_year", "payload_sha256" };

	/** The last stage each (OPD, month) of a region-year reached, and its date: OPDs, months, pemda, year. */
	static final String REACHED = """
			select distinct on (l.opd, l.month) l.opd, l.month, l.stage, l.occurred_on
			from tpp_ledger l
			join unnest(?::text[], ?::int4[]) as k (opd, month) on l.opd = k.opd and l.month = k.month
			where l.pemda = ? and l.fiscal_year = ?
			order by l.opd, l.month, l.stage_order desc""";

	private final JdbcTemplate jdbc;

	TppLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a run in which no two events share an eventId (the pipeline cuts its runs so), with
	 * the outcome of writing them one by one: each stage is checked against the stage its OPD's
	 * month reached, as stored before the run (one look-up of the stored ids and one of the stages
	 * reached) and then moved by the stages accepted earlier in the same run, and the new stages
	 * go in as one COPY in run order.
	 */
	List<Outcome> write(List<Parsed<TppEvent>> batch) {
		int n = batch.size();
		Outcome[] outcomes = new Outcome[n];
		Map<String, byte[]> stored = storedHashes(batch);
		Map<List<Object>, Reached> reached = reached(batch);
		List<Integer> fresh = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Parsed<TppEvent> parsed = batch.get(i);
			TppEvent event = parsed.event();
			String id = event.envelope().eventId();
			byte[] hash = stored.get(id);
			List<Object> month = monthKey(event);
			outcomes[i] = (hash != null) ? Idempotency.sameOrConflict(hash, parsed.record(), id)
					: checkStage(event, reached.get(month));
			if (outcomes[i] == null) {
				// the later stages of this run see it, as they would after its own write
				reached.put(month, new Reached(event.stage(), event.envelope().occurredOn()));
				outcomes[i] = Outcome.ACCEPTED;
				fresh.add(i);
			}
		}
		// a row a concurrent writer (the instance that lost this partition) stored meanwhile fails
		// the copy; the pipeline then writes the run again in halves, each checked anew
		insert(batch, fresh);
		return Arrays.asList(outcomes);
	}

	/** STAGE_OUT_OF_ORDER, or null when the stage follows the one reached, not dated before it. */
	private static Outcome checkStage(TppEvent event, Reached reached) {
		Envelope envelope = event.envelope();
		Stage last = (reached == null) ? null : reached.stage();
		if (last != event.stage().previous()) {
			String what = (last == null) ? "has no stage yet" : "is at stage " + last;
			return BatchIngestor.reject(Reason.STAGE_OUT_OF_ORDER, "stage", event.stage(),
					"TPP of " + envelope.opd() + " for month " + event.month() + " " + what + "; " + event.stage()
							+ " must follow " + ((event.stage().previous() != null) ? event.stage().previous() : "nothing")
							+ " exactly once");
		}
		if (reached != null && envelope.occurredOn().isBefore(reached.occurredOn())) {
			return BatchIngestor.reject(Reason.STAGE_OUT_OF_ORDER, "occurredOn", envelope.occurredOn(),
					event.stage() + " on " + envelope.occurredOn() + " is dated before " + last + " on "
							+ reached.occurredOn() + " of month " + event.month());
		}
		return null;
	}

	private static List<Object> monthKey(TppEvent event) {
		Envelope envelope = event.envelope();
		return List.of(envelope.pemda(), envelope.fiscalYear(), envelope.opd(), event.month());
	}

	/**
	 * The stored payload hashes of the run's ids. Ids are scoped by region: one look-up per region
	 * of the run (usually one) in {@code tpp_event_id}, one probe per id however many years the
	 * ledger holds; an id of the region stored in another year is found too (EVENT_ID_CONFLICT).
	 * No two events of a run share an id, so the answer is keyed by id alone.
	 */
	private Map<String, byte[]> storedHashes(List<Parsed<TppEvent>> batch) {
		Map<String, List<String>> idsByPemda = new LinkedHashMap<>();
		for (Parsed<TppEvent> parsed : batch) {
			Envelope envelope = parsed.event().envelope();
			idsByPemda.computeIfAbsent(envelope.pemda(), (pemda) -> new ArrayList<>()).add(envelope.eventId());
		}
		Map<String, byte[]> stored = new HashMap<>();
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			Idempotency.storedHashes(connection,
					"select event_id, payload_sha256 from tpp_event_id where pemda = ? and event_id = any(?)", idsByPemda,
					stored);
			return null;
		});
		return stored;
	}

	/**
	 * The last stage reached of each OPD's month the run names: one look-up per region and year
	 * of the run (usually one), each reading only that region-year's partition (a join over the
	 * whole ledger would be planned over every partition).
	 */
	private Map<List<Object>, Reached> reached(List<Parsed<TppEvent>> batch) {
		// each month once: a run usually holds several stages of a month
		Map<List<Object>, Set<List<Object>>> monthsByYear = new LinkedHashMap<>();
		for (Parsed<TppEvent> parsed : batch) {
			Envelope envelope = parsed.event().envelope();
			monthsByYear.computeIfAbsent(List.of(envelope.pemda(), envelope.fiscalYear()), (year) -> new LinkedHashSet<>())
				.add(List.of(envelope.opd(), parsed.event().month()));
		}
		Map<List<Object>, Reached> reached = new HashMap<>();
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement statement = connection.prepareStatement(REACHED)) {
				for (Map.Entry<List<Object>, Set<List<Object>>> year : monthsByYear.entrySet()) {
					int n = year.getValue().size();
					Object[][] keys = { new String[n], new Integer[n] };
					int i = 0;
					for (List<Object> key : year.getValue()) {
						keys[0][i] = key.get(0);
						keys[1][i] = key.get(1);
						i++;
					}
					ArrayColumns.bind(statement, keys);
					String pemda = (String) year.getKey().get(0);
					int fiscalYear = (Integer) year.getKey().get(1);
					statement.setString(3, pemda);
					statement.setInt(4, fiscalYear);
					try (ResultSet rs = statement.executeQuery()) {
						while (rs.next()) {
							reached.put(List.of(pemda, fiscalYear, rs.getString(1), rs.getInt(2)),
									new Reached(Stage.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate()));
						}
					}
				}
			}
			return null;
		});
		return reached;
	}

	/** A stage's ledger row, which depends on nothing stored, encoded apart ({@link CopyRows#row(int)}). */
	static byte[] encodedRow(TppEvent event, IncomingRecord record) {
		return stage(CopyRows.row(COLUMNS.length), event, record).encodedRow();
	}

	private static CopyRows stage(CopyRows rows, TppEvent event, IncomingRecord record) {
		Envelope envelope = event.envelope();
		return rows.text(envelope.eventId())
			.text(envelope.pemda())
			.integer(envelope.fiscalYear())
			.text(envelope.opd())
			.smallint(event.month())
			.text(event.stage().name())
			.smallint(event.stage().order())
			.date(envelope.occurredOn())
			.text(envelope.document().kind())
			.text(envelope.document().number())
			.amount(event.amount())
			.integer(event.employees())
			.source(record)
			.endRow();
	}

	/**
	 * Copies the new stages in, in run order (their {@code seq} follows it; a row encoded on the
	 * consumer thread already, {@link #encodedRow}, or here), and their ids into
	 * {@code tpp_event_id}, whose key refuses an id the region already holds in any year.
	 */
	private void insert(List<Parsed<TppEvent>> batch, List<Integer> indexes) {
		if (indexes.isEmpty()) {
			return;
		}
		this.jdbc.execute((ConnectionCallback<Long>) connection -> {
			CopyRows rows = new CopyRows("tpp_ledger", COLUMNS);
			CopyRows ids = new CopyRows("tpp_event_id", ID_COLUMNS);
			for (int i : indexes) {
				Parsed<TppEvent> parsed = batch.get(i);
				Envelope envelope = parsed.event().envelope();
				if (parsed.row() != null) {
					rows.encoded(parsed.row());
				}
				else {
					stage(rows, parsed.event(), parsed.record());
				}
				ids.text(envelope.pemda())
					.text(envelope.eventId())
					.integer(envelope.fiscalYear())
					.bytes(parsed.record().sha256())
					.endRow();
			}
			ids.copy(connection);
			return rows.copy(connection);
		});
	}

	/**
	 * The rows of one year at these stages: at most one per OPD, month and stage, so a refresh
	 * reads a bounded number of rows however many years the ledger holds.
	 */
	List<StageRow> stages(String pemda, int fiscalYear, Set<Stage> stages) {
		String[] names = stages.stream().map(Stage::name).toArray(String[]::new);
		return this.jdbc.execute((ConnectionCallback<List<StageRow>>) connection -> {
			List<StageRow> rows = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement("""
					select opd, month, stage, occurred_on, amount from tpp_ledger
					where pemda = ? and fiscal_year = ? and stage = any(?)""")) {
				statement.setString(1, pemda);
				statement.setInt(2, fiscalYear);
				ArrayColumns.bind(statement, 3, names);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						rows.add(new StageRow(rs.getString(1), rs.getInt(2), Stage.valueOf(rs.getString(3)),
								rs.getDate(4).toLocalDate(), rs.getBigDecimal(5)));
					}
				}
			}
			return rows;
		});
	}

	record StageRow(String opd, int month, Stage stage, LocalDate occurredOn, BigDecimal amount) {
	}

	private record Reached(Stage stage, LocalDate occurredOn) {
	}

}
