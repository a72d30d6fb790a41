package id.apbdmonitor.up;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
import id.apbdmonitor.up.UpFigures.Rule;
import id.apbdmonitor.up.UpProperties.Rules;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static id.apbdmonitor.up.UpEvents.event;
import static id.apbdmonitor.up.UpEvents.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property: the outcome of a UP stream never depends on how it is batched. One generated stream
 * (seeded; the seed is in every failure message, {@code -Dapbd.property.seed=…} replays it) of
 * ceilings, UP, SPJ-GU, GU and TU disbursements, returns, closures, and TU accountings and
 * returns that settle a TU of the same poll or of an earlier one, name a TU that comes later,
 * never, belongs to another OPD or is no TU at all, or are dated before their TU; with
 * duplicates, conflicts and re-sends, malformed records and amounts out of bounds. It is read by
 * up-advances with {@code max.poll.records} 500, 1 and 7, each into its own database, and once
 * more by a new consumer group into the first database (a full replay; {@link PollSizeRuns}). All
 * give the ledger, the totals ({@code up_total}, {@code up_ceiling}, {@code up_tu}), dead letters
 * (eventId and reason) and gauges of a one-at-a-time model written here from the contract
 * (docs/events), the rule gauges those of the rule book over the model's facts; the replay
 * changes nothing.
 */
class UpBatchingPropertyIntegrationTests {

	private static final List<String> OPDS = List.of("SETDA", "DINKES", "KETAPANG", "DLH");

	private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]*)\"");

	private static final Pattern AMOUNT = Pattern.compile("\"amount\":\"([0-9.]+)\"");

	private static final LocalDate YEAR_END = LocalDate.of(2026, 12, 31);

	@Test
	void shouldGiveTheOneAtATimeOutcomeWhateverThePollSizeAndOnReplay() {
		long seed = Long.getLong("apbd.property.seed", 20261130L);
		List<Message> stream = Stream.generate(new Random(seed), 900);
		Model model = Model.of(stream);
		String seedNote = "seed " + seed + " (replay with -Dapbd.property.seed=" + seed + ")";
		System.out.println("UP batching property: " + seedNote + ", " + stream.size() + " records, expected "
				+ model.outcomes + ", dead letters " + model.deadLetters.size());

		Map<String, Object> base = TestService.fresh("up", "2026-12-31");
		base.put("apbd.snapshot.refresh-interval", "1s");
		String events = TestService.events(base);
		long records = model.outcomes.values().stream().mapToLong(Long::longValue).sum();
		Map<String, Observed> observed;
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			// all produced first, so that large polls hold a TU and its settlements, a conflict and the re-send;
			// the first one waited for, so that the topic exists before the burst (a burst into a topic being
			// auto-created can leave the test producer stuck on OUT_OF_ORDER_SEQUENCE_NUMBER on a busy machine)
			kafka.send(events, stream.get(0).key(), stream.get(0).value());
			for (Message message : stream.subList(1, stream.size())) {
				kafka.sendAsync(events, message.key(), message.value());
			}
			kafka.flush();
			observed = PollSizeRuns.run(UpAdvancesApplication.class, base, "up", records, seedNote,
					(service, name) -> observe(service, events, model, seedNote));
			List<KafkaTestClient.DeadLetter> dead = kafka.readAll(events + "-dlt", 4 * model.deadLetters.size(),
					Duration.ofSeconds(60));
			assertThat(dead).as(seedNote).hasSize(4 * model.deadLetters.size());
			for (String instance : PollSizeRuns.INSTANCES) {
				assertThat(PollSizeRuns.deadLetters(dead, "up-" + instance)).as(seedNote + ": dead letters of " + instance)
					.isEqualTo(model.deadLetters);
			}
		}

		for (Map.Entry<String, Observed> each : observed.entrySet()) {
			Observed seen = each.getValue();
			String as = seedNote + ": " + each.getKey();
			assertThat(seen.ledger).as(as + " ledger").isEqualTo(model.ledger());
			assertThat(seen.totals).as(as + " up_total").isEqualTo(model.totals());
			assertThat(seen.ceilings).as(as + " up_ceiling").isEqualTo(model.ceilings());
			assertThat(seen.tus).as(as + " up_tu").isEqualTo(model.tus());
			assertThat(seen.gauges).as(as + " gauges").isEqualTo(observed.get("p500").gauges);
			if (!each.getKey().equals("replay")) {
				assertThat(seen.outcomes).as(as + " outcomes counted").isEqualTo(model.outcomes);
			}
		}
		// the replay found everything stored: what was accepted is now a duplicate, rejections stay rejections
		Observed replayed = observed.get("replay");
		assertThat(replayed.outcomes.get("accepted")).as(seedNote).isZero();
		assertThat(replayed.outcomes.get("rejected")).as(seedNote).isEqualTo(model.outcomes.get("rejected"));
	}

	/** Reads the state of an instance that has counted every record, once its gauges show the model. */
	private static Observed observe(ConfigurableApplicationContext service, String events, Model model, String seedNote) {
		JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
		Observed seen = new Observed();
		jdbc.query("select event_id, event_type, opd, occurred_on, amount, tu, payload_sha256 from up_ledger", rs -> {
			seen.ledger.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " " + rs.getDate(4) + " "
					+ plain(rs.getBigDecimal(5)) + " " + rs.getString(6) + " " + HexFormat.of().formatHex(rs.getBytes(7)));
		});
		jdbc.query("select opd, event_type, amount, events, first_on, last_on from up_total", rs -> {
			seen.totals.put(rs.getString(1) + " " + rs.getString(2), plain(rs.getBigDecimal(3)) + " / " + rs.getLong(4)
					+ " / " + rs.getDate(5) + ".." + rs.getDate(6));
		});
		jdbc.query("select opd, occurred_on, amount from up_ceiling", rs -> {
			seen.ceilings.put(rs.getString(1), rs.getDate(2) + " " + plain(rs.getBigDecimal(3)));
		});
		jdbc.query("select event_id, opd, disbursed_on, amount, settled, last_settled_on from up_tu", rs -> {
			seen.tus.put(rs.getString(1), rs.getString(2) + " " + rs.getDate(3) + " " + plain(rs.getBigDecimal(4)) + " "
					+ plain(rs.getBigDecimal(5)) + " " + rs.getDate(6));
		});
		// gauges are refreshed after each commit and every second (replays from the first fact may wait for the timer)
		Map<String, Double> expected = model.gauges();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			PrometheusScrape scrape = TestService.scrape(service);
			Map<String, Double> gauges = gauges(scrape);
			Map<String, Double> modelled = new TreeMap<>(gauges);
			// the counted rules' series exist only while not 0: one the model lacks must not be scraped either
			modelled.keySet().removeIf(key -> !expected.containsKey(key) && !COUNTED_RULE_KEY.matcher(key).find());
			assertThat(modelled).as(seedNote).isEqualTo(expected);
			seen.gauges = gauges;
			seen.outcomes = PollSizeRuns.outcomes(scrape, events);
		});
		return seen;
	}

	/** Every UP gauge of the four OPDs as name{labels} → value. */
	private static Map<String, Double> gauges(PrometheusScrape scrape) {
		Map<String, Double> gauges = new TreeMap<>();
		for (String name : List.of("apbd_up_ceiling_rupiah", "apbd_up_disbursed_rupiah", "apbd_up_accounted_rupiah",
				"apbd_up_returned_rupiah", "apbd_up_outstanding_rupiah", "apbd_up_awaiting_refill_rupiah",
				"apbd_tu_oldest_open_rupiah", "apbd_up_first_disbursed_timestamp_seconds",
				"apbd_up_last_gu_timestamp_seconds", "apbd_up_closed_timestamp_seconds",
				"apbd_tu_oldest_open_timestamp_seconds", "apbd_tu_settled_late", "apbd_up_gu_eligible",
				"apbd_up_rule_breached", "apbd_up_rule_breaches")) {
			for (PrometheusScrape.Sample sample : scrape.named(name)) {
				if (OPDS.contains(sample.labels().get("opd"))) {
					gauges.put(gaugeKey(name, sample.labels().get("opd"), sample.labels().get("rule")),
							cents(sample.value()));
				}
			}
		}
		return gauges;
	}

	/** A gauge's value to the cent, as the model computes it from rupiah. */
	private static double cents(double value) {
		return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
	}

	/** A gauge key of a counted rule, which the model covers (the date rules depend on the business date). */
	private static final Pattern COUNTED_RULE_KEY = Pattern.compile(",rule=("
			+ String.join("|", java.util.Arrays.stream(Rule.values()).filter(Rule::counted).map(Rule::label).toList())
			+ ")}$");

	private static String gaugeKey(String name, String opd, String rule) {
		return name + "{opd=" + opd + ((rule != null) ? ",rule=" + rule : "") + "}";
	}

	private static String plain(BigDecimal amount) {
		return (amount != null) ? amount.setScale(2).toPlainString() : "null";
	}

	/** What one instance ended with. */
	private static final class Observed {

		final Map<String, String> ledger = new TreeMap<>();

		final Map<String, String> totals = new TreeMap<>();

		final Map<String, String> ceilings = new TreeMap<>();

		final Map<String, String> tus = new TreeMap<>();

		Map<String, Double> gauges;

		Map<String, Long> outcomes;

	}

	/** One record of the stream. */
	record Message(String key, String value) {
	}

	/** The generated stream, in the order it is produced. */
	static final class Stream {

		private final Random random;

		private final List<Message> out = new ArrayList<>();

		/** Per OPD, the TUs sent so far: event id and date. */
		private final Map<String, List<String[]>> tus = new HashMap<>();

		/** Per OPD, ids of other facts sent so far (a settlement may name one of them). */
		private final Map<String, List<String>> others = new HashMap<>();

		/** Per OPD, TU ids named by a settlement before their TU is sent. */
		private final Map<String, List<String>> promised = new HashMap<>();

		private int next;

		private Stream(Random random) {
			this.random = random;
		}

		static List<Message> generate(Random random, int count) {
			Stream stream = new Stream(random);
			List<Integer> resendAt = new ArrayList<>();
			List<Message> resend = new ArrayList<>();
			while (stream.out.size() < count) {
				for (int i = resendAt.size() - 1; i >= 0; i--) {
					if (resendAt.get(i) <= stream.out.size()) {
						stream.out.add(resend.remove(i));
						resendAt.remove(i);
					}
				}
				stream.one(resend, resendAt);
			}
			return stream.out.subList(0, count);
		}

		private void one(List<Message> resend, List<Integer> resendAt) {
			String opd = OPDS.get(this.random.nextInt(OPDS.size()));
			LocalDate date = LocalDate.of(2026, 1, 1).plusDays(this.random.nextInt(365));
			int roll = this.random.nextInt(100);
			if (roll < 6) {
				fact(opd, "up-ceiling-set", "OTHER", date, amount(400_000_000), null);
			}
			else if (roll < 14) {
				fact(opd, "up-disbursed", "SP2D", date, amount(300_000_000), null);
			}
			else if (roll < 24) {
				fact(opd, "gu-accounted", "SPJ", date, amount(100_000_000), null);
			}
			else if (roll < 32) {
				fact(opd, "gu-disbursed", "SP2D", date, amount(100_000_000), null);
			}
			else if (roll < 36) {
				fact(opd, "up-returned", "STS", date, amount(50_000_000), null);
			}
			else if (roll < 37) {
				fact(opd, "up-closed", "OTHER", date, null, null);
			}
			else if (roll < 47) {
				List<String> waiting = this.promised.getOrDefault(opd, new ArrayList<>());
				String id = (!waiting.isEmpty() && this.random.nextBoolean())
						? waiting.remove(this.random.nextInt(waiting.size())) : "TU-" + opd + "-" + (this.next++);
				this.out.add(new Message(key(opd), event(id, "tu-disbursed", opd, date.toString(), "SP2D",
						amount(80_000_000), null)));
				this.tus.computeIfAbsent(opd, k -> new ArrayList<>()).add(new String[] { id, date.toString() });
			}
			else if (roll < 70) {
				settlement(opd, date);
			}
			else if (roll < 80) {
				// a re-send, most often of a recent record (the same poll), sometimes of an old one
				int from = this.random.nextBoolean() ? Math.max(0, this.out.size() - 15) : 0;
				if (!this.out.isEmpty()) {
					this.out.add(this.out.get(from + this.random.nextInt(this.out.size() - from)));
				}
			}
			else if (roll < 90) {
				// the same eventId with another payload; often the original is sent again soon after
				if (this.out.isEmpty()) {
					return;
				}
				Message original = this.out.get(this.random.nextInt(this.out.size()));
				Matcher amount = AMOUNT.matcher(original.value());
				if (!amount.find()) {
					return;
				}
				String changed = new BigDecimal(amount.group(1)).add(BigDecimal.valueOf(1 + this.random.nextInt(100), 2))
					.toPlainString();
				this.out.add(new Message(original.key(), amount.replaceFirst("\"amount\":\"" + changed + "\"")));
				if (this.random.nextInt(10) < 6) {
					resend.add(original);
					resendAt.add(this.out.size() + this.random.nextInt(10));
				}
			}
			else if (roll < 95) {
				this.out.add(new Message(key(opd), "{\"eventId\": \"broken-" + (this.next++) + "\", "));
			}
			else {
				this.out.add(new Message(key(opd), event("ZERO-" + (this.next++), "up-disbursed", opd, date.toString(),
						"SP2D", "0.00", null)));
			}
		}

		private void settlement(String opd, LocalDate date) {
			String type = this.random.nextBoolean() ? "tu-accounted" : "tu-returned";
			String kind = type.equals("tu-accounted") ? "LPJ" : "STS";
			List<String[]> own = this.tus.getOrDefault(opd, List.of());
			int target = this.random.nextInt(100);
			String tu;
			LocalDate on = date;
			if (target < 60 && !own.isEmpty()) {
				// a recent TU of the OPD, on or after its date (the same poll as the TU, mostly)
				String[] recent = own.get(Math.max(0, own.size() - 1 - this.random.nextInt(3)));
				tu = recent[0];
				LocalDate disbursed = LocalDate.parse(recent[1]);
				on = (target < 52) ? min(disbursed.plusDays(this.random.nextInt(45)), YEAR_END)
						: disbursed.minusDays(1 + this.random.nextInt(10));
				if (on.getYear() != 2026) {
					on = disbursed;
				}
			}
			else if (target < 70) {
				// a TU sent later (or never)
				tu = "TU-" + opd + "-" + (this.next++);
				this.promised.computeIfAbsent(opd, k -> new ArrayList<>()).add(tu);
			}
			else if (target < 80) {
				String other = OPDS.get((OPDS.indexOf(opd) + 1) % OPDS.size());
				List<String[]> theirs = this.tus.getOrDefault(other, List.of());
				tu = theirs.isEmpty() ? "TU-" + other + "-none" : theirs.get(this.random.nextInt(theirs.size()))[0];
			}
			else if (target < 90 && !this.others.getOrDefault(opd, List.of()).isEmpty()) {
				List<String> facts = this.others.get(opd);
				tu = facts.get(this.random.nextInt(facts.size()));
			}
			else {
				tu = "TU-" + opd + "-unknown-" + (this.next++);
			}
			String id = kind + "-TU-" + opd + "-" + (this.next++);
			this.out.add(new Message(key(opd), event(id, type, opd, on.toString(), kind, amount(30_000_000), tu)));
		}

		private void fact(String opd, String type, String kind, LocalDate date, String amount, String tu) {
			String id = kind + "-" + opd + "-" + (this.next++);
			this.out.add(new Message(key(opd), event(id, type, opd, date.toString(), kind, amount, tu)));
			this.others.computeIfAbsent(opd, k -> new ArrayList<>()).add(id);
		}

		private String amount(int maxCents) {
			return BigDecimal.valueOf(1 + this.random.nextInt(maxCents), 2).toPlainString();
		}

		private static LocalDate min(LocalDate a, LocalDate b) {
			return a.isBefore(b) ? a : b;
		}

	}

	/**
	 * The expected result, one record at a time in stream order, from the contract (docs/events):
	 * an eventId stored before is a duplicate (same payload) or a conflict; a TU accounting or
	 * return must name a tu-disbursed event of its OPD and year dated no later than itself; a
	 * rejection decided against the ledger is given again for the same eventId and payload.
	 */
	static final class Model {

		/** Stored facts in the order they were accepted. */
		private final Map<String, Fact> stored = new LinkedHashMap<>();

		private final Map<String, String> rejectedBefore = new HashMap<>();

		final Map<String, Long> outcomes = new TreeMap<>();

		final List<String> deadLetters = new ArrayList<>();

		record Fact(String id, String type, String opd, LocalDate on, BigDecimal amount, String tu, String sha,
				String kind, String number) {
		}

		static Model of(List<Message> stream) {
			Model model = new Model();
			for (String outcome : List.of("accepted", "duplicate", "superseded", "ignored", "rejected")) {
				model.outcomes.put(outcome, 0L);
			}
			stream.forEach(model::one);
			Collections.sort(model.deadLetters);
			return model;
		}

		private void one(Message message) {
			String json = message.value();
			String sha = PoisonFields.sha256(json);
			Matcher id = EVENT_ID.matcher(json);
			if (!json.trim().endsWith("}") || !id.find()) {
				reject(PollSizeRuns.idOf(json), "MALFORMED_JSON");
				return;
			}
			String eventId = id.group(1);
			String type = field(json, "type");
			BigDecimal amount = (field(json, "amount") != null) ? new BigDecimal(field(json, "amount")) : null;
			if (amount != null && amount.signum() <= 0) {
				reject(eventId, "AMOUNT_OUT_OF_BOUNDS");
				return;
			}
			String remembered = this.rejectedBefore.get(eventId + " " + sha);
			if (remembered != null) {
				reject(eventId, remembered);
				return;
			}
			Fact existing = this.stored.get(eventId);
			if (existing != null) {
				if (existing.sha().equals(sha)) {
					this.outcomes.merge("duplicate", 1L, Long::sum);
				}
				else {
					rememberAndReject(eventId, sha, "EVENT_ID_CONFLICT");
				}
				return;
			}
			String opd = field(json, "opd");
			LocalDate on = LocalDate.parse(field(json, "occurredOn"));
			String tu = field(json, "tu");
			if (tu != null) {
				Fact settled = this.stored.get(tu);
				if (settled == null || !settled.type().equals("tu-disbursed") || !settled.opd().equals(opd)
						|| on.isBefore(settled.on())) {
					rememberAndReject(eventId, sha, "TU_NOT_DISBURSED");
					return;
				}
			}
			this.stored.put(eventId, new Fact(eventId, type, opd, on, amount, tu, sha, field(json, "kind"),
					field(json, "number")));
			this.outcomes.merge("accepted", 1L, Long::sum);
		}

		private void rememberAndReject(String eventId, String sha, String reason) {
			this.rejectedBefore.put(eventId + " " + sha, reason);
			reject(eventId, reason);
		}

		private void reject(String id, String reason) {
			this.outcomes.merge("rejected", 1L, Long::sum);
			this.deadLetters.add(id + " " + reason);
		}

		Map<String, String> ledger() {
			Map<String, String> ledger = new TreeMap<>();
			this.stored.values()
				.forEach(fact -> ledger.put(fact.id(), fact.type() + " " + fact.opd() + " " + fact.on() + " "
						+ plain(fact.amount()) + " " + fact.tu() + " " + fact.sha()));
			return ledger;
		}

		Map<String, String> totals() {
			Map<String, List<Fact>> byKey = new TreeMap<>();
			this.stored.values()
				.forEach(fact -> byKey.computeIfAbsent(fact.opd() + " " + fact.type(), k -> new ArrayList<>()).add(fact));
			Map<String, String> totals = new TreeMap<>();
			byKey.forEach((key, facts) -> {
				BigDecimal sum = facts.stream()
					.map(fact -> (fact.amount() != null) ? fact.amount() : BigDecimal.ZERO)
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				LocalDate first = facts.stream().map(Fact::on).min(Comparator.naturalOrder()).orElseThrow();
				LocalDate last = facts.stream().map(Fact::on).max(Comparator.naturalOrder()).orElseThrow();
				totals.put(key, plain(sum) + " / " + facts.size() + " / " + first + ".." + last);
			});
			return totals;
		}

		/** The decree in force per OPD: the latest by date, then by arrival. */
		Map<String, String> ceilings() {
			Map<String, Fact> inForce = new TreeMap<>();
			for (Fact fact : this.stored.values()) {
				if (fact.type().equals("up-ceiling-set")) {
					Fact before = inForce.get(fact.opd());
					if (before == null || !fact.on().isBefore(before.on())) {
						inForce.put(fact.opd(), fact);
					}
				}
			}
			Map<String, String> ceilings = new TreeMap<>();
			inForce.forEach((opd, fact) -> ceilings.put(opd, fact.on() + " " + plain(fact.amount())));
			return ceilings;
		}

		/** Every TU with the sum of its settlements and the date of the last. */
		Map<String, String> tus() {
			Map<String, String> tus = new TreeMap<>();
			for (Fact fact : this.stored.values()) {
				if (!fact.type().equals("tu-disbursed")) {
					continue;
				}
				List<Fact> settlements = this.stored.values().stream().filter(s -> fact.id().equals(s.tu())).toList();
				BigDecimal settled = settlements.stream().map(Fact::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
				LocalDate last = settlements.stream().map(Fact::on).max(Comparator.naturalOrder()).orElse(null);
				tus.put(fact.id(), fact.opd() + " " + fact.on() + " " + plain(fact.amount()) + " " + plain(settled) + " "
						+ ((last != null) ? last.toString() : "null"));
			}
			return tus;
		}

		/**
		 * The money gauges (sums of the stored facts) and the counted rules' gauges: the rule book
		 * (tested on its own in UpRuleBookTests) over each OPD's facts in the order they happened.
		 */
		Map<String, Double> gauges() {
			Map<String, Double> gauges = new TreeMap<>();
			UpRuleBook rules = new UpRuleBook(Rules.defaults());
			Map<String, String> ceilings = ceilings();
			for (String opd : OPDS) {
				List<Fact> facts = this.stored.values().stream().filter(fact -> fact.opd().equals(opd)).toList();
				gauges.put(gaugeKey("apbd_up_disbursed_rupiah", opd, null),
						sum(facts, "up-disbursed", "gu-disbursed", "tu-disbursed"));
				gauges.put(gaugeKey("apbd_up_accounted_rupiah", opd, null), sum(facts, "gu-accounted", "tu-accounted"));
				gauges.put(gaugeKey("apbd_up_returned_rupiah", opd, null), sum(facts, "up-returned", "tu-returned"));
				String ceiling = ceilings.get(opd);
				gauges.put(gaugeKey("apbd_up_ceiling_rupiah", opd, null),
						(ceiling != null) ? new BigDecimal(ceiling.split(" ")[1]).doubleValue() : 0.0);
				// in the order they happened: by date, then by arrival (a stable sort keeps the arrival order)
				List<UpLedger.Fact> ordered = facts.stream()
					.sorted(Comparator.comparing(Fact::on))
					.map(fact -> new UpLedger.Fact(fact.id(), fact.opd(), fact.type(), fact.on(), fact.kind(),
							fact.number(), fact.amount(), fact.tu()))
					.toList();
				UpRuleBook.Verdict verdict = rules.judge(ordered);
				for (Rule rule : Rule.values()) {
					// exported only while not 0
					if (rule.counted() && verdict.counts().containsKey(rule)) {
						gauges.put(gaugeKey("apbd_up_rule_breaches", opd, rule.label()),
								(double) verdict.counts().get(rule));
					}
					if (rule.counted() && verdict.standing().contains(rule)) {
						gauges.put(gaugeKey("apbd_up_rule_breached", opd, rule.label()), 1.0);
					}
				}
			}
			return gauges;
		}

		private static double sum(List<Fact> facts, String... types) {
			List<String> wanted = List.of(types);
			return facts.stream()
				.filter(fact -> wanted.contains(fact.type()))
				.map(Fact::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add)
				.setScale(2)
				.doubleValue();
		}

		private static String field(String json, String name) {
			Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
			return matcher.find() ? matcher.group(1) : null;
		}

	}

}
