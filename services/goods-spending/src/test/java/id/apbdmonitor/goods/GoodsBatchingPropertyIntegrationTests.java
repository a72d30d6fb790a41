package id.apbdmonitor.goods;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PoisonFields;
import id.apbdmonitor.core.test.PollSizeRuns;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestService;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static id.apbdmonitor.core.test.TestEvents.budgetLine;
import static id.apbdmonitor.core.test.TestEvents.key;
import static id.apbdmonitor.core.test.TestEvents.months;
import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static id.apbdmonitor.core.test.TestEvents.reversedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property: the outcome of a stream never depends on how it is batched. One generated stream
 * (seeded; the seed is in every failure message, {@code -Dapbd.property.seed=…} replays it) of
 * realisations, reversals before and after their originals, partial and excessive reversals,
 * reversals of reversals, conflicts and re-sends, duplicates, malformed records and budget
 * revisions out of order is read by goods-spending with {@code max.poll.records} 500, 1 and 7,
 * each into its own database, and once more by a new consumer group into the first database (a
 * full replay; {@link PollSizeRuns}). All give the ledger, totals, budget lines, dead letters
 * (eventId and reason) and gauges of a one-at-a-time model written here, and the replay changes
 * nothing.
 */
class GoodsBatchingPropertyIntegrationTests {

	private static final String ACCOUNT = "5.1.02.01.01.0052";

	private static final String OTHER_CATEGORY = "5.1.02.02.01.0013";

	private static final List<String> OPDS = List.of("DKP", "DINKES", "KETAPANG", "DLH");

	private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]*)\"");

	private static final Pattern AMOUNT = Pattern.compile("\"amount\":\"([0-9.]+)\"");

	@Test
	void shouldGiveTheOneAtATimeOutcomeWhateverThePollSizeAndOnReplay() {
		long seed = Long.getLong("apbd.property.seed", 20261130L);
		Stream stream = Stream.generate(new Random(seed), 1000, 80);
		Model model = Model.of(stream);
		String seedNote = "seed " + seed + " (replay with -Dapbd.property.seed=" + seed + ")";
		System.out.println("Batching property: " + seedNote + ", " + stream.messages.size() + " records, expected "
				+ model.spendingOutcomes + " and budget " + model.budgetOutcomes);

		Map<String, Object> base = TestService.fresh("goods", "2026-12-31");
		String events = TestService.events(base);
		String budget = TestService.budget(base);
		long spending = model.spendingOutcomes.values().stream().mapToLong(Long::longValue).sum();
		Map<String, Observed> observed;
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			// all produced first, so that large polls hold a reversal and its original, a conflict and the re-send
			for (Message message : stream.messages) {
				kafka.sendAsync(message.budget() ? budget : events, message.key(), message.value());
			}
			kafka.flush();
			observed = PollSizeRuns.run(GoodsSpendingApplication.class, base, "goods", spending, seedNote,
					(service, name) -> observe(service, events, budget, model, seedNote));
			int expectedDeadLetters = 4 * (model.spendingDeadLetters.size() + model.budgetDeadLetters.size());
			List<KafkaTestClient.DeadLetter> dead = new ArrayList<>();
			dead.addAll(kafka.readAll(events + "-dlt", 4 * model.spendingDeadLetters.size(), Duration.ofSeconds(60)));
			dead.addAll(kafka.readAll(budget + "-dlt", 4 * model.budgetDeadLetters.size(), Duration.ofSeconds(60)));
			assertThat(dead).as(seedNote).hasSize(expectedDeadLetters);
			for (String instance : PollSizeRuns.INSTANCES) {
				assertThat(PollSizeRuns.deadLetters(from(dead, events), "goods-" + instance))
					.as(seedNote + ": dead letters of " + instance)
					.isEqualTo(model.spendingDeadLetters);
				assertThat(PollSizeRuns.deadLetters(from(dead, budget), "goods-" + instance))
					.as(seedNote + ": budget dead letters of " + instance)
					.isEqualTo(model.budgetDeadLetters);
			}
		}

		for (Map.Entry<String, Observed> each : observed.entrySet()) {
			Observed seen = each.getValue();
			String as = seedNote + ": " + each.getKey();
			assertThat(seen.ledger).as(as + " ledger").isEqualTo(model.ledger());
			assertThat(seen.totals).as(as + " totals").isEqualTo(model.totals());
			assertThat(seen.lines).as(as + " budget lines").isEqualTo(model.lines());
			assertThat(seen.revisions).as(as + " budget revisions").isEqualTo(model.revisions());
			assertThat(seen.gauges).as(as + " gauges").isEqualTo(observed.get("p500").gauges);
			assertThat(seen.realised).as(as + " realised gauge").isEqualTo(model.realisedByOpd());
			if (!each.getKey().equals("replay")) {
				assertThat(seen.spendingOutcomes).as(as + " outcomes counted").isEqualTo(model.spendingOutcomes);
				assertThat(seen.budgetOutcomes).as(as + " budget outcomes counted").isEqualTo(model.budgetOutcomes);
			}
		}
		// the replay found everything stored: what was accepted is now a duplicate, rejections stay rejections
		Observed replayed = observed.get("replay");
		assertThat(replayed.spendingOutcomes.get("accepted")).as(seedNote).isZero();
		assertThat(replayed.spendingOutcomes.get("rejected")).as(seedNote).isEqualTo(model.spendingOutcomes.get("rejected"));
	}

	/**
	 * Waits until the instance, which has counted every record of the event topic, has counted
	 * every record of the budget topic too, then reads its state.
	 */
	private static Observed observe(ConfigurableApplicationContext service, String events, String budget, Model model,
			String seedNote) {
		long budgetRecords = model.budgetOutcomes.values().stream().mapToLong(Long::longValue).sum();
		// a bound for a loaded machine, not a timing
		await().atMost(Duration.ofMinutes(10)).untilAsserted(() -> assertThat(
				PollSizeRuns.outcomes(TestService.scrape(service), budget).values().stream().mapToLong(Long::longValue).sum())
			.as(seedNote)
			.isEqualTo(budgetRecords));
		JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
		Observed seen = new Observed();
		jdbc.query("select event_id, opd, amount, reverses, payload_sha256 from spending_ledger", rs -> {
			seen.ledger.put(rs.getString(1), rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString() + " "
					+ rs.getString(4) + " " + HexFormat.of().formatHex(rs.getBytes(5)));
		});
		jdbc.query("select opd, realised, events from spending_total", rs -> {
			seen.totals.put(rs.getString(1), rs.getBigDecimal(2).setScale(2).toPlainString() + " / " + rs.getLong(3));
		});
		jdbc.query("select line_id, revision_number, pagu, event_id from budget_line", rs -> {
			seen.lines.put(rs.getString(1), rs.getInt(2) + " " + rs.getBigDecimal(3).toPlainString() + " " + rs.getString(4));
		});
		jdbc.query("select event_id, applied, payload_sha256 from budget_revision", rs -> {
			seen.revisions.put(rs.getString(1), rs.getBoolean(2) + " " + HexFormat.of().formatHex(rs.getBytes(3)));
		});
		// gauges are refreshed after each commit and every 5 s: wait for the last refresh to show
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = TestService.scrape(service);
			Map<String, BigDecimal> realised = new TreeMap<>();
			for (PrometheusScrape.Sample sample : scrape.named("apbd_realised_rupiah")) {
				if (sample.value() != 0) {
					realised.put(sample.labels().get("opd"), BigDecimal.valueOf(sample.value()).setScale(2, java.math.RoundingMode.HALF_UP));
				}
			}
			assertThat(realised).as(seedNote).isEqualTo(model.realisedByOpd());
			seen.realised = realised;
			seen.gauges = PollSizeRuns.gauges(scrape,
					List.of("apbd_realised_rupiah", "apbd_pagu_rupiah", "apbd_cash_plan_to_date_rupiah"));
			seen.spendingOutcomes = PollSizeRuns.outcomes(scrape, events);
			seen.budgetOutcomes = PollSizeRuns.outcomes(scrape, budget);
		});
		return seen;
	}

	/** The dead letters of records read from one topic. */
	private static List<KafkaTestClient.DeadLetter> from(List<KafkaTestClient.DeadLetter> dead, String topic) {
		return dead.stream().filter(letter -> topic.equals(letter.headers().get("apbd-source-topic"))).toList();
	}

	/** What one instance ended with. */
	private static final class Observed {

		final Map<String, String> ledger = new TreeMap<>();

		final Map<String, String> totals = new TreeMap<>();

		final Map<String, String> lines = new TreeMap<>();

		final Map<String, String> revisions = new TreeMap<>();

		Map<String, BigDecimal> realised;

		Map<String, Double> gauges;

		Map<String, Long> spendingOutcomes;

		Map<String, Long> budgetOutcomes;

	}

	/** One record of the stream, for the spending or the budget topic. */
	record Message(boolean budget, String key, String value) {
	}

	/** The generated stream, in the order it is produced. */
	static final class Stream {

		final List<Message> messages = new ArrayList<>();

		static Stream generate(Random random, int spending, int budget) {
			Stream stream = new Stream();
			List<Message> budgetMessages = budgetMessages(random, budget);
			List<Message> spendingMessages = spendingMessages(random, spending);
			// interleave the two topics at random, each in its own order
			int b = 0;
			int s = 0;
			while (b < budgetMessages.size() || s < spendingMessages.size()) {
				boolean takeBudget = s >= spendingMessages.size()
						|| (b < budgetMessages.size() && random.nextInt(spending + budget) < budget);
				stream.messages.add(takeBudget ? budgetMessages.get(b++) : spendingMessages.get(s++));
			}
			return stream;
		}

		private static List<Message> spendingMessages(Random random, int count) {
			List<Message> out = new ArrayList<>();
			Map<String, List<String>> realisations = new HashMap<>();
			Map<String, List<String>> reversals = new HashMap<>();
			Map<String, BigDecimal> amounts = new HashMap<>();
			Map<String, List<String>> promised = new HashMap<>();
			List<Integer> resendAt = new ArrayList<>();
			List<Message> resend = new ArrayList<>();
			int next = 0;
			while (out.size() < count) {
				for (int i = resendAt.size() - 1; i >= 0; i--) {
					if (resendAt.get(i) <= out.size()) {
						out.add(resend.remove(i));
						resendAt.remove(i);
					}
				}
				String opd = OPDS.get(random.nextInt(OPDS.size()));
				String date = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(360)).toString();
				int roll = random.nextInt(100);
				List<String> known = realisations.computeIfAbsent(opd, k -> new ArrayList<>());
				if (roll < 38 || known.isEmpty()) {
					List<String> waiting = promised.computeIfAbsent(opd, k -> new ArrayList<>());
					String id = (!waiting.isEmpty() && random.nextBoolean()) ? waiting.remove(random.nextInt(waiting.size()))
							: "S-" + opd + "-" + (next++);
					BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(500_000_000), 2);
					amounts.putIfAbsent(id, amount);
					known.add(id);
					out.add(new Message(false, key(opd), realisedEvent(id, opd, ACCOUNT, amount.toPlainString(), date)));
				}
				else if (roll < 65) {
					String id = "V-" + opd + "-" + (next++);
					int target = random.nextInt(100);
					String reverses;
					if (target < 60) {
						reverses = known.get(random.nextInt(known.size()));
					}
					else if (target < 82) {
						// a reversal before its original: the original comes later, or never
						reverses = "S-" + opd + "-" + (next++);
						promised.computeIfAbsent(opd, k -> new ArrayList<>()).add(reverses);
					}
					else if (target < 92 && !reversals.getOrDefault(opd, List.of()).isEmpty()) {
						List<String> done = reversals.get(opd);
						reverses = done.get(random.nextInt(done.size()));
					}
					else {
						reverses = "S-" + opd + "-unknown-" + (next++);
					}
					BigDecimal original = amounts.getOrDefault(reverses, BigDecimal.valueOf(1 + random.nextInt(100_000_000), 2));
					int size = random.nextInt(100);
					BigDecimal amount = (size < 45) ? original.multiply(BigDecimal.valueOf(1 + random.nextInt(60)))
						.divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN).max(new BigDecimal("0.01"))
							: (size < 75) ? original : original.add(BigDecimal.valueOf(1 + random.nextInt(1000), 2));
					amounts.putIfAbsent(id, amount);
					reversals.computeIfAbsent(opd, k -> new ArrayList<>()).add(id);
					out.add(new Message(false, key(opd), reversedEvent(id, opd, reverses, amount.toPlainString(), date)));
				}
				else if (roll < 80) {
					out.add(out.get(random.nextInt(out.size())));
				}
				else if (roll < 94) {
					// the same eventId with another payload; often the original is sent again soon after
					Message original = out.get(random.nextInt(out.size()));
					Matcher amount = AMOUNT.matcher(original.value());
					if (!amount.find()) {
						continue;
					}
					String changed = new BigDecimal(amount.group(1)).add(BigDecimal.valueOf(1 + random.nextInt(100), 2))
						.toPlainString();
					String conflicting = amount.replaceFirst("\"amount\":\"" + changed + "\"");
					out.add(new Message(false, original.key(), conflicting));
					if (random.nextInt(10) < 6) {
						resend.add(original);
						resendAt.add(out.size() + random.nextInt(10));
					}
				}
				else {
					out.add(new Message(false, key(opd), "{\"eventId\": \"broken-" + (next++) + "\", "));
				}
			}
			return out.subList(0, count);
		}

		private static List<Message> budgetMessages(Random random, int count) {
			List<Message> revisions = new ArrayList<>();
			int line = 0;
			while (revisions.size() < count) {
				String opd = OPDS.get(line % OPDS.size());
				String account = (line % 5 == 4) ? OTHER_CATEGORY : ACCOUNT;
				String lineId = "2026/" + opd + "/1.02.02.2.01.0001/" + account + "/" + line;
				int count0 = 1 + random.nextInt(4);
				for (int r = 0; r < count0; r++) {
					String monthly = BigDecimal.valueOf(1_000_000L * (1 + random.nextInt(90)), 2).toPlainString();
					String json = budgetLine("B-" + line + "-r" + r, lineId, opd, account, r, (r == 0) ? "ORIGINAL" : "SHIFT",
							months(monthly));
					revisions.add(new Message(true, lineId, json));
				}
				line++;
			}
			// out of order, with duplicates and a conflict or two
			Collections.shuffle(revisions, random);
			List<Message> out = new ArrayList<>(revisions);
			for (int i = 0; i < count / 8; i++) {
				out.add(random.nextInt(out.size()), out.get(random.nextInt(out.size())));
			}
			for (int i = 0; i < count / 15; i++) {
				Message original = revisions.get(random.nextInt(revisions.size()));
				String conflicting = original.value().replace("\"occurredOn\":\"2026-01-02\"", "\"occurredOn\":\"2026-01-03\"");
				out.add(random.nextInt(out.size()), new Message(true, original.key(), conflicting));
			}
			return out;
		}

	}

	/**
	 * The expected result, one record at a time in stream order, from the rules in
	 * docs/events: written from the contract, not from the service's code.
	 */
	static final class Model {

		/** eventId → opd, signed amount, reverses, sha256 of the stored payload. */
		private final Map<String, String[]> stored = new HashMap<>();

		/** eventId + payload → reason of a rejection decided against the ledger. */
		private final Map<String, String> rejectedBefore = new HashMap<>();

		private final Map<String, BigDecimal> reversedOf = new HashMap<>();

		final Map<String, Long> spendingOutcomes = zeroOutcomes();

		final Map<String, Long> budgetOutcomes = zeroOutcomes();

		final List<String> spendingDeadLetters = new ArrayList<>();

		final List<String> budgetDeadLetters = new ArrayList<>();

		private final Map<String, String> revisionSha = new HashMap<>();

		private final Map<String, Boolean> revisionApplied = new HashMap<>();

		private final Map<String, String[]> lineInForce = new HashMap<>();

		private final Map<String, String> budgetRejectedBefore = new HashMap<>();

		static Model of(Stream stream) {
			Model model = new Model();
			for (Message message : stream.messages) {
				if (message.budget()) {
					model.budget(message);
				}
				else {
					model.spending(message);
				}
			}
			Collections.sort(model.spendingDeadLetters);
			Collections.sort(model.budgetDeadLetters);
			return model;
		}

		private static Map<String, Long> zeroOutcomes() {
			Map<String, Long> outcomes = new TreeMap<>();
			for (String outcome : List.of("accepted", "duplicate", "superseded", "ignored", "rejected")) {
				outcomes.put(outcome, 0L);
			}
			return outcomes;
		}

		private void spending(Message message) {
			String json = message.value();
			String sha = PoisonFields.sha256(json);
			Matcher id = EVENT_ID.matcher(json);
			if (!json.trim().endsWith("}") || !id.find()) {
				reject(this.spendingOutcomes, this.spendingDeadLetters, PollSizeRuns.idOf(json), "MALFORMED_JSON");
				return;
			}
			String eventId = id.group(1);
			String remembered = this.rejectedBefore.get(eventId + " " + sha);
			if (remembered != null) {
				reject(this.spendingOutcomes, this.spendingDeadLetters, eventId, remembered);
				return;
			}
			String reason = spendingReason(json, eventId, sha);
			if (reason == null) {
				return;
			}
			if (!reason.equals("DUPLICATE")) {
				this.rejectedBefore.put(eventId + " " + sha, reason);
				reject(this.spendingOutcomes, this.spendingDeadLetters, eventId, reason);
			}
		}

		/** Null when accepted (and stored), DUPLICATE when counted as one, else the reason. */
		private String spendingReason(String json, String eventId, String sha) {
			String[] existing = this.stored.get(eventId);
			if (existing != null) {
				if (existing[3].equals(sha)) {
					this.spendingOutcomes.merge("duplicate", 1L, Long::sum);
					return "DUPLICATE";
				}
				return "EVENT_ID_CONFLICT";
			}
			String opd = field(json, "opd");
			BigDecimal amount = new BigDecimal(field(json, "amount"));
			String reverses = field(json, "reverses");
			if (reverses == null) {
				store(eventId, opd, amount, null, sha);
				return null;
			}
			String[] original = this.stored.get(reverses);
			if (original == null) {
				return "UNKNOWN_REFERENCE";
			}
			if (original[2] != null || !original[0].equals(opd)) {
				return "REFERENCE_MISMATCH";
			}
			BigDecimal left = new BigDecimal(original[1]).subtract(this.reversedOf.getOrDefault(reverses, BigDecimal.ZERO));
			if (amount.compareTo(left) > 0) {
				return "REVERSAL_EXCEEDS_ORIGINAL";
			}
			this.reversedOf.merge(reverses, amount, BigDecimal::add);
			store(eventId, opd, amount.negate(), reverses, sha);
			return null;
		}

		private void store(String eventId, String opd, BigDecimal signed, String reverses, String sha) {
			this.stored.put(eventId, new String[] { opd, signed.toPlainString(), reverses, sha });
			this.spendingOutcomes.merge("accepted", 1L, Long::sum);
		}

		private void budget(Message message) {
			String json = message.value();
			String sha = PoisonFields.sha256(json);
			String eventId = field(json, "eventId");
			if (!json.contains(ACCOUNT)) {
				this.budgetOutcomes.merge("ignored", 1L, Long::sum);
				return;
			}
			String remembered = this.budgetRejectedBefore.get(eventId + " " + sha);
			if (remembered != null) {
				reject(this.budgetOutcomes, this.budgetDeadLetters, eventId, remembered);
				return;
			}
			if (this.revisionSha.containsKey(eventId)) {
				if (this.revisionSha.get(eventId).equals(sha)) {
					this.budgetOutcomes.merge("duplicate", 1L, Long::sum);
				}
				else {
					this.budgetRejectedBefore.put(eventId + " " + sha, "EVENT_ID_CONFLICT");
					reject(this.budgetOutcomes, this.budgetDeadLetters, eventId, "EVENT_ID_CONFLICT");
				}
				return;
			}
			String lineId = field(json, "lineId");
			int revision = Integer.parseInt(json.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
			String[] inForce = this.lineInForce.get(lineId);
			boolean applies = inForce == null || Integer.parseInt(inForce[0]) < revision;
			this.revisionSha.put(eventId, sha);
			this.revisionApplied.put(eventId, applies);
			if (applies) {
				this.lineInForce.put(lineId, new String[] { Integer.toString(revision), field(json, "pagu"), eventId,
						field(json, "opd") });
			}
			this.budgetOutcomes.merge(applies ? "accepted" : "superseded", 1L, Long::sum);
		}

		private static void reject(Map<String, Long> outcomes, List<String> deadLetters, String id, String reason) {
			outcomes.merge("rejected", 1L, Long::sum);
			deadLetters.add(id + " " + reason);
		}

		Map<String, String> ledger() {
			Map<String, String> ledger = new TreeMap<>();
			this.stored.forEach((id, row) -> ledger.put(id, row[0] + " " + row[1] + " " + row[2] + " " + row[3]));
			return ledger;
		}

		Map<String, String> totals() {
			Map<String, BigDecimal> sums = new TreeMap<>();
			Map<String, Long> counts = new TreeMap<>();
			this.stored.values().forEach(row -> {
				sums.merge(row[0], new BigDecimal(row[1]), BigDecimal::add);
				counts.merge(row[0], 1L, Long::sum);
			});
			Map<String, String> totals = new TreeMap<>();
			sums.forEach((opd, sum) -> totals.put(opd, sum.setScale(2).toPlainString() + " / " + counts.get(opd)));
			return totals;
		}

		Map<String, BigDecimal> realisedByOpd() {
			Map<String, BigDecimal> realised = new TreeMap<>();
			this.stored.values().forEach(row -> realised.merge(row[0], new BigDecimal(row[1]), BigDecimal::add));
			realised.replaceAll((opd, sum) -> sum.setScale(2));
			realised.values().removeIf(sum -> sum.signum() == 0);
			return realised;
		}

		Map<String, String> lines() {
			Map<String, String> lines = new TreeMap<>();
			this.lineInForce.forEach((line, row) -> lines.put(line,
					row[0] + " " + new BigDecimal(row[1]).toPlainString() + " " + row[2]));
			return lines;
		}

		Map<String, String> revisions() {
			Map<String, String> revisions = new TreeMap<>();
			this.revisionSha.forEach((id, sha) -> revisions.put(id, this.revisionApplied.get(id) + " " + sha));
			return revisions;
		}

		private static String field(String json, String name) {
			Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
			return matcher.find() ? matcher.group(1) : null;
		}

	}

}
