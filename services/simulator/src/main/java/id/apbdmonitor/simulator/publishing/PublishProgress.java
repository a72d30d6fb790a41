package id.apbdmonitor.simulator.publishing;

import java.time.LocalDate;

/**
 * How far the publisher has got: the number of records of the year acknowledged by Kafka (always
 * whole days, a prefix of the year's records) and the last business day they belong to, read
 * together as one {@link State}.
 */
final class PublishProgress {

	private volatile State state = new State(0, null, false);

	void advance(int published, LocalDate businessDate) {
		this.state = new State(published, businessDate, false);
	}

	void finish() {
		State current = this.state;
		this.state = new State(current.published(), current.businessDate(), true);
	}

	State state() {
		return this.state;
	}

	int published() {
		return this.state.published();
	}

	LocalDate businessDate() {
		return this.state.businessDate();
	}

	/**
	 * @param published records of the year published and acknowledged
	 * @param businessDate the last business day whose records are all published; null before the first
	 * @param finished whether the whole year is published
	 */
	record State(int published, LocalDate businessDate, boolean finished) {
	}

}
