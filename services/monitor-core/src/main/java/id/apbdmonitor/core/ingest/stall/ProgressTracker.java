package id.apbdmonitor.core.ingest.stall;

import java.util.HashMap;
import java.util.Map;

/**
 * The progress of one topic's consumer group, from successive observations of each partition's
 * committed and end offsets. A partition is progressing when its committed offset moved since
 * the last observation or nothing is waiting in it; the topic's progress time is the oldest
 * progress time of its partitions, so one stuck partition is enough to show a stall.
 */
final class ProgressTracker {

	private final Map<Integer, Partition> partitions = new HashMap<>();

	private long progressMillis;

	private long lag;

	ProgressTracker(long startedMillis) {
		this.progressMillis = startedMillis;
	}

	/**
	 * Records one observation at {@code nowMillis}: per partition, the group's committed offset
	 * (the first offset still to store) and the offset the next record would get.
	 */
	synchronized void observe(Map<Integer, Long> committed, Map<Integer, Long> end, long nowMillis) {
		this.partitions.keySet().retainAll(end.keySet());
		long oldest = nowMillis;
		long waiting = 0;
		for (Map.Entry<Integer, Long> each : end.entrySet()) {
			long position = committed.getOrDefault(each.getKey(), each.getValue());
			long behind = Math.max(0, each.getValue() - position);
			// a partition first seen already behind counts from start-up, not from now
			Partition partition = this.partitions.computeIfAbsent(each.getKey(),
					(key) -> new Partition(position, this.progressMillis));
			if (behind == 0 || position != partition.committed) {
				partition.progressMillis = nowMillis;
			}
			partition.committed = position;
			oldest = Math.min(oldest, partition.progressMillis);
			waiting += behind;
		}
		this.progressMillis = oldest;
		this.lag = waiting;
	}

	/** Unix time in ms up to which every partition was progressing or caught up. */
	synchronized long progressMillis() {
		return this.progressMillis;
	}

	/** Records after the committed offsets, summed over the partitions, at the last observation. */
	synchronized long lag() {
		return this.lag;
	}

	private static final class Partition {

		long committed;

		long progressMillis;

		Partition(long committed, long progressMillis) {
			this.committed = committed;
			this.progressMillis = progressMillis;
		}

	}

}
