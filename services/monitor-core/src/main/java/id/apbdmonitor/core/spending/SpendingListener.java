package id.apbdmonitor.core.spending;

import java.util.List;

import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.ingest.BatchIngestors;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.IngestProperties;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;
import id.apbdmonitor.core.ingest.TopicListener;

import org.springframework.stereotype.Component;

/** Consumes the service's spending topic ({@code apbd.ingest.topic}) into the spending ledger. */
@Component
class SpendingListener extends TopicListener<SpendingEvent> {

	private final SpendingParser parser;

	private final SpendingLedger ledger;

	SpendingListener(SpendingParser parser, SpendingLedger ledger, SpendingSnapshots snapshots,
			IngestProperties properties, BatchIngestors ingestors) {
		super(ingestors, properties, snapshots);
		this.parser = parser;
		this.ledger = ledger;
	}

	@Override
	public SpendingEvent parse(JsonFields json, IncomingRecord record) {
		return this.parser.parse(json);
	}

	@Override
	public byte[] row(SpendingEvent event, IncomingRecord record) {
		return SpendingLedger.encodedRow(event, record);
	}

	@Override
	public List<Outcome> write(List<Parsed<SpendingEvent>> batch) {
		return this.ledger.write(batch);
	}

}
