package id.apbdmonitor.core.ingest;

import java.util.List;

import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.event.RejectedException;

/**
 * What a service plugs into the pipeline for one topic: how to read its events, and how to
 * store a batch of them in the ledger inside the pipeline's transaction.
 */
public interface IngestHandler<E> {

	/** Reads and checks one event without touching the database. */
	E parse(JsonFields json, IncomingRecord record) throws RejectedException;

	/**
	 * Stores the batch (inside the batch transaction) and returns one outcome per event, in
	 * order. Checks that need the ledger (references, conflicting duplicates) happen here.
	 */
	List<Outcome> write(List<Parsed<E>> batch);

	/** Called after the transaction committed, e.g. to refresh the indicator snapshot. */
	default void afterCommit() {
	}

}
