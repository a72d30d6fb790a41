package id.apbdmonitor.core.budget;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.Outcome;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores budget-line events: every new revision goes to the history, and the line's pagu and
 * cash plan are replaced only by a higher revision number, so a late older revision changes
 * nothing. A line is one region's in one fiscal year: (pemda, fiscal_year, line_id). A line's events
 * share one partition (key = lineId), so no two consumers race on it.
 */
@Repository
public class BudgetStore {

	private final JdbcTemplate jdbc;

	BudgetStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Outcome store(BudgetLine line, IncomingRecord record) {
		Envelope envelope = line.envelope();
		// an id is scoped by region; reused in another year of the region it is a conflict
		List<byte[]> stored = this.jdbc.query(
				"select payload_sha256 from budget_revision where pemda = ? and event_id = ?",
				(rs, row) -> rs.getBytes(1), envelope.pemda(), envelope.eventId());
		if (!stored.isEmpty()) {
			return Arrays.equals(stored.get(0), record.sha256()) ? Outcome.DUPLICATE : conflict(envelope);
		}
		List<Integer> inForce = this.jdbc.queryForList(
				"select revision_number from budget_line where pemda = ? and fiscal_year = ? and line_id = ?",
				Integer.class, envelope.pemda(), envelope.fiscalYear(), line.lineId());
		boolean applies = inForce.isEmpty() || inForce.get(0) < line.revisionNumber();
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			Array cashPlan = connection.createArrayOf("numeric", line.cashPlan().toArray(BigDecimal[]::new));
			insertRevision(connection, line, record, cashPlan, applies);
			if (applies) {
				upsertLine(connection, line, cashPlan);
			}
			return null;
		});
		return applies ? Outcome.ACCEPTED : Outcome.SUPERSEDED;
	}

	private static void insertRevision(Connection connection, BudgetLine line, IncomingRecord record, Array cashPlan,
			boolean applied) throws SQLException {
		Envelope envelope = line.envelope();
		try (var statement = connection.prepareStatement("""
				insert into budget_revision (event_id, line_id, pemda, fiscal_year, opd, category, account,
				    sub_activity, revision_number, revision_kind, pagu, cash_plan, occurred_on, document_kind,
				    document_number, applied, payload_sha256, source_topic, source_partition, source_offset)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			statement.setString(1, envelope.eventId());
			statement.setString(2, line.lineId());
			statement.setString(3, envelope.pemda());
			statement.setInt(4, envelope.fiscalYear());
			statement.setString(5, envelope.opd());
			statement.setString(6, line.category());
			statement.setString(7, line.account());
			statement.setString(8, line.subActivity());
			statement.setInt(9, line.revisionNumber());
			statement.setString(10, line.revisionKind());
			statement.setBigDecimal(11, line.pagu());
			statement.setArray(12, cashPlan);
			statement.setDate(13, Date.valueOf(envelope.occurredOn()));
			statement.setString(14, envelope.document().kind());
			statement.setString(15, envelope.document().number());
			statement.setBoolean(16, applied);
			statement.setBytes(17, record.sha256());
			statement.setString(18, record.topic());
			statement.setInt(19, record.partition());
			statement.setLong(20, record.offset());
			statement.executeUpdate();
		}
	}

	private static void upsertLine(Connection connection, BudgetLine line, Array cashPlan) throws SQLException {
		Envelope envelope = line.envelope();
		try (var statement = connection.prepareStatement("""
				insert into budget_line (line_id, pemda, fiscal_year, opd, category, account, sub_activity,
				    revision_number, revision_kind, pagu, cash_plan, event_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (pemda, fiscal_year, line_id) do update set opd = excluded.opd, category = excluded.category, account = excluded.account,
				    sub_activity = excluded.sub_activity, revision_number = excluded.revision_number,
				    revision_kind = excluded.revision_kind, pagu = excluded.pagu, cash_plan = excluded.cash_plan,
				    event_id = excluded.event_id, updated_at = now()""")) {
			statement.setString(1, line.lineId());
			statement.setString(2, envelope.pemda());
			statement.setInt(3, envelope.fiscalYear());
			statement.setString(4, envelope.opd());
			statement.setString(5, line.category());
			statement.setString(6, line.account());
			statement.setString(7, line.subActivity());
			statement.setInt(8, line.revisionNumber());
			statement.setString(9, line.revisionKind());
			statement.setBigDecimal(10, line.pagu());
			statement.setArray(11, cashPlan);
			statement.setString(12, envelope.eventId());
			statement.executeUpdate();
		}
	}

	/** Pagu and monthly cash plan in force, summed per OPD and category, for one year. */
	public List<BudgetTotal> totals(String pemda, int fiscalYear) {
		Map<List<String>, BudgetTotal> totals = new LinkedHashMap<>();
		this.jdbc.query("select opd, category, pagu, cash_plan from budget_line where pemda = ? and fiscal_year = ?",
				rs -> {
					List<BigDecimal> plan = Arrays.asList((BigDecimal[]) rs.getArray("cash_plan").getArray());
					BudgetTotal line = new BudgetTotal(rs.getString("opd"), rs.getString("category"),
							rs.getBigDecimal("pagu"), plan);
					totals.merge(List.of(line.opd(), line.category()), line, BudgetTotal::plus);
				}, pemda, fiscalYear);
		return new ArrayList<>(totals.values());
	}

	/**
	 * Every budget line in force for one year, one row per line, for features that need more
	 * than the per-OPD totals (PAD targets per revenue account, capital pagu per sub-kegiatan).
	 */
	public List<LineInForce> lines(String pemda, int fiscalYear) {
		return this.jdbc.query("""
				select line_id, opd, category, account, sub_activity, revision_number, pagu, cash_plan
				from budget_line where pemda = ? and fiscal_year = ? order by line_id""",
				(rs, row) -> new LineInForce(rs.getString("line_id"), rs.getString("opd"), rs.getString("category"),
						rs.getString("account"), rs.getString("sub_activity"), rs.getInt("revision_number"),
						rs.getBigDecimal("pagu"),
						List.of((BigDecimal[]) rs.getArray("cash_plan").getArray())),
				pemda, fiscalYear);
	}

	private static Outcome conflict(Envelope envelope) {
		return BatchIngestor.reject(Reason.EVENT_ID_CONFLICT, "eventId", envelope.eventId(), "eventId '"
				+ envelope.eventId() + "' is already stored with a different payload; a corrected fact needs a new eventId");
	}

	/** One budget line at the revision in force. */
	public record LineInForce(String lineId, String opd, String category, String account, String subActivity,
			int revisionNumber, BigDecimal pagu, List<BigDecimal> cashPlan) {
	}

	/** Budget of one OPD in one category: pagu and the 12 monthly cash plan amounts. */
	public record BudgetTotal(String opd, String category, BigDecimal pagu, List<BigDecimal> cashPlan) {

		BudgetTotal plus(BudgetTotal other) {
			List<BigDecimal> plan = new ArrayList<>(12);
			for (int month = 0; month < 12; month++) {
				plan.add(this.cashPlan.get(month).add(other.cashPlan.get(month)));
			}
			return new BudgetTotal(this.opd, this.category, this.pagu.add(other.pagu), List.copyOf(plan));
		}

	}

}
