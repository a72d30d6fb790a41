package id.apbdmonitor.core.ingest.stall;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;

/**
 * The batch error handler of the ingest containers: {@link DefaultErrorHandler}'s back-off, except
 * that a batch is never acknowledged for partitions the consumer no longer owns.
 * <p>
 * Why: when the container's offset commit after a stored batch fails with
 * {@link CommitFailedException} (the consumer was frozen past {@code max.poll.interval.ms} and
 * its partitions went to another instance), spring-kafka hands that exception to the error
 * handler as if the listener had failed. The default handler then retries the batch (the consumer
 * rejoins the group while it polls), succeeds (duplicates), and the container commits the old
 * batch's offsets with the new generation. Kafka accepts a commit for a partition another member
 * owns, so the new owner's committed offset is rewound behind its position; it never commits that
 * partition again until new records arrive, and the committed offset stands still while every
 * record is stored. The same happens when a database retry outlives a rebalance.
 * <p>
 * Here a failed commit is not retried and nothing of the batch is acknowledged: the batch is
 * stored, and whoever owns its partitions now reads them again from the committed offsets (the
 * ledger's idempotency absorbs the duplicates). A batch retried across a rebalance is likewise
 * not acknowledged; the partitions still owned are sought back to the batch, so they are read
 * again and committed.
 */
public class RebalanceSafeErrorHandler extends DefaultErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(RebalanceSafeErrorHandler.class);

	public RebalanceSafeErrorHandler(BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer, BackOff backOff) {
		super(recoverer::accept, backOff);
	}

	@Override
	public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
			MessageListenerContainer container, Runnable invokeListener) {
		if (thrownException instanceof CommitFailedException) {
			log.warn("Stored batch of {} records of {} not committed: the consumer lost its partitions to another "
					+ "group member ({}); they are read again from the committed offsets", data.count(), data.partitions(),
					thrownException.getClass().getSimpleName());
			throw new KafkaException("offsets not committed after a rebalance", KafkaException.Level.DEBUG, thrownException);
		}
		super.handleBatch(thrownException, data, consumer, container, invokeListener);
		Set<TopicPartition> lost = new HashSet<>(data.partitions());
		lost.removeAll(consumer.assignment());
		if (!lost.isEmpty()) {
			for (TopicPartition partition : data.partitions()) {
				if (!lost.contains(partition)) {
					consumer.seek(partition, data.records(partition).get(0).offset());
				}
			}
			log.warn("Batch of {} records stored after a retry, but partitions {} were reassigned meanwhile: not "
					+ "committed, read again by their owners", data.count(), lost);
			throw new KafkaException("batch not acknowledged after a rebalance", KafkaException.Level.DEBUG, null);
		}
	}

}
