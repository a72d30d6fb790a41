package id.apbdmonitor.core.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds the pipeline of a topic from the shared parts. */
@Component
public class BatchIngestors {

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final DeadLetterPublisher deadLetters;

	private final MeterRegistry registry;

	private final RejectionMemory memory;

	BatchIngestors(TransactionTemplate transaction, DeadLetterPublisher deadLetters, MeterRegistry registry,
			RejectionMemory memory) {
		this.memory = memory;
		this.json = JsonMapper.builder().build();
		this.transaction = transaction;
		this.deadLetters = deadLetters;
		this.registry = registry;
	}

	public <E> BatchIngestor<E> create(String topic, IngestHandler<E> handler) {
		return new BatchIngestor<>(handler, this.json, this.transaction, this.deadLetters,
				new IngestMetrics(this.registry, topic), this.memory);
	}

}
