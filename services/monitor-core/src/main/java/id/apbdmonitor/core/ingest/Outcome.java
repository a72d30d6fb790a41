package id.apbdmonitor.core.ingest;

import id.apbdmonitor.core.event.Rejection;

/** What became of one record: stored, already stored, superseded, not ours, or rejected. */
public record Outcome(Kind kind, Rejection rejection) {

	public static final Outcome ACCEPTED = new Outcome(Kind.ACCEPTED, null);

	public static final Outcome DUPLICATE = new Outcome(Kind.DUPLICATE, null);

	public static final Outcome SUPERSEDED = new Outcome(Kind.SUPERSEDED, null);

	public static final Outcome IGNORED = new Outcome(Kind.IGNORED, null);

	public static Outcome rejected(Rejection rejection) {
		return new Outcome(Kind.REJECTED, rejection);
	}

	/** The {@code outcome} label of {@code apbd_ingest_events_total}. */
	public enum Kind {

		/** Stored in the ledger and applied to the aggregates. */
		ACCEPTED,
		/** The same event id and payload is already in the ledger: counted, not applied. */
		DUPLICATE,
		/** A budget revision older than the one in force: kept in the history, not applied. */
		SUPERSEDED,
		/** A budget line of another service's category. */
		IGNORED,
		/** Dead-lettered with a reason. */
		REJECTED;

		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
