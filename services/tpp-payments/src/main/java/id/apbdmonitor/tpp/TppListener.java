package id.apbdmonitor.tpp;

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
 * Consumes {@code apbd.tpp.v1} into the TPP ledger through the core pipeline. No references: the
 * ledger checks the stages of one OPD's month that share a run against each other, so they do not
 * cut the poll into runs.
 */
@Component
class TppListener extends TopicListener<TppEvent> {

	private final TppParser parser;

	private final TppLedger ledger;

	TppListener(TppParser parser, TppLedger ledger, TppSnapshots snapshots, IngestProperties properties,
			BatchIngestors ingestors) {
		super(ingestors, properties, snapshots);
		this.parser = parser;
		this.ledger = ledger;
	}

	@Override
	public TppEvent parse(JsonFields json, IncomingRecord record) {
		return this.parser.parse(json);
	}

	@Override
	public byte[] row(TppEvent event, IncomingRecord record) {
		return TppLedger.encodedRow(event, record);
	}

	@Override
	public List<Outcome> write(List<Parsed<TppEvent>> batch) {
		return this.ledger.write(batch);
	}

}
