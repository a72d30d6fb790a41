package id.apbdmonitor.core.spending;

import java.util.Collection;
import java.util.List;

import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.ingest.BatchIngestors;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.IngestHandler;
import id.apbdmonitor.core.ingest.IngestProperties;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;
import id.apbdmonitor.core.ingest.TopicListener;
import id.apbdmonitor.core.region.CategoryProperties;

import org.springframework.stereotype.Component;

/** Consumes the service's spending topic ({@code apbd.ingest.topic}) into the spending ledger. */
@Component
class SpendingListener extends TopicListener<SpendingEvent> {

	private final SpendingParser parser;

	private final SpendingLedger ledger;

	private final String category;

	SpendingListener(SpendingParser parser, SpendingLedger ledger, SpendingSnapshots snapshots,
			CategoryProperties category, IngestProperties properties, BatchIngestors ingestors) {
		super(ingestors, properties, snapshots);
		this.parser = parser;
		this.ledger = ledger;
		this.category = category.name();
	}

	@Override
	public SpendingEvent parse(JsonFields json, IncomingRecord record) {
		return this.parser.parse(json);
	}

	/** A reversal reads its original and what reversed it before: one per write. */
	@Override
	public Collection<String> references(SpendingEvent event) {
		return event.isReversal() ? List.of(IngestHandler.eventKey(event.reverses())) : List.of();
	}

	@Override
	public List<Outcome> write(List<Parsed<SpendingEvent>> batch) {
		return this.ledger.write(batch, this.category);
	}

}
