package id.apbdmonitor.core.ingest;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import id.apbdmonitor.core.indicator.SnapshotRefresher;

/**
 * The snapshot refresh after each commit, shared by the consumers of a topic
 * ({@code apbd.ingest.concurrency}): a consumer that commits while another refreshes does not
 * wait for it and refresh again; it leaves a request (with its batch's regions) that the
 * refreshing one serves with one more refresh, which reads every commit made before it started.
 * No commit is left out of the snapshot; with one consumer it is a refresh after every commit,
 * of the regions that commit stored events of.
 */
final class CoalescedRefresh {

	private final SnapshotRefresher snapshots;

	private final AtomicBoolean requested = new AtomicBoolean();

	/** Regions of the commits not yet refreshed; added before the request is set. */
	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	private final ReentrantLock refreshing = new ReentrantLock();

	CoalescedRefresh(SnapshotRefresher snapshots) {
		this.snapshots = snapshots;
	}

	void afterCommit(Set<String> regions) {
		this.pending.addAll(regions);
		this.requested.set(true);
		// the holder of the lock checks the request again after unlocking, so a request left
		// while it refreshed is served by it, or by whoever takes the lock next
		while (this.requested.get() && this.refreshing.tryLock()) {
			try {
				if (this.requested.getAndSet(false)) {
					this.snapshots.refresh(takePending());
				}
			}
			finally {
				this.refreshing.unlock();
			}
		}
	}

	/** A region added after the request was taken is either taken here too or requests again. */
	private Set<String> takePending() {
		Set<String> taken = new HashSet<>();
		for (Iterator<String> each = this.pending.iterator(); each.hasNext();) {
			taken.add(each.next());
			each.remove();
		}
		return taken;
	}

}
