package id.apbdmonitor.faults;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The scripted faults, in the order of the list. Each script starts the service,
 * produces generated events around its fault and returns when the fault is over and every
 * record is produced; the suite then waits for the group to catch up and checks the invariants.
 */
final class Scenarios {

	/** Events of ordinary traffic per scenario (plus about one reversal per ten). */
	static final int LOAD = 3000;

	private static final Map<String, String> NONE = Map.of();

	private Scenarios() {
	}

	/** One scripted fault. */
	interface Script {

		void run(ScenarioRun run) throws Exception;

	}

	/**
	 * @param fast part of the subset that {@code mvn verify} runs
	 * @param serviceProperties command-line properties of every instance in this scenario
	 */
	record Scenario(String name, String title, boolean fast, Map<String, String> serviceProperties, Script script) {
	}

	static final List<Scenario> ALL = List.of(
			new Scenario("broker-kill", "broker killed (-9) and restarted", false, NONE, Scenarios::brokerKill),
			new Scenario("postgres-stop", "PostgreSQL stopped (immediate) 30 s", false, NONE, Scenarios::postgresStop),
			new Scenario("connections-terminated", "connections terminated during batches", false, NONE,
					Scenarios::connectionsTerminated),
			new Scenario("service-kill", "service killed (-9) and restarted", true, NONE, Scenarios::serviceKill),
			new Scenario("duplicates-replay", "10 % duplicates, then a full replay (new group)", true, NONE,
					Scenarios::duplicatesAndReplay),
			new Scenario("reversals-first", "reversals before originals, then a full replay", false, NONE,
					Scenarios::reversalsFirst),
			new Scenario("poison", "poison records (invalid JSON, truncated, null value, non-UTF-8 key, NUL, 0.9 MB, "
					+ "invalid just under the broker limit)", true, NONE, Scenarios::poison),
			new Scenario("schema-v2-unknown-fields", "schemaVersion 2 and unknown fields", false, NONE,
					Scenarios::schemaVersions),
			new Scenario("timestamps", "timestamps an hour ahead or a year behind", false, NONE, Scenarios::timestamps),
			new Scenario("unknown-opds", "10,000 unknown OPD codes", false, NONE, Scenarios::unknownOpds),
			new Scenario("dlt-deleted", "DLT topic deleted", false, NONE, Scenarios::deadLetterTopicDeleted),
			new Scenario("broker-down", "broker down 60 s", false, NONE, Scenarios::brokerDown),
			new Scenario("frozen-consumer",
					"service frozen (SIGSTOP) past max.poll.interval.ms while a second instance takes over", false,
					Map.of("spring.kafka.consumer.properties.max.poll.interval.ms", "15000",
							"spring.kafka.consumer.properties.session.timeout.ms", "10000",
							"spring.kafka.consumer.properties.heartbeat.interval.ms", "1000"),
					Scenarios::frozenConsumer),
			new Scenario("rebalance-storm", "rebalance storm (group members join and leave 24 times)", false, NONE,
					Scenarios::rebalanceStorm),
			new Scenario("rebalance-while-storing",
					"a second instance joins while the ledger is locked and the first's writes wait (25 s)", true, NONE,
					Scenarios::rebalanceWhileStoring));

	private static void brokerKill(ScenarioRun run) throws Exception {
		run.startMain();
		run.produce(run.events().baseLoad(LOAD / 2));
		CompletableFuture<Void> rest = run.produceInBackground(run.events().baseLoad(LOAD / 2));
		run.awaitProgress(LOAD / 4, Duration.ofSeconds(60));
		run.say("kill -9 the broker");
		run.stack().killBroker();
		ScenarioRun.sleep(Duration.ofSeconds(5));
		run.stack().restartBroker();
		run.say("broker restarted");
		run.await(rest);
	}

	private static void brokerDown(ScenarioRun run) throws Exception {
		run.startMain();
		run.produce(run.events().baseLoad(LOAD / 2));
		run.awaitProgress(LOAD / 4, Duration.ofSeconds(60));
		run.say("broker stopped for 60 s");
		run.stack().stopBroker();
		CompletableFuture<Void> rest = run.produceInBackground(run.events().baseLoad(LOAD / 2));
		ScenarioRun.sleep(Duration.ofSeconds(60));
		run.stack().restartBroker();
		run.say("broker restarted");
		run.await(rest);
	}

	private static void postgresStop(ScenarioRun run) throws Exception {
		run.startMain();
		run.produce(run.events().baseLoad(LOAD / 2));
		CompletableFuture<Void> rest = run.produceInBackground(run.events().baseLoad(LOAD / 2));
		run.awaitProgress(LOAD / 4, Duration.ofSeconds(60));
		run.say("PostgreSQL immediate shutdown for 30 s");
		run.stack().stopDatabaseImmediately();
		run.await(rest);
		ScenarioRun.sleep(Duration.ofSeconds(30));
		run.stack().restartDatabase();
		run.say("PostgreSQL restarted");
	}

	private static void connectionsTerminated(ScenarioRun run) throws Exception {
		run.startMain();
		CompletableFuture<Void> load = run.produceInBackground(run.events().baseLoad(LOAD));
		int terminated = 0;
		for (int i = 0; i < 20; i++) {
			ScenarioRun.sleep(Duration.ofMillis(500));
			terminated += run.stack().terminateConnections(run.target().database());
		}
		run.say("terminated " + terminated + " connections in 10 s");
		run.await(load);
		terminated = 0;
		for (int i = 0; i < 10; i++) {
			terminated += run.stack().terminateConnections(run.target().database());
			ScenarioRun.sleep(Duration.ofMillis(300));
		}
		run.say("terminated " + terminated + " more after the last record was produced");
	}

	private static void serviceKill(ScenarioRun run) throws Exception {
		run.startMain();
		run.produce(run.events().baseLoad(LOAD));
		run.awaitProgress(LOAD / 3, Duration.ofSeconds(60));
		run.say("kill -9 the service");
		run.main().kill();
		run.checkOffsetsNow("after kill -9");
		run.produce(run.events().baseLoad(LOAD / 3));
		run.startMain();
		run.say("service restarted");
	}

	private static void duplicatesAndReplay(ScenarioRun run) throws Exception {
		run.startMain();
		List<Planned> load = run.events().baseLoad(LOAD);
		List<Planned> withDuplicates = new ArrayList<>(load);
		for (Planned planned : load) {
			if (run.events().random().nextInt(10) == 0) {
				// a later re-send of the same bytes: never before its original, as a producer retry would be
				int at = withDuplicates.indexOf(planned) + 1
						+ run.events().random().nextInt(withDuplicates.size() - withDuplicates.indexOf(planned));
				withDuplicates.add(Math.min(at, withDuplicates.size()), planned.asDuplicate());
			}
		}
		run.produce(withDuplicates);
		run.awaitMainCaughtUp();
		run.say("caught up; full replay under group goods-spending-replay");
		FaultStack.Service replay = run.startSecond(Map.of("spring.application.name", "goods-spending-replay"));
		var seconds = run.stack().awaitCaughtUp("goods-spending-replay", run.target().topic(), Duration.ofSeconds(240));
		run.note("the replay group " + seconds.map((s) -> String.format("caught up in %.1f s", s)).orElse("did not catch up")
				+ " after its instance was UP");
		if (seconds.isEmpty()) {
			run.failedDuringRun().put("replay caught up", "the replay group did not reach the end in 240 s");
		}
		replay.child().stop(Duration.ofSeconds(20));
	}

	private static void reversalsFirst(ScenarioRun run) throws Exception {
		run.startMain();
		List<Planned> records = new ArrayList<>(run.events().baseLoad(LOAD / 2));
		for (int i = 0; i < 300; i++) {
			String opd = EventGenerator.OPDS.get(i % EventGenerator.OPDS.size());
			Planned original = run.events().realised(opd);
			BigDecimal amount = original.ledgerAmount().movePointLeft(1).setScale(2, java.math.RoundingMode.DOWN)
				.max(new BigDecimal("0.01"));
			// one at a time, a reversal before its original names nothing yet: UNKNOWN_REFERENCE
			records.add(run.events().reversal(original, amount, Planned.Expect.REJECT));
			records.add(original);
		}
		run.produce(records);
		run.produce(run.events().baseLoad(LOAD / 2));
		run.awaitMainCaughtUp();
		run.say("caught up; full replay under group goods-spending-replay");
		FaultStack.Service replay = run.startSecond(Map.of("spring.application.name", "goods-spending-replay"));
		var seconds = run.stack().awaitCaughtUp("goods-spending-replay", run.target().topic(), Duration.ofSeconds(240));
		run.note("the replay group " + seconds.map((s) -> String.format("caught up in %.1f s", s)).orElse("did not catch up")
				+ " after its instance was UP");
		if (seconds.isEmpty()) {
			run.failedDuringRun().put("replay caught up", "the replay group did not reach the end in 240 s");
		}
		replay.child().stop(Duration.ofSeconds(20));
	}

	private static void poison(ScenarioRun run) throws Exception {
		run.startMain();
		EventGenerator events = run.events();
		run.produce(events.baseLoad(LOAD / 2));
		List<Planned> poison = new ArrayList<>();
		String dinkes = "DINKES";
		poison.add(events.raw(null, dinkes, EventGenerator.key(dinkes), EventGenerator.bytes("SP2D;DINKES;12500000"),
				Planned.Expect.REJECT));
		String whole = events.realisedJson(events.nextId("T"), dinkes, 1, events.fiscalYear(), events.date(),
				"SP2D/TRUNCATED", events.amount());
		poison.add(events.raw(null, dinkes, EventGenerator.key(dinkes),
				EventGenerator.bytes(whole.substring(0, whole.length() / 2)), Planned.Expect.REJECT));
		poison.add(events.raw(null, dinkes, EventGenerator.key(dinkes), null, Planned.Expect.REJECT));
		// a key that is not UTF-8 on a valid event: the key is not part of the contract's checks
		byte[] badKey = { '5', '2', '.', '7', '2', '/', (byte) 0xC3, (byte) 0x28, (byte) 0xFF };
		BigDecimal amount = events.amount();
		String id = events.nextId("K");
		poison.add(new Planned(id, dinkes, badKey, EventGenerator.bytes(events.realisedJson(id, dinkes, 1,
				events.fiscalYear(), events.date(), "SP2D/BADKEY", amount)), amount, Planned.Expect.ACCEPT, null));
		// the same key on an invalid event: it must still be dead-lettered
		String badKeyInvalid = events.nextId("K");
		poison.add(events.raw(badKeyInvalid, dinkes, badKey, EventGenerator.bytes(events.realisedJson(badKeyInvalid,
				"DINAS-X", 1, events.fiscalYear(), events.date(), "SP2D/BADKEY", events.amount())), Planned.Expect.REJECT));
		// NUL characters, which PostgreSQL text refuses, in the document number of valid-looking events
		for (String opd : List.of("DINKES", "PUPR", "DLH")) {
			String nul = events.nextId("N");
			poison.add(events.raw(nul, opd, EventGenerator.key(opd), EventGenerator.bytes(events.realisedJson(nul, opd,
					1, events.fiscalYear(), events.date(), "SP2D/\\u0000/" + opd, events.amount())),
					Planned.Expect.REJECT));
		}
		// 0.9 MB: a valid event carrying a large unknown field is accepted like any other
		poison.add(events.realised("RSUD", ",\"lampiran\":\"" + "A".repeat(900_000) + "\"", Planned.Expect.ACCEPT));
		run.produce(poison);
		// invalid (a 1 MB document number) and as large as the broker takes: probed down from 1 MiB
		int size = 1024 * 1024;
		boolean taken = false;
		while (!taken && size > 900_000) {
			String big = events.nextId("L");
			String json = events.realisedJson(big, "BPKAD", 1, events.fiscalYear(), events.date(),
					"D".repeat(size - 400), events.amount());
			taken = run.feed().trySend(events.raw(big, "BPKAD", EventGenerator.key("BPKAD"),
					EventGenerator.bytes(json), Planned.Expect.REJECT));
			size -= 256;
		}
		run.say("invalid record of " + (size + 256) + " bytes taken by the broker");
		run.produce(events.baseLoad(LOAD / 2));
	}

	private static void schemaVersions(ScenarioRun run) throws Exception {
		run.startMain();
		EventGenerator events = run.events();
		List<Planned> records = new ArrayList<>(events.baseLoad(LOAD / 2));
		for (int i = 0; i < 200; i++) {
			String opd = EventGenerator.OPDS.get(i % EventGenerator.OPDS.size());
			String id = events.nextId("V");
			records.add(events.raw(id, opd, EventGenerator.key(opd), EventGenerator.bytes(events.realisedJson(id, opd,
					2, events.fiscalYear(), events.date(), "SP2D/V2", events.amount())), Planned.Expect.REJECT));
			records.add(events.realised(opd, ",\"sipdRef\":{\"id\":" + i + ",\"tags\":[\"x\",null]},\"catatan\":\"baru\"",
					Planned.Expect.ACCEPT));
		}
		records.addAll(events.baseLoad(LOAD / 2));
		run.produce(records);
	}

	private static void timestamps(ScenarioRun run) throws Exception {
		run.startMain();
		EventGenerator events = run.events();
		List<Planned> records = new ArrayList<>(events.baseLoad(LOAD / 2));
		long now = Instant.now().toEpochMilli();
		for (int i = 0; i < 300; i++) {
			String opd = EventGenerator.OPDS.get(i % EventGenerator.OPDS.size());
			// record timestamps an hour ahead (within the broker's default tolerance) and a year behind
			records.add(events.realised(opd).withTimestamp(now + Duration.ofMinutes(59).toMillis()));
			records.add(events.realised(opd).withTimestamp(now - Duration.ofDays(365).toMillis()));
			// business dates a year behind: last year's fiscal year is closed
			String id = events.nextId("Y");
			records.add(events.raw(id, opd, EventGenerator.key(opd), EventGenerator.bytes(events.realisedJson(id, opd,
					1, events.fiscalYear() - 1, events.date().minusYears(1), "SP2D/LALU", events.amount())),
					Planned.Expect.REJECT));
		}
		records.addAll(events.baseLoad(LOAD / 2));
		run.produce(records);
	}

	private static void unknownOpds(ScenarioRun run) throws Exception {
		run.startMain();
		EventGenerator events = run.events();
		List<Planned> records = new ArrayList<>(events.baseLoad(LOAD / 2));
		for (int i = 0; i < 10_000; i++) {
			String opd = String.format("OPD-X%05d", i);
			String id = events.nextId("U");
			// spread through the traffic, which keeps its own order (a reversal stays behind its original)
			records.add(events.random().nextInt(records.size() + 1), events.raw(id, opd, EventGenerator.key(opd),
					EventGenerator.bytes(events.realisedJson(id, opd, 1, events.fiscalYear(), events.date(), "SP2D/X",
							events.amount())),
					Planned.Expect.REJECT));
		}
		run.produce(records);
		run.produce(events.baseLoad(LOAD / 2));
	}

	private static void deadLetterTopicDeleted(ScenarioRun run) throws Exception {
		run.startMain();
		EventGenerator events = run.events();
		List<Planned> rejects = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String id = events.nextId("D");
			rejects.add(events.raw(id, "DINKES", EventGenerator.key("DINKES"), EventGenerator.bytes(events
				.realisedJson(id, "DINAS-X", 1, events.fiscalYear(), events.date(), "SP2D/D", events.amount())),
					Planned.Expect.REJECT));
		}
		run.say("deleting " + run.target().deadLetterTopic());
		run.stack().admin().deleteTopics(List.of(run.target().deadLetterTopic())).all().get();
		ScenarioRun.sleep(Duration.ofSeconds(2));
		List<Planned> records = new ArrayList<>(events.baseLoad(LOAD));
		records.addAll(LOAD / 3, rejects);
		run.produce(records);
	}

	private static void frozenConsumer(ScenarioRun run) throws Exception {
		run.startMain();
		FaultStack.Service second = run.startSecond(Map.of());
		run.produce(run.events().baseLoad(LOAD / 2));
		CompletableFuture<Void> rest = run.produceInBackground(run.events().baseLoad(LOAD / 2));
		run.say("SIGSTOP the first instance for 40 s (max.poll.interval.ms 15 s)");
		run.main().freeze();
		ScenarioRun.sleep(Duration.ofSeconds(40));
		run.main().thaw();
		run.say("SIGCONT");
		run.await(rest);
		run.produce(run.events().baseLoad(LOAD / 3));
		// both instances stay: the checks need the group to move on with both alive
		run.awaitMainCaughtUp();
		second.child().stop(Duration.ofSeconds(20));
	}

	/**
	 * A rebalance while a poll is being stored: the ledger is locked in SHARE mode (reads go on,
	 * the COPY waits) while records flow and a second instance joins. The first instance's
	 * revocation waits for its pending write and gives it up unacknowledged (that write commits
	 * later, when the lock goes); the partitions' new owners read those records again.
	 */
	private static void rebalanceWhileStoring(ScenarioRun run) throws Exception {
		run.startMain();
		run.produce(run.events().baseLoad(LOAD / 3));
		run.awaitProgress(LOAD / 3, Duration.ofSeconds(60));
		try (Connection lock = run.stack().connect(run.target())) {
			lock.setAutoCommit(false);
			try (Statement statement = lock.createStatement()) {
				statement.execute("lock table " + FaultStack.ROLE + ".spending_ledger in share mode");
			}
			run.say("ledger locked: the instance's next write waits");
			CompletableFuture<Void> rest = run.produceInBackground(run.events().baseLoad(LOAD / 3));
			FaultStack.Service second = run.startSecond(Map.of());
			run.say("second instance started while the ledger is locked");
			ScenarioRun.sleep(Duration.ofSeconds(25));
			lock.rollback();
			run.say("ledger unlocked");
			run.await(rest);
			run.produce(run.events().baseLoad(LOAD / 3));
			run.awaitMainCaughtUp();
			second.child().stop(Duration.ofSeconds(20));
		}
	}

	private static void rebalanceStorm(ScenarioRun run) throws Exception {
		run.startMain();
		CompletableFuture<Void> load = run.produceInBackground(run.events().baseLoad(LOAD * 2));
		List<CompletableFuture<Void>> members = new ArrayList<>();
		for (int m = 0; m < 3; m++) {
			int member = m;
			members.add(CompletableFuture.runAsync(() -> joinAndLeave(run, member, 8)));
		}
		CompletableFuture.allOf(members.toArray(CompletableFuture[]::new)).get();
		run.say("3 extra members joined and left the group 24 times");
		run.await(load);
	}

	/**
	 * A group member that joins, takes its share of partitions for a moment and leaves without
	 * committing: each join and each leave is a rebalance the service has to go through.
	 */
	private static void joinAndLeave(ScenarioRun run, int member, int times) {
		for (int i = 0; i < times; i++) {
			try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
					ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, run.stack().bootstrapServers(),
					ConsumerConfig.GROUP_ID_CONFIG, FaultStack.SERVICE, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
					ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1, ConsumerConfig.CLIENT_ID_CONFIG,
					"rebalance-storm-" + member + "-" + i), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
				consumer.subscribe(List.of(run.target().topic()));
				long until = System.nanoTime() + Duration.ofMillis(1500 + 500L * member).toNanos();
				while (System.nanoTime() < until) {
					consumer.poll(Duration.ofMillis(200));
				}
			}
		}
	}

	static String describe(byte[] value) {
		return (value == null) ? "null" : new String(value, StandardCharsets.UTF_8);
	}

}
