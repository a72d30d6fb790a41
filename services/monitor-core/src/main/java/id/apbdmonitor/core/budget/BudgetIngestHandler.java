package id.apbdmonitor.core.budget;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.ingest.IncomingRecord;
import id.apbdmonitor.core.ingest.IngestHandler;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

/** Plugs budget lines into the pipeline; lines of other categories are counted as ignored. */
class BudgetIngestHandler implements IngestHandler<BudgetLine> {

	private final BudgetLineParser parser;

	private final BudgetStore store;

	private final Consumer<Set<String>> afterCommit;

	BudgetIngestHandler(BudgetLineParser parser, BudgetStore store, Consumer<Set<String>> afterCommit) {
		this.parser = parser;
		this.store = store;
		this.afterCommit = afterCommit;
	}

	@Override
	public BudgetLine parse(JsonFields json, IncomingRecord record) {
		return this.parser.parse(json);
	}

	/** Revisions of one line are compared with the one in force: one per write. */
	@Override
	public Collection<String> references(BudgetLine line) {
		return List.of("line:" + line.lineId());
	}

	@Override
	public List<Outcome> write(List<Parsed<BudgetLine>> batch) {
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (Parsed<BudgetLine> parsed : batch) {
			outcomes.add((parsed.event().category() == null) ? Outcome.IGNORED
					: this.store.store(parsed.event(), parsed.record()));
		}
		return outcomes;
	}

	@Override
	public void afterCommit(Set<String> regions) {
		this.afterCommit.accept(regions);
	}

}
