package id.apbdmonitor.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.event.Reason;

/**
 * The idempotency rule of every ledger: an event id already stored is a duplicate when its
 * payload is byte-for-byte the same, and a conflict (dead-lettered) when it is not.
 */
public final class Idempotency {

	private Idempotency() {
	}

	/**
	 * The payload hashes stored under a run's ids, by id, into {@code stored}: {@code query} is
	 * {@code select event_id, payload_sha256 from … where pemda = ? and event_id = any(?)}, run
	 * once per region of {@code idsByPemda} (ids are scoped by region; those of one run are
	 * unique, so the id alone is the key).
	 */
	public static void storedHashes(Connection connection, String query, Map<String, List<String>> idsByPemda,
			Map<String, byte[]> stored) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			for (Map.Entry<String, List<String>> region : idsByPemda.entrySet()) {
				statement.setString(1, region.getKey());
				ArrayColumns.bind(statement, 2, region.getValue().toArray(String[]::new));
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						stored.put(rs.getString(1), rs.getBytes(2));
					}
				}
			}
		}
	}

	/** {@link Outcome#DUPLICATE} or an {@code EVENT_ID_CONFLICT} rejection. */
	public static Outcome sameOrConflict(byte[] storedSha256, IncomingRecord record, String eventId) {
		if (Arrays.equals(storedSha256, record.sha256())) {
			return Outcome.DUPLICATE;
		}
		return BatchIngestor.reject(Reason.EVENT_ID_CONFLICT, "eventId", eventId, "eventId '" + eventId
				+ "' is already stored with a different payload; a corrected fact needs a new eventId");
	}

}
