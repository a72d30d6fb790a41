package id.apbdmonitor.pad;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import static id.apbdmonitor.core.test.TestEvents.months;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property: the outcome of a PAD stream never depends on how it is batched. One generated stream
 * (seeded; {@code -Dapbd.property.seed=…} replays it) of receipts and reversals (of a receipt
 * before or after it arrives, of one that never comes, of a reversal, of another OPD's receipt;
 * partial, full and excessive, several of one receipt), re-sends, conflicting payloads under a
 * stored id (often followed by the original again) and malformed records is read with
 * {@code max.poll.records} 500, 1 and 7 and replayed by a new group ({@link PollSizeRuns}). All
 * give the ledger, totals, dead letters, outcome counts and gauges of the one-at-a-time model
 * written here from the contract. DLH's levy target is revised to 0 on 31 July, so the receipts
 * after it that are not reversed in full breach {@code pad_receipt_on_zero_target}.
 */
class PadBatchingPropertyIntegrationTests {

	private static final List<String> OPDS = List.of("BPKAD", "DLH", "DISHUB", "RSUD");

	/** A PBJT account (revenue type pbjt) and a levy account (retribusi). */
	private static final List<String> ACCOUNTS = List.of("4.1.01.19.04.0001", "4.1.02.01.02.0001");

	private static final String ZERO_TARGET_OPD = "DLH";

	private static final LocalDate ZERO_TARGET_FROM = LocalDate.of(2026, 7, 31);

	private static final Pattern AMOUNT = Pattern.compile("\"amount\":\"([0-9.]+)\"");

	private static final List<String> GAUGES = List.of("apbd_revenue_realised_rupiah",
			"apbd_revenue_last_receipt_timestamp_seconds", "apbd_revenue_target_rupiah", "apbd_pad_rule_breaches",
			"apbd_revenue_projected_year_end_rupiah");

	@Test
	void shouldGiveTheOneAtATimeOutcomeWhateverThePollSizeAndOnReplay() {
		long seed = Long.getLong("apbd.property.seed", 20261130L);
		List<Message> stream = generate(new Random(seed), 900);
		Model model = Model.of(stream);
		String seedNote = "seed " + seed + " (replay with -Dapbd.property.seed=" + seed + ")";
		System.out.println("PAD batching property: " + seedNote + ", " + stream.size() + " records, expected "
				+ model.outcomes + ", " + model.stored.size() + " stored, " + model.zeroTargetBreaches() + " breaches");
		// the property means something only if the stream holds each kind of case
		assertThat(model.outcomes.get("duplicate")).as(seedNote).isPositive();
		assertThat(model.zeroTargetBreaches()).as(seedNote).isPositive();
		assertThat(model.deadLetters).as(seedNote)
			.anyMatch(letter -> letter.endsWith("UNKNOWN_REFERENCE"))
			.anyMatch(letter -> letter.endsWith("REFERENCE_MISMATCH"))
			.anyMatch(letter -> letter.endsWith("REVERSAL_EXCEEDS_ORIGINAL"))
			.anyMatch(letter -> letter.endsWith("EVENT_ID_CONFLICT"))
			.anyMatch(letter -> letter.endsWith("MALFORMED_JSON"));

		Map<String, Object> base = TestService.fresh("pad", "2026-12-31");
		String events = TestService.events(base);
		String budget = TestService.budget(base);
		Map<String, Observed> observed;
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			// DLH's levies: 5 juta a month, then 0 from the shift of 31 July
			String line = "2026/DLH/4.1.02.01.02.0001";
			kafka.sendAsync(budget, line, budgetLine("DPA-DLH-r0", line, "DLH", ACCOUNTS.get(1), 0, "ORIGINAL",
					months("5000000.00")));
			kafka.sendAsync(budget, line, budgetLine("DPA-DLH-r1", line, "DLH", ACCOUNTS.get(1), 1, "SHIFT", "0.00",
					months("0.00"), ZERO_TARGET_FROM.toString()));
			// all produced first, so that a large poll holds a reversal and its receipt, a conflict and the re-send
			for (Message message : stream) {
				kafka.sendAsync(events, message.key(), message.json());
			}
			kafka.flush();
			observed = PollSizeRuns.run(PadRevenueApplication.class, base, "pad", stream.size(), seedNote,
					(service, name) -> observe(service, model, seedNote));
			List<KafkaTestClient.DeadLetter> dead = kafka.readAll(events + "-dlt", 4 * model.deadLetters.size(),
					Duration.ofSeconds(60));
			assertThat(dead).as(seedNote).hasSize(4 * model.deadLetters.size());
			for (String instance : PollSizeRuns.INSTANCES) {
				assertThat(PollSizeRuns.deadLetters(dead, "pad-" + instance)).as(seedNote + ": dead letters of " + instance)
					.isEqualTo(model.deadLetters);
			}
		}
		for (Map.Entry<String, Observed> each : observed.entrySet()) {
			Observed seen = each.getValue();
			String as = seedNote + ": " + each.getKey();
			assertThat(seen.ledger).as(as + " ledger").isEqualTo(model.ledger());
			assertThat(seen.totals).as(as + " totals").isEqualTo(model.totals());
			assertThat(seen.realised).as(as + " realised").isEqualTo(model.realisedByType());
			assertThat(seen.gauges).as(as + " gauges").isEqualTo(observed.get("p500").gauges);
			if (!each.getKey().equals("replay")) {
				assertThat(seen.outcomes).as(as + " outcomes counted").isEqualTo(model.outcomes);
			}
		}
		Map<String, Long> replayed = observed.get("replay").outcomes;
		assertThat(replayed.get("accepted")).as(seedNote).isZero();
		assertThat(replayed.get("rejected")).as(seedNote).isEqualTo(model.outcomes.get("rejected"));
	}

	private static Observed observe(ConfigurableApplicationContext service, Model model, String seedNote) {
		Observed seen = new Observed();
		JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
		jdbc.query("select event_id, opd, account, amount, reverses, payload_sha256 from pad_ledger", rs -> {
			seen.ledger.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " "
					+ rs.getBigDecimal(4).toPlainString() + " " + rs.getString(5) + " "
					+ HexFormat.of().formatHex(rs.getBytes(6)));
		});
		jdbc.query("select opd, account, realised, events, last_receipt_on from pad_total", rs -> {
			seen.totals.put(rs.getString(1) + " " + rs.getString(2), rs.getBigDecimal(3).toPlainString() + " / "
					+ rs.getLong(4) + " / " + rs.getObject(5, LocalDate.class));
		});
		String topic = service.getEnvironment().getProperty("apbd.ingest.topic");
		// gauges are refreshed after each commit and every 5 s: wait for the last refresh to show
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = TestService.scrape(service);
			Map<String, BigDecimal> realised = new TreeMap<>();
			for (PrometheusScrape.Sample sample : scrape.named("apbd_revenue_realised_rupiah")) {
				if (sample.value() != 0) {
					realised.put(sample.labels().get("opd") + " " + sample.labels().get("revenue_type"),
							BigDecimal.valueOf(sample.value()).setScale(2, RoundingMode.HALF_UP));
				}
			}
			assertThat(realised).as(seedNote).isEqualTo(model.realisedByType());
			assertThat(scrape.value("apbd_pad_rule_breaches", Map.of("opd", ZERO_TARGET_OPD, "revenue_type", "retribusi")))
				.as(seedNote)
				.isEqualTo(model.zeroTargetBreaches());
			seen.realised = realised;
			seen.gauges = PollSizeRuns.gauges(scrape, GAUGES);
			seen.outcomes = PollSizeRuns.outcomes(scrape, topic);
		});
		return seen;
	}

	/** What one instance ended with. */
	private static final class Observed {

		final Map<String, String> ledger = new TreeMap<>();

		final Map<String, String> totals = new TreeMap<>();

		Map<String, BigDecimal> realised;

		Map<String, Double> gauges;

		Map<String, Long> outcomes;

	}

	/** One record of the stream. */
	record Message(String key, String json) {
	}

	static List<Message> generate(Random random, int count) {
		List<Message> out = new ArrayList<>();
		Map<String, List<String>> receipts = new HashMap<>();
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
			List<String> known = receipts.computeIfAbsent(opd, k -> new ArrayList<>());
			if (roll < 40 || known.isEmpty()) {
				List<String> waiting = promised.computeIfAbsent(opd, k -> new ArrayList<>());
				String id = (!waiting.isEmpty() && random.nextBoolean()) ? waiting.remove(random.nextInt(waiting.size()))
						: "R-" + opd + "-" + (next++);
				BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(100_000_000), 2);
				amounts.putIfAbsent(id, amount);
				known.add(id);
				out.add(new Message(key(opd), receipt(id, opd, ACCOUNTS.get(random.nextInt(2)), amount, date)));
			}
			else if (roll < 68) {
				String id = "V-" + opd + "-" + (next++);
				int target = random.nextInt(100);
				String reverses;
				String as = opd;
				if (target < 55) {
					// mostly one of the last receipts, so that reversals meet their receipt in a poll
					reverses = known.get(Math.max(0, known.size() - 1 - random.nextInt(Math.min(known.size(), 6))));
				}
				else if (target < 77) {
					// a reversal before its receipt: the receipt comes later, or never
					reverses = "R-" + opd + "-" + (next++);
					promised.computeIfAbsent(opd, k -> new ArrayList<>()).add(reverses);
				}
				else if (target < 87 && !reversals.getOrDefault(opd, List.of()).isEmpty()) {
					// a reversal of the same OPD (the key, hence the partition, keeps the stream's order)
					List<String> done = reversals.get(opd);
					reverses = done.get(random.nextInt(done.size()));
				}
				else if (target < 94) {
					// another OPD's receipt
					reverses = known.get(random.nextInt(known.size()));
					as = OPDS.get((OPDS.indexOf(opd) + 1 + random.nextInt(OPDS.size() - 1)) % OPDS.size());
				}
				else {
					reverses = "R-" + opd + "-unknown-" + (next++);
				}
				BigDecimal original = amounts.getOrDefault(reverses, BigDecimal.valueOf(1 + random.nextInt(50_000_000), 2));
				int size = random.nextInt(100);
				BigDecimal amount = (size < 50) ? original.multiply(BigDecimal.valueOf(1 + random.nextInt(60)))
					.divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN)
					.max(new BigDecimal("0.01"))
						: (size < 80) ? original : original.add(BigDecimal.valueOf(1 + random.nextInt(1000), 2));
				amounts.putIfAbsent(id, amount);
				reversals.computeIfAbsent(opd, k -> new ArrayList<>()).add(id);
				// keyed by the receipt's OPD even when another OPD claims it: one partition keeps the order
				out.add(new Message(key(opd), reversal(id, as, reverses, amount, date)));
			}
			else if (roll < 82) {
				out.add(out.get(random.nextInt(out.size())));
			}
			else if (roll < 95) {
				// the same eventId with another payload; often the original is sent again soon after
				Message original = out.get(random.nextInt(out.size()));
				Matcher amount = AMOUNT.matcher(original.json());
				if (!amount.find()) {
					continue;
				}
				String changed = new BigDecimal(amount.group(1)).add(BigDecimal.valueOf(1 + random.nextInt(100), 2))
					.toPlainString();
				out.add(new Message(original.key(), amount.replaceFirst("\"amount\":\"" + changed + "\"")));
				if (random.nextInt(10) < 6) {
					resend.add(original);
					resendAt.add(out.size() + random.nextInt(10));
				}
			}
			else {
				out.add(new Message(key(opd), "{\"eventId\": \"P-broken-" + (next++) + "\", "));
			}
		}
		return new ArrayList<>(out.subList(0, count));
	}

	private static String receipt(String eventId, String opd, String account, BigDecimal amount, String date) {
		return """
				{"eventId":"%s","type":"pad-received","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"STS","number":"%s/STS"},
				 "account":"%s","amount":"%s","channel":"TELLER"}"""
			.formatted(eventId, opd, date, eventId, account, amount.toPlainString());
	}

	private static String reversal(String eventId, String opd, String reverses, BigDecimal amount, String date) {
		return """
				{"eventId":"%s","type":"pad-receipt-reversed","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"STS","number":"%s/KOREKSI"},
				 "reverses":"%s","amount":"%s"}"""
			.formatted(eventId, opd, date, eventId, reverses, amount.toPlainString());
	}

	private static String key(String opd) {
		return "52.72/" + opd;
	}

	/** The expected result, one record at a time in stream order, from the contract (docs/events). */
	static final class Model {

		/** eventId → opd, account, signed amount, reverses, sha256 of the stored payload; date of a receipt. */
		final Map<String, String[]> stored = new HashMap<>();

		private final Map<String, BigDecimal> reversedOf = new HashMap<>();

		/** eventId + payload → reason of a rejection decided against the ledger. */
		private final Map<String, String> rejectedBefore = new HashMap<>();

		final Map<String, Long> outcomes = new TreeMap<>();

		final List<String> deadLetters = new ArrayList<>();

		static Model of(List<Message> stream) {
			Model model = new Model();
			for (String outcome : List.of("accepted", "duplicate", "superseded", "ignored", "rejected")) {
				model.outcomes.put(outcome, 0L);
			}
			stream.forEach(model::read);
			Collections.sort(model.deadLetters);
			return model;
		}

		private void read(Message message) {
			String json = message.json();
			String eventId = PollSizeRuns.idOf(json);
			if (!json.trim().endsWith("}")) {
				reject(eventId, "MALFORMED_JSON");
				return;
			}
			String sha = PoisonFields.sha256(json);
			String remembered = this.rejectedBefore.get(eventId + " " + sha);
			if (remembered != null) {
				reject(eventId, remembered);
				return;
			}
			String[] existing = this.stored.get(eventId);
			if (existing != null) {
				if (existing[4].equals(sha)) {
					this.outcomes.merge("duplicate", 1L, Long::sum);
				}
				else {
					remember(eventId, sha, "EVENT_ID_CONFLICT");
				}
				return;
			}
			String opd = field(json, "opd");
			BigDecimal amount = new BigDecimal(field(json, "amount"));
			String reverses = field(json, "reverses");
			if (reverses == null) {
				store(eventId, opd, field(json, "account"), amount, null, sha, field(json, "occurredOn"));
				return;
			}
			String[] receipt = this.stored.get(reverses);
			if (receipt == null) {
				remember(eventId, sha, "UNKNOWN_REFERENCE");
				return;
			}
			if (receipt[3] != null || !receipt[0].equals(opd)) {
				remember(eventId, sha, "REFERENCE_MISMATCH");
				return;
			}
			BigDecimal left = new BigDecimal(receipt[2]).subtract(this.reversedOf.getOrDefault(reverses, BigDecimal.ZERO));
			if (amount.compareTo(left) > 0) {
				remember(eventId, sha, "REVERSAL_EXCEEDS_ORIGINAL");
				return;
			}
			this.reversedOf.merge(reverses, amount, BigDecimal::add);
			store(eventId, opd, receipt[1], amount.negate(), reverses, sha, null);
		}

		private void store(String eventId, String opd, String account, BigDecimal signed, String reverses, String sha,
				String receivedOn) {
			this.stored.put(eventId, new String[] { opd, account, signed.setScale(2).toPlainString(), reverses, sha,
					receivedOn });
			this.outcomes.merge("accepted", 1L, Long::sum);
		}

		private void remember(String eventId, String sha, String reason) {
			this.rejectedBefore.put(eventId + " " + sha, reason);
			reject(eventId, reason);
		}

		private void reject(String eventId, String reason) {
			this.outcomes.merge("rejected", 1L, Long::sum);
			this.deadLetters.add(eventId + " " + reason);
		}

		Map<String, String> ledger() {
			Map<String, String> ledger = new TreeMap<>();
			this.stored.forEach((id, row) -> ledger.put(id, row[0] + " " + row[1] + " " + row[2] + " " + row[3] + " " + row[4]));
			return ledger;
		}

		/** "opd account" → realised / events / last receipt date. */
		Map<String, String> totals() {
			Map<String, BigDecimal> sums = new TreeMap<>();
			Map<String, Long> counts = new TreeMap<>();
			Map<String, LocalDate> last = new TreeMap<>();
			this.stored.values().forEach(row -> {
				String key = row[0] + " " + row[1];
				sums.merge(key, new BigDecimal(row[2]), BigDecimal::add);
				counts.merge(key, 1L, Long::sum);
				if (row[5] != null) {
					last.merge(key, LocalDate.parse(row[5]), (a, b) -> a.isAfter(b) ? a : b);
				}
			});
			Map<String, String> totals = new TreeMap<>();
			sums.forEach((key, sum) -> totals.put(key,
					sum.setScale(2).toPlainString() + " / " + counts.get(key) + " / " + last.get(key)));
			return totals;
		}

		/** "opd revenue-type" → realised, where not 0. */
		Map<String, BigDecimal> realisedByType() {
			Map<String, BigDecimal> realised = new TreeMap<>();
			this.stored.values().forEach(row -> realised.merge(
					row[0] + " " + (row[1].startsWith("4.1.02") ? "retribusi" : "pbjt"), new BigDecimal(row[2]),
					BigDecimal::add));
			realised.values().removeIf(sum -> sum.signum() == 0);
			return realised;
		}

		/** DLH's levy receipts dated after 31 July that are not reversed in full. */
		double zeroTargetBreaches() {
			return this.stored.entrySet().stream().filter(each -> {
				String[] row = each.getValue();
				return row[0].equals(ZERO_TARGET_OPD) && row[3] == null && row[1].equals(ACCOUNTS.get(1))
						&& LocalDate.parse(row[5]).isAfter(ZERO_TARGET_FROM)
						&& new BigDecimal(row[2]).compareTo(this.reversedOf.getOrDefault(each.getKey(), BigDecimal.ZERO)) > 0;
			}).count();
		}

		private static String field(String json, String name) {
			Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
			return matcher.find() ? matcher.group(1) : null;
		}

	}

}
