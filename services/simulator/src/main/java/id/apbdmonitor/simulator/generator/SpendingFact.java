package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;

/**
 * A realisation before it becomes an event. Its event id and document number are given once all
 * facts are in date order, so that document numbers rise with dates as in a real register.
 */
final class SpendingFact {

	final String opd;

	final Category category;

	final LocalDate date;

	final Mechanism mechanism;

	final String account;

	/** Thousands of rupiah. */
	final long amount;

	final long tiebreak;

	String eventId;

	String documentNumber;

	SpendingFact(String opd, Category category, LocalDate date, Mechanism mechanism, String account, long amount,
			long tiebreak) {
		this.opd = opd;
		this.category = category;
		this.date = date;
		this.mechanism = mechanism;
		this.account = account;
		this.amount = amount;
		this.tiebreak = tiebreak;
	}

}
