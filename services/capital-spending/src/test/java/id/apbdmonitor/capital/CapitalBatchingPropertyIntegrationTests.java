package id.apbdmonitor.capital;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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

import static id.apbdmonitor.core.test.TestEvents.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property: the outcome of a capital stream never depends on how it is batched. One generated
 * stream (seeded; the seed is in every failure message, {@code -Dapbd.property.seed=…} replays
 * it) of contract signatures, progress reports in and out of date order, handovers, payments up
 * to and above the contract value, reversals before and after their payment, partial, full and
 * excessive, of a non-payment or another OPD's payment, references to contracts not yet or never
 * signed or of another OPD, contracts signed twice, duplicates, conflicts and re-sends, and
 * malformed records is read by capital-spending with {@code max.poll.records} 500, 1 and 7, each
 * into its own database, and once more by a new consumer group into the first database (a full
 * replay; {@link PollSizeRuns}). All give the ledger, contract states, totals, dead letters
 * (eventId and reason) and money gauges of a one-at-a-time model written here from
 * docs/events/capital.md, and the replay changes nothing. Every record has one key, so one
 * partition: the stream's order is the order every instance reads, also across OPDs (the
 * references to another OPD's contract or payment).
 */
class CapitalBatchingPropertyIntegrationTests {

	private static final String ACCOUNT = "5.2.03.01.01.0001";

	private static final String KEY = key("PUPR");

	/** The OPDs and their sub-kegiatan: project ones (nufrep-drainage, livable-drainage, …) and others. */
	private static final Map<String, List<String>> SUB_ACTIVITIES = new LinkedHashMap<>();

	static {
		SUB_ACTIVITIES.put("PUPR", List.of("1.03.03.2.01.0002", "1.03.03.2.01.0003", "1.03.03.2.01.0009"));
		SUB_ACTIVITIES.put("PERKIM", List.of("1.04.02.2.01.0005", "1.04.02.2.01.0002"));
		SUB_ACTIVITIES.put("RSUD", List.of("1.02.02.2.01.0001", "1.02.02.2.01.0007"));
		SUB_ACTIVITIES.put("DLH", List.of("2.11.05.2.01.0001"));
	}

	private static final List<String> OPDS = List.copyOf(SUB_ACTIVITIES.keySet());

	@Test
	void shouldGiveTheOneAtATimeOutcomeWhateverThePollSizeAndOnReplay() {
		long seed = Long.getLong("apbd.property.seed", 20261130L);
		List<Message> stream = Generator.generate(new Random(seed), 1200);
		Model model = Model.of(stream);
		String seedNote = "seed " + seed + " (replay with -Dapbd.property.seed=" + seed + ")";
		System.out.println("Capital batching property: " + seedNote + ", " + stream.size() + " records, expected "
				+ model.outcomes + ", " + model.deadLetters.size() + " dead letters by reason " + model.reasons());

		Map<String, Object> base = TestService.fresh("capital", "2026-12-31");
		String events = TestService.events(base);
		long records = model.outcomes.values().stream().mapToLong(Long::longValue).sum();
		Map<String, Observed> observed;
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			// all produced first, so that large polls hold a contract with its payments, a payment and its reversal;
			// the first one waited for, so that the topic exists before the burst (a burst into a topic being
			// auto-created can leave the test producer stuck on OUT_OF_ORDER_SEQUENCE_NUMBER on a busy machine)
			kafka.send(events, KEY, stream.get(0).json());
			for (Message message : stream.subList(1, stream.size())) {
				kafka.sendAsync(events, KEY, message.json());
			}
			kafka.flush();
			observed = PollSizeRuns.run(CapitalSpendingApplication.class, base, "capital", records, seedNote,
					(service, name) -> observe(service, events, model, seedNote));
			List<KafkaTestClient.DeadLetter> dead = kafka.readAll(events + "-dlt", 4 * model.deadLetters.size(),
					Duration.ofSeconds(60));
			assertThat(dead).as(seedNote).hasSize(4 * model.deadLetters.size());
			for (String instance : PollSizeRuns.INSTANCES) {
				assertThat(PollSizeRuns.deadLetters(dead, "capital-" + instance))
					.as(seedNote + ": dead letters of " + instance)
					.isEqualTo(model.deadLetters);
			}
		}

		for (Map.Entry<String, Observed> each : observed.entrySet()) {
			Observed seen = each.getValue();
			String as = seedNote + ": " + each.getKey();
			assertThat(seen.ledger).as(as + " ledger").isEqualTo(model.ledger());
			assertThat(seen.contracts).as(as + " contracts").isEqualTo(model.contracts());
			assertThat(seen.totals).as(as + " totals").isEqualTo(model.totals());
			assertThat(seen.money).as(as + " money gauges").isEqualTo(model.moneyGauges());
			assertThat(seen.gauges).as(as + " gauges").isEqualTo(observed.get("p500").gauges);
			if (!each.getKey().equals("replay")) {
				assertThat(seen.outcomes).as(as + " outcomes counted").isEqualTo(model.outcomes);
			}
		}
		// the replay found everything stored: what was accepted is now a duplicate, rejections stay rejections
		Observed replayed = observed.get("replay");
		assertThat(replayed.outcomes.get("accepted")).as(seedNote).isZero();
		assertThat(replayed.outcomes.get("rejected")).as(seedNote).isEqualTo(model.outcomes.get("rejected"));
		assertThat(replayed.outcomes.get("duplicate")).as(seedNote)
			.isEqualTo(model.outcomes.get("duplicate") + model.outcomes.get("accepted"));
	}

	/** Reads the state of an instance that has counted every record. */
	private static Observed observe(ConfigurableApplicationContext service, String events, Model model, String seedNote) {
		JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
		Observed seen = new Observed();
		jdbc.query("""
				select event_id, event_type, opd, contract_id, amount, physical_progress, stage, reverses, occurred_on,
				       payload_sha256 from capital_event""",
				rs -> {
					seen.ledger.put(rs.getString(1), String.join(" ", rs.getString(2), rs.getString(3), rs.getString(4),
							plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6)), rs.getString(7), rs.getString(8),
							rs.getString(9), HexFormat.of().formatHex(rs.getBytes(10))));
				});
		jdbc.query("""
				select contract_id, event_id, opd, sub_activity, contract_value, paid, physical_progress, handed_over_on,
				       planned_end from capital_contract""",
				rs -> {
					seen.contracts.put(rs.getString(1), String.join(" ", rs.getString(2), rs.getString(3), rs.getString(4),
							plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6)), plain(rs.getBigDecimal(7)),
							rs.getString(8), rs.getString(9)));
				});
		jdbc.query("""
				select opd, sub_activity, contracts, contracted, paid, progress_value, handed_over_unpaid, planned_end
				from capital_total""",
				rs -> {
					seen.totals.put(rs.getString(1) + " " + rs.getString(2), String.join(" ", rs.getString(3),
							plain(rs.getBigDecimal(4)), plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6)),
							plain(rs.getBigDecimal(7)), rs.getString(8)));
				});
		// gauges are refreshed after each commit and every 5 s: wait for the last refresh to show
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = TestService.scrape(service);
			Map<String, BigDecimal> money = money(scrape);
			assertThat(money).as(seedNote).isEqualTo(model.moneyGauges());
			seen.money = money;
			// every business gauge of the service (not the ingest counters, timers or clocks)
			seen.gauges = PollSizeRuns.gauges(scrape, sample -> sample.name().startsWith("apbd_")
					&& !sample.name().startsWith("apbd_ingest") && sample.labels().containsKey("category"));
			seen.outcomes = PollSizeRuns.outcomes(scrape, events);
		});
		return seen;
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? value.toPlainString() : "null";
	}

	/** The rupiah gauges per OPD and project that are not 0, rounded to the sen. */
	private static Map<String, BigDecimal> money(PrometheusScrape scrape) {
		Map<String, BigDecimal> money = new TreeMap<>();
		for (String name : List.of("apbd_realised_rupiah", "apbd_contracted_rupiah", "apbd_handed_over_unpaid_rupiah",
				"apbd_project_contracted_rupiah", "apbd_project_realised_rupiah",
				"apbd_project_handed_over_unpaid_rupiah")) {
			for (PrometheusScrape.Sample sample : scrape.named(name)) {
				if (sample.value() != 0) {
					String label = sample.labels().containsKey("project") ? sample.labels().get("project")
							: sample.labels().get("opd");
					money.put(name + " " + label, BigDecimal.valueOf(sample.value()).setScale(2, RoundingMode.HALF_UP));
				}
			}
		}
		return money;
	}

	/** What one instance ended with. */
	private static final class Observed {

		final Map<String, String> ledger = new TreeMap<>();

		final Map<String, String> contracts = new TreeMap<>();

		final Map<String, String> totals = new TreeMap<>();

		Map<String, BigDecimal> money;

		Map<String, Double> gauges;

		Map<String, Long> outcomes;

	}

	/**
	 * One record of the stream: its JSON and the fields it was written from (null where the type
	 * has none); {@code type} null for a malformed record.
	 */
	record Message(String json, String type, String eventId, String opd, LocalDate on, String contractId,
			String subActivity, BigDecimal value, LocalDate plannedEnd, BigDecimal progress, String stage,
			BigDecimal amount, String reverses) {

		static Message signed(String eventId, String opd, LocalDate on, String contractId, String subActivity,
				BigDecimal value, LocalDate plannedEnd) {
			String json = """
					{"eventId":"%s","type":"capital-contract-signed","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
					 "opd":"%s","occurredOn":"%s","document":{"kind":"CONTRACT","number":"%s/SPK"},
					 "contractId":"%s","subActivity":"%s","account":"%s","supplier":"CV Uji","value":"%s","plannedEnd":"%s"}"""
				.formatted(eventId, opd, on, contractId, contractId, subActivity, ACCOUNT, value.toPlainString(),
						plannedEnd);
			return new Message(json, "capital-contract-signed", eventId, opd, on, contractId, subActivity, value,
					plannedEnd, null, null, null, null);
		}

		static Message progress(String eventId, String opd, LocalDate on, String contractId, BigDecimal percent) {
			String json = """
					{"eventId":"%s","type":"capital-progress-reported","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
					 "opd":"%s","occurredOn":"%s","document":{"kind":"OTHER","number":"%s/LAPORAN"},
					 "contractId":"%s","physicalProgress":%s}"""
				.formatted(eventId, opd, on, eventId, contractId, percent.toPlainString());
			return new Message(json, "capital-progress-reported", eventId, opd, on, contractId, null, null, null,
					percent, null, null, null);
		}

		static Message handedOver(String eventId, String opd, LocalDate on, String contractId) {
			String json = """
					{"eventId":"%s","type":"capital-handed-over","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
					 "opd":"%s","occurredOn":"%s","document":{"kind":"BAST","number":"%s/BAST"},"contractId":"%s"}"""
				.formatted(eventId, opd, on, eventId, contractId);
			return new Message(json, "capital-handed-over", eventId, opd, on, contractId, null, null, null, null, null,
					null, null);
		}

		static Message payment(String eventId, String opd, LocalDate on, String contractId, String stage,
				BigDecimal amount) {
			String json = """
					{"eventId":"%s","type":"capital-payment","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
					 "opd":"%s","occurredOn":"%s","document":{"kind":"SP2D","number":"%s/SP2D-LS"},
					 "contractId":"%s","stage":"%s","amount":"%s"}"""
				.formatted(eventId, opd, on, eventId, contractId, stage, amount.toPlainString());
			return new Message(json, "capital-payment", eventId, opd, on, contractId, null, null, null, null, stage,
					amount, null);
		}

		static Message reversal(String eventId, String opd, LocalDate on, String reverses, BigDecimal amount) {
			String json = """
					{"eventId":"%s","type":"capital-payment-reversed","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
					 "opd":"%s","occurredOn":"%s","document":{"kind":"SP2D","number":"%s/BATAL"},
					 "reverses":"%s","amount":"%s","reason":"SP2D dibatalkan"}"""
				.formatted(eventId, opd, on, eventId, reverses, amount.toPlainString());
			return new Message(json, "capital-payment-reversed", eventId, opd, on, null, null, null, null, null, null,
					amount, reverses);
		}

		static Message malformed(String eventId) {
			return new Message("{\"eventId\": \"" + eventId + "\", ", null, eventId, null, null, null, null, null, null,
					null, null, null, null);
		}

		/** The same eventId with another payload: dated a day later. */
		Message conflicting() {
			LocalDate later = this.on.plusDays(1);
			return switch (this.type) {
				case "capital-contract-signed" -> signed(this.eventId, this.opd, later, this.contractId,
						this.subActivity, this.value, this.plannedEnd);
				case "capital-progress-reported" -> progress(this.eventId, this.opd, later, this.contractId,
						this.progress);
				case "capital-handed-over" -> handedOver(this.eventId, this.opd, later, this.contractId);
				case "capital-payment" -> payment(this.eventId, this.opd, later, this.contractId, this.stage,
						this.amount);
				default -> reversal(this.eventId, this.opd, later, this.reverses, this.amount);
			};
		}

	}

	/** The generated stream, in the order it is produced. */
	static final class Generator {

		private final Random random;

		private final List<Message> out = new ArrayList<>();

		/** Contracts generated so far (signed or not yet), with their OPD and value. */
		private final List<String[]> contracts = new ArrayList<>();

		/** Contract ids named before their signature, per OPD: signed later, or never. */
		private final Map<String, List<String>> promisedContracts = new HashMap<>();

		/** Payments generated so far: id, OPD, amount. */
		private final List<String[]> payments = new ArrayList<>();

		private final Map<String, List<String>> promisedPayments = new HashMap<>();

		/** Per contract: the last generated progress report's day and percent, for mostly coherent histories. */
		private final Map<String, int[]> lastProgress = new HashMap<>();

		private final List<Integer> resendAt = new ArrayList<>();

		private final List<Message> resend = new ArrayList<>();

		private int next;

		private Generator(Random random) {
			this.random = random;
		}

		static List<Message> generate(Random random, int count) {
			Generator generator = new Generator(random);
			while (generator.out.size() < count) {
				generator.step();
			}
			return List.copyOf(generator.out.subList(0, count));
		}

		private void step() {
			for (int i = this.resendAt.size() - 1; i >= 0; i--) {
				if (this.resendAt.get(i) <= this.out.size()) {
					this.out.add(this.resend.remove(i));
					this.resendAt.remove(i);
				}
			}
			String opd = OPDS.get(this.random.nextInt(OPDS.size()));
			LocalDate on = LocalDate.of(2026, 1, 1).plusDays(this.random.nextInt(300));
			int roll = this.random.nextInt(100);
			if (roll < 20 || this.contracts.isEmpty()) {
				sign(opd, on);
			}
			else if (roll < 38) {
				progress(opd);
			}
			else if (roll < 44) {
				String contract = contract(opd);
				this.out.add(Message.handedOver("BAST-" + (this.next++), opd, on, contract));
			}
			else if (roll < 66) {
				pay(opd, on);
			}
			else if (roll < 79) {
				reverse(opd, on);
			}
			else if (roll < 88) {
				this.out.add(this.out.get(this.random.nextInt(this.out.size())));
			}
			else if (roll < 97) {
				Message original = this.out.get(this.random.nextInt(this.out.size()));
				if (original.type() == null) {
					return;
				}
				this.out.add(original.conflicting());
				if (this.random.nextInt(10) < 6) {
					this.resend.add(original);
					this.resendAt.add(this.out.size() + this.random.nextInt(10));
				}
			}
			else {
				this.out.add(Message.malformed("broken-" + (this.next++)));
			}
		}

		private void sign(String opd, LocalDate on) {
			List<String> waiting = this.promisedContracts.computeIfAbsent(opd, k -> new ArrayList<>());
			int pick = this.random.nextInt(10);
			String contractId;
			if (pick < 1 && !this.contracts.isEmpty()) {
				// signed again under another eventId (or by another OPD): a conflict
				contractId = this.contracts.get(this.random.nextInt(this.contracts.size()))[0];
			}
			else if (pick < 5 && !waiting.isEmpty()) {
				contractId = waiting.remove(this.random.nextInt(waiting.size()));
			}
			else {
				contractId = "K-" + opd + "-" + (this.next++);
			}
			List<String> subs = SUB_ACTIVITIES.get(opd);
			BigDecimal value = BigDecimal.valueOf(100_000_000L + this.random.nextInt(1_900_000_000), 2);
			this.contracts.add(new String[] { contractId, opd, value.toPlainString() });
			this.out.add(Message.signed("SPK-" + (this.next++), opd, on, contractId,
					subs.get(this.random.nextInt(subs.size())), value, on.plusDays(30 + this.random.nextInt(200))));
		}

		/** A contract of the OPD mostly; sometimes one not signed yet (or never), or another OPD's. */
		private String contract(String opd) {
			int pick = this.random.nextInt(100);
			if (pick < 8) {
				String promised = "K-" + opd + "-" + (this.next++);
				this.promisedContracts.computeIfAbsent(opd, k -> new ArrayList<>()).add(promised);
				return promised;
			}
			if (pick < 11) {
				return "K-NEVER-" + (this.next++);
			}
			List<String[]> own = this.contracts.stream().filter(c -> c[1].equals(opd)).toList();
			if (pick < 16 || own.isEmpty()) {
				return this.contracts.get(this.random.nextInt(this.contracts.size()))[0];
			}
			return own.get(this.random.nextInt(own.size()))[0];
		}

		private String[] contractRow(String contractId) {
			for (String[] contract : this.contracts) {
				if (contract[0].equals(contractId)) {
					return contract;
				}
			}
			return null;
		}

		private void progress(String opd) {
			String contract = contract(opd);
			int[] last = this.lastProgress.get(contract);
			int day;
			int hundredths;
			if (last != null && this.random.nextInt(4) > 0) {
				// usually a later report, not lower; sometimes a late report of an earlier date
				boolean late = this.random.nextInt(5) == 0;
				day = late ? Math.max(0, last[0] - 1 - this.random.nextInt(20)) : Math.min(363, last[0] + 1 + this.random.nextInt(40));
				hundredths = late ? Math.max(0, last[1] - this.random.nextInt(2000))
						: Math.min(10_000, last[1] + this.random.nextInt(3000));
			}
			else {
				// up to 30 December: a conflicting copy is dated a day later, still in the fiscal year
				day = this.random.nextInt(364);
				hundredths = this.random.nextInt(10_001);
			}
			if (last == null || day > last[0]) {
				this.lastProgress.put(contract, new int[] { day, hundredths });
			}
			this.out.add(Message.progress("PROG-" + (this.next++), opd, LocalDate.of(2026, 1, 1).plusDays(day),
					contract, BigDecimal.valueOf(hundredths, 2)));
		}

		private void pay(String opd, LocalDate on) {
			String contract = contract(opd);
			String[] row = contractRow(contract);
			BigDecimal value = (row != null) ? new BigDecimal(row[2]) : BigDecimal.valueOf(500_000_000L, 2);
			// 5 to 45 % of the value: a few payments fit, then one goes above the value
			BigDecimal amount = value.multiply(BigDecimal.valueOf(5 + this.random.nextInt(41)))
				.divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
			List<String> waiting = this.promisedPayments.computeIfAbsent(opd, k -> new ArrayList<>());
			String id = (!waiting.isEmpty() && this.random.nextBoolean())
					? waiting.remove(this.random.nextInt(waiting.size())) : "SP2D-" + (this.next++);
			this.payments.add(new String[] { id, opd, amount.toPlainString() });
			String stage = List.of("ADVANCE", "INSTALMENT", "FINAL").get(this.random.nextInt(3));
			this.out.add(Message.payment(id, opd, on, contract, stage, amount));
		}

		private void reverse(String opd, LocalDate on) {
			List<String[]> own = this.payments.stream().filter(p -> p[1].equals(opd)).toList();
			int target = this.random.nextInt(100);
			String reverses;
			BigDecimal original = null;
			if (target < 55 && !own.isEmpty()) {
				String[] payment = own.get(this.random.nextInt(own.size()));
				reverses = payment[0];
				original = new BigDecimal(payment[2]);
			}
			else if (target < 72) {
				// a reversal before its payment: the payment comes later, or never
				reverses = "SP2D-" + (this.next++);
				this.promisedPayments.computeIfAbsent(opd, k -> new ArrayList<>()).add(reverses);
			}
			else if (target < 82 && !this.payments.isEmpty()) {
				// another OPD's payment, mostly
				String[] payment = this.payments.get(this.random.nextInt(this.payments.size()));
				reverses = payment[0];
				original = new BigDecimal(payment[2]);
			}
			else if (target < 92) {
				// not a payment: a signature, a progress report, a reversal
				reverses = this.out.get(this.random.nextInt(this.out.size())).eventId();
			}
			else {
				reverses = "SP2D-UNKNOWN-" + (this.next++);
			}
			if (original == null) {
				original = BigDecimal.valueOf(1 + this.random.nextInt(100_000_000), 2);
			}
			int size = this.random.nextInt(100);
			BigDecimal amount = (size < 45) ? original.multiply(BigDecimal.valueOf(1 + this.random.nextInt(60)))
				.divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN)
				.max(new BigDecimal("0.01")) : (size < 75) ? original
						: original.add(BigDecimal.valueOf(1 + this.random.nextInt(1000), 2));
			this.out.add(Message.reversal("BATAL-" + (this.next++), opd, on, reverses, amount));
		}

	}

	/**
	 * The expected result, one record at a time in stream order, from the rules of
	 * docs/events/capital.md and the idempotency rules of docs/events: written from the contract,
	 * not from the service's code. A record the ledger stage rejected is rejected again with the
	 * same reason when it comes back with the same payload (the pipeline remembers rejections).
	 */
	static final class Model {

		private final Map<String, Message> stored = new HashMap<>();

		/** The contract a stored event belongs to (a reversal: its payment's). */
		private final Map<String, String> contractOfEvent = new HashMap<>();

		private final Map<String, String> rejectedBefore = new HashMap<>();

		private final Map<String, Contract> contracts = new TreeMap<>();

		private final Map<String, BigDecimal> reversedOf = new HashMap<>();

		final Map<String, Long> outcomes = new TreeMap<>();

		final List<String> deadLetters = new ArrayList<>();

		private Model() {
			for (String outcome : List.of("accepted", "duplicate", "superseded", "ignored", "rejected")) {
				this.outcomes.put(outcome, 0L);
			}
		}

		static Model of(List<Message> stream) {
			Model model = new Model();
			for (Message message : stream) {
				model.consume(message);
			}
			Collections.sort(model.deadLetters);
			return model;
		}

		Map<String, Long> reasons() {
			Map<String, Long> reasons = new TreeMap<>();
			for (String letter : this.deadLetters) {
				reasons.merge(letter.substring(letter.lastIndexOf(' ') + 1), 1L, Long::sum);
			}
			return reasons;
		}

		private void consume(Message message) {
			if (message.type() == null) {
				reject(message.eventId(), "MALFORMED_JSON");
				return;
			}
			String sha = PoisonFields.sha256(message.json());
			String remembered = this.rejectedBefore.get(message.eventId() + " " + sha);
			if (remembered != null) {
				reject(message.eventId(), remembered);
				return;
			}
			Message existing = this.stored.get(message.eventId());
			String reason;
			if (existing != null) {
				if (PoisonFields.sha256(existing.json()).equals(sha)) {
					this.outcomes.merge("duplicate", 1L, Long::sum);
					return;
				}
				reason = "EVENT_ID_CONFLICT";
			}
			else {
				reason = apply(message);
			}
			if (reason == null) {
				this.stored.put(message.eventId(), message);
				this.outcomes.merge("accepted", 1L, Long::sum);
			}
			else {
				this.rejectedBefore.put(message.eventId() + " " + sha, reason);
				reject(message.eventId(), reason);
			}
		}

		/** Null when the event is accepted (and its effect applied), else the reason. */
		private String apply(Message message) {
			if (message.type().equals("capital-contract-signed")) {
				if (this.contracts.containsKey(message.contractId())) {
					return "CONTRACT_CONFLICT";
				}
				this.contracts.put(message.contractId(), new Contract(message));
				this.contractOfEvent.put(message.eventId(), message.contractId());
				return null;
			}
			if (message.type().equals("capital-payment-reversed")) {
				Message payment = this.stored.get(message.reverses());
				if (payment == null) {
					return "UNKNOWN_REFERENCE";
				}
				if (!payment.type().equals("capital-payment") || !payment.opd().equals(message.opd())) {
					return "REFERENCE_MISMATCH";
				}
				BigDecimal left = payment.amount().subtract(this.reversedOf.getOrDefault(payment.eventId(), BigDecimal.ZERO));
				if (message.amount().compareTo(left) > 0) {
					return "REVERSAL_EXCEEDS_ORIGINAL";
				}
				this.reversedOf.merge(payment.eventId(), message.amount(), BigDecimal::add);
				Contract contract = this.contracts.get(payment.contractId());
				contract.paid = contract.paid.subtract(message.amount());
				this.contractOfEvent.put(message.eventId(), payment.contractId());
				return null;
			}
			Contract contract = this.contracts.get(message.contractId());
			if (contract == null) {
				return "UNKNOWN_REFERENCE";
			}
			if (!contract.signed.opd().equals(message.opd())) {
				return "REFERENCE_MISMATCH";
			}
			switch (message.type()) {
				case "capital-progress-reported" -> {
					for (Message report : contract.reports) {
						boolean earlierOrSameDay = !report.on().isAfter(message.on());
						if ((earlierOrSameDay && report.progress().compareTo(message.progress()) > 0)
								|| (!earlierOrSameDay && report.progress().compareTo(message.progress()) < 0)) {
							return "PROGRESS_NOT_MONOTONIC";
						}
					}
					contract.reports.add(message);
					contract.progress = contract.progress.max(message.progress());
				}
				case "capital-handed-over" -> {
					if (contract.handedOverOn != null) {
						return "CONTRACT_CONFLICT";
					}
					contract.handedOverOn = message.on();
				}
				default -> {
					if (contract.paid.add(message.amount()).compareTo(contract.signed.value()) > 0) {
						return "PAYMENT_EXCEEDS_CONTRACT";
					}
					contract.paid = contract.paid.add(message.amount());
				}
			}
			this.contractOfEvent.put(message.eventId(), message.contractId());
			return null;
		}

		private void reject(String eventId, String reason) {
			this.outcomes.merge("rejected", 1L, Long::sum);
			this.deadLetters.add(eventId + " " + reason);
		}

		/** eventId → what the ledger row holds, as the test reads it. */
		Map<String, String> ledger() {
			Map<String, String> ledger = new TreeMap<>();
			this.stored.forEach((id, m) -> {
				BigDecimal amount = switch (m.type()) {
					case "capital-payment" -> m.amount();
					case "capital-payment-reversed" -> m.amount().negate();
					default -> null;
				};
				ledger.put(id, String.join(" ", m.type(), m.opd(), this.contractOfEvent.get(id), plain(amount),
						plain(m.progress()), m.stage(), m.reverses(), m.on().toString(), PoisonFields.sha256(m.json())));
			});
			return ledger;
		}

		Map<String, String> contracts() {
			Map<String, String> contracts = new TreeMap<>();
			this.contracts.forEach((id, c) -> contracts.put(id, String.join(" ", c.signed.eventId(), c.signed.opd(),
					c.signed.subActivity(), plain(c.signed.value()), plain(c.paid), plain(c.progress),
					String.valueOf(c.handedOverOn), c.signed.plannedEnd().toString())));
			return contracts;
		}

		/** Per OPD and sub-kegiatan: contracts, value, paid, value × progress, unpaid after BAST, latest end. */
		Map<String, String> totals() {
			Map<String, List<Contract>> groups = new TreeMap<>();
			this.contracts.values()
				.forEach(c -> groups.computeIfAbsent(c.signed.opd() + " " + c.signed.subActivity(), k -> new ArrayList<>())
					.add(c));
			Map<String, String> totals = new TreeMap<>();
			groups.forEach((key, group) -> {
				BigDecimal value = BigDecimal.ZERO.setScale(2);
				BigDecimal paid = BigDecimal.ZERO.setScale(2);
				BigDecimal progressValue = BigDecimal.ZERO.setScale(4);
				BigDecimal unpaid = BigDecimal.ZERO.setScale(2);
				LocalDate end = null;
				for (Contract c : group) {
					value = value.add(c.signed.value());
					paid = paid.add(c.paid);
					progressValue = progressValue.add(c.signed.value().multiply(c.progress));
					if (c.handedOverOn != null) {
						unpaid = unpaid.add(c.signed.value().subtract(c.paid));
					}
					end = (end == null || c.signed.plannedEnd().isAfter(end)) ? c.signed.plannedEnd() : end;
				}
				totals.put(key, String.join(" ", Integer.toString(group.size()), plain(value), plain(paid),
						plain(progressValue), plain(unpaid), String.valueOf(end)));
			});
			return totals;
		}

		/** The rupiah gauges that are not 0, per OPD and per configured project (application.yml). */
		Map<String, BigDecimal> moneyGauges() {
			Map<String, String> projects = Map.of("1.03.03.2.01.0002", "nufrep-drainage", "1.03.03.2.01.0003",
					"livable-drainage", "1.04.02.2.01.0005", "serasuba-park", "1.04.02.2.01.0002", "house-repair",
					"1.02.02.2.01.0001", "rsud-works", "2.11.05.2.01.0001", "livable-waste");
			Map<String, BigDecimal> money = new TreeMap<>();
			for (Contract c : this.contracts.values()) {
				BigDecimal unpaid = (c.handedOverOn != null) ? c.signed.value().subtract(c.paid) : BigDecimal.ZERO;
				String opd = c.signed.opd();
				money.merge("apbd_realised_rupiah " + opd, c.paid, BigDecimal::add);
				money.merge("apbd_contracted_rupiah " + opd, c.signed.value(), BigDecimal::add);
				money.merge("apbd_handed_over_unpaid_rupiah " + opd, unpaid, BigDecimal::add);
				String project = projects.get(c.signed.subActivity());
				if (project != null) {
					money.merge("apbd_project_realised_rupiah " + project, c.paid, BigDecimal::add);
					money.merge("apbd_project_contracted_rupiah " + project, c.signed.value(), BigDecimal::add);
					money.merge("apbd_project_handed_over_unpaid_rupiah " + project, unpaid, BigDecimal::add);
				}
			}
			money.replaceAll((name, sum) -> sum.setScale(2));
			money.values().removeIf(sum -> sum.signum() == 0);
			return money;
		}

		private static final class Contract {

			final Message signed;

			final List<Message> reports = new ArrayList<>();

			BigDecimal paid = BigDecimal.ZERO.setScale(2);

			BigDecimal progress = BigDecimal.ZERO.setScale(2);

			LocalDate handedOverOn;

			Contract(Message signed) {
				this.signed = signed;
			}

		}

	}

}
