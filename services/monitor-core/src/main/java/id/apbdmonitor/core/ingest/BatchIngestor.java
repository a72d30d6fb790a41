package id.apbdmonitor.core.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.apbdmonitor.core.event.CanonicalJson;
import id.apbdmonitor.core.event.Enveloped;
import id.apbdmonitor.core.event.EventJson;
import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.event.LogSafe;
import id.apbdmonitor.core.event.PlainJson;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.event.RejectedException;
import id.apbdmonitor.core.event.Rejection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest pipeline of one topic (DESIGN §4): parse and check every record, store the valid
 * ones in one transaction, dead-letter the rest, then count and refresh.
 * <p>
 * The valid records are cut into consecutive runs in which no two records share a key (their
 * eventId or what they {@link IngestHandler#references reference}); each run is one batch write
 * in its own savepoint, so a batch has exactly the outcome of processing its records one at a
 * time in offset order, whatever the poll size. A run the database refuses for a reason of the
 * data (SQLState class 22 or 23, see {@link Failures}) is rolled back to its savepoint and
 * bisected down to the records that cause it; those are dead-lettered {@code UNSTORABLE_VALUE}
 * with the database's message and the rest commits. Dead letters are published inside the
 * transaction and the meters counted after its commit, so a failure anywhere before the commit
 * leaves neither stored nor counted records behind, and the retry counts each record once.
 * Any other exception that leaves {@link #store} is transient (database or broker down): the
 * event topic's writer stores the poll again with back-off ({@link WriteBehind}); for the budget
 * topic the container's error handler retries the whole batch while the consumer is paused.
 */
public class BatchIngestor<E extends Enveloped> {

	private static final Logger log = LoggerFactory.getLogger(BatchIngestor.class);

	private static final int MAX_DATABASE_MESSAGE = 300;

	/** How PostgreSQL plans the statements of every ingest transaction, set at its start (the comment in {@code storeAndRefresh} says why). */
	public static final String TRANSACTION_SETTINGS = "set local plan_cache_mode = force_generic_plan; "
			+ "set local max_parallel_workers_per_gather = 0";

	private static final char NUL = 0;

	private static final String EVENT_KEY_PREFIX = IngestHandler.eventKey("");

	/** Enough bytes of a malformed value for the 200 characters of {@code apbd-value}. */
	private static final int PREVIEW_BYTES = 800;

	private final IngestHandler<E> handler;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final TransactionTemplate savepoint;

	private final JdbcTemplate jdbc;

	private final DeadLetterPublisher deadLetters;

	private final IngestMetrics metrics;

	private final RejectionMemory memory;

	public BatchIngestor(IngestHandler<E> handler, JsonMapper json, TransactionTemplate transaction, JdbcTemplate jdbc,
			DeadLetterPublisher deadLetters, IngestMetrics metrics, RejectionMemory memory) {
		this.jdbc = jdbc;
		this.handler = handler;
		this.memory = memory;
		this.json = json;
		this.transaction = transaction;
		this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.deadLetters = deadLetters;
		this.metrics = metrics;
	}

	/** Parses and stores one poll on the calling thread. */
	public void ingest(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
		store(parse(records));
	}

	/**
	 * The database-free half of a poll: every record parsed and checked, its payload hashed. It
	 * reads no state that {@link #store} writes, so a consumer can parse its next poll while the
	 * previous one is stored ({@link WriteBehind}).
	 */
	public ParsedPoll<E> parse(List<ConsumerRecord<byte[], byte[]>> records) {
		long started = System.nanoTime();
		long cpu = IngestMetrics.threadCpuNanos();
		List<Parsed<E>> valid = new ArrayList<>(records.size());
		List<String> eventIds = new ArrayList<>(records.size());
		Set<String> regions = new HashSet<>();
		List<DeadLetterPublisher.Rejected> rejected = new ArrayList<>();
		for (ConsumerRecord<byte[], byte[]> consumerRecord : records) {
			// one parse per record: the payload identity is hashed from the same tree the checks read
			byte[] value = consumerRecord.value();
			JsonNode tree = null;
			RejectedException malformed = null;
			try {
				tree = treeOf(value);
			}
			catch (RejectedException ex) {
				malformed = ex;
			}
			CanonicalJson.Identity identity = (tree != null) ? CanonicalJson.identify(tree, value) : null;
			IncomingRecord record = incoming(consumerRecord,
					(identity != null) ? identity.sha256() : CanonicalJson.sha256OfBytes(value));
			try {
				if (malformed != null) {
					throw malformed;
				}
				JsonNode node = objectOf(tree, value);
				E event = this.handler.parse(new JsonFields(node), record);
				if (identity.holdsNul()) {
					refuseNul(node);
				}
				valid.add(new Parsed<>(record, event, row(event, record)));
				eventIds.add(event.envelope().eventId());
				regions.add(event.envelope().pemda());
			}
			catch (RejectedException ex) {
				rejected.add(new DeadLetterPublisher.Rejected(record, ex.rejection()));
			}
		}
		// cut here rather than by the writer: the writer and its database are the pipeline's slower
		// stage, and the runs' hashing of every id was a sixth of its thread (issue 11)
		List<List<Integer>> runs = runs(valid, eventIds);
		this.metrics.parsed(cpu);
		return new ParsedPoll<>(records.size(), valid, eventIds, runs, regions, rejected, System.nanoTime() - started);
	}

	/** The handler's encoded row; null, so that the writer encodes it, if encoding fails here. */
	private byte[] row(E event, IncomingRecord record) {
		try {
			return this.handler.row(event, record);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Stores a parsed poll in one transaction, dead-letters its rejections, then counts and
	 * refreshes. Any exception that leaves here is transient and the poll can be stored again.
	 */
	public void store(ParsedPoll<E> poll) throws Exception {
		long cpu = IngestMetrics.threadCpuNanos();
		try {
			storeAndRefresh(poll);
		}
		finally {
			// a store that failed and will be retried cost CPU too
			this.metrics.stored(cpu);
		}
	}

	private void storeAndRefresh(ParsedPoll<E> poll) throws Exception {
		long storing = System.nanoTime();
		List<Parsed<E>> valid = poll.valid();
		List<String> eventIds = poll.eventIds();
		Set<String> regions = poll.regions();
		Outcome[] outcomes = new Outcome[valid.size()];
		List<DeadLetterPublisher.Rejected> rejected = poll.rejected();
		List<DeadLetterPublisher.Rejected> deadLetters = new ArrayList<>(rejected);
		this.transaction.executeWithoutResult(status -> {
			// PostgreSQL checks a reference into a partitioned ledger (a reversal's original, a
			// contract's or TU's event) with a query it plans anew for every row: its plan cache
			// keeps choosing a plan pruned to the row's partition, about 0.2 ms with two partition
			// levels, over one that prunes when it runs. 100 contracts took 21 ms, 6 ms generic.
			// A generic plan is costed over every partition, so it can look big enough for parallel
			// workers: tpp-payments' look-up of the stages reached (1.5 ms of work in one partition)
			// started two for every poll and took 50-140 ms. A poll's queries never need them.
			this.jdbc.execute(TRANSACTION_SETTINGS);
			// one query per poll instead of one per run while the topic has no remembered rejection
			// (the usual case); as soon as a run of this poll remembers one, the later runs recall
			boolean[] recall = { !valid.isEmpty() && this.memory.holdsAny(valid.get(0).record().topic()) };
			for (List<Integer> run : poll.runs()) {
				List<Integer> undecided = recall[0] ? recall(valid, eventIds, run, outcomes) : run;
				if (!undecided.isEmpty()) {
					write(valid, eventIds, undecided, outcomes, recall);
				}
			}
			for (int i = 0; i < valid.size(); i++) {
				if (outcomes[i].kind() == Outcome.Kind.REJECTED) {
					deadLetters.add(new DeadLetterPublisher.Rejected(valid.get(i).record(), outcomes[i].rejection()));
				}
			}
			publish(deadLetters);
		});
		long written = System.nanoTime();
		long now = System.currentTimeMillis();
		int[] kinds = new int[Outcome.Kind.values().length];
		long newest = 0;
		for (int i = 0; i < valid.size(); i++) {
			if (outcomes[i].kind() != Outcome.Kind.REJECTED) {
				kinds[outcomes[i].kind().ordinal()]++;
				this.metrics.committed(valid.get(i).record(), now);
				newest = Math.max(newest, valid.get(i).record().timestamp());
			}
		}
		if (newest > 0) {
			this.metrics.newest(newest);
		}
		// one increment per kind and poll, not per record
		this.metrics.count(kinds);
		for (DeadLetterPublisher.Rejected each : deadLetters) {
			this.metrics.count(Outcome.rejected(each.rejection()));
			log.warn("Rejected {} (key {}, {}): {} {}", each.record().position(), LogSafe.of(each.record().key(), 64),
					describe(each.record()), each.rejection().reason(), LogSafe.of(each.rejection().detail()));
		}
		this.metrics.deadLettered(deadLetters.size());
		long committed = System.nanoTime();
		try {
			this.handler.afterCommit(regions);
		}
		catch (RuntimeException ex) {
			// only a handler that throws while handing off lands here (a failed refresh is retried by
			// CoalescedRefresh); the batch is stored and acknowledged regardless
			log.warn("After commit: {}", LogSafe.of(ex, 500));
		}
		if (log.isDebugEnabled()) {
			log.debug("Batch of {} records: {} valid, {} rejected; parsed in {} ms, stored in {} ms, counted in {} ms, "
					+ "refresh handed off in {} ms", poll.size(), valid.size(), deadLetters.size(), poll.parseNanos() / 1_000_000,
					millis(storing, written), millis(written, committed), millis(committed, System.nanoTime()));
		}
	}

	/**
	 * Cuts the valid records into consecutive runs in which no key (eventId or reference)
	 * occurs twice, so each run can be written as a set with the one-at-a-time outcome.
	 */
	private List<List<Integer>> runs(List<Parsed<E>> valid, List<String> eventIds) {
		List<List<Integer>> runs = new ArrayList<>();
		List<Integer> run = new ArrayList<>(valid.size());
		// the keys of the run: own eventIds as they are, references as keys; an own eventId X
		// and a reference eventKey(X) are one key. No "event:" + X built per record.
		// sized for the whole poll, which is usually one run: not grown and rehashed on the way
		Set<String> ids = new HashSet<>(2 * valid.size());
		Set<String> references = new HashSet<>();
		for (int i = 0; i < valid.size(); i++) {
			String id = eventIds.get(i);
			Collection<String> refs = this.handler.references(valid.get(i).event());
			boolean seen = ids.contains(id) || (!references.isEmpty() && references.contains(IngestHandler.eventKey(id)));
			for (String reference : refs) {
				seen |= references.contains(reference) || ids.contains(eventIdOf(reference));
			}
			if (seen) {
				runs.add(run);
				run = new ArrayList<>();
				ids.clear();
				references.clear();
			}
			ids.add(id);
			if (!refs.isEmpty()) {
				references.addAll(refs);
			}
			run.add(i);
		}
		if (!run.isEmpty()) {
			runs.add(run);
		}
		return runs;
	}

	/** The eventId of an {@link IngestHandler#eventKey event key}, null for another key. */
	private static String eventIdOf(String key) {
		return key.startsWith(EVENT_KEY_PREFIX) ? key.substring(EVENT_KEY_PREFIX.length()) : null;
	}

	/**
	 * Answers the records of a run that the ledger stage rejected before (same eventId and
	 * payload) as it did then; returns the others.
	 */
	private List<Integer> recall(List<Parsed<E>> valid, List<String> eventIds, List<Integer> run, Outcome[] outcomes) {
		String topic = valid.get(run.get(0)).record().topic();
		Map<String, Rejection> remembered = this.memory.recall(topic, run.stream().map(eventIds::get).toList());
		if (remembered.isEmpty()) {
			return run;
		}
		List<Integer> undecided = new ArrayList<>(run.size());
		for (int i : run) {
			Rejection rejection = remembered.get(RejectionMemory.key(eventIds.get(i), valid.get(i).record().sha256()));
			if (rejection != null) {
				outcomes[i] = Outcome.rejected(rejection);
			}
			else {
				undecided.add(i);
			}
		}
		return undecided;
	}

	/**
	 * Writes a run in a savepoint, remembering what the ledger stage rejected; when the database
	 * refuses a value of it, rolls the savepoint back and writes each half again, down to the
	 * single records at fault.
	 */
	private void write(List<Parsed<E>> valid, List<String> eventIds, List<Integer> run, Outcome[] outcomes,
			boolean[] remembered) {
		List<Parsed<E>> batch = run.stream().map(valid::get).toList();
		RuntimeException failure;
		try {
			List<Outcome> written = this.savepoint.execute(status -> writeAndRemember(batch, eventIds, run, remembered));
			for (int i = 0; i < run.size(); i++) {
				outcomes[run.get(i)] = written.get(i);
			}
			return;
		}
		catch (RuntimeException ex) {
			if (!Failures.permanent(ex)) {
				throw ex;
			}
			failure = ex;
		}
		if (run.size() > 1) {
			int half = run.size() / 2;
			write(valid, eventIds, run.subList(0, half), outcomes, remembered);
			write(valid, eventIds, run.subList(half, run.size()), outcomes, remembered);
			return;
		}
		if (Failures.uniqueViolation(failure)) {
			// a concurrent writer (e.g. the instance that lost this partition) stored the same key
			// meanwhile; now it is committed, the handler sees it and answers DUPLICATE or a reason
			try {
				outcomes[run.get(0)] = this.savepoint.execute(status -> writeAndRemember(batch, eventIds, run, remembered))
					.get(0);
				return;
			}
			catch (RuntimeException ex) {
				if (!Failures.permanent(ex)) {
					throw ex;
				}
				failure = ex;
			}
		}
		outcomes[run.get(0)] = reject(Reason.UNSTORABLE_VALUE, "", "", "the database refused the record: "
				+ cut(Failures.message(failure), MAX_DATABASE_MESSAGE));
	}

	private List<Outcome> writeAndRemember(List<Parsed<E>> batch, List<String> eventIds, List<Integer> run,
			boolean[] remembered) {
		List<Outcome> written = this.handler.write(batch);
		List<String> ids = new ArrayList<>();
		List<IncomingRecord> records = new ArrayList<>();
		List<Rejection> rejections = new ArrayList<>();
		for (int j = 0; j < batch.size(); j++) {
			if (written.get(j).kind() == Outcome.Kind.REJECTED) {
				ids.add(eventIds.get(run.get(j)));
				records.add(batch.get(j).record());
				rejections.add(written.get(j).rejection());
			}
		}
		this.memory.remember(batch.get(0).record().topic(), ids, records, rejections);
		// set even if the savepoint is rolled back later: a needless recall is only a query
		remembered[0] |= !ids.isEmpty();
		return written;
	}

	private void publish(List<DeadLetterPublisher.Rejected> deadLetters) {
		if (deadLetters.isEmpty()) {
			return;
		}
		try {
			this.deadLetters.publish(deadLetters);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while dead-lettering", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not dead-letter " + deadLetters.size() + " records", ex);
		}
	}

	/**
	 * PostgreSQL text cannot hold U+0000. The database would refuse it in a stored field (and the
	 * record be narrowed down below), but not in one the ledger does not keep (a free-text
	 * reason): refused here for every field alike. Only a tree whose canonical form met a NUL
	 * ({@link CanonicalJson.Identity#holdsNul}) is walked, to name the field.
	 */
	private static void refuseNul(JsonNode node) {
		String field = nulField(node, "");
		if (field != null) {
			throw RejectedException.of(Reason.UNSTORABLE_VALUE, field, "", field
					+ " holds a NUL character (U+0000), which the ledger's database cannot store");
		}
	}

	private static String nulField(JsonNode node, String path) {
		if (node.isString()) {
			return (node.asString().indexOf(NUL) >= 0) ? (path.isEmpty() ? "(value)" : path) : null;
		}
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				if (name.indexOf(NUL) >= 0) {
					return path + LogSafe.of(name, 40);
				}
				String found = nulField(node.get(name), path.isEmpty() ? name : path + "." + name);
				if (found != null) {
					return found;
				}
			}
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = nulField(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Bounded, not escaped: headers and log lines escape it once, where it is written. */
	private static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
		return text.substring(0, end) + "…";
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

	/** The value's tree; null for a value that is empty of JSON. */
	private JsonNode treeOf(byte[] value) {
		if (value == null) {
			throw RejectedException.of(Reason.MALFORMED_JSON, "", "", "the record has no value (tombstone)");
		}
		// the plain shape every producer sends without Jackson's tokenizer; Jackson reads the rest
		JsonNode plain = PlainJson.read(value, this.json.getNodeFactory());
		if (plain != null) {
			return plain;
		}
		try {
			return this.json.readTree(value);
		}
		catch (JacksonException ex) {
			throw RejectedException.of(Reason.MALFORMED_JSON, "", preview(value),
					"the value is not valid JSON: " + LogSafe.of(EventJson.problem(ex)));
		}
	}

	private static JsonNode objectOf(JsonNode node, byte[] value) {
		if (node == null || !node.isObject()) {
			throw RejectedException.of(Reason.MALFORMED_JSON, "", preview(value), "the value is not a JSON object");
		}
		return node;
	}

	/** Names the OPD and document of a rejected record for the log, as far as they can be read. */
	private String describe(IncomingRecord record) {
		try {
			JsonNode node = this.json.readTree(record.value());
			return "opd " + LogSafe.of(node.path("opd").asString("?"), 40) + ", "
					+ LogSafe.of(node.path("document").path("kind").asString("?"), 20) + " "
					+ LogSafe.of(node.path("document").path("number").asString("?"), 80) + ", event "
					+ LogSafe.of(node.path("eventId").asString("?"), 64);
		}
		catch (RuntimeException ex) {
			return "unreadable value";
		}
	}

	private static String preview(byte[] value) {
		int length = Math.min(value.length, PREVIEW_BYTES);
		return new String(value, 0, length, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static IncomingRecord incoming(ConsumerRecord<byte[], byte[]> record, byte[] sha256) {
		return new IncomingRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
				record.key(), record.value(), sha256);
	}

	/** Rejection of a whole record, for handlers that detect it in the database stage. */
	public static Outcome reject(Reason reason, String field, Object value, String detail) {
		return Outcome.rejected(Rejection.of(reason, field, value, detail));
	}

}
