package id.apbdmonitor.core.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.apbdmonitor.core.indicator.SnapshotRefresher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescedRefreshTests {

	@Test
	void shouldRefreshAfterEveryCommitOfASingleConsumer() {
		Counting snapshots = new Counting();
		CoalescedRefresh refresh = new CoalescedRefresh(snapshots);
		refresh.afterCommit();
		refresh.afterCommit();
		refresh.afterCommit();
		assertThat(snapshots.refreshes).hasSize(3);
	}

	@Test
	void shouldServeACommitMadeDuringARefreshWithOneMoreRefreshOfTheRefreshingConsumer() throws Exception {
		Counting snapshots = new Counting();
		CoalescedRefresh refresh = new CoalescedRefresh(snapshots);
		List<Integer> seenByOther = new ArrayList<>();
		snapshots.during = () -> {
			// another consumer commits while this one refreshes: it returns at once, leaving a request
			Thread other = new Thread(() -> {
				refresh.afterCommit();
				seenByOther.add(snapshots.refreshes.size());
			});
			other.start();
			join(other);
		};
		refresh.afterCommit();
		// the other consumer returned during the first refresh, which then refreshed once more
		assertThat(seenByOther).containsExactly(1);
		assertThat(snapshots.refreshes).containsExactly(Thread.currentThread().getName(),
				Thread.currentThread().getName());
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static final class Counting implements SnapshotRefresher {

		final List<String> refreshes = new ArrayList<>();

		Runnable during;

		@Override
		public void refresh() {
			this.refreshes.add(Thread.currentThread().getName());
			Runnable once = this.during;
			this.during = null;
			if (once != null) {
				once.run();
			}
		}

		@Override
		public LocalDate businessDate() {
			return null;
		}

	}

}
