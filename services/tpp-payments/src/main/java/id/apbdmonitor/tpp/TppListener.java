package id.apbdmonitor.tpp;

import java.util.List;

import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.BatchIngestors;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.IngestConfiguration;
import id.apbdmonitor.core.ingest.IngestHandler;
import id.apbdmonitor.core.ingest.IngestProperties;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code apbd.tpp.v1} into the TPP ledger through the core pipeline. */
@Component
class TppListener implements IngestHandler<TppEvent> {

	static final String ID = "tpp";

	private final TppParser parser;

	private final TppLedger ledger;

	private final TppSnapshots snapshots;

	private final BatchIngestor<TppEvent> ingestor;

	TppListener(TppParser parser, TppLedger ledger, TppSnapshots snapshots, IngestProperties properties,
			BatchIngestors ingestors) {
		this.parser = parser;
		this.ledger = ledger;
		this.snapshots = snapshots;
		this.ingestor = ingestors.create(properties.topic(), this);
	}

	@KafkaListener(id = ID, topics = "${apbd.ingest.topic}", groupId = "${spring.application.name}",
			containerFactory = IngestConfiguration.CONTAINER_FACTORY)
	void onBatch(List<ConsumerRecord<String, byte[]>> records) throws Exception {
		this.ingestor.ingest(records);
	}

	@Override
	public TppEvent parse(JsonFields json, IncomingRecord record) {
		return this.parser.parse(json);
	}

	@Override
	public List<Outcome> write(List<Parsed<TppEvent>> batch) {
		return this.ledger.write(batch);
	}

	@Override
	public void afterCommit() {
		this.snapshots.refresh();
	}

}
