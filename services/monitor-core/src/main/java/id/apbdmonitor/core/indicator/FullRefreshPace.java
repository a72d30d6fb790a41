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

	/** When the next full refresh is due: from the start, so the first tick makes one. */
	private long nextNanos;

	FullRefreshPace(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		this.nextNanos = nanoTime.getAsLong();
	}

	/** Whether this tick rebuilds every region. */
	boolean due() {
		return this.nanoTime.getAsLong() - this.nextNanos >= 0;
	}

	/**
	 * A full refresh that began at {@code startedNanos} has ended: the next is due
	 * {@link #MAX_SHARE} times its duration later (at the first tick after that), a failed one at
	 * the next tick.
	 */
	void ended(long startedNanos, boolean succeeded) {
		long now = this.nanoTime.getAsLong();
		this.nextNanos = succeeded ? now + MAX_SHARE * (now - startedNanos) : now;
	}

}
