package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One Kafka record of the simulated year: when to publish it (its business date), where, and what
 * the services must do with it. {@code expectedReason} is the contract's rejection reason for
 * {@link Kind#INVALID} and {@link Kind#MALFORMED} records, {@code null} otherwise.
 */
public record SimEvent(LocalDate businessDate, String topic, String key, String value, Kind kind,
		String expectedReason) {

	public SimEvent {
		Objects.requireNonNull(businessDate, "businessDate");
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(kind, "kind");
		if ((kind == Kind.INVALID || kind == Kind.MALFORMED) != (expectedReason != null)) {
			throw new IllegalArgumentException("expectedReason is required exactly for INVALID and MALFORMED");
		}
	}

	/** What a correct consumer does with the record. */
	public enum Kind {

		/** Applied once: it counts in the ledger and the totals. */
		VALID,
		/** The exact key and value of an earlier VALID record sent again: counted as a duplicate. */
		DUPLICATE,
		/** Not a JSON object: dead-lettered with {@code MALFORMED_JSON}. */
		MALFORMED,
		/** Well-formed but breaks one rule: dead-lettered with {@link SimEvent#expectedReason()}. */
		INVALID

	}

}
