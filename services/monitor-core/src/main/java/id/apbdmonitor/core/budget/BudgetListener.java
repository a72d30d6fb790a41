package id.apbdmonitor.core.budget;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import id.apbdmonitor.core.indicator.SnapshotRefresher;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.BatchIngestors;
import id.apbdmonitor.core.ingest.IngestConfiguration;
import id.apbdmonitor.core.ingest.IngestProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code apbd.budget.v1}: every service keeps the budget lines of its category. */
@Component
class BudgetListener {

	static final String ID = "budget";

	private final BatchIngestor<BudgetLine> ingestor;

	BudgetListener(BatchIngestors ingestors, IngestProperties properties, BudgetLineParser parser, BudgetStore store,
			List<SnapshotRefresher> refreshers) {
		// a batch of budget lines refreshes the regions it holds lines of, not the whole country, on
		// the snapshots' refresh threads: the same hand-off as the event topic's commits
		List<Consumer<Set<String>>> refreshes = refreshers.stream().map(ingestors::refreshAfterCommit).toList();
		this.ingestor = ingestors.create(properties.budgetTopic(), new BudgetIngestHandler(parser, store,
				(regions) -> refreshes.forEach((refresh) -> refresh.accept(regions))));
	}

	@KafkaListener(id = ID, topics = "${apbd.ingest.budget-topic:apbd.budget.v1}",
			groupId = "${spring.application.name}", containerFactory = IngestConfiguration.CONTAINER_FACTORY)
	void onBatch(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
		this.ingestor.ingest(records);
	}

}
