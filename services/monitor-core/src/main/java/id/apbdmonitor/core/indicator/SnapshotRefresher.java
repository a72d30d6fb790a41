package id.apbdmonitor.core.indicator;

/**
 * Rebuilds a feature's in-memory indicator snapshot from the database. Called after every
 * committed batch and on a timer (for values that move with the business date); meters only
 * ever read the snapshot, never the database at scrape time.
 */
public interface SnapshotRefresher {

	void refresh();

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
