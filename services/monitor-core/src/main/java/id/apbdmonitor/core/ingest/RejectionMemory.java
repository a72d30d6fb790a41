package id.apbdmonitor.core.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.event.Rejection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rejections the ledger stage decided (table {@code ingest_rejection}), so that a record
 * read again with the same eventId and payload is answered as the first time, even when the
 * ledger has changed since: a reversal rejected because its original came later stays rejected
 * when the topic is replayed, instead of changing the totals.
 */
@Component
public class RejectionMemory {

	private final JdbcTemplate jdbc;

	RejectionMemory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether any rejection of the topic is remembered (committed, or written by this
	 * transaction): while none is, there is nothing to recall and a poll skips the query per run.
	 */
	boolean holdsAny(String topic) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from ingest_rejection where topic = ?)", Boolean.class, topic));
	}

	/** The remembered rejection of each (eventId, payload) among these, keyed by {@link #key}. */
	Map<String, Rejection> recall(String topic, List<String> eventIds) {
		Map<String, Rejection> remembered = new HashMap<>();
		if (eventIds.isEmpty()) {
			return remembered;
		}
		this.jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
			try (var statement = connection.prepareStatement("""
					select event_id, payload_sha256, reason, field, value, detail from ingest_rejection
					where topic = ? and event_id = any(?)""")) {
				statement.setString(1, topic);
				ArrayColumns.bind(statement, 2, eventIds.toArray(String[]::new));
				try (var rs = statement.executeQuery()) {
					while (rs.next()) {
						remembered.put(key(rs.getString(1), rs.getBytes(2)), new Rejection(
								Reason.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)));
					}
				}
			}
			return null;
		});
		return remembered;
	}

	void remember(String topic, List<String> eventIds, List<IncomingRecord> records, List<Rejection> rejections) {
		if (eventIds.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(eventIds.size());
		for (int i = 0; i < eventIds.size(); i++) {
			Rejection rejection = rejections.get(i);
			rows.add(new Object[] { topic, eventIds.get(i), records.get(i).sha256(), rejection.reason().name(),
					storable(rejection.field()), storable(rejection.value()), storable(rejection.detail()) });
		}
		this.jdbc.batchUpdate("""
				insert into ingest_rejection (topic, event_id, payload_sha256, reason, field, value, detail)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", rows);
	}

	static String key(String eventId, byte[] sha256) {
		return eventId + "#" + HexFormat.of().formatHex(sha256);
	}

	/** PostgreSQL text cannot hold NUL; the value of a rejection may (it came from the record). */
	private static String storable(String text) {
		return (text != null) ? text.replace("\u0000", "\\u0000") : "";
	}

}
