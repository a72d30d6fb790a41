package id.apbdmonitor.simulator.publishing;

import java.time.LocalDate;

/**
 * How far the publisher has got: the number of records of the year acknowledged by Kafka (always
 * whole days, a prefix of the year's records) and the last business day they belong to.
 */
final class PublishProgress {

	private volatile int published;

	private volatile LocalDate businessDate;

	private volatile boolean finished;

	synchronized void advance(int published, LocalDate businessDate) {
		this.published = published;
		this.businessDate = businessDate;
	}

	void finish() {
		this.finished = true;
	}

	int published() {
		return this.published;
	}

	/** The last business day whose records are all published; null before the first. */
	LocalDate businessDate() {
		return this.businessDate;
	}

	boolean finished() {
		return this.finished;
	}

}
