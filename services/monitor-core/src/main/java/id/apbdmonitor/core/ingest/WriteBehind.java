package id.apbdmonitor.core.ingest;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import id.apbdmonitor.core.event.LogSafe;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Stores a consumer's poll on a writer thread of its own while the consumer polls and parses the
 * next one (issue 11): a lone consumer thread used to parse, then wait for the database, then
 * poll, one after the other, while the second core idled.
 * <p>
 * What stays as it was: one poll is stored at a time per consumer, in offset order, in one
 * transaction; its offsets are committed only after that transaction (the writer acknowledges
 * the poll after the commit, the container commits acknowledged offsets before its next poll).
 * A failed store is transient, as before, and its writer stores it again with the ingest
 * back-off; the consumer's next poll waits for it, and after {@link #WAIT_FOR_PREVIOUS} is
 * sought back and read again (the consumer keeps polling, so it stays in its group). A poll
 * whose partitions are revoked while it is stored is finished first, or, when the database does
 * not answer within {@link #WAIT_ON_REVOKE}, given up unacknowledged: its records are read again
 * from the committed offsets (the ledger's idempotency answers them) and never acknowledged for
 * a partition another member owns.
 */
public class WriteBehind implements ConsumerAwareRebalanceListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

	/** How long a listener waits for the previous poll's store before its own poll is read again later. */
	static final Duration WAIT_FOR_PREVIOUS = Duration.ofSeconds(10);

	/** How long a revocation waits for the poll being stored before giving it up. */
	static final Duration WAIT_ON_REVOKE = Duration.ofSeconds(10);

	private final Duration waitForPrevious;

	private final Duration waitOnRevoke;

	/** A writer thread idle this long ends (the consumer's next poll starts another). */
	private static final Duration IDLE_WRITER = Duration.ofMinutes(1);

	private final ThreadLocal<Lane> lanes = new ThreadLocal<>();

	private final Set<Lane> all = ConcurrentHashMap.newKeySet();

	private final IngestProperties properties;

	public WriteBehind(IngestProperties properties) {
		this(properties, WAIT_FOR_PREVIOUS, WAIT_ON_REVOKE);
	}

	WriteBehind(IngestProperties properties, Duration waitForPrevious, Duration waitOnRevoke) {
		this.properties = properties;
		this.waitForPrevious = waitForPrevious;
		this.waitOnRevoke = waitOnRevoke;
	}

	/**
	 * Called by a listener on its consumer thread: parses the poll ({@code parse} returns its
	 * store), waits for the consumer's previous poll to be stored, then hands the store to the
	 * consumer's writer, which acknowledges the poll after it.
	 */
	public void submit(Consumer<?, ?> consumer, List<? extends ConsumerRecord<?, ?>> records,
			Acknowledgment acknowledgment, Supplier<Store> parse) throws InterruptedException {
		Lane lane = lane(consumer);
		lane.listening = true;
		try {
			Map<TopicPartition, Long> first = firstOffsets(records);
			if (lane.readBeforeRewind(first)) {
				return;
			}
			Store store = parse.get();
			if (!lane.awaitPrevious()) {
				// read again in a moment; polling meanwhile keeps the consumer in its group
				first.forEach(consumer::seek);
				return;
			}
			lane.start(new Write(lane, first, acknowledgment, store));
		}
		finally {
			lane.listening = false;
		}
	}

	/** The store of one parsed poll; may be called again after it threw. */
	@FunctionalInterface
	public interface Store {

		void run() throws Exception;

	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
		finishOrGiveUp(consumer, revoked, this.waitOnRevoke);
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
		// the partitions already belong to another member: nothing of this poll may be acknowledged
		finishOrGiveUp(consumer, lost, Duration.ZERO);
	}

	private void finishOrGiveUp(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Duration wait) {
		Lane lane = this.lanes.get();
		if (lane == null || lane.pending == null) {
			return;
		}
		// no wake-up of a poll that is in the middle of a rebalance
		lane.listening = true;
		try {
			finishOrGiveUp(lane, consumer, partitions, wait);
		}
		finally {
			lane.listening = false;
		}
	}

	private void finishOrGiveUp(Lane lane, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
			Duration wait) {
		Write write = lane.pending;
		lane.pending = null;
		try {
			write.finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!write.cancel()) {
			// stored and acknowledged, within the wait or while we looked
			return;
		}
		// partitions this consumer keeps are read again from the given-up poll's first offsets
		Set<TopicPartition> kept = new HashSet<>(consumer.assignment());
		kept.removeAll(partitions);
		for (Map.Entry<TopicPartition, Long> first : write.firstOffsets.entrySet()) {
			if (kept.contains(first.getKey())) {
				consumer.seek(first.getKey(), first.getValue());
				lane.rewound.put(first.getKey(), first.getValue());
			}
		}
		log.warn("A poll of {} being stored when its partitions {} were {} was given up unacknowledged; its records "
				+ "are read again from the committed offsets", write.firstOffsets.keySet(), partitions,
				wait.isZero() ? "lost" : "revoked");
	}

	private Lane lane(Consumer<?, ?> consumer) {
		Lane lane = this.lanes.get();
		if (lane == null || lane.consumer != consumer) {
			// lanes of consumers stopped since (a container stopped and started again) go
			this.all.removeIf((old) -> !old.consumerThread.isAlive() && old.pending == null);
			lane = new Lane(consumer);
			this.lanes.set(lane);
			this.all.add(lane);
		}
		return lane;
	}

	private static Map<TopicPartition, Long> firstOffsets(List<? extends ConsumerRecord<?, ?>> records) {
		Map<TopicPartition, Long> first = new LinkedHashMap<>();
		int partition = -1;
		for (ConsumerRecord<?, ?> record : records) {
			// a poll lists each partition's records together: one key per run, not per record
			if (record.partition() != partition) {
				partition = record.partition();
				first.putIfAbsent(new TopicPartition(record.topic(), partition), record.offset());
			}
		}
		return first;
	}

	@Override
	public void destroy() {
		for (Lane lane : this.all) {
			Write write = lane.pending;
			if (write != null) {
				write.cancel();
			}
			lane.writer.shutdown();
		}
		for (Lane lane : this.all) {
			try {
				lane.writer.awaitTermination(this.waitOnRevoke.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** One consumer's writer, and the poll it stores; {@code pending} is the consumer thread's. */
	private final class Lane {

		private final Consumer<?, ?> consumer;

		private final Thread consumerThread = Thread.currentThread();

		private final ThreadPoolExecutor writer;

		private volatile Write pending;

		/** Where partitions kept after a given-up poll were sought back to, until read from there. */
		private final Map<TopicPartition, Long> rewound = new HashMap<>();

		/** The consumer thread is inside the listener: no poll to wake up. */
		private volatile boolean listening;

		Lane(Consumer<?, ?> consumer) {
			this.consumer = consumer;
			String name = this.consumerThread.getName() + "-store";
			// one thread, so polls are stored in order; it ends when idle and starts again with the next poll
			this.writer = OneThread.named(name, IDLE_WRITER);
		}

		/** True when the previous poll is stored; false when its writer still retries after a while. */
		boolean awaitPrevious() throws InterruptedException {
			Write previous = this.pending;
			if (previous == null) {
				return true;
			}
			if (!previous.finished.await(WriteBehind.this.waitForPrevious.toMillis(), TimeUnit.MILLISECONDS)) {
				Exception failure = previous.lastFailure;
				log.warn("The poll of {} is read again later: the previous poll is still being stored ({})",
						previous.firstOffsets.keySet(), (failure != null)
								? "its writer retries after: " + LogSafe.of(failure, 300) : "the database has not answered yet");
				return false;
			}
			if (previous.state.get() != Write.DONE) {
				// only an interrupted writer gets here; acknowledging this poll would skip the previous one
				throw new IllegalStateException("the previous poll of " + previous.firstOffsets.keySet()
						+ " was not stored; restart the service to read it again");
			}
			this.pending = null;
			return true;
		}

		/**
		 * Records read before a given-up poll's partitions were sought back (the error handler
		 * retrying a poll across a rebalance), or of a partition no longer assigned: storing and
		 * acknowledging them would commit past the given-up poll. They are read again instead.
		 */
		boolean readBeforeRewind(Map<TopicPartition, Long> first) {
			Set<TopicPartition> assigned = this.consumer.assignment();
			boolean stale = false;
			for (Map.Entry<TopicPartition, Long> each : first.entrySet()) {
				Long rewound = this.rewound.get(each.getKey());
				stale |= !assigned.contains(each.getKey()) || (rewound != null && each.getValue() > rewound);
			}
			if (!stale) {
				first.keySet().forEach(this.rewound::remove);
				return false;
			}
			for (Map.Entry<TopicPartition, Long> each : first.entrySet()) {
				if (assigned.contains(each.getKey())) {
					Long rewound = this.rewound.getOrDefault(each.getKey(), each.getValue());
					this.consumer.seek(each.getKey(), Math.min(rewound, each.getValue()));
				}
			}
			log.warn("A poll of {} read before a rebalance is read again, not stored", first.keySet());
			return true;
		}

		void start(Write write) {
			this.pending = write;
			this.writer.execute(write);
		}

		/** Lets the container commit the acknowledged offsets now, not after its next poll times out. */
		void wakeUp() {
			if (!this.listening) {
				try {
					this.consumer.wakeup();
				}
				catch (RuntimeException closed) {
					// the container stopped meanwhile: it commits on its way out
				}
			}
		}

	}

	/** One poll's store, retried until it commits or is given up. */
	private final class Write implements Runnable {

		static final int RUNNING = 0;

		static final int DONE = 1;

		static final int CANCELLED = 2;

		private final Lane lane;

		private final Map<TopicPartition, Long> firstOffsets;

		private final Acknowledgment acknowledgment;

		private final Store store;

		private final AtomicInteger state = new AtomicInteger(RUNNING);

		private final CountDownLatch finished = new CountDownLatch(1);

		private final CountDownLatch cancelled = new CountDownLatch(1);

		private volatile Exception lastFailure;

		Write(Lane lane, Map<TopicPartition, Long> firstOffsets, Acknowledgment acknowledgment, Store store) {
			this.lane = lane;
			this.firstOffsets = firstOffsets;
			this.acknowledgment = acknowledgment;
			this.store = store;
		}

		/** True when this poll will not be acknowledged; false when it already was. */
		boolean cancel() {
			this.cancelled.countDown();
			return this.state.compareAndSet(RUNNING, CANCELLED) || this.state.get() == CANCELLED;
		}

		@Override
		public void run() {
			ExponentialBackOff backOff = new ExponentialBackOff(
					WriteBehind.this.properties.retryInitialInterval().toMillis(), 2.0);
			backOff.setMaxInterval(WriteBehind.this.properties.retryMaxInterval().toMillis());
			BackOffExecution retries = backOff.start();
			try {
				for (int attempt = 1; this.state.get() == RUNNING; attempt++) {
					try {
						this.store.run();
						if (this.state.compareAndSet(RUNNING, DONE)) {
							this.acknowledgment.acknowledge();
							this.lane.wakeUp();
						}
						return;
					}
					catch (Exception ex) {
						this.lastFailure = ex;
						long wait = retries.nextBackOff();
						log.warn("Storing a poll of {} failed (attempt {}), retrying with back-off in {} ms: {}",
								this.firstOffsets.keySet(), attempt, wait, LogSafe.of(ex, 500));
						if (this.cancelled.await(wait, TimeUnit.MILLISECONDS)) {
							return;
						}
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.state.compareAndSet(RUNNING, CANCELLED);
			}
			finally {
				this.finished.countDown();
			}
		}

	}

}
