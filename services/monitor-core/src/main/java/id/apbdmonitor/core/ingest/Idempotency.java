package id.apbdmonitor.core.ingest;

import java.util.Arrays;

import id.apbdmonitor.core.event.Reason;

/**
 * The idempotency rule of every ledger: an event id already stored is a duplicate when its
 * payload is byte-for-byte the same, and a conflict (dead-lettered) when it is not.
 */
public final class Idempotency {

	private Idempotency() {
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
