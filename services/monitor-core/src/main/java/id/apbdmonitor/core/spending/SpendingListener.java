package id.apbdmonitor.core.spending;

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
import id.apbdmonitor.core.region.CategoryProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes the service's spending topic ({@code apbd.ingest.topic}) into the spending ledger. */
@Component
class SpendingListener implements IngestHandler<SpendingEvent> {

	static final String ID = "spending";

	private final SpendingParser parser;

	private final SpendingLedger ledger;

	private final SpendingSnapshots snapshots;

	private final String category;

	private final BatchIngestor<SpendingEvent> ingestor;

	SpendingListener(SpendingParser parser, SpendingLedger ledger, SpendingSnapshots snapshots,
			CategoryProperties category, IngestProperties properties, BatchIngestors ingestors) {
		this.parser = parser;
		this.ledger = ledger;
		this.snapshots = snapshots;
		this.category = category.name();
		this.ingestor = ingestors.create(properties.topic(), this);
	}

	@KafkaListener(id = ID, topics = "${apbd.ingest.topic}", groupId = "${spring.application.name}",
			containerFactory = IngestConfiguration.CONTAINER_FACTORY)
	void onBatch(List<ConsumerRecord<String, byte[]>> records) throws Exception {
		this.ingestor.ingest(records);
	}

	@Override
	public SpendingEvent parse(JsonFields json, IncomingRecord record) {
		return this.parser.parse(json);
	}

	@Override
	public List<Outcome> write(List<Parsed<SpendingEvent>> batch) {
		return this.ledger.write(batch, this.category);
	}

	@Override
	public void afterCommit() {
		this.snapshots.refresh();
	}

}
