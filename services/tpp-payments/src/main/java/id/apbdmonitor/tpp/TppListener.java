package id.apbdmonitor.tpp;

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

/** Consumes {@code apbd.tpp.v1} into the TPP ledger through the core pipeline. */
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

	/** A stage is checked against the stage an OPD's month reached before. */
	@Override
	public Collection<String> references(TppEvent event) {
		return List.of("tpp:" + event.envelope().pemda() + "/" + event.envelope().fiscalYear() + "/"
				+ event.envelope().opd() + "/" + event.month());
	}

	@Override
	public List<Outcome> write(List<Parsed<TppEvent>> batch) {
		return this.ledger.write(batch);
	}

}
