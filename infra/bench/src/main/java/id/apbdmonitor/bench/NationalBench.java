package id.apbdmonitor.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import id.apbdmonitor.devstack.DevstackParts;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.GeneratorSettings;
import id.apbdmonitor.simulator.generator.SimEvent;
import id.apbdmonitor.simulator.generator.Topics;
import id.apbdmonitor.simulator.national.NationalRegions;
import id.apbdmonitor.simulator.national.NationalYear;
import id.apbdmonitor.simulator.national.RegionFiles;
import id.apbdmonitor.simulator.national.RegionIds;
import id.apbdmonitor.simulator.national.SyntheticRegion;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entry point of {@code infra/bench/national}, the capacity benchmark of issue 12. Measures,
 * never asserts: the national year drained by goods-spending with 1 and 3 instances, each
 * instance's scrape, then Prometheus with every service holding the national label set.
 */
public final class NationalBench {

	static final int FISCAL_YEAR = 2026;

	/** What Prometheus 2.x asks for when it scrapes. */
	private static final String SCRAPE_ACCEPT = "application/openmetrics-text;version=1.0.0,"
			+ "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

	private static final double STALL_SECONDS = 300;

	/** Below this much available memory a Prometheus set-up is measured at once and stopped. */
	private static final double LOW_MEMORY_MB = 2500;

	private final NationalOptions options;

	private final BenchStack stack;

	private final Path regionsDir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final StringBuilder report = new StringBuilder();

	private int nextPort = BenchStack.FIRST_SERVICE_PORT;

	private NationalBench(NationalOptions options, BenchStack stack, Path regionsDir) {
		this.options = options;
		this.stack = stack;
		this.regionsDir = regionsDir;
	}

	public static void main(String[] args) throws Exception {
		NationalOptions options = Bench.optionsOrExit(args, NationalOptions::parse, NationalOptions.usage());
		if (options == null) {
			return;
		}
		String heading = Bench.heading();
		Bench.progress("machine: " + heading);
		BenchStack stack = new BenchStack(Path.of(""), System.getProperty("java.class.path"));
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "national-bench-stop"));
		NationalBench bench = new NationalBench(options, stack, stack.home().resolve("regions"));
		bench.report.append("National capacity benchmark, ").append(heading).append("\n\n");
		int status = 0;
		try {
			bench.run();
		}
		catch (Exception ex) {
			bench.report.append("\nFAILED: ").append(ex.getMessage()).append('\n');
			Bench.progress("FAILED: " + ex);
			status = 1;
		}
		finally {
			stack.close();
		}
		System.out.println();
		System.out.println(bench.report);
		Path file = Path.of("infra/bench/target/national-results.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, bench.report, StandardCharsets.UTF_8);
		Bench.progress("written to " + file);
		System.exit(status);
	}

	private void run() throws Exception {
		int base = GeneratorSettings.kotaBima(Bench.SEED).eventsPerOpdPerMonth();
		NationalRegions regions = NationalRegions.of(Bench.SEED, this.options.regions(), FISCAL_YEAR, base);
		int opds = GeneratorSettings.KOTA_BIMA_OPDS.size()
				+ regions.synthetic().stream().mapToInt((region) -> region.opds().size()).sum();
		writeRegionFiles(regions.synthetic());
		Bench.progress(String.format(Locale.ROOT, "%d regions, %,d OPDs; region files in %s", regions.count(), opds,
				this.regionsDir));
		// A national service: the devstack's options are Kota Bima's on 2 shared cores. Its 192 MB
		// heap and 48 MB young generation are one region's size (a national scrape allocates more
		// than 48 MB: its first scrapes after a drain took 2.3 s); C1 only saves CPU while
		// draining, where a national scrape of 200 thousand samples takes twice C2's time.
		int heap = this.options.serviceHeapMb();
		this.stack.addServiceJvmOptions(List.of("-Xmx" + heap + "m", "-Xmn" + heap / 4 + "m", "-XX:TieredStopAtLevel=4"));
		Bench.progress("starting PostgreSQL (" + BenchStack.POSTGRES_PORT + ") and Kafka (" + BenchStack.KAFKA_PORT + ")…");
		this.stack.start();

		ServiceUnderTest goods = ServiceUnderTest.named("goods");
		BenchStack.Target first = this.stack.prepare(goods, "national-goods-" + this.options.instances().get(0));
		Published published = publish(new NationalYear(regions, 0.0), first);
		this.report.append(String.format(Locale.ROOT, """
				## The national year
				%d regions (Kota Bima and %d synthetic), %,d OPDs, fiscal year %d, seed %d, Kota Bima's size %d events per \
				OPD a month scaled by each region's APBD. Services run with the devstack's JVM options, then `-Xmx%dm -Xmn%dm -XX:TieredStopAtLevel=4` (C2). Generated and sent in %.0f s: %,d goods events (those of the OPDs \
				whose key falls in %d %% of the hash range) and %,d budget records (every category's lines: each service loads its own). The simulator's other topics of the same \
				year hold %,d more events (not sent): %s.

				""", regions.count(), regions.count() - 1, opds, FISCAL_YEAR, Bench.SEED, base, this.options.serviceHeapMb(),
				this.options.serviceHeapMb() / 4, published.seconds(),
				published.goods(), this.options.goodsPercent(), published.budget(), published.others().values().stream().mapToLong(Long::longValue).sum(),
				published.others()));

		List<Drain> drains = new ArrayList<>();
		List<DevstackParts.Child> running = List.of();
		BenchStack.Target target = first;
		for (int i = 0; i < this.options.instances().size(); i++) {
			int instances = this.options.instances().get(i);
			if (i > 0) {
				running.forEach(this.stack::stop);
				this.stack.forgetGroup(goods.name());
				target = this.stack.prepare(goods, "national-goods-" + instances + "-" + i, first.topic(), first.budgetTopic());
			}
			Drain drain = drain(goods, target, instances, published.goods(), opds);
			drains.add(drain);
			running = drain.children();
		}
		this.report.append(Drain.table(drains, opds));
		this.report.append(sizes(goods, target, published.goods()));

		Optional<Path> prometheus = MonitoringPath.prometheus();
		if (prometheus.isEmpty()) {
			this.report.append("\nPrometheus not measured: no `prometheus` on PATH (Debian: apt-get install prometheus).\n");
			return;
		}
		Map<String, List<String>> targets = new LinkedHashMap<>();
		targets.put(goods.name(), drains.get(drains.size() - 1).hosts());
		for (ServiceUnderTest service : ServiceUnderTest.ALL) {
			if (service != goods) {
				targets.put(service.name(), List.of(startWithBudget(service, first.budgetTopic())));
			}
		}
		awaitBudget(first.budgetTopic(), published.budget());
		measurePrometheus(prometheus.get(), targets, regions);
	}

	private void writeRegionFiles(List<SyntheticRegion> synthetic) throws IOException {
		if (Files.isDirectory(this.regionsDir)) {
			try (var files = Files.list(this.regionsDir)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
		}
		RegionFiles.write(this.regionsDir, synthetic);
	}

	/** Every region's year in turn: its budget lines to the budget topic, its valid goods events to the goods topic. */
	private Published publish(NationalYear year, BenchStack.Target target) throws Exception {
		long started = System.nanoTime();
		AtomicLong failed = new AtomicLong();
		AtomicReference<Exception> firstFailure = new AtomicReference<>();
		Callback check = (metadata, exception) -> {
			if (exception != null) {
				failed.incrementAndGet();
				firstFailure.compareAndSet(null, exception);
			}
		};
		long goods = 0;
		long budget = 0;
		Map<String, Long> others = new java.util.TreeMap<>();
		try (KafkaProducer<String, byte[]> producer = this.stack.producer(20)) {
			for (int index = 0; index < year.size(); index++) {
				GeneratedYear region = year.generate(index);
				// Kota Bima's ids as the simulator publishes them; a synthetic region's start with its pemda
				List<SimEvent> events = (index == 0) ? region.events()
						: RegionIds.qualified(region.settings().pemda(), region.events());
				for (SimEvent event : events) {
					if (event.kind() != SimEvent.Kind.VALID) {
						continue;
					}
					if (event.topic().equals(Topics.BUDGET)) {
						producer.send(new ProducerRecord<>(target.budgetTopic(), event.key(), bytes(event)), check);
						budget++;
					}
					else if (event.topic().equals(Topics.GOODS)) {
						// --goods-percent: the events of P % of the OPDs (by key), so that a reversal
						// travels with the payment it reverses and every month keeps its share
						if (Math.floorMod(event.key().hashCode(), 100) >= this.options.goodsPercent()) {
							continue;
						}
						producer.send(new ProducerRecord<>(target.topic(), event.key(), bytes(event)), check);
						goods++;
					}
					else {
						others.merge(event.topic(), 1L, Long::sum);
					}
				}
				if ((index + 1) % 25 == 0 || index + 1 == year.size()) {
					Bench.progress(String.format(Locale.ROOT, "  generated and sent %d of %d regions: %,d goods events, %,d budget records (%.0f s)",
							index + 1, year.size(), goods, budget, (System.nanoTime() - started) / 1e9));
				}
			}
			producer.flush();
		}
		long inTopic = this.stack.endOffsetSum(target.topic());
		if (failed.get() > 0 || inTopic != goods) {
			throw new IllegalStateException(String.format(Locale.ROOT, "%,d records failed to send, the topic holds %,d of %,d (%s)",
					failed.get(), inTopic, goods, firstFailure.get()));
		}
		return new Published(goods, budget, others, (System.nanoTime() - started) / 1e9);
	}

	private static byte[] bytes(SimEvent event) {
		return event.value().getBytes(StandardCharsets.UTF_8);
	}

	private Map<String, String> nationalProperties() {
		Map<String, String> extra = new LinkedHashMap<>();
		extra.put("apbd.regions.dir", this.regionsDir.toAbsolutePath().toString());
		extra.put("apbd.clock.start-date", FISCAL_YEAR + "-12-31");
		return extra;
	}

	/** {@code instances} goods-spending instances in one group drain the topic; they keep running. */
	private Drain drain(ServiceUnderTest service, BenchStack.Target target, int instances, long events, int opds)
			throws Exception {
		Bench.progress(String.format(Locale.ROOT, "== %s, %d instance%s, %,d events", service.name(), instances,
				(instances == 1) ? "" : "s", events));
		List<DevstackParts.Child> children = new ArrayList<>();
		List<String> hosts = new ArrayList<>();
		Map<String, String> extra = nationalProperties();
		// one instance exports every series; several each export the OPDs of their partitions
		extra.put("apbd.export.owned-series-only", Boolean.toString(instances > 1));
		for (int i = 1; i <= instances; i++) {
			int port = this.nextPort++;
			hosts.add("localhost:" + port);
			children.add(this.stack.startService(service, target, service.name() + "-" + target.slug() + "-i" + i,
					port, extra, Optional.empty()));
		}
		long broker = this.stack.brokerPid();
		long postgres = this.stack.postgresPid();
		Map<TopicPartition, Long> start = this.stack.offsets(target.topic(), OffsetSpec.earliest());
		List<Stats.Sample> samples = new ArrayList<>();
		long origin = System.nanoTime();
		double[] cpuAtStart = null;
		double lastProgress = 0;
		double lastCount = -1;
		double nextNotice = 15;
		String note = "";
		while (true) {
			for (DevstackParts.Child child : children) {
				if (!child.isAlive()) {
					throw new IllegalStateException(service.name() + " exited; last lines of " + child.logFile() + ":\n"
							+ child.tail(30));
				}
			}
			double now = (System.nanoTime() - origin) / 1e9;
			double total = Offsets.consumed(start, this.stack.committed(service.name(), target.topic()));
			if (total > 0 && cpuAtStart == null) {
				cpuAtStart = cpu(children, broker, postgres);
			}
			samples.add(new Stats.Sample(now, total));
			if (total != lastCount) {
				lastCount = total;
				lastProgress = now;
			}
			if (total >= events) {
				break;
			}
			if (now >= nextNotice) {
				Bench.progress(String.format(Locale.ROOT, "  %,.0f of %,d (%.0f s)", total, events, now));
				nextNotice = now + 15;
			}
			if (lastCount <= 0 && now > STALL_SECONDS) {
				throw new IllegalStateException(service.name() + " stored nothing in " + STALL_SECONDS + " s; see "
						+ children.get(0).logFile());
			}
			if (lastCount > 0 && now - lastProgress > STALL_SECONDS) {
				note = "stalled at " + (long) lastCount;
				break;
			}
			Thread.sleep(500);
		}
		double[] cpuAtEnd = cpu(children, broker, postgres);
		note = Bench.join(note, String.format(Locale.ROOT, "load average %.1f at the end", ProcStats.loadAverage()));
		Stats.Sample firstSample = Stats.firstProgress(samples);
		Stats.Sample last = samples.get(samples.size() - 1);
		double seconds = last.seconds() - firstSample.seconds();
		double rate = (last.count() - firstSample.count()) / seconds;
		double perThousand = 1000 / Math.max(1, last.count() - firstSample.count());
		Map<String, Long> outcomes = outcomes(hosts, target.topic(), events);
		long rows = this.stack.count(target, service.qualifiedLedger());
		if (rows != events) {
			note = Bench.join(note, String.format(Locale.ROOT, "ledger %,d rows", rows));
		}
		if (outcomes.getOrDefault("accepted", 0L) != events) {
			note = Bench.join(note, "outcomes " + outcomes);
		}
		Bench.progress(String.format(Locale.ROOT, "  drained in %.1f s: %,.0f events/s; outcomes %s", seconds, rate, outcomes));
		List<Scrape> scrapes = new ArrayList<>();
		for (String host : hosts) {
			scrapes.add(scrape(host));
		}
		double peakRss = children.stream().mapToDouble((child) -> ProcStats.peakRssMb(child.pid())).max().orElse(0);
		return new Drain(instances, events, seconds, rate, (cpuAtEnd[0] - cpuAtStart[0]) * perThousand,
				(cpuAtEnd[1] - cpuAtStart[1]) * perThousand, (cpuAtEnd[2] - cpuAtStart[2]) * perThousand, peakRss,
				outcomes, scrapes, note, children, hosts);
	}

	private static double[] cpu(List<DevstackParts.Child> children, long broker, long postgres) {
		double services = children.stream().mapToDouble((child) -> ProcStats.cpuSeconds(child.pid())).sum();
		return new double[] { services, ProcStats.cpuSeconds(broker), ProcStats.cpuSeconds(postgres) };
	}

	/** Outcomes summed over the instances, scraped until they count the backlog (at most 60 s). */
	private Map<String, Long> outcomes(List<String> hosts, String topic, long events) throws InterruptedException {
		Map<String, Long> outcomes = Map.of();
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (true) {
			Map<String, Long> sum = new java.util.TreeMap<>();
			for (String host : hosts) {
				this.stack.get("http://" + host + "/actuator/prometheus")
					.ifPresent((page) -> Exposition.outcomes(page, topic).forEach((k, v) -> sum.merge(k, v, Long::sum)));
			}
			outcomes = sum;
			if (sum.values().stream().mapToLong(Long::longValue).sum() >= events || System.nanoTime() > deadline) {
				return outcomes;
			}
			Thread.sleep(500);
		}
	}

	/** One warm-up scrape, then {@code repeats} timed ones, as Prometheus asks. */
	private Scrape scrape(String host) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + "/actuator/prometheus"))
			.header("Accept", SCRAPE_ACCEPT)
			.timeout(Duration.ofSeconds(60))
			.build();
		this.http.send(request, HttpResponse.BodyHandlers.discarding());
		List<Double> millis = new ArrayList<>();
		String body = "";
		for (int i = 0; i < this.options.repeats(); i++) {
			long asked = System.nanoTime();
			body = this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			millis.add((System.nanoTime() - asked) / 1e6);
		}
		long samples = body.lines().filter((line) -> !line.isEmpty() && !line.startsWith("#")).count();
		long opdInfo = body.lines().filter((line) -> line.startsWith("apbd_opd_info{")).count();
		return new Scrape(host, body.getBytes(StandardCharsets.UTF_8).length, samples, opdInfo,
				Stats.percentile(millis, 50).getAsDouble(), millis.stream().mapToDouble(Double::doubleValue).max().orElse(0));
	}

	/** Bytes per event in the ledger and in the topic, for the capacity plan. */
	private String sizes(ServiceUnderTest service, BenchStack.Target target, long events) throws Exception {
		long ledgerBytes;
		try (Connection connection = this.stack.connectAsAdmin(target);
				Statement statement = connection.createStatement();
				// the ledger is partitioned: its own relation is empty, its partitions hold the rows
				ResultSet rows = statement.executeQuery("select coalesce(sum(pg_total_relation_size(relid)), 0)"
						+ " from pg_partition_tree('" + service.qualifiedLedger() + "')")) {
			rows.next();
			ledgerBytes = rows.getLong(1);
		}
		long topicBytes = 0;
		try (var paths = Files.walk(this.stack.home())) {
			for (Path path : paths.filter(Files::isRegularFile)
				.filter((path) -> path.getParent().getFileName().toString().startsWith(target.topic() + "-"))
				.filter((path) -> path.getFileName().toString().endsWith(".log"))
				.toList()) {
				topicBytes += Files.size(path);
			}
		}
		return String.format(Locale.ROOT, """

				Sizes after the last drain: the goods ledger (`%s`, with its indexes) %,.0f MB for %,d events, %,.0f bytes \
				an event; the topic's log segments (lz4 batches as the producer sent them) %,.0f MB, %,.0f bytes an event.

				""", service.ledgerTable(), ledgerBytes / 1e6, events, (double) ledgerBytes / events, topicBytes / 1e6,
				(double) topicBytes / events);
	}

	/** A service with the national regions, its own empty event topic and the national budget topic. */
	private String startWithBudget(ServiceUnderTest service, String budgetTopic) throws Exception {
		BenchStack.Target target = this.stack.prepare(service, "national-" + service.shortName());
		Map<String, String> extra = nationalProperties();
		extra.put("apbd.ingest.budget-topic", budgetTopic);
		int port = this.nextPort++;
		Bench.progress("starting " + service.name() + " on port " + port + " with the national budget…");
		this.stack.startService(service, target, service.name() + "-national", port, extra, Optional.empty());
		return "localhost:" + port;
	}

	/**
	 * Waits until every service's group has read the whole budget topic. Six services creating
	 * 546 regions' partitions and reading 261,644 budget records at once on 2 cores take a while.
	 */
	private void awaitBudget(String budgetTopic, long records) throws Exception {
		Map<TopicPartition, Long> start = this.stack.offsets(budgetTopic, OffsetSpec.earliest());
		long started = System.nanoTime();
		long deadline = started + Duration.ofMinutes(45).toNanos();
		long nextProgress = started + Duration.ofMinutes(1).toNanos();
		for (ServiceUnderTest service : ServiceUnderTest.ALL) {
			long consumed;
			while ((consumed = Offsets.consumed(start, this.stack.committed(service.name(), budgetTopic))) < records) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(service.name() + " did not read the budget topic in 45 minutes");
				}
				if (System.nanoTime() > nextProgress) {
					Bench.progress(String.format(Locale.ROOT, "  %s has read %,d of %,d budget records (%.0f s)",
							service.name(), consumed, records, (System.nanoTime() - started) / 1e9));
					nextProgress += Duration.ofMinutes(1).toNanos();
				}
				Thread.sleep(1000);
			}
			Bench.progress(String.format(Locale.ROOT, "  %s holds the national budget (%.0f s)", service.name(),
					(System.nanoTime() - started) / 1e9));
		}
	}

	/**
	 * Three Prometheus set-ups in turn, each for {@code --prometheus-seconds}: one for the whole
	 * country with every rule (one server for everything); one that only ranks (the recording
	 * rules, no alerts); one province's shard with every rule (Jawa Timur, its series only).
	 */
	private void measurePrometheus(Path binary, Map<String, List<String>> targets, NationalRegions regions)
			throws Exception {
		Path repoRules = Path.of("infra/prometheus/rules");
		Path recordingOnly = RuleFiles.recordingOnly(repoRules, this.stack.home().resolve("prometheus-rules-recording"));
		this.report.append("\n## Prometheus with every service holding the national label set\n");
		Map<String, Object[]> setups = new LinkedHashMap<>();
		setups.put("A. One Prometheus for the whole country, every rule", new Object[] { repoRules, "" });
		setups.put("B. A national Prometheus that only ranks: recording rules, no alerts", new Object[] { recordingOnly, "" });
		setups.put("C. A province's shard, every rule: Jawa Timur (35), its series only (metric_relabel_configs keep pemda)",
				new Object[] { repoRules, "35|35\\..*" });
		for (Map.Entry<String, Object[]> setup : setups.entrySet()) {
			try {
				measurePrometheus(binary, targets, regions, setup.getKey(), (Path) setup.getValue()[0],
						(String) setup.getValue()[1]);
			}
			catch (Exception ex) {
				// one set-up failing must not cost the figures of the others
				Bench.progress("FAILED " + setup.getKey() + ": " + ex.getMessage());
				this.report.append("\n### ").append(setup.getKey()).append("\n\nFAILED: ").append(ex.getMessage()).append('\n');
			}
		}
		this.report.append(families(targets));
	}

	private void measurePrometheus(Path binary, Map<String, List<String>> targets, NationalRegions regions, String title,
			Path rules, String keepPemda) throws Exception {
		Bench.progress("== Prometheus on " + PrometheusUnderTest.PORT + ": " + title);
		try (PrometheusUnderTest prometheus = PrometheusUnderTest.start(binary, rules,
				this.stack.home().resolve("prometheus-" + title.substring(0, 1)), targets, keepPemda)) {
			long origin = System.nanoTime();
			double peakRss = 0;
			double nextNotice = 0;
			while (true) {
				double now = (System.nanoTime() - origin) / 1e9;
				peakRss = Math.max(peakRss, ProcStats.rssMb(prometheus.pid()));
				if (now >= this.options.prometheusSeconds()) {
					break;
				}
				double available = ProcStats.memAvailableMb();
				if (available < LOW_MEMORY_MB) {
					// Prometheus would take the machine down with it: measure what it holds now
					this.report.append(String.format(Locale.ROOT, "%nStopped after %.0f s: the machine had %.0f MB left.%n", now,
							available));
					Bench.progress(String.format(Locale.ROOT, "  stopping early: %.0f MB of memory left", available));
					break;
				}
				if (now >= nextNotice) {
					Bench.progress(String.format(Locale.ROOT, "  %.0f of %d s: %,.0f head series, RSS %.0f MB", now,
							this.options.prometheusSeconds(), prometheus.value("prometheus_tsdb_head_series"), peakRss));
					nextNotice = now + 30;
				}
				Thread.sleep(2000);
			}
			this.report.append("\n### ").append(title).append("\n\n");
			this.report.append(String.format(Locale.ROOT, "Load average at the end: %.1f.%n%n", ProcStats.loadAverage()));
			this.report.append(PrometheusReport.of(prometheus, peakRss, ProcStats.peakRssMb(prometheus.pid()), regions,
					dashboardQueries(keepPemda.isEmpty() ? "Nusa Tenggara Barat" : "Jawa Timur"), this.options.repeats()));
		}
	}

	/**
	 * Each service's metric families by samples (the five largest), from one scrape of its first
	 * instance, saved under {@code stack/scrapes/}: where the national label set's series come from;
	 * and that instance's scrape timed as the goods instance's was (Prometheus stopped, so only
	 * the services run).
	 */
	private String families(Map<String, List<String>> targets) throws IOException, InterruptedException {
		Path dir = this.stack.home().resolve("scrapes");
		Files.createDirectories(dir);
		StringBuilder table = new StringBuilder("""

				Samples per service and its largest metric families (one scrape of its first instance; the \
				scrapes are kept in infra/bench/target/stack/scrapes):

				| service | samples | bytes | scrape, median / slowest of %d | largest families (samples) |
				|---|---:|---:|---|---|
				""".formatted(this.options.repeats()));
		for (Map.Entry<String, List<String>> job : targets.entrySet()) {
			String host = job.getValue().get(0);
			String page = this.stack.get("http://" + host + "/actuator/prometheus").orElse("");
			Files.writeString(dir.resolve(job.getKey() + "-" + host.replace(':', '-') + ".txt"), page);
			Map<String, Long> families = new java.util.HashMap<>();
			page.lines().filter((line) -> !line.isEmpty() && !line.startsWith("#")).forEach((line) -> {
				int end = line.indexOf('{');
				families.merge((end < 0) ? line.substring(0, line.indexOf(' ')) : line.substring(0, end), 1L, Long::sum);
			});
			Scrape timed = scrape(host);
			Bench.progress(String.format(Locale.ROOT, "  %s: %,d samples, scrape median %.0f ms, slowest %.0f ms",
					job.getKey(), timed.samples(), timed.medianMillis(), timed.maxMillis()));
			table.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,.0f / %,.0f ms | %s |%n", job.getKey(),
					families.values().stream().mapToLong(Long::longValue).sum(), timed.bytes(), timed.medianMillis(),
					timed.maxMillis(),
					families.entrySet().stream()
						.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
						.limit(5)
						.map((family) -> String.format(Locale.ROOT, "`%s` %,d", family.getKey(), family.getValue()))
						.collect(java.util.stream.Collectors.joining(", "))));
		}
		return table.toString();
	}

	/** The ranking dashboard's queries, with its province variable set to {@code province}. */
	private static List<String> dashboardQueries(String province) throws IOException {
		JsonNode dashboard = JsonMapper.builder().build()
			.readTree(Files.readString(Path.of("infra/grafana/dashboards/apbd-national-ranking.json")));
		List<String> queries = new ArrayList<>();
		collect(dashboard.get("panels"), queries);
		return queries.stream().map((query) -> query.replace("$province", province)).distinct().toList();
	}

	private static void collect(JsonNode panels, List<String> queries) {
		if (panels == null) {
			return;
		}
		for (JsonNode panel : panels) {
			collect(panel.get("panels"), queries);
			for (JsonNode target : panel.path("targets")) {
				if (target.hasNonNull("expr")) {
					queries.add(target.get("expr").asString());
				}
			}
		}
	}



	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private record Published(long goods, long budget, Map<String, Long> others, double seconds) {
	}

}
