package id.apbdmonitor.core.ingest.stall;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTrackerTests {

	private static final long STARTED = 1_000_000;

	@Test
	void shouldFollowTheClockWhileEveryPartitionIsCaughtUpOrMoving() {
		ProgressTracker tracker = new ProgressTracker(STARTED);
		tracker.observe(Map.of(0, 10L, 1, 5L), Map.of(0, 10L, 1, 5L), STARTED + 5_000);
		assertThat(tracker.progressMillis()).isEqualTo(STARTED + 5_000);
		assertThat(tracker.lag()).isZero();
		// 100 new records in partition 1; its committed offset moves from 5 to 55 by the next check
		tracker.observe(Map.of(0, 10L, 1, 5L), Map.of(0, 10L, 1, 105L), STARTED + 10_000);
		tracker.observe(Map.of(0, 10L, 1, 55L), Map.of(0, 10L, 1, 105L), STARTED + 15_000);
		assertThat(tracker.progressMillis()).isEqualTo(STARTED + 15_000);
		assertThat(tracker.lag()).isEqualTo(50);
	}

	@Test
	void shouldStopAtTheLastProgressOfTheOnePartitionThatIsStuck() {
		ProgressTracker tracker = new ProgressTracker(STARTED);
		tracker.observe(Map.of(0, 10L, 1, 20L), Map.of(0, 10L, 1, 20L), STARTED + 5_000);
		// partition 1 gets 3 records and never commits them; partition 0 keeps moving
		tracker.observe(Map.of(0, 12L, 1, 20L), Map.of(0, 12L, 1, 23L), STARTED + 10_000);
		tracker.observe(Map.of(0, 14L, 1, 20L), Map.of(0, 15L, 1, 23L), STARTED + 15_000);
		tracker.observe(Map.of(0, 15L, 1, 20L), Map.of(0, 15L, 1, 23L), STARTED + 20_000);
		// partition 1 last progressed (caught up) at +5 s
		assertThat(tracker.progressMillis()).isEqualTo(STARTED + 5_000);
		assertThat(tracker.lag()).isEqualTo(3);
		tracker.observe(Map.of(0, 15L, 1, 23L), Map.of(0, 15L, 1, 23L), STARTED + 25_000);
		assertThat(tracker.progressMillis()).isEqualTo(STARTED + 25_000);
		assertThat(tracker.lag()).isZero();
	}

	@Test
	void shouldCountAPartitionAlreadyBehindAtTheFirstCheckFromStartUp() {
		ProgressTracker tracker = new ProgressTracker(STARTED);
		tracker.observe(Map.of(0, 7L), Map.of(0, 9L), STARTED + 5_000);
		assertThat(tracker.progressMillis()).isEqualTo(STARTED);
		assertThat(tracker.lag()).isEqualTo(2);
	}

	@Test
	void shouldTakeAPartitionWithoutCommittedOffsetAsCaughtUp() {
		// the monitor passes the log start for a partition never committed; none given: its end
		ProgressTracker tracker = new ProgressTracker(STARTED);
		tracker.observe(Map.of(), Map.of(0, 9L, 1, 4L), STARTED + 5_000);
		assertThat(tracker.progressMillis()).isEqualTo(STARTED + 5_000);
		assertThat(tracker.lag()).isZero();
	}

}
