package id.apbdmonitor.core.export;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import io.prometheus.metrics.model.snapshots.Labels;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * The partitions of the event topic this instance's consumers hold, kept from the consumer
 * group's rebalances, and whether a series key falls in one of them: Kafka's default
 * partitioner puts a key in {@code toPositive(murmur2(utf8(key))) % partitions}, so the instance
 * that consumes an OPD's events ({@code pemda/opd} keys) is the one that exports its series.
 * Partitions of other topics (the budget topic shares the listener factory) are ignored.
 */
public class SeriesOwnership implements ConsumerAwareRebalanceListener {

	private static final Logger log = LoggerFactory.getLogger(SeriesOwnership.class);

	private final String topic;

	private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

	private volatile int partitions;

	public SeriesOwnership(String topic) {
		this.topic = topic;
	}

	/** Whether the events of {@code key} ({@code pemda/opd}) are consumed here. */
	public boolean owns(String key) {
		return ownsKeyHash(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * Whether the series whose {@link #keyHash} is {@code keyHash} is exported here: those without
	 * a region always, the others while their key's partition is consumed here.
	 */
	public boolean ownsKeyHash(int keyHash) {
		int count = this.partitions;
		return keyHash < 0 || (count > 0 && this.owned.contains(keyHash % count));
	}

	/**
	 * The positive murmur2 hash of a series' key ({@code pemda/opd}, or {@code pemda} for a series
	 * of a region), from which Kafka's default partitioner takes the partition; -1 for a series
	 * without {@code pemda} (exported by every instance).
	 */
	public static int keyHash(Labels labels) {
		String pemda = labels.get("pemda");
		if (pemda == null) {
			return -1;
		}
		String opd = labels.get("opd");
		String key = (opd != null) ? pemda + "/" + opd : pemda;
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)));
	}

	/** The partition Kafka's default partitioner gives {@code key} among {@code partitions}. */
	public static int partitionOf(String key, int partitions) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
		assigned(assigned, () -> consumer.partitionsFor(this.topic).size());
	}

	/** {@code partitionCount}: the topic's partitions, asked only when some of them are assigned. */
	void assigned(Collection<TopicPartition> assigned, IntSupplier partitionCount) {
		boolean ours = false;
		for (TopicPartition partition : assigned) {
			if (partition.topic().equals(this.topic)) {
				this.owned.add(partition.partition());
				ours = true;
			}
		}
		if (ours) {
			this.partitions = partitionCount.getAsInt();
			log.info("Exporting the series of {} partitions {} of {}", this.topic, this.owned, this.partitions);
		}
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
		released(revoked);
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
		released(lost);
	}

	void released(Collection<TopicPartition> partitions) {
		for (TopicPartition partition : partitions) {
			if (partition.topic().equals(this.topic)) {
				this.owned.remove(partition.partition());
			}
		}
	}

}
