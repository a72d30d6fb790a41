package id.apbdmonitor.core.indicator;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The timer's full refresh keeps to at most a twentieth of the time, and retries a failed one at once. */
class FullRefreshPaceTests {

	private static final long MS = 1_000_000;

	private final AtomicLong now = new AtomicLong(-5_000 * MS);

	private final FullRefreshPace pace = new FullRefreshPace(this.now::get);

	@Test
	void shouldRefreshEverythingAtEveryTickWhileAFullRefreshTakesMilliseconds() {
		assertThat(this.pace.due()).as("the first tick").isTrue();
		full(12 * MS, true);
		this.now.addAndGet(5_000 * MS);
		assertThat(this.pace.due()).as("240 ms later is long past").isTrue();
	}

	@Test
	void shouldWaitTwentyTimesTheDurationOfALongFullRefresh() {
		full(3_000 * MS, true);
		this.now.addAndGet(5_000 * MS);
		assertThat(this.pace.due()).as("5 s after a 3 s refresh").isFalse();
		this.now.addAndGet(54_999 * MS);
		assertThat(this.pace.due()).as("just short of 60 s").isFalse();
		this.now.addAndGet(1 * MS);
		assertThat(this.pace.due()).as("60 s after it ended").isTrue();
	}

	@Test
	void shouldRetryAFailedFullRefreshAtTheNextTick() {
		full(3_000 * MS, false);
		this.now.addAndGet(5_000 * MS);
		assertThat(this.pace.due()).isTrue();
	}

	private void full(long took, boolean succeeded) {
		long started = this.now.get();
		this.now.addAndGet(took);
		this.pace.ended(started, succeeded);
	}

}
