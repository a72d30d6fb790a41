package id.apbdmonitor.core.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import id.apbdmonitor.core.indicator.SnapshotRefresher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescedRefreshTests {

	@Test
	void shouldRefreshAfterEveryCommitOfASingleConsumer() {
		Counting snapshots = new Counting();
		CoalescedRefresh refresh = new CoalescedRefresh(snapshots);
		refresh.afterCommit(Set.of("52.72"));
		refresh.afterCommit(Set.of("34.04"));
		refresh.afterCommit(Set.of());
		assertThat(snapshots.refreshes).hasSize(3);
		assertThat(snapshots.regions).containsExactly(Set.of("52.72"), Set.of("34.04"), Set.of());
	}

	@Test
	void shouldRefreshTheRegionsOfEveryCommitMadeDuringARefresh() {
		Counting snapshots = new Counting();
		CoalescedRefresh refresh = new CoalescedRefresh(snapshots);
		snapshots.during = () -> {
			// two other consumers commit while this one refreshes 52.72
			Thread first = new Thread(() -> refresh.afterCommit(Set.of("34.04")));
			first.start();
			join(first);
			Thread second = new Thread(() -> refresh.afterCommit(Set.of("52.72", "13")));
			second.start();
			join(second);
		};
		refresh.afterCommit(Set.of("52.72"));
		// one more refresh serves both, with the regions of both
		assertThat(snapshots.regions).containsExactly(Set.of("52.72"), Set.of("34.04", "52.72", "13"));
	}

	@Test
	void shouldServeACommitMadeDuringARefreshWithOneMoreRefreshOfTheRefreshingConsumer() throws Exception {
		Counting snapshots = new Counting();
		CoalescedRefresh refresh = new CoalescedRefresh(snapshots);
		List<Integer> seenByOther = new ArrayList<>();
		snapshots.during = () -> {
			// another consumer commits while this one refreshes: it returns at once, leaving a request
			Thread other = new Thread(() -> {
				refresh.afterCommit(Set.of("52.72"));
				seenByOther.add(snapshots.refreshes.size());
			});
			other.start();
			join(other);
		};
		refresh.afterCommit(Set.of("52.72"));
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

		final List<Set<String>> regions = new ArrayList<>();

		Runnable during;

		@Override
		public void refresh() {
			throw new AssertionError("a commit refreshes its regions, not everything");
		}

		@Override
		public void refresh(Set<String> regions) {
			this.regions.add(Set.copyOf(regions));
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
