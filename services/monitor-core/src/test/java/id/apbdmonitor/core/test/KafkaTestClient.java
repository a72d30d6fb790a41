package id.apbdmonitor.core.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Produces raw records to the test broker and reads dead-letter topics back, with headers. */
public final class KafkaTestClient implements AutoCloseable {

	private final KafkaProducer<byte[], byte[]> producer;

	private final String brokers;

	public KafkaTestClient(String brokers) {
		this.brokers = brokers;
		Map<String, Object> props = new HashMap<>();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producer = new KafkaProducer<>(props);
	}

	public void send(String topic, String key, String value) {
		send(topic, key, value.getBytes(StandardCharsets.UTF_8));
	}

	public void send(String topic, String key, byte[] value) {
		send(topic, (key != null) ? key.getBytes(StandardCharsets.UTF_8) : null, value);
	}

	/** Sends a key as raw bytes, e.g. one that is not UTF-8. */
	public void send(String topic, byte[] key, byte[] value) {
		try {
			this.producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send to " + topic, ex);
		}
	}

	/** Sends without waiting; {@link #flush} waits for all. Order per partition is kept (idempotent producer). */
	public void sendAsync(String topic, String key, String value) {
		this.producer.send(new ProducerRecord<>(topic, (key != null) ? key.getBytes(StandardCharsets.UTF_8) : null,
				value.getBytes(StandardCharsets.UTF_8)));
	}

	public void flush() {
		this.producer.flush();
	}

	/** The first record on a topic, from the beginning, whose value contains the text. */
	public DeadLetter find(String topic, String containing, Duration timeout) {
		List<DeadLetter> records = read(topic, record -> record.value().contains(containing), timeout);
		// read returns every record it saw: the last is the match only if the search stopped on one
		if (records.isEmpty() || !records.get(records.size() - 1).value().contains(containing)) {
			throw new AssertionError("no record containing '" + containing + "' on " + topic + " within " + timeout
					+ " (" + records.size() + " others read)");
		}
		return records.get(records.size() - 1);
	}

	/** All records on a topic from the beginning, read until {@code expected} are seen or the timeout. */
	public List<DeadLetter> readAll(String topic, int expected, Duration timeout) {
		List<DeadLetter> seen = new ArrayList<>();
		read(topic, record -> {
			seen.add(record);
			return seen.size() >= expected;
		}, timeout);
		return seen;
	}

	private List<DeadLetter> read(String topic, java.util.function.Predicate<DeadLetter> stop, Duration timeout) {
		Map<String, Object> props = new HashMap<>();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		List<DeadLetter> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					Map<String, String> headers = new HashMap<>();
					for (Header header : record.headers()) {
						headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
					}
					String key = (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null;
					byte[] value = (record.value() != null) ? record.value() : new byte[0];
					DeadLetter letter = new DeadLetter(key, new String(value, StandardCharsets.UTF_8), headers,
							record.key(), value.length);
					records.add(letter);
					if (stop.test(letter)) {
						return records;
					}
				}
			}
		}
		return records;
	}

	@Override
	public void close() {
		this.producer.close();
	}

	/** A record read back: key, value and headers as strings, the key's bytes and the value's size. */
	public record DeadLetter(String key, String value, Map<String, String> headers, byte[] rawKey, int size) {

		public String reason() {
			return this.headers.get("apbd-reason");
		}

	}

}
