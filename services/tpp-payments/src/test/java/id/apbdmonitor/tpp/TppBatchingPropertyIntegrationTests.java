package id.apbdmonitor.tpp;

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

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PoisonFields;
import id.apbdmonitor.core.test.PollSizeRuns;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestService;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property: the outcome of a TPP stream never depends on how it is batched. One generated stream
 * (seeded; {@code -Dapbd.property.seed=…} replays it) of the stages of a few OPD-months, mostly in
 * order and close together (so that a poll holds several stages of one month), with stages out
 * of order, stages dated before the stage they follow, a stage reached twice under a new id,
 * re-sends, conflicting payloads under a stored id (often followed by the original again),
 * a month outside 1 to 12 and malformed records, is read with {@code max.poll.records} 500, 1
 * and 7 and replayed by a new group ({@link PollSizeRuns}). All give the ledger, dead letters,
 * outcome counts and gauges of the one-at-a-time model written here from the contract (a stage
 * follows the stage before it exactly once, not dated before it; same eventId and payload is a
 * duplicate, another payload a conflict; a record rejected against the ledger is rejected again
 * when re-sent).
 */
class TppBatchingPropertyIntegrationTests {

	private static final List<String> OPDS = List.of("DLH", "DISHUB", "KETAPANG", "DP3A", "BAPPEDA", "DINKES");

	/** January to October: no stage of these months may be dated in the next year. */
	private static final int MONTHS = 10;

	private static final String[] STAGES = { "PERFORMANCE_CLOSED", "VERIFIED", "SPP", "SPM", "SP2D" };

	private static final List<String> GAUGES = List.of("apbd_realised_rupiah", "apbd_tpp_months_paid",
			"apbd_tpp_months_late", "apbd_tpp_months_submitted_late", "apbd_tpp_last_month_paid",
			"apbd_tpp_rule_breached", "apbd_tpp_month_end_to_spm_seconds", "apbd_tpp_month_end_to_sp2d_seconds");

	@Test
	void shouldGiveTheOneAtATimeOutcomeWhateverThePollSizeAndOnReplay() {
		long seed = Long.getLong("apbd.property.seed", 20261130L);
		List<Message> stream = generate(new Random(seed), 700);
		Model model = Model.of(stream);
		String seedNote = "seed " + seed + " (replay with -Dapbd.property.seed=" + seed + ")";
		System.out.println("TPP batching property: " + seedNote + ", " + stream.size() + " records, expected "
				+ model.outcomes + ", " + model.stored.size() + " stored");
		// the property means something only if the stream holds each kind of case
		assertThat(model.outcomes.get("duplicate")).as(seedNote).isPositive();
		assertThat(model.deadLetters).as(seedNote)
			.anyMatch(letter -> letter.endsWith("STAGE_OUT_OF_ORDER"))
			.anyMatch(letter -> letter.endsWith("EVENT_ID_CONFLICT"))
			.anyMatch(letter -> letter.endsWith("INVALID_FIELD"))
			.anyMatch(letter -> letter.endsWith("MALFORMED_JSON"));

		Map<String, Object> base = TestService.fresh("tpp", "2026-12-31");
		String events = TestService.events(base);
		Map<String, Observed> observed;
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			// all produced first, so that a large poll holds the stages of a month together
			for (Message message : stream) {
				kafka.sendAsync(events, message.key(), message.json());
			}
			kafka.flush();
			observed = PollSizeRuns.run(TppPaymentsApplication.class, base, "tpp", stream.size(), seedNote,
					(service, name) -> observe(service, model, seedNote));
			List<KafkaTestClient.DeadLetter> dead = kafka.readAll(events + "-dlt", 4 * model.deadLetters.size(),
					Duration.ofSeconds(60));
			assertThat(dead).as(seedNote).hasSize(4 * model.deadLetters.size());
			for (String instance : PollSizeRuns.INSTANCES) {
				assertThat(PollSizeRuns.deadLetters(dead, "tpp-" + instance)).as(seedNote + ": dead letters of " + instance)
					.isEqualTo(model.deadLetters);
			}
		}
		for (Map.Entry<String, Observed> each : observed.entrySet()) {
			Observed seen = each.getValue();
			String as = seedNote + ": " + each.getKey();
			assertThat(seen.ledger).as(as + " ledger").isEqualTo(model.ledger());
			assertThat(seen.realised).as(as + " realised").isEqualTo(model.realisedByOpd());
			assertThat(seen.monthsPaid).as(as + " months paid").isEqualTo(model.monthsPaidByOpd());
			assertThat(seen.gauges).as(as + " gauges").isEqualTo(observed.get("p500").gauges);
			if (!each.getKey().equals("replay")) {
				assertThat(seen.outcomes).as(as + " outcomes counted").isEqualTo(model.outcomes);
			}
		}
		// the replay found everything stored: what was accepted is now a duplicate, rejections stay rejections
		Map<String, Long> replayed = observed.get("replay").outcomes;
		assertThat(replayed.get("accepted")).as(seedNote).isZero();
		assertThat(replayed.get("rejected")).as(seedNote).isEqualTo(model.outcomes.get("rejected"));
	}

	private static Observed observe(ConfigurableApplicationContext service, Model model, String seedNote) {
		Observed seen = new Observed();
		JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
		jdbc.query("select event_id, opd, month, stage, occurred_on, amount, payload_sha256 from tpp_ledger", rs -> {
			seen.ledger.put(rs.getString(1), rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4) + " "
					+ rs.getDate(5).toLocalDate() + " " + rs.getBigDecimal(6).toPlainString() + " "
					+ HexFormat.of().formatHex(rs.getBytes(7)));
		});
		// gauges are refreshed after each commit and every 5 s: wait for the last refresh to show
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = TestService.scrape(service);
			Map<String, BigDecimal> realised = new TreeMap<>();
			for (PrometheusScrape.Sample sample : scrape.named("apbd_realised_rupiah")) {
				if (sample.value() != 0 && OPDS.contains(sample.labels().get("opd"))) {
					realised.put(sample.labels().get("opd"),
							BigDecimal.valueOf(sample.value()).setScale(2, java.math.RoundingMode.HALF_UP));
				}
			}
			assertThat(realised).as(seedNote).isEqualTo(model.realisedByOpd());
			seen.realised = realised;
			seen.monthsPaid = new TreeMap<>();
			for (PrometheusScrape.Sample sample : scrape.named("apbd_tpp_months_paid")) {
				if (sample.value() != 0 && OPDS.contains(sample.labels().get("opd"))) {
					seen.monthsPaid.put(sample.labels().get("opd"), (int) sample.value());
				}
			}
			seen.gauges = PollSizeRuns.gauges(scrape, GAUGES);
			seen.outcomes = PollSizeRuns.outcomes(scrape, service.getEnvironment().getProperty("apbd.ingest.topic"));
		});
		return seen;
	}

	/** What one instance ended with. */
	private static final class Observed {

		final Map<String, String> ledger = new TreeMap<>();

		Map<String, BigDecimal> realised;

		Map<String, Integer> monthsPaid;

		Map<String, Double> gauges;

		Map<String, Long> outcomes;

	}

	/** One record of the stream. */
	record Message(String key, String json) {
	}

	/**
	 * The stream: 6 OPDs × 10 months; each step picks one OPD-month, usually the one before, and
	 * usually sends its next stage a few days after the last one sent.
	 */
	static List<Message> generate(Random random, int count) {
		List<Message> out = new ArrayList<>();
		Map<String, Integer> sentStage = new HashMap<>();
		Map<String, LocalDate> sentOn = new HashMap<>();
		List<Integer> resendAt = new ArrayList<>();
		List<Message> resend = new ArrayList<>();
		int next = 0;
		String opd = OPDS.get(0);
		int month = 1;
		while (out.size() < count) {
			for (int i = resendAt.size() - 1; i >= 0; i--) {
				if (resendAt.get(i) <= out.size()) {
					out.add(resend.remove(i));
					resendAt.remove(i);
				}
			}
			// mostly the same month again; a month whose SP2D was sent is left, now and then
			for (int tries = 0; tries < 4 && (random.nextInt(100) < 30
					|| (sentStage.getOrDefault(opd + "-" + month, -1) == 4 && random.nextInt(100) < 90)); tries++) {
				opd = OPDS.get(random.nextInt(OPDS.size()));
				month = 1 + random.nextInt(MONTHS);
			}
			String slot = opd + "-" + month;
			int stage = sentStage.getOrDefault(slot, -1);
			LocalDate last = sentOn.getOrDefault(slot, LocalDate.of(2026, month + 1, 1));
			int roll = random.nextInt(100);
			if (roll < 60) {
				// the next stage in order, usually; now and then one skipped or one sent again
				int skew = random.nextInt(10);
				int which = Math.min(4, Math.max(0, stage + ((skew == 0) ? 2 : (skew == 1) ? 0 : 1)));
				LocalDate on = last.plusDays(random.nextInt(4));
				String amount = BigDecimal.valueOf(50_000_000L + random.nextInt(1_000_000), 2).toPlainString();
				out.add(new Message(key(opd), stage("T-" + slot + "-" + STAGES[which] + "-" + (next++), opd, month,
						STAGES[which], on, amount)));
				sentStage.put(slot, Math.max(stage, which));
				sentOn.put(slot, on);
			}
			else if (roll < 67) {
				// the next stage dated before the stage it follows, or any stage at random
				int which = (random.nextBoolean()) ? Math.min(4, stage + 1) : random.nextInt(5);
				out.add(new Message(key(opd), stage("T-" + slot + "-" + STAGES[Math.max(0, which)] + "-" + (next++), opd,
						month, STAGES[Math.max(0, which)], last.minusDays(1 + random.nextInt(3)), "1000000.00")));
			}
			else if (roll < 79 && !out.isEmpty()) {
				out.add(out.get(random.nextInt(out.size())));
			}
			else if (roll < 92 && !out.isEmpty()) {
				// the same eventId with another payload; often the original is sent again soon after
				Message original = out.get(random.nextInt(out.size()));
				if (!original.json().contains("\"employees\":60")) {
					continue;
				}
				out.add(new Message(original.key(), original.json().replace("\"employees\":60", "\"employees\":61")));
				if (random.nextInt(10) < 6) {
					resend.add(original);
					resendAt.add(out.size() + random.nextInt(10));
				}
			}
			else if (roll < 96) {
				out.add(new Message(key(opd), stage("T-bad-month-" + (next++), opd, 13, "SPP", last, "1000.00")));
			}
			else {
				out.add(new Message(key(opd), "{\"eventId\": \"T-broken-" + (next++) + "\", "));
			}
		}
		return new ArrayList<>(out.subList(0, count));
	}

	private static String stage(String eventId, String opd, int month, String stage, LocalDate on, String amount) {
		return """
				{"eventId":"%s","type":"tpp-stage","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,"opd":"%s",
				 "occurredOn":"%s","document":{"kind":"OTHER","number":"%s"},"month":%d,"stage":"%s",
				 "amount":"%s","employees":60}"""
			.formatted(eventId, opd, on, eventId, month, stage, amount);
	}

	private static String key(String opd) {
		return "52.72/" + opd;
	}

	/** The expected result, one record at a time in stream order, from the contract (docs/events). */
	static final class Model {

		/** eventId → opd, month, stage, date, amount, sha256 of the stored payload. */
		final Map<String, String[]> stored = new HashMap<>();

		/** opd-month → index of the last stage reached, and its date. */
		private final Map<String, Integer> reached = new HashMap<>();

		private final Map<String, LocalDate> reachedOn = new HashMap<>();

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
			int month = Integer.parseInt(json.replaceAll("(?s).*\"month\":(\\d+).*", "$1"));
			if (month > 12) {
				reject(eventId, "INVALID_FIELD");
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
				if (existing[5].equals(sha)) {
					this.outcomes.merge("duplicate", 1L, Long::sum);
				}
				else {
					remember(eventId, sha, "EVENT_ID_CONFLICT");
				}
				return;
			}
			String opd = field(json, "opd");
			String stage = field(json, "stage");
			LocalDate on = LocalDate.parse(field(json, "occurredOn"));
			String slot = opd + "-" + month;
			int index = List.of(STAGES).indexOf(stage);
			int last = this.reached.getOrDefault(slot, -1);
			if (index != last + 1 || (last >= 0 && on.isBefore(this.reachedOn.get(slot)))) {
				remember(eventId, sha, "STAGE_OUT_OF_ORDER");
				return;
			}
			this.reached.put(slot, index);
			this.reachedOn.put(slot, on);
			this.stored.put(eventId, new String[] { opd, Integer.toString(month), stage, on.toString(),
					new BigDecimal(field(json, "amount")).setScale(2).toPlainString(), sha });
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
			this.stored.forEach((id, row) -> ledger.put(id, String.join(" ", row)));
			return ledger;
		}

		/** The SP2D amounts per OPD (every month is of 2026, the year watched). */
		Map<String, BigDecimal> realisedByOpd() {
			Map<String, BigDecimal> realised = new TreeMap<>();
			this.stored.values().stream().filter(row -> row[2].equals("SP2D"))
				.forEach(row -> realised.merge(row[0], new BigDecimal(row[4]), BigDecimal::add));
			return realised;
		}

		Map<String, Integer> monthsPaidByOpd() {
			Map<String, Integer> paid = new TreeMap<>();
			this.stored.values().stream().filter(row -> row[2].equals("SP2D"))
				.forEach(row -> paid.merge(row[0], 1, Integer::sum));
			return paid;
		}

		private static String field(String json, String name) {
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"")
				.matcher(json);
			return matcher.find() ? matcher.group(1) : null;
		}

	}

}
