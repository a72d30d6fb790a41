package id.apbdmonitor.core.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import id.apbdmonitor.core.event.Enveloped;
import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.event.RejectedException;

/**
 * What a service plugs into the pipeline for one topic: how to read its events, and how to
 * store a batch of them in the ledger inside the pipeline's transaction.
 */
public interface IngestHandler<E extends Enveloped> {

	/** Reads and checks one event without touching the database. */
	E parse(JsonFields json, IncomingRecord record) throws RejectedException;

	/**
	 * The event's ledger row encoded for COPY ({@link CopyRows#row(int)}), when it does not depend
	 * on the ledger; null otherwise, and by default. It is called on the consumer thread, which
	 * parses a poll while the writer stores the previous one, so the writer only appends the rows
	 * it copies ({@link Parsed#row}).
	 */
	default byte[] row(E event, IncomingRecord record) {
		return null;
	}

	/**
	 * Stores the batch (inside the batch transaction) and returns one outcome per event, in
	 * order. Checks that need the ledger (references, conflicting duplicates) happen here. The
	 * pipeline never passes two events that share a {@link #references key}, so a handler may
	 * write the batch as a set; it must keep all its effects in the database (no in-memory state
	 * changed before commit), because a failing batch is rolled back to a savepoint and retried.
	 */
	List<Outcome> write(List<Parsed<E>> batch);

	/**
	 * The ledger state an event reads or changes besides its own eventId, as keys such as
	 * {@link #eventKey(String) eventKey(reverses)} or {@code "line:" + lineId}. Two records
	 * sharing a key (or an eventId) never go into one {@link #write}: the later one is written
	 * after the earlier took effect, so a batch has the outcome of one-at-a-time processing.
	 */
	default Collection<String> references(E event) {
		return List.of();
	}

	/**
	 * Called on the writer after the transaction committed, with the regions (pemda) of the
	 * batch's valid events, e.g. to have the indicator snapshot refreshed: hand the work off
	 * ({@link BatchIngestors#refreshAfterCommit}) rather than do it here, where the next poll waits.
	 */
	default void afterCommit(Set<String> regions) {
	}

	/** The key of an event id, the same one the pipeline uses for each record's own eventId. */
	static String eventKey(String eventId) {
		return "event:" + eventId;
	}

}
