package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;

/** A partial cancellation of an earlier realisation of the same OPD, before it becomes an event. */
final class ReversalFact {

	final SpendingFact original;

	final LocalDate date;

	/** Thousands of rupiah, at most the original's amount. */
	final long amount;

	final String reason;

	final long tiebreak;

	String eventId;

	String documentNumber;

	ReversalFact(SpendingFact original, LocalDate date, long amount, String reason, long tiebreak) {
		if (!date.isAfter(original.date) || amount < 1 || amount > original.amount) {
			throw new IllegalArgumentException("a reversal comes after its original and reverses part of it");
		}
		this.original = original;
		this.date = date;
		this.amount = amount;
		this.reason = reason;
		this.tiebreak = tiebreak;
	}

}
