package id.apbdmonitor.core.ingest;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import id.apbdmonitor.core.event.Enveloped;
import id.apbdmonitor.core.indicator.SnapshotRefresher;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The consumer of a service's event topic ({@code apbd.ingest.topic}): every feature extends it
 * with how to parse its events and store a batch; the listener wiring, the pipeline and the
 * snapshot refresh after each commit are the same everywhere. A poll is parsed on the consumer
 * thread and stored by the consumer's writer while the next poll is parsed ({@link WriteBehind});
 * the snapshot is refreshed after each commit on a thread of its own ({@link CoalescedRefresh}).
 */
public abstract class TopicListener<E extends Enveloped> implements IngestHandler<E> {

	/** The listener container id, e.g. to stop and start it in a test. */
	public static final String ID = "events";

	private final BatchIngestor<E> ingestor;

	private final Consumer<Set<String>> refresh;

	private final WriteBehind writeBehind;

	protected TopicListener(BatchIngestors ingestors, IngestProperties properties, SnapshotRefresher snapshots) {
		this.ingestor = ingestors.create(properties.topic(), this);
		this.writeBehind = ingestors.writeBehind();
		this.refresh = ingestors.refreshAfterCommit(snapshots);
	}

	@KafkaListener(id = ID, topics = "${apbd.ingest.topic}", groupId = "${spring.application.name}",
			containerFactory = IngestConfiguration.EVENT_CONTAINER_FACTORY)
	public void onBatch(List<ConsumerRecord<byte[], byte[]>> records, Acknowledgment acknowledgment,
			org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) throws Exception {
		this.writeBehind.submit(consumer, records, acknowledgment, () -> {
			ParsedPoll<E> poll = this.ingestor.parse(records);
			return () -> this.ingestor.store(poll);
		});
	}

	@Override
	public void afterCommit(Set<String> regions) {
		this.refresh.accept(regions);
	}

}
