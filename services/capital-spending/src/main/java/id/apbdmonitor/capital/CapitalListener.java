package id.apbdmonitor.capital;

import java.util.Collection;
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
	public byte[] row(CapitalEvent event, IncomingRecord record) {
		return CapitalLedger.encodedRow(event, record);
	}

	/**
	 * None: an event's contract and the payment a reversal takes back are resolved by the ledger
	 * against the earlier records of the same run, so a poll is not cut at every contract's second
	 * event (the eventId alone still cuts, for a record sent twice in one poll).
	 */
	@Override
	public Collection<String> references(CapitalEvent event) {
		return List.of();
	}

	@Override
	public List<Outcome> write(List<Parsed<CapitalEvent>> batch) {
		return this.ledger.write(batch);
	}

}
