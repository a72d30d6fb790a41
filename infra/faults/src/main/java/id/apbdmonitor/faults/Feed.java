package id.apbdmonitor.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces the planned records of one scenario and remembers where each landed, so that the
 * checks can find every record again by partition and offset. Idempotent and patient: a broker
 * that is down for a minute delays the records, it does not lose or reorder them.
 */
final class Feed implements AutoCloseable {

	/** A record the broker acknowledged. */
	record Sent(Planned planned, int partition, long offset) {
	}

	private final String topic;

	private final KafkaProducer<byte[], byte[]> producer;

	private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	Feed(String bootstrapServers, String topic) {
		this.topic = topic;
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024,
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000,
				ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	/** Sends in order and waits for every acknowledgement. */
	void send(List<Planned> records) throws InterruptedException {
		List<Future<RecordMetadata>> futures = new ArrayList<>(records.size());
		for (Planned planned : records) {
			futures.add(this.producer.send(new ProducerRecord<>(this.topic, null, planned.timestamp(), planned.key(),
					planned.value())));
		}
		this.producer.flush();
		for (int i = 0; i < records.size(); i++) {
			try {
				RecordMetadata metadata = futures.get(i).get();
				this.sent.add(new Sent(records.get(i), metadata.partition(), metadata.offset()));
			}
			catch (ExecutionException ex) {
				this.failures.add(records.get(i).eventId() + ": " + ex.getCause());
			}
		}
	}

	/**
	 * Sends one record alone and reports whether the broker took it (for probing the broker's
	 * size limit); a refused record is not remembered.
	 */
	boolean trySend(Planned planned) throws InterruptedException {
		try {
			RecordMetadata metadata = this.producer
				.send(new ProducerRecord<>(this.topic, null, planned.timestamp(), planned.key(), planned.value()))
				.get();
			this.sent.add(new Sent(planned, metadata.partition(), metadata.offset()));
			return true;
		}
		catch (ExecutionException ex) {
			return false;
		}
	}

	List<Sent> sent() {
		synchronized (this.sent) {
			return List.copyOf(this.sent);
		}
	}

	List<String> failures() {
		synchronized (this.failures) {
			return List.copyOf(this.failures);
		}
	}

	String topic() {
		return this.topic;
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
