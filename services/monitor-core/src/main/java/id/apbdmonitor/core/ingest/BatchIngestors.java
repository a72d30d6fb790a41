package id.apbdmonitor.core.ingest;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import id.apbdmonitor.core.event.Enveloped;
import id.apbdmonitor.core.event.EventJson;
import id.apbdmonitor.core.indicator.SnapshotRefresher;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/** Builds the pipeline of a topic from the shared parts. */
@Component
public class BatchIngestors implements DisposableBean {

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private final DeadLetterPublisher deadLetters;

	private final MeterRegistry registry;

	private final RejectionMemory memory;

	private final WriteBehind writeBehind;

	private final Map<SnapshotRefresher, CoalescedRefresh> refreshes = new ConcurrentHashMap<>();

	BatchIngestors(TransactionTemplate transaction, JdbcTemplate jdbc, DeadLetterPublisher deadLetters,
			MeterRegistry registry, RejectionMemory memory, WriteBehind writeBehind) {
		this.memory = memory;
		this.writeBehind = writeBehind;
		this.json = EventJson.MAPPER;
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.deadLetters = deadLetters;
		this.registry = registry;
	}

	/** The writers of the event topic's consumers, shared by its listener and its container. */
	public WriteBehind writeBehind() {
		return this.writeBehind;
	}

	/**
	 * What a handler's {@link IngestHandler#afterCommit} calls to have the snapshot refreshed for
	 * the regions of a commit: a hand-off to the snapshot's own refresh thread, the same one for
	 * every topic that commits rows it reads (the event topic and the budget topic).
	 */
	public Consumer<Set<String>> refreshAfterCommit(SnapshotRefresher snapshots) {
		return this.refreshes.computeIfAbsent(snapshots,
				(each) -> new CoalescedRefresh(each, "refresh-" + ClassUtils.getUserClass(each).getSimpleName()))::afterCommit;
	}

	public <E extends Enveloped> BatchIngestor<E> create(String topic, IngestHandler<E> handler) {
		return new BatchIngestor<>(handler, this.json, this.transaction, this.jdbc, this.deadLetters,
				new IngestMetrics(this.registry, topic), this.memory);
	}

	/** Called after the listener containers stopped: a refresh under way finishes, no other starts. */
	@Override
	public void destroy() {
		this.refreshes.values().forEach(CoalescedRefresh::close);
	}

}
