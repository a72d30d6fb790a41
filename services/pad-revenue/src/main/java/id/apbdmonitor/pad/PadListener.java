package id.apbdmonitor.pad;

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
 * Consumes {@code apbd.pad.v1} ({@code apbd.ingest.topic}) into the PAD ledger. No references: the
 * ledger checks a reversal against its receipt and the receipt's reversals accepted earlier in the
 * same run, so a receipt and its reversals do not cut the poll into runs.
 */
@Component
class PadListener extends TopicListener<PadEvent> {

	private final PadParser parser;

	private final PadLedger ledger;

	PadListener(PadParser parser, PadLedger ledger, PadSnapshots snapshots, IngestProperties properties,
			BatchIngestors ingestors) {
		super(ingestors, properties, snapshots);
		this.parser = parser;
		this.ledger = ledger;
	}

	@Override
	public PadEvent parse(JsonFields json, IncomingRecord record) {
		return this.parser.parse(json);
	}

	@Override
	public byte[] row(PadEvent event, IncomingRecord record) {
		return PadLedger.encodedRow(event, record);
	}

	@Override
	public List<Outcome> write(List<Parsed<PadEvent>> batch) {
		return this.ledger.write(batch);
	}

}
