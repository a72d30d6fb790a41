package id.apbdmonitor.up;

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

import org.springframework.stereotype.Component;

/** Consumes {@code apbd.up.v1} into the UP ledger through the core pipeline. */
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

	/** A TU accounting or return is checked against its TU and what settled it before. */
	@Override
	public Collection<String> references(UpEvent event) {
		return (event.tu() != null) ? List.of(IngestHandler.eventKey(event.tu())) : List.of();
	}

	@Override
	public List<Outcome> write(List<Parsed<UpEvent>> batch) {
		return this.ledger.write(batch);
	}

}
