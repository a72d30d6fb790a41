package id.apbdmonitor.core.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The series an instance exports are those of the partitions it consumes. */
class SeriesOwnershipTests {

	@Test
	void shouldPutAKeyInThePartitionTheProducersPartitionerChooses() {
		for (String pemda : List.of("52.72", "34.04", "91.71", "11")) {
			for (String opd : List.of("DINKES", "PUPR", "KEC-RASANAE-BARAT", "BAPENDA", "X")) {
				String key = pemda + "/" + opd;
				for (int partitions : new int[] { 1, 3, 12, 48 }) {
					assertThat(SeriesOwnership.partitionOf(key, partitions)).as(key)
						.isEqualTo(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
				}
			}
		}
	}

	@Test
	void shouldOwnTheKeysOfAssignedPartitionsOfItsTopicOnly() {
		SeriesOwnership ownership = new SeriesOwnership("events");
		String key = "52.72/DINKES";
		int partition = SeriesOwnership.partitionOf(key, 3);
		assertThat(ownership.owns(key)).as("nothing assigned yet").isFalse();

		ownership.assigned(List.of(new TopicPartition("budget", partition)), () -> 3);
		assertThat(ownership.owns(key)).as("another topic's partition").isFalse();

		ownership.assigned(List.of(new TopicPartition("events", partition)), () -> 3);
		assertThat(ownership.owns(key)).isTrue();
		assertThat(ownership.owns(otherKey(partition))).isFalse();

		ownership.released(List.of(new TopicPartition("events", partition)));
		assertThat(ownership.owns(key)).isFalse();
		ownership.assigned(List.of(new TopicPartition("events", partition)), () -> 3);
		ownership.released(List.of(new TopicPartition("events", partition)));
		assertThat(ownership.owns(key)).isFalse();
	}

	/** A key of another partition among three. */
	private static String otherKey(int partition) {
		for (String opd : Map.of("A", 1, "B", 2, "C", 3, "D", 4, "E", 5, "F", 6).keySet()) {
			if (SeriesOwnership.partitionOf("52.72/" + opd, 3) != partition) {
				return "52.72/" + opd;
			}
		}
		throw new IllegalStateException("no key outside partition " + partition);
	}

}
