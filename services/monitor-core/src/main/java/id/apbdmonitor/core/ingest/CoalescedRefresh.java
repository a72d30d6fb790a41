package id.apbdmonitor.core.ingest;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import id.apbdmonitor.core.indicator.SnapshotRefresher;

/**
 * The snapshot refresh after each commit, shared by the consumers of a topic
 * ({@code apbd.ingest.concurrency}): a consumer that commits while another refreshes does not
 * wait for it and refresh again; it leaves a request that the refreshing one serves with one
 * more refresh, which reads every commit made before it started. No commit is left out of the
 * snapshot; with one consumer it is a refresh after every commit, as before.
 */
final class CoalescedRefresh {

	private final SnapshotRefresher snapshots;

	private final AtomicBoolean requested = new AtomicBoolean();

	private final ReentrantLock refreshing = new ReentrantLock();

	CoalescedRefresh(SnapshotRefresher snapshots) {
		this.snapshots = snapshots;
	}

	void afterCommit() {
		this.requested.set(true);
		// the holder of the lock checks the request again after unlocking, so a request left
		// while it refreshed is served by it, or by whoever takes the lock next
		while (this.requested.get() && this.refreshing.tryLock()) {
			try {
				if (this.requested.getAndSet(false)) {
					this.snapshots.refresh();
				}
			}
			finally {
				this.refreshing.unlock();
			}
		}
	}

}
