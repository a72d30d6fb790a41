package id.apbdmonitor.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Enveloped;
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

	/**
	 * Whether an id of these records' events is stored in another year of its region: the first half of
	 * a ledger's first try at a run, which copies its rows without looking their ids up
	 * ({@link CopyRows#copyIfNew}). A ledger's key is {@code (event_id, pemda, fiscal_year)},
	 * so the copy itself refuses an id stored in the same region and year, but not one stored in
	 * another year, which is still an {@code EVENT_ID_CONFLICT}. One look-up per region and year
	 * of the events, pruned to that region's other years' partitions: the event's own year, the
	 * large one, is not read. {@code table} is the ledger's name, a constant of its caller.
	 */
	static boolean storedInAnotherYear(Connection connection, String table,
			Collection<? extends Parsed<? extends Enveloped>> records) throws SQLException {
		Map<RegionYear, List<String>> idsByYear = new LinkedHashMap<>();
		RegionYear last = null;
		List<String> ids = null;
		for (Parsed<? extends Enveloped> parsed : records) {
			Envelope envelope = parsed.event().envelope();
			// a run is nearly always one region and year: its map is asked only when they change
			if (last == null || !last.holds(envelope)) {
				last = new RegionYear(envelope.pemda(), envelope.fiscalYear());
				ids = idsByYear.computeIfAbsent(last, (key) -> new ArrayList<>(records.size()));
			}
			ids.add(envelope.eventId());
		}
		try (PreparedStatement statement = connection
			.prepareStatement("select 1 from " + table + " where pemda = ? and fiscal_year <> ? and event_id = any(?) limit 1")) {
			for (Map.Entry<RegionYear, List<String>> year : idsByYear.entrySet()) {
				statement.setString(1, year.getKey().pemda());
				statement.setInt(2, year.getKey().fiscalYear());
				ArrayColumns.bind(statement, 3, year.getValue().toArray(String[]::new));
				try (ResultSet rs = statement.executeQuery()) {
					if (rs.next()) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** Compared by hand, as {@code SpendingLedger}'s totals' key: a record's own methods are slow under C1. */
	private record RegionYear(String pemda, int fiscalYear) {

		boolean holds(Envelope envelope) {
			return this.fiscalYear == envelope.fiscalYear() && this.pemda.equals(envelope.pemda());
		}

		@Override
		public int hashCode() {
			return this.pemda.hashCode() * 31 + this.fiscalYear;
		}

		@Override
		public boolean equals(Object other) {
			return other == this || (other instanceof RegionYear year && this.fiscalYear == year.fiscalYear
					&& this.pemda.equals(year.pemda));
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
