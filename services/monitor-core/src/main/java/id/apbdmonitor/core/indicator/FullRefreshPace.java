package id.apbdmonitor.core.indicator;

import java.util.function.LongSupplier;

/**
 * When the snapshot timer rebuilds every region, not only those whose business date moved: at
 * most one tick in {@link #MAX_SHARE} of the time spent rebuilding. A full rebuild picks up what
 * the other instances of a consumer group stored in the shared ledger and recovers from a failed
 * refresh. Kota Bima's takes milliseconds, so it runs at every tick; 546 regions take two
 * queries each, seconds, and seven services doing that every 5 s kept PostgreSQL's two cores
 * busy (the national budget was not read in 15 minutes), so there it runs 20 times that apart.
 */
final class FullRefreshPace {

	/** A full refresh waits at least this many times its own duration before the next. */
	static final int MAX_SHARE = 20;

	private final LongSupplier nanoTime;

	private long nextNanos;

	private boolean started;

	FullRefreshPace(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/** Whether this tick rebuilds every region (the first always does). */
	boolean due() {
		return !this.started || this.nanoTime.getAsLong() - this.nextNanos >= 0;
	}

	/**
	 * A full refresh that began at {@code startedNanos} has ended: the next is due
	 * {@link #MAX_SHARE} times its duration later (at the first tick after that), a failed one at
	 * the next tick.
	 */
	void ended(long startedNanos, boolean succeeded) {
		long now = this.nanoTime.getAsLong();
		this.started = true;
		this.nextNanos = succeeded ? now + MAX_SHARE * (now - startedNanos) : now;
	}

}
