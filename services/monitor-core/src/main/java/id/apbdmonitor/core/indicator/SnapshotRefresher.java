package id.apbdmonitor.core.indicator;

/**
 * Rebuilds a feature's in-memory indicator snapshot from the database. Called after every
 * committed batch and on a timer (for values that move with the business date); meters only
 * ever read the snapshot, never the database at scrape time.
 */
public interface SnapshotRefresher {

	void refresh();

	/**
	 * Rebuilds after a batch that stored events of these regions (pemda) only: a refresher that
	 * keeps one snapshot per region may rebuild just those, so that a batch of one region does
	 * not re-read the other 545. The default rebuilds everything.
	 */
	default void refresh(java.util.Set<String> regions) {
		refresh();
	}

	/** The business date of the snapshot in force (of the home region). */
	java.time.LocalDate businessDate();

	/**
	 * The business date of the region's snapshot in force; a refresher that serves one region
	 * has one date.
	 */
	default java.time.LocalDate businessDate(String pemda) {
		return businessDate();
	}

}
