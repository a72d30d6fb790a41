package id.apbdmonitor.faults;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The invariants every scenario ends with, computed from what the suite itself produced
 * (the {@link Feed}), the ledger and totals tables read as the database administrator, the
 * dead-letter topic read from the broker, the group's committed offsets and the service's
 * /actuator/prometheus.
 */
final class Checker {

	private static final Pattern REASON = Pattern.compile("[A-Z][A-Z_]{2,60}");

	private static final Pattern REALISED = Pattern
		.compile("^apbd_realised_rupiah\\{([^}]*)\\} (\\S+)", Pattern.MULTILINE);

	private final FaultStack stack;

	private final FaultStack.Target target;

	private final Feed feed;

	Checker(FaultStack stack, FaultStack.Target target, Feed feed) {
		this.stack = stack;
		this.target = target;
		this.feed = feed;
	}

	/** One ledger row as stored. */
	record Row(String eventId, String opd, BigDecimal amount, int partition, long offset) {
	}

	/** One dead-letter record: the source position and the reason header. */
	record DeadLetter(Integer partition, Long offset, String reason, String sourceTopic) {
	}

	/** The outcome of the checks. */
	record Verdict(Map<String, String> failed, int lost, int countedTwice, int produced, int ledgerRows,
			int deadLetters) {

		boolean held() {
			return this.failed.isEmpty();
		}

	}

	List<Row> ledger() throws SQLException {
		List<Row> rows = new ArrayList<>();
		try (Connection connection = this.stack.connect(this.target);
				PreparedStatement statement = connection.prepareStatement(
						"select event_id, opd, amount, source_partition, source_offset from "
								+ FaultStack.ROLE + ".spending_ledger");
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				rows.add(new Row(result.getString(1), result.getString(2), result.getBigDecimal(3), result.getInt(4),
						result.getLong(5)));
			}
		}
		return rows;
	}

	List<DeadLetter> deadLetters() throws InterruptedException, ExecutionException {
		String topic = this.target.deadLetterTopic();
		Map<TopicPartition, Long> end;
		try {
			end = this.stack.endOffsets(topic);
		}
		catch (ExecutionException ex) {
			return List.of();
		}
		List<DeadLetter> letters = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.bootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
				8 * 1024 * 1024), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(end.keySet());
			consumer.seekToBeginning(end.keySet());
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (end.entrySet().stream().anyMatch((e) -> consumer.position(e.getKey()) < e.getValue())
					&& System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					letters.add(new DeadLetter(integer(header(record, "apbd-source-partition")),
							longValue(header(record, "apbd-source-offset")), header(record, "apbd-reason"),
							header(record, "apbd-source-topic")));
				}
			}
		}
		return letters;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header == null || header.value() == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static Integer integer(String text) {
		try {
			return (text == null) ? null : Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Long longValue(String text) {
		try {
			return (text == null) ? null : Long.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Records below the group's committed offsets that are neither stored (ledger row at that
	 * position, or an event id already in the ledger) nor dead-lettered: what a crash right now
	 * would lose. Empty when the committed offsets never run ahead of what is stored.
	 */
	List<String> committedAheadOfStored(String group) throws SQLException, InterruptedException, ExecutionException {
		Map<TopicPartition, Long> committed = this.stack.committed(group, this.target.topic());
		List<Row> ledger = ledger();
		Set<String> ids = new HashSet<>();
		Set<String> positions = new HashSet<>();
		ledger.forEach((row) -> {
			ids.add(row.eventId());
			positions.add(row.partition() + "@" + row.offset());
		});
		deadLetters().forEach((letter) -> positions.add(letter.partition() + "@" + letter.offset()));
		List<String> ahead = new ArrayList<>();
		for (Feed.Sent sent : this.feed.sent()) {
			Long limit = committed.get(new TopicPartition(this.target.topic(), sent.partition()));
			if (limit != null && sent.offset() < limit && !positions.contains(sent.partition() + "@" + sent.offset())
					&& (sent.planned().eventId() == null || !ids.contains(sent.planned().eventId()))) {
				ahead.add(sent.partition() + "@" + sent.offset());
			}
		}
		return ahead;
	}

	/**
	 * All invariants, after the group caught up. {@code prometheusBody} is the service's
	 * /actuator/prometheus after at least one snapshot refresh, or empty if no instance is up.
	 */
	Verdict check(String group, Optional<String> prometheusBody, Map<String, String> alreadyFailed)
			throws SQLException, InterruptedException, ExecutionException {
		Map<String, String> failed = new TreeMap<>(alreadyFailed);
		List<Row> ledger = ledger();
		List<DeadLetter> letters = deadLetters();
		List<Feed.Sent> sent = this.feed.sent();

		Map<String, Row> ledgerById = new HashMap<>();
		ledger.forEach((row) -> ledgerById.put(row.eventId(), row));
		Set<String> dltPositions = new HashSet<>();
		letters.forEach((letter) -> dltPositions.add(letter.partition() + "@" + letter.offset()));

		// 1. every produced record ends in the ledger or on the DLT
		Set<String> unaccounted = new HashSet<>();
		Map<String, Planned> expectedById = new HashMap<>();
		for (Feed.Sent record : sent) {
			Planned planned = record.planned();
			String position = record.partition() + "@" + record.offset();
			boolean inLedger = planned.eventId() != null && ledgerById.containsKey(planned.eventId());
			if (!inLedger && !dltPositions.contains(position)) {
				unaccounted.add(planned.eventId() != null ? planned.eventId() : position);
			}
			if (planned.expect() != Planned.Expect.DUPLICATE && planned.eventId() != null) {
				expectedById.putIfAbsent(planned.eventId(), planned);
			}
		}
		if (!unaccounted.isEmpty()) {
			failed.put("accounted", unaccounted.size() + " produced record(s) in neither the ledger nor the DLT, e.g. "
					+ sample(unaccounted));
		}

		// 2. ledger rows = the distinct event ids expected to be accepted, no more, no fewer
		Set<String> missing = new HashSet<>();
		BigDecimal zero = BigDecimal.ZERO;
		Map<String, BigDecimal> expectedSums = new TreeMap<>();
		for (Planned planned : expectedById.values()) {
			if (planned.expect() == Planned.Expect.ACCEPT) {
				expectedSums.merge(planned.opd(), planned.ledgerAmount(), BigDecimal::add);
				if (!ledgerById.containsKey(planned.eventId())) {
					missing.add(planned.eventId());
				}
			}
		}
		Set<String> unexpected = new HashSet<>();
		for (Row row : ledger) {
			Planned planned = expectedById.get(row.eventId());
			if (planned == null || planned.expect() != Planned.Expect.ACCEPT) {
				unexpected.add(row.eventId());
			}
			else if (planned.ledgerAmount().compareTo(row.amount()) != 0) {
				unexpected.add(row.eventId() + " (amount " + row.amount() + ")");
			}
		}
		long expectedRows = expectedById.values().stream().filter((p) -> p.expect() == Planned.Expect.ACCEPT).count();
		if (!missing.isEmpty() || !unexpected.isEmpty() || ledger.size() != expectedRows) {
			failed.put("ledger rows", ledger.size() + " rows for " + expectedRows + " accepted event ids; missing "
					+ missing.size() + " " + sample(missing) + ", not expected " + unexpected.size() + " "
					+ sample(unexpected));
		}

		// 3. per OPD, the ledger sum equals the generator's sum, exactly
		Map<String, BigDecimal> ledgerSums = new TreeMap<>();
		ledger.forEach((row) -> ledgerSums.merge(row.opd(), row.amount(), BigDecimal::add));
		List<String> sumDiffs = new ArrayList<>();
		Set<String> opds = new HashSet<>(expectedSums.keySet());
		opds.addAll(ledgerSums.keySet());
		for (String opd : opds) {
			BigDecimal expected = expectedSums.getOrDefault(opd, zero);
			BigDecimal actual = ledgerSums.getOrDefault(opd, zero);
			if (expected.compareTo(actual) != 0) {
				sumDiffs.add(opd + " expected " + expected.toPlainString() + " stored " + actual.toPlainString());
			}
		}
		if (!sumDiffs.isEmpty()) {
			failed.put("OPD sums", String.join("; ", sumDiffs.subList(0, Math.min(3, sumDiffs.size()))));
		}

		// 4. totals table = a recompute from the ledger
		List<String> totalDiffs = totalsAgainstLedger();
		if (!totalDiffs.isEmpty()) {
			failed.put("totals", String.join("; ", totalDiffs.subList(0, Math.min(3, totalDiffs.size()))));
		}

		// 5. gauges = the database after one refresh
		if (prometheusBody.isEmpty()) {
			failed.put("gauges", "no /actuator/prometheus to read");
		}
		else {
			List<String> gaugeDiffs = gaugesAgainst(prometheusBody.get(), ledgerSums);
			if (!gaugeDiffs.isEmpty()) {
				failed.put("gauges", String.join("; ", gaugeDiffs.subList(0, Math.min(3, gaugeDiffs.size()))));
			}
		}

		// 6. committed offsets never ahead of stored records
		List<String> ahead = committedAheadOfStored(group);
		if (!ahead.isEmpty()) {
			failed.put("offsets", ahead.size() + " record(s) below the committed offset not stored, e.g. " + sample(ahead));
		}

		// 7. every DLT record carries its reason (and where it came from)
		long withoutReason = letters.stream()
			.filter((l) -> l.reason() == null || !REASON.matcher(l.reason()).matches() || l.partition() == null
					|| l.offset() == null || !this.target.topic().equals(l.sourceTopic()))
			.count();
		if (withoutReason > 0) {
			failed.put("DLT reasons", withoutReason + " dead letter(s) without a reason or source headers");
		}
		// expected rejections are on the DLT (and not in the ledger: counted above)
		long rejectsNotDeadLettered = sent.stream()
			.filter((s) -> s.planned().expect() == Planned.Expect.REJECT)
			.filter((s) -> !dltPositions.contains(s.partition() + "@" + s.offset()))
			.count();
		if (rejectsNotDeadLettered > 0) {
			failed.put("rejects on DLT", rejectsNotDeadLettered + " invalid record(s) not dead-lettered");
		}

		int countedTwice = unexpected.size() + Math.max(0, totalEvents() - ledger.size());
		return new Verdict(failed, unaccounted.size() + (int) missing.stream().filter((id) -> !unaccounted.contains(id)).count(),
				countedTwice, sent.size(), ledger.size(), letters.size());
	}

	private List<String> totalsAgainstLedger() throws SQLException {
		String schema = FaultStack.ROLE;
		String sql = "select coalesce(t.opd, l.opd), t.realised, l.realised, t.events, l.events from " + schema
				+ ".spending_total t full join (select pemda, fiscal_year, opd, category, sum(amount) realised,"
				+ " count(*) events from " + schema + ".spending_ledger group by pemda, fiscal_year, opd, category) l"
				+ " using (pemda, fiscal_year, opd, category)"
				+ " where t.realised is distinct from l.realised or t.events is distinct from l.events";
		List<String> diffs = new ArrayList<>();
		try (Connection connection = this.stack.connect(this.target);
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				diffs.add(rows.getString(1) + " totals " + rows.getBigDecimal(2) + "/" + rows.getObject(4)
						+ " ledger " + rows.getBigDecimal(3) + "/" + rows.getObject(5));
			}
		}
		return diffs;
	}

	private int totalEvents() throws SQLException {
		try (Connection connection = this.stack.connect(this.target);
				PreparedStatement statement = connection
					.prepareStatement("select coalesce(sum(events), 0) from " + FaultStack.ROLE + ".spending_total");
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getInt(1);
		}
	}

	/** Every OPD gauge of the service against the ledger sum; and no series for an OPD outside the region. */
	static List<String> gaugesAgainst(String prometheus, Map<String, BigDecimal> ledgerSums) {
		List<String> diffs = new ArrayList<>();
		Map<String, Double> gauges = new HashMap<>();
		Matcher matcher = REALISED.matcher(prometheus);
		while (matcher.find()) {
			Matcher opd = Pattern.compile("opd=\"([^\"]*)\"").matcher(matcher.group(1));
			if (opd.find()) {
				gauges.put(opd.group(1), Double.parseDouble(matcher.group(2)));
			}
		}
		if (gauges.isEmpty()) {
			diffs.add("no apbd_realised_rupiah series");
		}
		for (String opd : gauges.keySet()) {
			if (!ledgerSums.containsKey(opd) && gauges.get(opd) != 0.0) {
				diffs.add(opd + " gauge " + gauges.get(opd) + " ledger 0");
			}
		}
		ledgerSums.forEach((opd, sum) -> {
			Double gauge = gauges.get(opd);
			if (gauge == null || Math.abs(gauge - sum.doubleValue()) >= 0.005) {
				diffs.add(opd + " gauge " + gauge + " ledger " + sum.toPlainString());
			}
		});
		return diffs;
	}

	private static String sample(Iterable<String> values) {
		List<String> first = new ArrayList<>();
		for (String value : values) {
			if (first.size() == 3) {
				first.add("…");
				break;
			}
			first.add(Objects.toString(value));
		}
		return first.toString();
	}

}
