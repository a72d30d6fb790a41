package id.apbdmonitor.capital;

import java.util.ArrayList;
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

	/** Events are checked against their contract (signature, progress, payments) or the payment they reverse. */
	@Override
	public Collection<String> references(CapitalEvent event) {
		List<String> keys = new ArrayList<>(2);
		if (event.contractId() != null) {
			keys.add("contract:" + event.contractId());
		}
		if (event.reverses() != null) {
			keys.add(IngestHandler.eventKey(event.reverses()));
		}
		return keys;
	}

	@Override
	public List<Outcome> write(List<Parsed<CapitalEvent>> batch) {
		return this.ledger.write(batch);
	}

}
