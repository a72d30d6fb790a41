package id.apbdmonitor.faults;

import java.math.BigDecimal;

/**
 * One record the suite will produce, with the outcome the contract promises for it.
 *
 * @param eventId null for records that carry none (not JSON, a tombstone)
 * @param ledgerAmount what it adds to its OPD's ledger sum when accepted (negative for a reversal)
 * @param timestamp the record timestamp to set, or null for the producer's clock
 */
record Planned(String eventId, String opd, byte[] key, byte[] value, BigDecimal ledgerAmount, Expect expect,
		Long timestamp) {

	/** What must become of the record. */
	enum Expect {

		/** a ledger row of its own */
		ACCEPT,
		/** on the dead-letter topic with a reason, not in the ledger */
		REJECT,
		/** a re-send of an event already planned: no second row, no dead letter needed */
		DUPLICATE

	}

	Planned withTimestamp(long epochMillis) {
		return new Planned(this.eventId, this.opd, this.key, this.value, this.ledgerAmount, this.expect, epochMillis);
	}

	Planned asDuplicate() {
		return new Planned(this.eventId, this.opd, this.key, this.value, this.ledgerAmount, Expect.DUPLICATE,
				this.timestamp);
	}

}
