package id.apbdmonitor.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import id.apbdmonitor.devstack.DevstackParts;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.GeneratorSettings;
import id.apbdmonitor.simulator.generator.SimEvent;
import id.apbdmonitor.simulator.generator.YearGenerator;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Entry point of {@code infra/bench/run}: for each chosen service, a backlog of valid events
 * drained by its packaged jar, timed by its group's committed offsets (read from the broker) from
 * the first committed event to the last, then checked (group lag 0, N ledger rows, N accepted),
 * beside the raw limits on the same data, then marker events timed
 * at a steady rate. Prints the table and writes it to {@code infra/bench/target/bench-results.md}.
 */
public final class Bench {

	/** Kota Bima's year at the simulator's default size: the base each backlog copies. */
	static final long SEED = 2026;

	private static final double SAMPLE_SECONDS = 0.2;

	/**
	 * The sampling while the first and the last 15 % drain, so that the crossings of 10 % and 90 %
	 * fall between fine samples: a 200,000 backlog's last tenth takes about half a second, which
	 * samples 200 ms apart put up to 40 % late (the drain's end is the sample that counts all N).
	 */
	private static final double TENTH_SAMPLE_SECONDS = 0.025;

	/** COPYs of the same rows per service; their median is the raw COPY rate. */
	private static final int COPY_REPEATS = 3;

	/** At most this long for the database to settle before the raw limits ({@link RawLimits#settle}). */
	private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

	private static final double STALL_SECONDS = 300;

	private final BenchOptions options;

	private final BenchStack stack;

	private final GeneratedYear year;

	private int nextPort = BenchStack.FIRST_SERVICE_PORT;

	/** Each drain's costliest statements, for the report below the table. */
	private final StringBuilder statements = new StringBuilder();

	private Bench(BenchOptions options, BenchStack stack, GeneratedYear year) {
		this.options = options;
		this.stack = stack;
		this.year = year;
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = optionsOrExit(args, BenchOptions::parse, BenchOptions.usage());
		if (options == null) {
			return;
		}
		String heading = heading() + (options.quick() ? "; --quick" : "");
		progress("machine: " + heading);
		progress("generating Kota Bima's year (seed " + SEED + ")…");
		GeneratedYear year = YearGenerator.generate(GeneratorSettings.kotaBima(SEED));
		BenchStack stack = new BenchStack(Path.of(""), System.getProperty("java.class.path"));
		AtomicBoolean closed = new AtomicBoolean();
		Runnable close = () -> {
			if (closed.compareAndSet(false, true)) {
				stack.close();
			}
		};
		Runtime.getRuntime().addShutdownHook(new Thread(close, "bench-stop"));
		List<Result> results = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		Bench bench = null;
		try {
			progress("starting PostgreSQL (" + BenchStack.POSTGRES_PORT + ") and Kafka (" + BenchStack.KAFKA_PORT + ")…");
			stack.start();
			bench = new Bench(options, stack, year);
			for (ServiceUnderTest service : options.services()) {
				List<Integer> sizes = service.shortName().equals("goods") ? options.goodsBacklogs()
						: List.of(options.backlog());
				for (int size : sizes) {
					try {
						results.add(bench.run(service, size));
						progress("so far:\n" + Result.table(results));
					}
					catch (Exception ex) {
						// one service failing must not cost the figures of the others
						String failure = String.format(Locale.ROOT, "%s, backlog %,d: %s", service.name(), size,
								ex.getMessage());
						progress("FAILED " + failure);
						failures.add(failure);
					}
				}
			}
		}
		finally {
			close.run();
		}
		StringBuilder report = new StringBuilder("Throughput benchmark, " + heading + "\n\n" + Result.table(results));
		if (bench != null && !bench.statements.isEmpty()) {
			report.append("\nThe database's time in each drain, by statement (pg_stat_statements; wall time on shared "
					+ "cores, so a ranking more than a cost):\n").append(bench.statements);
		}
		failures.forEach((failure) -> report.append("\nFailed: ").append(failure.lines().findFirst().orElse("")).append('\n'));
		System.out.println();
		System.out.println(report);
		Path file = Path.of("infra/bench/target/bench-results.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report, StandardCharsets.UTF_8);
		if (!failures.isEmpty()) {
			System.exit(1);
		}
		progress("written to " + file);
	}

	private Result run(ServiceUnderTest service, int size) throws Exception {
		String slug = service.shortName() + "-" + size;
		progress("== " + service.name() + ", backlog " + String.format(Locale.ROOT, "%,d", size));
		BenchStack.Target target = this.stack.prepare(service, slug);
		Backlog backlog = new Backlog(service, this.year);
		long latencyEvents = (long) this.options.latencyRate() * this.options.latencySeconds();
		java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
		java.util.concurrent.atomic.AtomicReference<Exception> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
		org.apache.kafka.clients.producer.Callback check = (metadata, exception) -> {
			if (exception != null) {
				failed.incrementAndGet();
				firstFailure.compareAndSet(null, exception);
			}
		};
		try (KafkaProducer<String, byte[]> producer = this.stack.producer(20)) {
			for (SimEvent event : Backlog.budget(this.year)) {
				producer.send(new ProducerRecord<>(target.budgetTopic(), event.key(),
						event.value().getBytes(StandardCharsets.UTF_8)), check);
			}
			int tenth = Math.max(1, size / 10);
			for (int sent = 0; sent < size; sent += tenth) {
				backlog.next(Math.min(tenth, size - sent), (record) -> producer.send(
						new ProducerRecord<>(target.topic(), record.key(), record.value().getBytes(StandardCharsets.UTF_8)),
						check));
				progress(String.format(Locale.ROOT, "  produced %,d of %,d (%d copies of the year's %,d events)",
						Math.min(sent + tenth, size), size, backlog.copiesFor(size), backlog.eventsPerYear()));
			}
			producer.flush();
		}
		long inTopic = this.stack.endOffsetSum(target.topic());
		if (failed.get() > 0 || inTopic != size) {
			// a backlog short of N would never drain to N: stop here, with the broker's reason
			throw new IllegalStateException(String.format(Locale.ROOT, "%,d records failed to send, the topic holds %,d of %,d (%s)",
					failed.get(), inTopic, size, firstFailure.get()));
		}
		progress("  raw Kafka consumer on the topic…");
		double consumerRate = RawLimits.consumerRate(this.stack.bootstrapServers(), target.topic(), size);
		progress(String.format(Locale.ROOT, "  raw consumer: %,.0f records/s", consumerRate));

		Map<String, String> extra = new LinkedHashMap<>();
		List<Integer> years = backlog.fiscalYears(size + latencyEvents);
		int maxYear = years.stream().mapToInt(Integer::intValue).max().orElseThrow();
		extra.put("apbd.clock.start-date", maxYear + "-12-31");
		if (years.size() > 1) {
			extra.put("apbd.region.open-fiscal-years",
					String.join(",", years.stream().map(String::valueOf).toList()));
		}
		int sets = backlog.extraOpdSets(size + latencyEvents);
		Optional<Path> region = (sets > 0) ? Optional.of(this.stack.regionWithOpdSets(sets)) : Optional.empty();
		int port = this.nextPort++;
		String url = "http://localhost:" + port + "/actuator/prometheus";
		long postgres = this.stack.postgresPid();
		long broker = this.stack.brokerPid();
		progress("  starting " + service.name() + " on port " + port + "…");
		DevstackParts.Child child = this.stack.startService(service, target, port, extra, region);
		try {
			// progress is the group's committed offsets, read from the broker: the pipeline commits a
			// poll's offsets only once its transaction has, so they count the records whose outcome
			// is stored; the service itself is scraped once at the end, as Prometheus every 15 s
			Map<TopicPartition, Long> start = this.stack.offsets(target.topic(), OffsetSpec.earliest());
			List<Stats.Sample> samples = new ArrayList<>();
			// CPU seconds of service, broker and database (in that order) on the same clock: the
			// cost of each tenth
			List<List<Stats.Sample>> cpuSamples = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
			long origin = System.nanoTime();
			double[] cpuAtStart = null;
			double[] cpuAtEnd = null;
			double lastProgress = 0;
			double lastCount = -1;
			double nextNotice = 10;
			String note = "";
			while (true) {
				if (!child.isAlive()) {
					throw new IllegalStateException(service.name() + " exited; last lines of " + child.logFile() + ":\n"
							+ child.tail(30));
				}
				long asked = System.nanoTime();
				OptionalLong consumed = consumed(service, target, start);
				// the broker answered somewhere between the request and its answer
				double now = ((asked + System.nanoTime()) / 2.0 - origin) / 1e9;
				if (consumed.isPresent()) {
					double total = consumed.getAsLong();
					samples.add(new Stats.Sample(now, total));
					double[] cpu = cpu(child.pid(), broker, postgres);
					double cpuRead = (System.nanoTime() - origin) / 1e9;
					for (int c = 0; c < cpu.length; c++) {
						cpuSamples.get(c).add(new Stats.Sample(cpuRead, cpu[c]));
					}
					if (total > 0 && cpuAtStart == null) {
						cpuAtStart = cpu;
						// the database's statements from the same moment on
						Statements.reset(this.stack);
					}
					cpuAtEnd = cpu;
					if (total != lastCount) {
						lastCount = total;
						lastProgress = now;
					}
					if (total >= size) {
						break;
					}
					if (now >= nextNotice) {
						progress(String.format(Locale.ROOT, "  %,.0f of %,d (%.0f s)", total, size, now));
						nextNotice = now + 10;
					}
				}
				// the broker answers before the service has joined its group: 0 committed is no progress yet
				if (lastCount <= 0 && now > STALL_SECONDS) {
					throw new IllegalStateException(service.name() + " stored nothing in " + STALL_SECONDS
							+ " s; see " + child.logFile());
				}
				if (lastCount > 0 && now - lastProgress > STALL_SECONDS) {
					note = "stalled at " + (long) lastCount;
					break;
				}
				boolean inTenth = lastCount <= size * 0.15 || lastCount >= size * 0.85;
				Thread.sleep((long) ((inTenth ? TENTH_SAMPLE_SECONDS : SAMPLE_SECONDS) * 1000));
			}
			Map<String, Long> outcomes = outcomes(url, target, size);
			List<String> statements = Statements.top(this.stack, target.database());
			Stats.Sample first = Stats.firstProgress(samples);
			Stats.Sample last = samples.get(samples.size() - 1);
			double events = last.count() - first.count();
			double drainSeconds = last.seconds() - first.seconds();
			double rate = events / drainSeconds;
			double firstTenthEnd = first.count() + size / 10.0;
			double lastTenthStart = size * 0.9;
			OptionalDouble firstTenth = Stats.rate(samples, first.count(), firstTenthEnd);
			OptionalDouble lastTenth = Stats.rate(samples, lastTenthStart, size);
			// a lower last-tenth rate at the same cost per event is fewer threads at work, not a
			// ledger that got dearer to write
			double[] firstTenthCpu = cpuPerEvent(samples, cpuSamples, first.count(), firstTenthEnd);
			double[] lastTenthCpu = cpuPerEvent(samples, cpuSamples, lastTenthStart, size);
			double perThousand = 1000 / Math.max(1, events);
			double serviceCpu = (cpuAtEnd[0] - cpuAtStart[0]) * perThousand;
			double brokerCpu = (cpuAtEnd[1] - cpuAtStart[1]) * perThousand;
			double databaseCpu = (cpuAtEnd[2] - cpuAtStart[2]) * perThousand;
			progress(String.format(Locale.ROOT, "  drained %,.0f in %.1f s: %,.0f events/s (outcomes %s)", last.count(),
					drainSeconds, rate, outcomes));
			progress("  the database's time in the drain, by statement (pg_stat_statements, wall time):");
			statements.forEach((line) -> progress("    " + line));
			this.statements.append("\n").append(service.name()).append(String.format(Locale.ROOT, ", backlog %,d:%n", size));
			statements.forEach((line) -> this.statements.append("    ").append(line).append('\n'));
			progress(String.format(Locale.ROOT, "  first tenth %s events/s at %s, last tenth %s events/s at %s",
					Result.count(firstTenth), cpuText(firstTenthCpu), Result.count(lastTenth), cpuText(lastTenthCpu)));
			// the keys are OPDs: one OPD can hold most of a topic, and its partition then drains alone at the end
			double busiest = Offsets.busiestShare(start, this.stack.offsets(target.topic(), OffsetSpec.latest()));
			progress(String.format(Locale.ROOT, "  busiest of %d partitions: %.0f %% of the backlog (%.0f %% would be even)",
					BenchStack.PARTITIONS, 100 * busiest, 100.0 / BenchStack.PARTITIONS));
			long lag = awaitLag(service, target);
			// the ingest threads' own CPU by stage, summed by the service: counted once the store's
			// refresh is done, so read once the group has no lag
			String page = this.stack.get(url).orElse("");
			OptionalDouble parseCpu = perEvent(Exposition.cpuSeconds(page, target.topic(), "parse"), size);
			OptionalDouble storeCpu = perEvent(Exposition.cpuSeconds(page, target.topic(), "store"), size);
			progress(String.format(Locale.ROOT, "  ingest threads' CPU an event: parse %s µs, store %s µs",
					Result.tenthsOfMicros(parseCpu), Result.tenthsOfMicros(storeCpu)));
			long ledgerRows = this.stack.count(target, service.qualifiedLedger());
			if (lag != 0 || ledgerRows != size) {
				note = join(note, String.format(Locale.ROOT, "lag %,d, ledger %,d rows", lag, ledgerRows));
			}
			if (outcomes.getOrDefault("accepted", 0L) != size) {
				note = join(note, "not all accepted");
			}
			double peakRss = ProcStats.peakRssMb(child.pid());
			double rssAfter = ProcStats.rssMb(child.pid());

			progress(String.format(Locale.ROOT, "  latency: %,d events/s for %d s, a marker every 0.5 s…",
					this.options.latencyRate(), this.options.latencySeconds()));
			List<Double> censored = new ArrayList<>();
			List<Double> latencies = latency(backlog, target, url, latencyEvents, censored);
			Stats.Latency p50 = Stats.Latency.percentile(latencies, censored, 50);
			Stats.Latency p99 = Stats.Latency.percentile(latencies, censored, 99);
			if (!censored.isEmpty()) {
				note = join(note, String.format(Locale.ROOT, "%d of %d markers not seen within 120 s after the last was sent",
						censored.size(), censored.size() + latencies.size()));
			}
			progress(String.format(Locale.ROOT, "  latency p50 %s, p99 %s over %d markers", p50, p99,
					latencies.size() + censored.size()));
			this.stack.stop(child);

			progress("  raw PostgreSQL COPY and unnest of the ledger's rows…");
			Path file = this.stack.home().resolve("copy-" + slug + ".txt");
			double copyRate;
			String copySpread;
			double unnestRate;
			try (Connection admin = this.stack.connectAsAdmin(target)) {
				double settled = RawLimits.settle(admin, service.qualifiedLedger(), SETTLE_LIMIT);
				progress(String.format(Locale.ROOT, "  the database settled in %.1f s (ledger vacuumed and analyzed, "
						+ "a checkpoint, no autovacuum worker at work)", settled));
				// as many rows as the backlog: the latency phase's are in the ledger too
				RawLimits.export(admin, service.qualifiedLedger(), size, file);
				// one COPY varied from 48k to 129k rows/s between services of one run (checkpoints,
				// autovacuum of the drained ledger): the median of three is the denominator
				List<Double> copies = new ArrayList<>();
				for (int i = 0; i < COPY_REPEATS; i++) {
					copies.add(RawLimits.copyRate(admin, service.qualifiedLedger(), file));
				}
				copyRate = Stats.percentile(copies, 50).getAsDouble();
				copySpread = copies.stream().map((c) -> String.format(Locale.ROOT, "%,.0f", c))
					.collect(Collectors.joining(" / "));
				unnestRate = RawLimits.unnestRate(admin, service.qualifiedLedger(), file);
			}
			finally {
				Files.deleteIfExists(file);
			}
			progress(String.format(Locale.ROOT, "  COPY %,.0f rows/s (median of %s), unnest %,.0f rows/s", copyRate,
					copySpread, unnestRate));
			return new Result(service.name(), size, drainSeconds, rate, consumerRate, copyRate, unnestRate, firstTenth,
					lastTenth, total(firstTenthCpu), total(lastTenthCpu), serviceCpu, brokerCpu, databaseCpu, peakRss,
					rssAfter, parseCpu, storeCpu, p50, p99, latencies.size() + censored.size(), outcomes, note);
		}
		finally {
			this.stack.stop(child);
			this.stack.discard(target);
		}
	}

	private int markerEvery() {
		return Math.max(1, this.options.latencyRate() / 2);
	}

	/**
	 * Produces the next copies' events at the steady rate, all to partition 0 so that the
	 * service handles them in the order sent, every {@link #markerEvery()}th a marker; a poller
	 * reads {@code /actuator/prometheus} every 20 ms, and a marker is visible once the topic's
	 * {@code apbd_ingest_events_total} counts it (the counter moves when its batch has committed,
	 * just before the snapshot refresh).
	 */
	private List<Double> latency(Backlog backlog, BenchStack.Target target, String url, long events,
			List<Double> censored)
			throws InterruptedException {
		double baseline = Exposition.total(this.stack.get(url).orElseThrow(), target.topic());
		record Marker(long ordinal, long sentNanos) {
		}
		ConcurrentLinkedQueue<Marker> pending = new ConcurrentLinkedQueue<>();
		List<Double> latencies = new CopyOnWriteArrayList<>();
		AtomicBoolean producing = new AtomicBoolean(true);
		Thread poller = new Thread(() -> {
			long deadline = Long.MAX_VALUE;
			while (!Thread.currentThread().isInterrupted()) {
				if (!producing.get() && deadline == Long.MAX_VALUE) {
					deadline = System.nanoTime() + 120_000_000_000L;
				}
				if (!producing.get() && (pending.isEmpty() || System.nanoTime() > deadline)) {
					return;
				}
				Optional<String> page = this.stack.get(url);
				long seen = System.nanoTime();
				if (page.isPresent()) {
					double counted = Exposition.total(page.get(), target.topic()) - baseline;
					Marker head;
					while ((head = pending.peek()) != null && head.ordinal() < counted) {
						pending.poll();
						latencies.add((seen - head.sentNanos()) / 1e9);
					}
				}
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "bench-latency-poller");
		poller.start();
		try (KafkaProducer<String, byte[]> producer = this.stack.producer(0)) {
			long start = System.nanoTime();
			long sent = 0;
			int every = markerEvery();
			while (sent < events) {
				long due = Math.min(events,
						(long) ((System.nanoTime() - start) / 1e9 * this.options.latencyRate()) + 1);
				while (sent < due) {
					long ordinal = sent;
					backlog.next(1, (record) -> {
						long now = System.nanoTime();
						producer.send(new ProducerRecord<>(target.topic(), 0, record.key(),
								record.value().getBytes(StandardCharsets.UTF_8)));
						if (ordinal % every == 0) {
							pending.add(new Marker(ordinal, now));
						}
					});
					sent++;
				}
				Thread.sleep(2);
			}
			producer.flush();
		}
		finally {
			producing.set(false);
		}
		poller.join();
		// markers still unseen when the poller gave up: their latency is at least this long
		long gaveUp = System.nanoTime();
		pending.forEach((marker) -> censored.add((gaveUp - marker.sentNanos()) / 1e9));
		return new ArrayList<>(latencies);
	}

	/**
	 * Records of the run's topic that the service's group (its application name) has committed,
	 * or empty when the broker did not answer: a sample missed, as a scrape unanswered once was.
	 */
	private OptionalLong consumed(ServiceUnderTest service, BenchStack.Target target, Map<TopicPartition, Long> start)
			throws InterruptedException {
		try {
			return OptionalLong.of(Offsets.consumed(start, this.stack.committed(service.name(), target.topic())));
		}
		catch (ExecutionException ex) {
			return OptionalLong.empty();
		}
	}

	/** A counter's seconds over the events it covered. */
	private static OptionalDouble perEvent(OptionalDouble seconds, long events) {
		return seconds.isPresent() ? OptionalDouble.of(seconds.getAsDouble() / events) : OptionalDouble.empty();
	}

	/**
	 * {@code apbd_ingest_events_total} of the topic by outcome, scraped once the offsets say the
	 * drain is done. The counter moves right after a batch's transaction, close to the offsets'
	 * commit on either side, so a few more scrapes may be needed, for at most 30 s.
	 */
	private Map<String, Long> outcomes(String url, BenchStack.Target target, long size) throws InterruptedException {
		Map<String, Long> outcomes = Map.of();
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (true) {
			Optional<String> page = this.stack.get(url);
			if (page.isPresent()) {
				outcomes = Exposition.outcomes(page.get(), target.topic());
				if (outcomes.values().stream().mapToLong(Long::longValue).sum() >= size) {
					return outcomes;
				}
			}
			if (System.nanoTime() > deadline) {
				return outcomes;
			}
			Thread.sleep((long) (SAMPLE_SECONDS * 1000));
		}
	}

	private long awaitLag(ServiceUnderTest service, BenchStack.Target target) throws Exception {
		long lag = -1;
		for (int i = 0; i < 120; i++) {
			lag = this.stack.lag(service.name(), target.topic());
			if (lag == 0) {
				return 0;
			}
			Thread.sleep(500);
		}
		return lag;
	}


	/** CPU seconds of the service, the broker and the database, each with its children. */
	/**
	 * CPU seconds an event of service, broker and database while the event counter went from
	 * {@code from} to {@code to}; null where the samples do not reach.
	 */
	private static double[] cpuPerEvent(List<Stats.Sample> events, List<List<Stats.Sample>> cpu, double from,
			double to) {
		double[] each = new double[cpu.size()];
		for (int c = 0; c < each.length; c++) {
			OptionalDouble perEvent = Stats.perEvent(events, cpu.get(c), from, to);
			if (perEvent.isEmpty()) {
				return null;
			}
			each[c] = perEvent.getAsDouble();
		}
		return each;
	}

	private static OptionalDouble total(double[] cpuPerEvent) {
		return (cpuPerEvent == null) ? OptionalDouble.empty() : OptionalDouble.of(Arrays.stream(cpuPerEvent).sum());
	}

	/** "51 µs CPU an event (service 26, database 20)", all three processes together. */
	private static String cpuText(double[] cpuPerEvent) {
		if (cpuPerEvent == null) {
			return "n/a µs CPU an event";
		}
		return String.format(Locale.ROOT, "%s µs CPU an event (service %.0f, database %.0f)",
				Result.micros(total(cpuPerEvent)), cpuPerEvent[0] * 1e6, cpuPerEvent[2] * 1e6);
	}

	private static double[] cpu(long service, long broker, long postgres) {
		return new double[] { ProcStats.cpuSeconds(service), ProcStats.cpuSeconds(broker),
				ProcStats.cpuSeconds(postgres) };
	}

	/**
	 * The parsed options; null after printing the usage for {@code --help}; exits with status 2
	 * and the usage when an option is wrong.
	 */
	static <T> T optionsOrExit(String[] args, java.util.function.Function<String[], T> parse, String usage) {
		if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
			System.out.print(usage);
			return null;
		}
		try {
			return parse.apply(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage() + "\n\n" + usage);
			System.exit(2);
			return null;
		}
	}

	/** When (UTC), on what machine and at which commit a run started: the results' heading. */
	static String heading() {
		String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
		return String.format(Locale.ROOT, "%s; %s; commit %s", started, ProcStats.machine(),
				System.getProperty("apbd.bench.commit", "unknown"));
	}

	static String join(String note, String more) {
		return note.isEmpty() ? more : note + "; " + more;
	}

	static void progress(String line) {
		System.out.println(DateTimeFormatter.ofPattern("HH:mm:ss").format(java.time.LocalTime.now()) + " bench: " + line);
		System.out.flush();
	}

}
