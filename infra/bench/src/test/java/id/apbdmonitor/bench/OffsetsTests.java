package id.apbdmonitor.bench;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OffsetsTests {

	private static final TopicPartition P0 = new TopicPartition("bench.goods-100000", 0);

	private static final TopicPartition P1 = new TopicPartition("bench.goods-100000", 1);

	private static final TopicPartition P2 = new TopicPartition("bench.goods-100000", 2);

	// partition 1 lost its first 40 records to retention: it starts at 40
	private final Map<TopicPartition, Long> start = Map.of(P0, 0L, P1, 40L, P2, 0L);

	private final Map<TopicPartition, Long> end = Map.of(P0, 300L, P1, 340L, P2, 300L);

	@Test
	void aGroupThatHasNotCommittedHasConsumedNothing() {
		assertThat(Offsets.consumed(this.start, Map.of())).isZero();
		// 300 + (340 - 40) + 300
		assertThat(Offsets.lag(this.start, this.end, Map.of())).isEqualTo(900);
	}

	@Test
	void countsCommittedRecordsBeyondEachPartitionsStart() {
		// partition 0 to 120, partition 1 to 100 (60 beyond its start at 40), partition 2 not yet
		Map<TopicPartition, Long> committed = Map.of(P0, 120L, P1, 100L);
		assertThat(Offsets.consumed(this.start, committed)).isEqualTo(120 + 60);
		// (300 - 120) + (340 - 100) + (300 - 0)
		assertThat(Offsets.lag(this.start, this.end, committed)).isEqualTo(180 + 240 + 300);
	}

	@Test
	void aDrainedTopicHasNoLag() {
		assertThat(Offsets.consumed(this.start, this.end)).isEqualTo(900);
		assertThat(Offsets.lag(this.start, this.end, this.end)).isZero();
	}

	@Test
	void theBusiestPartitionsShareCountsFromEachPartitionsStart() {
		// 300, 300 (340 - 40) and 300: a third each
		assertThat(Offsets.busiestShare(this.start, this.end)).isEqualTo(1 / 3.0);
		// PAD's simulated year: 966, 181 and 241 receipts
		Map<TopicPartition, Long> pad = Map.of(P0, 966L, P1, 181L, P2, 241L);
		assertThat(Offsets.busiestShare(Map.of(), pad)).isEqualTo(966 / 1388.0);
		assertThat(Offsets.busiestShare(this.start, this.start)).isZero();
	}

}
