package id.apbdmonitor.up;

import java.util.List;

import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.ingest.BatchIngestors;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.IngestProperties;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;
import id.apbdmonitor.core.ingest.TopicListener;

import org.springframework.stereotype.Component;

/**
 * Consumes {@code apbd.up.v1} into the UP ledger through the core pipeline. No event references
 * a key the pipeline must cut its runs on: the ledger checks a TU settlement against a TU of the
 * same run itself.
 */
@Component
class UpListener extends TopicListener<UpEvent> {

	private final UpParser parser;

	private final UpLedger ledger;

	UpListener(UpParser parser, UpLedger ledger, UpSnapshots snapshots, IngestProperties properties,
			BatchIngestors ingestors) {
		super(ingestors, properties, snapshots);
		this.parser = parser;
		this.ledger = ledger;
	}

	@Override
	public UpEvent parse(JsonFields json, IncomingRecord record) {
		return this.parser.parse(json);
	}

	@Override
	public byte[] row(UpEvent event, IncomingRecord record) {
		return UpLedger.encodedRow(event, record);
	}

	@Override
	public List<Outcome> write(List<Parsed<UpEvent>> batch) {
		return this.ledger.write(batch);
	}

}
