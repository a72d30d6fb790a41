package id.apbdmonitor.core.ingest;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

import id.apbdmonitor.core.event.LogSafe;
import id.apbdmonitor.core.indicator.SnapshotRefresher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot refresh after each commit, on a thread of its own rather than the writer's: the
 * writer and its database are the pipeline's slower stage, and up-advances' refresh (its
 * treasury rules read the OPDs' new facts) was a third of its writer's time (issue 11). A commit
 * leaves a request with its batch's regions and returns; the refresh thread serves the requests
 * one refresh at a time, and a refresh serves every request left before it started, so commits
 * made while it runs are served together by the next one. No commit is left out of the snapshot:
 * each is followed by a refresh that starts after it, of its regions; a refresh that fails (the
 * database restarting) keeps its regions and is tried again after a pause until one succeeds, so
 * the gauges catch up with commits made just before an outage without waiting for another commit.
 */
final class CoalescedRefresh implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(CoalescedRefresh.class);

	/** A refresh thread idle this long ends (the next commit starts another). */
	private static final Duration IDLE = Duration.ofMinutes(1);

	/** The pause before a failed refresh is tried again. */
	private static final Duration RETRY = Duration.ofSeconds(1);

	/** While refreshes keep failing, one warning this often (each attempt may wait for a connection). */
	private static final Duration WARN_EVERY = Duration.ofMinutes(1);

	private final SnapshotRefresher snapshots;

	private final Duration retry;

	private final AtomicBoolean requested = new AtomicBoolean();

	/** Regions of the commits not yet refreshed; added before the request is set. */
	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	private final ThreadPoolExecutor refresher;

	CoalescedRefresh(SnapshotRefresher snapshots, String name) {
		this(snapshots, name, RETRY);
	}

	CoalescedRefresh(SnapshotRefresher snapshots, String name, Duration retry) {
		this.snapshots = snapshots;
		this.retry = retry;
		this.refresher = OneThread.named(name, IDLE);
	}

	void afterCommit(Set<String> regions) {
		this.pending.addAll(regions);
		// a request already set is served by a refresh that has not taken the pending regions yet
		if (this.requested.compareAndSet(false, true)) {
			try {
				this.refresher.execute(this::serve);
			}
			catch (RejectedExecutionException closing) {
				// the service is stopping: its next start builds the snapshot from the database
				log.debug("Snapshot refresh after commit skipped: the service is stopping");
			}
		}
	}

	private void serve() {
		int failures = 0;
		long warned = 0;
		while (this.requested.getAndSet(false)) {
			Set<String> regions = takePending();
			try {
				this.snapshots.refresh(regions);
				if (failures > 0) {
					log.info("Snapshot refresh after commit succeeded again after {} failed attempt(s)", failures);
				}
				failures = 0;
			}
			catch (RuntimeException ex) {
				// the batches are safely stored: their regions wait for the next attempt
				this.pending.addAll(regions);
				this.requested.set(true);
				if (failures++ == 0 || System.nanoTime() - warned >= WARN_EVERY.toNanos()) {
					warned = System.nanoTime();
					log.warn("Snapshot refresh after commit failed ({} attempt(s)), trying again every {} ms: {}",
							failures, this.retry.toMillis(), LogSafe.of(ex, 500));
				}
				if (!pause()) {
					return;
				}
			}
		}
	}

	/** False when the service is stopping: its next start builds the snapshot from the database. */
	private boolean pause() {
		try {
			Thread.sleep(this.retry.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		return !this.refresher.isShutdown();
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

	/** Lets a refresh under way finish, and takes no more. */
	@Override
	public void close() {
		this.refresher.shutdown();
	}

}
