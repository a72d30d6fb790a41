package id.apbdmonitor.bench;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * The arithmetic of a consumer group's progress through a topic: what it has committed beyond
 * each partition's start, and what is left before the end.
 */
final class Offsets {

	private Offsets() {
	}

	/**
	 * Records of the topic the group has committed: over the partitions of {@code start}, the
	 * committed offset less the partition's start offset; a partition without a committed
	 * offset (the group has not joined yet, or not committed it) counts 0.
	 */
	static long consumed(Map<TopicPartition, Long> start, Map<TopicPartition, Long> committed) {
		long consumed = 0;
		for (var partition : start.entrySet()) {
			Long offset = committed.get(partition.getKey());
			if (offset != null) {
				consumed += Math.max(0, offset - partition.getValue());
			}
		}
		return consumed;
	}

	/** Records of the topic between the group's committed offsets (or the start) and the end. */
	static long lag(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end,
			Map<TopicPartition, Long> committed) {
		long lag = 0;
		for (var partition : end.entrySet()) {
			long from = committed.getOrDefault(partition.getKey(), start.getOrDefault(partition.getKey(), 0L));
			lag += Math.max(0, partition.getValue() - from);
		}
		return lag;
	}

	/**
	 * The share of the records between {@code start} and {@code end} that the busiest partition
	 * holds (0 for none). A partition is drained by one consumer thread, so a drain's last tenth
	 * is mostly that partition alone when its share is well above one partition's.
	 */
	static double busiestShare(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
		long total = 0;
		long busiest = 0;
		for (var partition : end.entrySet()) {
			long records = Math.max(0, partition.getValue() - start.getOrDefault(partition.getKey(), 0L));
			total += records;
			busiest = Math.max(busiest, records);
		}
		return (total == 0) ? 0 : (double) busiest / total;
	}

}
