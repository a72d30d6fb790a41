package id.apbdmonitor.core.ingest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order and acknowledgement rules of {@link WriteBehind}, driven on the test thread as the
 * container drives them on a consumer thread, against Kafka's own {@link MockConsumer} (its
 * positions and seeks). The fault suite holds the same rules against a real broker and database
 * ({@code rebalance-while-storing}, {@code postgres-stop}, {@code frozen-consumer}).
 */
class WriteBehindTests {

	private static final TopicPartition P0 = new TopicPartition("apbd.goods.v1", 0);

	private static final TopicPartition P1 = new TopicPartition("apbd.goods.v1", 1);

	private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

	/** What happened, in order: "store n", "ack n". */
	private final List<String> events = Collections.synchronizedList(new ArrayList<>());

	private final WriteBehind writeBehind = new WriteBehind(new IngestProperties("apbd.goods.v1", "apbd.budget.v1", 3,
			(short) 1, 1, Duration.ofMillis(50), Duration.ofMillis(200), new BigDecimal("1000")), Duration.ofMillis(300),
			Duration.ofMillis(300));

	WriteBehindTests() {
		this.consumer.assign(List.of(P0, P1));
		this.consumer.seek(P0, 15);
		this.consumer.seek(P1, 25);
	}

	@AfterEach
	void stopWriters() {
		this.writeBehind.destroy();
	}

	@Test
	void storesPollsInOrderAndAcknowledgesEachAfterItsStore() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		submit(1, records(P0, 10, 14), () -> release.await());
		Thread.sleep(100);
		assertThat(this.events).as("not acknowledged before its store ends").isEmpty();

		Thread background = new Thread(() -> {
			sleep(100);
			release.countDown();
		});
		background.start();
		// the next poll waits for the previous store, then is stored after it
		submit(2, records(P0, 15, 19), () -> {
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.size() == 4);
		assertThat(this.events).containsExactly("store 1", "ack 1", "store 2", "ack 2");
	}

	@Test
	void givesUpAStoreThatOutlastsARevocationAndNeverAcknowledgesPastIt() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		submit(1, List.of(record(P0, 10), record(P0, 11), record(P1, 20)), () -> release.await());

		// P1 goes to another member while poll 1 waits for the database: P0 stays and is read again from 10
		this.writeBehind.onPartitionsRevokedBeforeCommit(this.consumer, List.of(P1));
		this.consumer.assign(List.of(P0));
		assertThat(this.consumer.position(P0)).isEqualTo(10);

		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.contains("store 1"));
		Thread.sleep(100);
		assertThat(this.events).as("a given-up poll is not acknowledged, even when its store ends").containsExactly("store 1");

		// the error handler retrying a poll read before the rewind (P0 from 12 on): read again, not stored
		submit(2, records(P0, 12, 14), () -> {
		});
		assertThat(this.consumer.position(P0)).isEqualTo(10);

		// read again from the rewind: stored and acknowledged
		submit(3, records(P0, 10, 14), () -> {
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.contains("ack 3"));
		assertThat(this.events).containsExactly("store 1", "store 3", "ack 3");
	}

	@Test
	void seeksANewPollBackWhileThePreviousStoreRetriesAndStoresItOnceThatSucceeded() throws Exception {
		AtomicBoolean databaseUp = new AtomicBoolean();
		submit(1, records(P0, 10, 14), () -> {
			if (!databaseUp.get()) {
				throw new IllegalStateException("database unavailable");
			}
		});

		// the previous store still fails after the wait: this poll is read again later, not stored
		this.consumer.seek(P0, 20);
		submit(2, records(P0, 15, 19), () -> {
		});
		assertThat(this.consumer.position(P0)).isEqualTo(15);
		assertThat(this.events).doesNotContain("store 2", "ack 1");

		databaseUp.set(true);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.contains("ack 1"));
		submit(2, records(P0, 15, 19), () -> {
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.contains("ack 2"));
		assertThat(this.events).filteredOn((event) -> event.startsWith("ack")).containsExactly("ack 1", "ack 2");
		assertThat(this.events.indexOf("store 2")).isGreaterThan(this.events.indexOf("ack 1"));
	}

	@Test
	void acknowledgesNothingOfAPollWhosePartitionsWereLost() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		submit(1, records(P0, 10, 14), () -> {
			started.countDown();
			release.await();
		});
		// lost in the middle of the store (a store not begun yet is not begun at all)
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		this.writeBehind.onPartitionsLost(this.consumer, List.of(P0, P1));
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.contains("store 1"));
		Thread.sleep(100);
		assertThat(this.events).containsExactly("store 1");
	}

	private interface Body {

		void run() throws Exception;

	}

	private void submit(int poll, List<ConsumerRecord<byte[], byte[]>> records, Body body) throws InterruptedException {
		this.writeBehind.submit(this.consumer, records, () -> this.events.add("ack " + poll), () -> () -> {
			body.run();
			this.events.add("store " + poll);
		});
	}

	private static List<ConsumerRecord<byte[], byte[]>> records(TopicPartition partition, long from, long to) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		for (long offset = from; offset <= to; offset++) {
			records.add(record(partition, offset));
		}
		return records;
	}

	private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset) {
		return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, new byte[0], new byte[0]);
	}

	private static void sleep(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
