package id.apbdmonitor.core.ingest;

import id.apbdmonitor.core.event.LogSafe;
import id.apbdmonitor.core.export.SeriesOwnership;
import id.apbdmonitor.core.ingest.stall.RebalanceSafeErrorHandler;
import java.util.Collection;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listener containers of the ingest listeners: batch listeners whose offsets are committed
 * only after their database transaction (the budget topic's when the listener returns, the event
 * topic's when its writer acknowledges, {@link WriteBehind}), and transient failures retried
 * forever with capped exponential back-off. Nothing is ever dead-lettered from here:
 * rejections are decided by the pipeline, not by exceptions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
@ComponentScan
public class IngestConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);

	public static final String CONTAINER_FACTORY = "ingestContainerFactory";

	public static final String EVENT_CONTAINER_FACTORY = "eventContainerFactory";

	/** Before any container exists: Kafka picks its LZ4 decompressor once, at its first batch. */
	IngestConfiguration() {
		NativeLz4.load();
	}

	/** The budget topic's container: each poll stored on the consumer thread, then committed. */
	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<String, byte[]> ingestContainerFactory(ConsumerFactory<?, ?> consumerFactory,
			IngestProperties properties, SeriesOwnership ownership) {
		var factory = containerFactory(consumerFactory, properties);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
		// which OPDs' series this instance exports when several share the group (apbd.export)
		factory.getContainerProperties().setConsumerRebalanceListener(ownership);
		return factory;
	}

	/**
	 * The event topic's container: a poll is stored by its consumer's writer while the next one is
	 * parsed ({@link WriteBehind}), which acknowledges it after its transaction; the container
	 * commits acknowledged offsets before each poll, without waiting for the broker's answer (a
	 * lost commit only means records read again, which the ledger answers as duplicates).
	 */
	@Bean(EVENT_CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<String, byte[]> eventContainerFactory(ConsumerFactory<?, ?> consumerFactory,
			IngestProperties properties, SeriesOwnership ownership, WriteBehind writeBehind) {
		var factory = containerFactory(consumerFactory, properties);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
		factory.getContainerProperties().setSyncCommits(false);
		factory.getContainerProperties().setConsumerRebalanceListener(new BothRebalanceListeners(writeBehind, ownership));
		return factory;
	}

	@Bean
	WriteBehind writeBehind(IngestProperties properties) {
		return new WriteBehind(properties);
	}

	@SuppressWarnings("unchecked")
	private static ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory(
			ConsumerFactory<?, ?> consumerFactory, IngestProperties properties) {
		var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
		factory.setConsumerFactory((ConsumerFactory<String, byte[]>) consumerFactory);
		factory.setBatchListener(true);
		factory.setConcurrency(properties.concurrency());
		ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
		// never acknowledges a batch for partitions lost in a rebalance (CommitFailedException)
		DefaultErrorHandler errorHandler = new RebalanceSafeErrorHandler((record, ex) -> {
			throw new IllegalStateException("the ingest back-off is unlimited; a batch is never given up", ex);
		}, backOff);
		errorHandler.setRetryListeners(new RetryListener() {

			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int attempt) {
				log.warn("Record {}-{}@{} failed (attempt {}), retrying with back-off: {}", record.topic(),
						record.partition(), record.offset(), attempt, LogSafe.of(ex, 500));
			}

			@Override
			public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int attempt) {
				log.warn("Batch of {} records failed (attempt {}), consumer paused, retrying with back-off: {}",
						records.count(), attempt, LogSafe.of(ex, 500));
			}

		});
		factory.setCommonErrorHandler(errorHandler);
		return factory;
	}

	/** The writer finishes (or gives up) its poll before the series' ownership moves. */
	private record BothRebalanceListeners(WriteBehind first, ConsumerAwareRebalanceListener second)
			implements ConsumerAwareRebalanceListener {

		@Override
		public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			this.first.onPartitionsRevokedBeforeCommit(consumer, partitions);
			this.second.onPartitionsRevokedBeforeCommit(consumer, partitions);
		}

		@Override
		public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			this.first.onPartitionsRevokedAfterCommit(consumer, partitions);
			this.second.onPartitionsRevokedAfterCommit(consumer, partitions);
		}

		@Override
		public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			this.first.onPartitionsLost(consumer, partitions);
			this.second.onPartitionsLost(consumer, partitions);
		}

		@Override
		public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			this.first.onPartitionsAssigned(consumer, partitions);
			this.second.onPartitionsAssigned(consumer, partitions);
		}

	}

	@Bean
	KafkaAdmin.NewTopics ingestTopics(IngestProperties properties) {
		return new KafkaAdmin.NewTopics(topic(properties, properties.topic()),
				topic(properties, IngestProperties.deadLetterTopic(properties.topic())),
				TopicBuilder.name(properties.budgetTopic())
					.partitions(properties.partitions())
					.replicas(properties.replicas())
					.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
					.build(),
				topic(properties, IngestProperties.deadLetterTopic(properties.budgetTopic())));
	}

	private static NewTopic topic(IngestProperties properties, String name) {
		return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicas()).build();
	}

}
