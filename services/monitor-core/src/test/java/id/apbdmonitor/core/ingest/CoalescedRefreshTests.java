package id.apbdmonitor.core.ingest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import id.apbdmonitor.core.indicator.SnapshotRefresher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CoalescedRefreshTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void shouldRefreshTheRegionsOfEveryCommitOnItsOwnThread() {
		Counting snapshots = new Counting();
		try (CoalescedRefresh refresh = new CoalescedRefresh(snapshots, "refresh-test")) {
			refresh.afterCommit(Set.of("52.72"));
			refresh.afterCommit(Set.of("34.04"));
			refresh.afterCommit(Set.of());
			await().atMost(WAIT).untilAsserted(() -> assertThat(union(snapshots.regions)).containsExactlyInAnyOrder("52.72", "34.04"));
			assertThat(snapshots.threads).isNotEmpty().allSatisfy((name) -> assertThat(name).isEqualTo("refresh-test"));
		}
	}

	@Test
	void shouldReturnFromACommitWhileARefreshIsUnderWay() throws Exception {
		Counting snapshots = new Counting();
		CountDownLatch release = new CountDownLatch(1);
		snapshots.block = release;
		try (CoalescedRefresh refresh = new CoalescedRefresh(snapshots, "refresh-test")) {
			refresh.afterCommit(Set.of("52.72"));
			await().atMost(WAIT).until(() -> snapshots.started.get() == 1);
			// the refresh of the first commit is blocked: the writer's next commit does not wait for it
			refresh.afterCommit(Set.of("34.04"));
			refresh.afterCommit(Set.of("13"));
			assertThat(snapshots.regions).containsExactly(Set.of("52.72"));
			release.countDown();
			// one more refresh serves both commits made meanwhile, with the regions of both
			await().atMost(WAIT).untilAsserted(() -> assertThat(snapshots.regions)
				.containsExactly(Set.of("52.72"), Set.of("34.04", "13")));
		}
	}

	@Test
	void shouldRefreshOneAtATimeWhateverTheCommittingThreads() throws Exception {
		Counting snapshots = new Counting();
		try (CoalescedRefresh refresh = new CoalescedRefresh(snapshots, "refresh-test")) {
			List<Thread> writers = new java.util.ArrayList<>();
			for (int w = 0; w < 4; w++) {
				String region = "region-" + w;
				writers.add(new Thread(() -> {
					for (int i = 0; i < 200; i++) {
						refresh.afterCommit(Set.of(region + "-" + i));
					}
				}));
			}
			writers.forEach(Thread::start);
			for (Thread writer : writers) {
				writer.join(TimeUnit.SECONDS.toMillis(10));
			}
			await().atMost(WAIT).untilAsserted(() -> assertThat(union(snapshots.regions)).hasSize(800));
			assertThat(snapshots.mostAtOnce.get()).isEqualTo(1);
		}
	}

	@Test
	void shouldTryAFailedRefreshAgainUntilItSucceedsWithoutAnotherCommit() {
		Counting snapshots = new Counting();
		// the database is away for three attempts; the last commit came before it went
		snapshots.failures.set(3);
		try (CoalescedRefresh refresh = new CoalescedRefresh(snapshots, "refresh-test", Duration.ofMillis(20))) {
			refresh.afterCommit(Set.of("52.72"));
			await().atMost(WAIT).untilAsserted(() -> assertThat(snapshots.regions).containsExactly(Set.of("52.72")));
			assertThat(snapshots.started.get()).isEqualTo(4);
		}
	}

	@Test
	void shouldServeTheCommitsMadeWhileRefreshesFailWithTheRegionsOfTheFailedOnes() {
		Counting snapshots = new Counting();
		snapshots.failures.set(2);
		try (CoalescedRefresh refresh = new CoalescedRefresh(snapshots, "refresh-test", Duration.ofMillis(200))) {
			refresh.afterCommit(Set.of("52.72"));
			await().atMost(WAIT).until(() -> snapshots.started.get() == 1);
			refresh.afterCommit(Set.of("34.04"));
			await().atMost(WAIT).untilAsserted(() -> assertThat(snapshots.regions).isNotEmpty());
			// no region of a failed refresh is lost, and the first success serves both commits
			assertThat(snapshots.regions.get(0)).containsExactlyInAnyOrder("52.72", "34.04");
		}
	}

	@Test
	void shouldTakeNoCommitOnceClosed() {
		Counting snapshots = new Counting();
		CoalescedRefresh refresh = new CoalescedRefresh(snapshots, "refresh-test");
		refresh.close();
		refresh.afterCommit(Set.of("52.72"));
		assertThat(snapshots.started.get()).isZero();
	}

	private static Set<String> union(List<Set<String>> regions) {
		Set<String> all = new HashSet<>();
		regions.forEach(all::addAll);
		return all;
	}

	private static final class Counting implements SnapshotRefresher {

		final List<Set<String>> regions = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		final AtomicInteger started = new AtomicInteger();

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		volatile CountDownLatch block;

		/** How many refreshes fail, from the first. */
		final AtomicInteger failures = new AtomicInteger();

		@Override
		public void refresh() {
			throw new AssertionError("a commit refreshes its regions, not everything");
		}

		@Override
		public void refresh(Set<String> regions) {
			int now = this.running.incrementAndGet();
			this.mostAtOnce.accumulateAndGet(now, Math::max);
			try {
				this.started.incrementAndGet();
				this.threads.add(Thread.currentThread().getName());
				if (this.failures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
					throw new IllegalStateException("the database is away");
				}
				this.regions.add(Set.copyOf(regions));
				CountDownLatch latch = this.block;
				this.block = null;
				if (latch != null) {
					await(latch);
				}
			}
			finally {
				this.running.decrementAndGet();
			}
		}

		private static void await(CountDownLatch latch) {
			try {
				latch.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public LocalDate businessDate() {
			return null;
		}

	}

}
