package id.apbdmonitor.core.ingest;

import id.apbdmonitor.core.event.Enveloped;
import id.apbdmonitor.core.event.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds the pipeline of a topic from the shared parts. */
@Component
public class BatchIngestors {

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private final DeadLetterPublisher deadLetters;

	private final MeterRegistry registry;

	private final RejectionMemory memory;

	private final WriteBehind writeBehind;

	BatchIngestors(TransactionTemplate transaction, JdbcTemplate jdbc, DeadLetterPublisher deadLetters,
			MeterRegistry registry, RejectionMemory memory, WriteBehind writeBehind) {
		this.memory = memory;
		this.writeBehind = writeBehind;
		this.json = EventJson.MAPPER;
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.deadLetters = deadLetters;
		this.registry = registry;
	}

	/** The writers of the event topic's consumers, shared by its listener and its container. */
	public WriteBehind writeBehind() {
		return this.writeBehind;
	}

	public <E extends Enveloped> BatchIngestor<E> create(String topic, IngestHandler<E> handler) {
		return new BatchIngestor<>(handler, this.json, this.transaction, this.jdbc, this.deadLetters,
				new IngestMetrics(this.registry, topic), this.memory);
	}

}
