package id.apbdmonitor.capital;

import java.util.List;

import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.ingest.BatchIngestors;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.IngestProperties;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;
import id.apbdmonitor.core.ingest.TopicListener;

import org.springframework.stereotype.Component;

/** Consumes {@code apbd.capital.v1} ({@code apbd.ingest.topic}) into the capital ledger. */
@Component
class CapitalListener extends TopicListener<CapitalEvent> {

	private final CapitalParser parser;

	private final CapitalLedger ledger;

	CapitalListener(CapitalParser parser, CapitalLedger ledger, CapitalSnapshots snapshots,
			IngestProperties properties, BatchIngestors ingestors) {
		super(ingestors, properties, snapshots);
		this.parser = parser;
		this.ledger = ledger;
	}

	@Override
	public CapitalEvent parse(JsonFields json, IncomingRecord record) {
		return this.parser.parse(json);
	}

	@Override
	public List<Outcome> write(List<Parsed<CapitalEvent>> batch) {
		return this.ledger.write(batch);
	}

}
