package id.apbdmonitor.core.ingest.stall;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import id.apbdmonitor.core.ingest.IngestProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Watches whether the service's consumer group makes progress on its topics, from the group's
 * committed offsets and the topics' end offsets (read-committed), asked of the broker every
 * {@code apbd.ingest.stall.check-interval} by an admin client of its own. Unlike the Kafka
 * client's records-lag metric, this needs no fetch by the consumer: it sees a consumer that is
 * frozen, backing off, paused or stuck on one partition.
 * <p>
 * Exported per topic as a timestamp (house style): {@code apbd_ingest_last_progress_timestamp_seconds},
 * up to when every partition was progressing or had nothing waiting, so that the stall is
 * {@code time() - …}; and {@code apbd_ingest_lag_records}. A broker that cannot be asked counts as
 * no progress.
 */
@Component
public class IngestProgressMonitor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IngestProgressMonitor.class);

	private static final long TIMEOUT_SECONDS = 10;

	private final KafkaAdmin kafkaAdmin;

	private final String group;

	private final StallProperties properties;

	private final LongSupplier clock;

	private final Map<String, ProgressTracker> topics = new LinkedHashMap<>();

	private ScheduledExecutorService scheduler;

	private Admin admin;

	private boolean failing;

	public IngestProgressMonitor(KafkaAdmin kafkaAdmin, IngestProperties ingest, StallProperties properties,
			@Value("${spring.application.name}") String group, MeterRegistry registry) {
		this.kafkaAdmin = kafkaAdmin;
		this.group = group;
		this.properties = properties;
		this.clock = System::currentTimeMillis;
		long started = this.clock.getAsLong();
		for (String topic : List.of(ingest.topic(), ingest.budgetTopic())) {
			ProgressTracker tracker = new ProgressTracker(started);
			this.topics.put(topic, tracker);
			Gauge.builder("apbd.ingest.last.progress.timestamp.seconds", tracker, t -> t.progressMillis() / 1000.0)
				.description("Unix time up to which every partition of the topic had its committed offset moving "
						+ "or nothing waiting; time() minus this is how long ingest has been stalled")
				.tag("topic", topic)
				.register(registry);
			Gauge.builder("apbd.ingest.lag.records", tracker, ProgressTracker::lag)
				.description("Records after the consumer group's committed offsets, over the topic's partitions")
				.tag("topic", topic)
				.register(registry);
		}
	}

	/** Seconds since each topic last made progress while records were waiting (0 when caught up). */
	public Map<String, Duration> stalls() {
		long now = this.clock.getAsLong();
		Map<String, Duration> stalls = new LinkedHashMap<>();
		this.topics.forEach((topic, tracker) -> stalls.put(topic, Duration.ofMillis(Math.max(0, now - tracker.progressMillis()))));
		return stalls;
	}

	/** The lag of each topic at the last check. */
	public Map<String, Long> lags() {
		Map<String, Long> lags = new LinkedHashMap<>();
		this.topics.forEach((topic, tracker) -> lags.put(topic, tracker.lag()));
		return lags;
	}

	void check() {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(this.group)
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			for (Map.Entry<String, ProgressTracker> topic : this.topics.entrySet()) {
				check(topic.getKey(), topic.getValue(), committed);
			}
			if (this.failing) {
				log.info("Ingest progress check works again");
				this.failing = false;
			}
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			// the progress times stay where they are: a broker nobody can ask is no progress
			if (!this.failing) {
				log.warn("Ingest progress check failed, counting as no progress until it works: {}", ex.toString());
				this.failing = true;
			}
		}
	}

	private void check(String topic, ProgressTracker tracker, Map<TopicPartition, OffsetAndMetadata> committed)
			throws Exception {
		TopicDescription description;
		try {
			description = this.admin.describeTopics(List.of(topic)).allTopicNames()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				// no topic, nothing waiting
				tracker.observe(Map.of(), Map.of(), this.clock.getAsLong());
				return;
			}
			throw ex;
		}
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
		description.partitions().forEach((partition) -> {
			latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
			earliest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.earliest());
		});
		// the consumers read committed: the end is the last stable offset, as they see it
		ListOffsetsOptions readCommitted = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = this.admin.listOffsets(latest, readCommitted)
			.all()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = this.admin
			.listOffsets(earliest, readCommitted)
			.all()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		Map<Integer, Long> end = new HashMap<>();
		Map<Integer, Long> position = new HashMap<>();
		ends.forEach((partition, info) -> {
			end.put(partition.partition(), info.offset());
			long start = starts.get(partition).offset();
			OffsetAndMetadata offset = committed.get(partition);
			// never committed: the group starts at the beginning (auto-offset-reset earliest);
			// committed before records were deleted by retention: from the first that is left
			position.put(partition.partition(), Math.max(start, (offset != null) ? offset.offset() : start));
		});
		tracker.observe(position, end, this.clock.getAsLong());
	}

	@Override
	public synchronized void start() {
		Map<String, Object> config = new HashMap<>(this.kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, this.group + "-progress");
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
		this.admin = Admin.create(config);
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "ingest-progress");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.checkInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::check, 0, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(5));
			this.admin = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
