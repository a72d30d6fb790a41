package id.apbdmonitor.goods;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.simulator.generator.Category;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.GeneratorSettings;
import id.apbdmonitor.simulator.generator.SimEvent;
import id.apbdmonitor.simulator.generator.Topics;
import id.apbdmonitor.simulator.generator.YearGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures, not asserts: how fast goods-spending drains a backlog of simulated events into its
 * ledger, beside the raw limits of this machine measured in the same run (a bare Kafka
 * consumer on the same topic, and bare {@code unnest} inserts into PostgreSQL). Not part of
 * {@code mvn verify} (the class name is no test pattern); run it with
 * {@code mvn -pl services/goods-spending test -Dtest=IngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbenchmark.eventsPerOpdPerMonth=200}; {@code -Dbenchmark.maxPollRecords=500} overrides the poll size and
 * {@code -Dbenchmark.jfr=/tmp/drain.jfr} records a profile of the drain.
 */
class IngestBenchmark {

	@Test
	void drainABacklog() throws Exception {
		int perMonth = Integer.getInteger("benchmark.eventsPerOpdPerMonth", 200);
		GeneratedYear year = YearGenerator.generate(GeneratorSettings.kotaBima(2026).withEventsPerOpdPerMonth(perMonth));
		String suffix = TestInfrastructure.uniqueName("bench");
		String events = "apbd.goods" + suffix;
		String budget = "apbd.budget" + suffix;
		String brokers = TestInfrastructure.kafka().getBrokersAsString();
		long goodsRecords = produce(year, brokers, events, budget);

		double kafkaRate = rawConsumerRate(brokers, events, goodsRecords);
		double postgresRate = rawUnnestRate(TestInfrastructure.newDatabase("raw" + suffix), 50_000);

		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.kafka.bootstrap-servers", brokers);
		properties.put("spring.datasource.url", TestInfrastructure.newDatabase("db" + suffix));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "postgres");
		properties.put("apbd.ingest.topic", events);
		properties.put("apbd.ingest.budget-topic", budget);
		properties.put("apbd.clock.mode", "fixed");
		properties.put("apbd.clock.start-date", "2026-12-31");
		// e.g. -Dbenchmark.maxPollRecords=500 to compare with the poll size of monitor-core.yml
		String maxPollRecords = System.getProperty("benchmark.maxPollRecords");
		if (maxPollRecords != null) {
			properties.put("spring.kafka.consumer.max-poll-records", maxPollRecords);
		}
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		System.gc();
		long heapBefore = usedHeap();
		long started = System.nanoTime();
		double seconds;
		double startup = 0;
		long firstCommitted = 0;
		double firstCount = 0;
		long peakHeap = heapBefore;
		long cpuAtFirst = 0;
		long cpuAtEnd;
		// opt-in profile of the drain: -Dbenchmark.jfr=target/drain.jfr, then jfr print --events jdk.ExecutionSample
		String jfr = System.getProperty("benchmark.jfr");
		jdk.jfr.Recording recording = null;
		if (jfr != null) {
			recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
			recording.start();
		}
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(GoodsSpendingApplication.class).run(args)) {
			String url = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
			while (true) {
				PrometheusScrape scrape = PrometheusScrape.of(url);
				double done = scrape.named("apbd_ingest_events_total").stream()
					.filter(sample -> sample.labels().get("topic").equals(events))
					.mapToDouble(PrometheusScrape.Sample::value)
					.sum();
				peakHeap = Math.max(peakHeap, usedHeap());
				if (done > 0 && firstCommitted == 0) {
					firstCommitted = System.nanoTime();
					firstCount = done;
					cpuAtFirst = listenerCpuNanos();
					startup = (firstCommitted - started) / 1e9;
				}
				if (done >= goodsRecords) {
					break;
				}
				Thread.sleep(200);
			}
			seconds = (System.nanoTime() - firstCommitted) / 1e9;
			cpuAtEnd = listenerCpuNanos();
		}
		if (recording != null) {
			recording.stop();
			recording.dump(java.nio.file.Path.of(jfr));
		}
		double cpuMicrosPerEvent = (cpuAtEnd - cpuAtFirst) / 1e3 / (goodsRecords - firstCount);
		String report = """
				| what (goods topic, %,d records, 2 cores shared by broker, database and service) | records/s |
				|---|---|
				| goods-spending: drain of the backlog into ledger, totals and snapshot (after %.1f s start-up) | %,.0f |
				| raw limit: bare Kafka consumer on the same topic | %,.0f |
				| raw limit: bare PostgreSQL unnest insert, batches of 500 | %,.0f |
				CPU of the listener thread (poll, parse, insert, commit, refresh): %.1f µs per event
				heap of the test JVM (service, broker and database client share it): %d MB before, %d MB peak
				""".formatted(goodsRecords, startup, (goodsRecords - firstCount) / seconds, kafkaRate, postgresRate, cpuMicrosPerEvent, heapBefore >> 20,
				peakHeap >> 20);
		System.out.println(report);
		java.nio.file.Files.writeString(java.nio.file.Path.of("target/benchmark.md"), report);
	}

	private static long produce(GeneratedYear year, String brokers, String events, String budget) {
		Map<String, Object> props = new HashMap<>();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		long goods = 0;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
			for (SimEvent event : year.events()) {
				byte[] value = event.value().getBytes(StandardCharsets.UTF_8);
				if (event.topic().equals(Topics.BUDGET)) {
					producer.send(new ProducerRecord<>(budget, event.key(), value));
				}
				else if (event.topic().equals(Category.GOODS.topic())) {
					producer.send(new ProducerRecord<>(events, event.key(), value));
					goods++;
				}
			}
			producer.flush();
		}
		return goods;
	}

	private static double rawConsumerRate(String brokers, String topic, long records) {
		Map<String, Object> props = new HashMap<>();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
			consumer.subscribe(List.of(topic));
			long seen = 0;
			long started = 0;
			while (seen < records) {
				int count = consumer.poll(Duration.ofMillis(500)).count();
				if (count > 0 && started == 0) {
					started = System.nanoTime();
				}
				seen += count;
			}
			return seen / ((System.nanoTime() - started) / 1e9);
		}
	}

	private static double rawUnnestRate(String url, int rows) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
			connection.createStatement().execute("create table raw (id text primary key, amount numeric(18,2))");
			long started = System.nanoTime();
			for (int offset = 0; offset < rows; offset += 500) {
				List<String> ids = new ArrayList<>();
				List<java.math.BigDecimal> amounts = new ArrayList<>();
				for (int i = offset; i < offset + 500; i++) {
					ids.add("id-" + i);
					amounts.add(java.math.BigDecimal.valueOf(i, 2));
				}
				try (PreparedStatement insert = connection.prepareStatement(
						"insert into raw select * from unnest(?::text[], ?::numeric[]) on conflict do nothing")) {
					insert.setArray(1, connection.createArrayOf("text", ids.toArray()));
					insert.setArray(2, connection.createArrayOf("numeric", amounts.toArray()));
					insert.execute();
				}
			}
			return rows / ((System.nanoTime() - started) / 1e9);
		}
	}

	/** CPU time of the listener container's consumer threads ({@code events-N-C-1}). */
	private static long listenerCpuNanos() {
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long total = 0;
		for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith("events-")) {
				total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return total;
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
