package id.apbdmonitor.core.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.event.RejectedException;
import id.apbdmonitor.core.event.Rejection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest pipeline of one topic (DESIGN §4): parse and check every record, store the valid
 * ones in one transaction, dead-letter the rest, then count and refresh. Any exception that
 * leaves {@link #ingest} is transient (database or broker down): the container's error handler
 * retries the whole batch with back-off while the consumer is paused, and offsets stay
 * uncommitted, so nothing is lost and the ledger's idempotency absorbs the replay.
 */
public class BatchIngestor<E> {

	private static final Logger log = LoggerFactory.getLogger(BatchIngestor.class);

	private final IngestHandler<E> handler;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final DeadLetterPublisher deadLetters;

	private final IngestMetrics metrics;

	public BatchIngestor(IngestHandler<E> handler, JsonMapper json, TransactionTemplate transaction,
			DeadLetterPublisher deadLetters, IngestMetrics metrics) {
		this.handler = handler;
		this.json = json;
		this.transaction = transaction;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
	}

	public void ingest(List<ConsumerRecord<String, byte[]>> records) throws Exception {
		long started = System.nanoTime();
		List<Parsed<E>> valid = new ArrayList<>(records.size());
		List<DeadLetterPublisher.Rejected> rejected = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> consumerRecord : records) {
			IncomingRecord record = incoming(consumerRecord);
			try {
				valid.add(new Parsed<>(record, this.handler.parse(fieldsOf(record), record)));
			}
			catch (RejectedException ex) {
				rejected.add(new DeadLetterPublisher.Rejected(record, ex.rejection()));
			}
		}
		long parsed = System.nanoTime();
		List<Outcome> outcomes = valid.isEmpty() ? List.of() : this.transaction.execute(status -> this.handler.write(valid));
		long written = System.nanoTime();
		for (int i = 0; i < valid.size(); i++) {
			Outcome outcome = outcomes.get(i);
			if (outcome.kind() == Outcome.Kind.REJECTED) {
				rejected.add(new DeadLetterPublisher.Rejected(valid.get(i).record(), outcome.rejection()));
			}
		}
		if (!rejected.isEmpty()) {
			this.deadLetters.publish(rejected);
		}
		long now = System.currentTimeMillis();
		for (int i = 0; i < valid.size(); i++) {
			if (outcomes.get(i).kind() != Outcome.Kind.REJECTED) {
				this.metrics.count(outcomes.get(i));
				this.metrics.committed(valid.get(i).record(), now);
			}
		}
		for (DeadLetterPublisher.Rejected each : rejected) {
			this.metrics.count(Outcome.rejected(each.rejection()));
			log.warn("Rejected {} ({}): {} {}", each.record().position(), describe(each.record()),
					each.rejection().reason(), each.rejection().detail());
		}
		this.metrics.deadLettered(rejected.size());
		long committed = System.nanoTime();
		try {
			this.handler.afterCommit();
		}
		catch (RuntimeException ex) {
			// the batch is safely stored; the timer refresh will catch the snapshot up
			log.warn("Snapshot refresh after commit failed: {}", ex.toString());
		}
		if (log.isDebugEnabled()) {
			log.debug("Batch of {} records: {} valid, {} rejected; parsed in {} ms, stored in {} ms, counted in {} ms, "
					+ "snapshot in {} ms", records.size(), valid.size(), rejected.size(), millis(started, parsed),
					millis(parsed, written), millis(written, committed), millis(committed, System.nanoTime()));
		}
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

	private JsonFields fieldsOf(IncomingRecord record) {
		if (record.value() == null) {
			throw RejectedException.of(Reason.MALFORMED_JSON, "", "", "the record has no value (tombstone)");
		}
		JsonNode node;
		try {
			node = this.json.readTree(record.value());
		}
		catch (JacksonException ex) {
			throw RejectedException.of(Reason.MALFORMED_JSON, "", preview(record),
					"the value is not valid JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw RejectedException.of(Reason.MALFORMED_JSON, "", preview(record), "the value is not a JSON object");
		}
		return new JsonFields(node);
	}

	/** Names the OPD and document of a rejected record for the log, as far as they can be read. */
	private String describe(IncomingRecord record) {
		try {
			JsonNode node = this.json.readTree(record.value());
			return "opd " + node.path("opd").asString("?") + ", " + node.path("document").path("kind").asString("?")
					+ " " + node.path("document").path("number").asString("?") + ", event "
					+ node.path("eventId").asString("?");
		}
		catch (RuntimeException ex) {
			return "key " + record.key();
		}
	}

	private static String preview(IncomingRecord record) {
		return new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
	}

	private static IncomingRecord incoming(ConsumerRecord<String, byte[]> record) {
		return new IncomingRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
				record.key(), record.value(), id.apbdmonitor.core.event.CanonicalJson.sha256(record.value()));
	}

	private static byte[] sha256(byte[] value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest((value != null) ? value : new byte[0]);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Rejection of a whole record, for handlers that detect it in the database stage. */
	public static Outcome reject(Reason reason, String field, Object value, String detail) {
		return Outcome.rejected(Rejection.of(reason, field, value, detail));
	}

}
