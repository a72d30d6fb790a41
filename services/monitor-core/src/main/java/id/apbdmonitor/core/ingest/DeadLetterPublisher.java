package id.apbdmonitor.core.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import id.apbdmonitor.core.event.LogSafe;
import id.apbdmonitor.core.event.Rejection;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes rejected records to {@code <topic>-dlt}, the reason in headers, and waits for the
 * broker's acknowledgement so offsets are only committed once they are safe. The key and value
 * go unchanged (the key as the producer's bytes); the headers are escaped and bounded. A record
 * too large to copy whole next to its headers goes as a bounded envelope (a small JSON with the
 * start of the value), so a dead letter can never exceed the producer's or broker's limit and
 * block its topic.
 */
@Component
public class DeadLetterPublisher {

	public static final String REASON = "apbd-reason";

	public static final String FIELD = "apbd-field";

	public static final String VALUE = "apbd-value";

	public static final String DETAIL = "apbd-detail";

	public static final String SOURCE_TOPIC = "apbd-source-topic";

	public static final String SOURCE_PARTITION = "apbd-source-partition";

	public static final String SOURCE_OFFSET = "apbd-source-offset";

	public static final String CONSUMER = "apbd-consumer";

	/** {@code true} when the value is an envelope instead of the original. */
	public static final String TRUNCATED = "apbd-truncated";

	/** Bytes of the original value, on envelopes. */
	public static final String ORIGINAL_SIZE = "apbd-original-size";

	static final int MAX_FIELD = 100;

	static final int MAX_VALUE = 200;

	static final int MAX_DETAIL = 500;

	/** Characters of the original value kept in an envelope. */
	static final int PREFIX = 1000;

	/** A key longer than this is left out of an envelope. */
	static final int MAX_ENVELOPE_KEY = 1024;

	private static final int DEFAULT_MAX_REQUEST_SIZE = 1_048_576;

	private static final long ACK_TIMEOUT_SECONDS = 30;

	private final KafkaTemplate<byte[], byte[]> template;

	private final String consumer;

	private final int copyLimit;

	private final JsonMapper json = JsonMapper.builder().build();

	@SuppressWarnings("unchecked")
	public DeadLetterPublisher(ProducerFactory<?, ?> producerFactory,
			@Value("${spring.application.name}") String consumer) {
		this.template = new KafkaTemplate<>((ProducerFactory<byte[], byte[]>) producerFactory,
				Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		this.consumer = consumer;
		Object configured = producerFactory.getConfigurationProperties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
		int maxRequestSize = (configured != null) ? Integer.parseInt(configured.toString()) : DEFAULT_MAX_REQUEST_SIZE;
		// the broker's default message.max.bytes is about 1 MB whatever the producer allows
		this.copyLimit = Math.min(maxRequestSize, DEFAULT_MAX_REQUEST_SIZE) * 9 / 10;
	}

	public void publish(List<Rejected> rejected) throws Exception {
		List<CompletableFuture<SendResult<byte[], byte[]>>> sends = new ArrayList<>();
		for (Rejected each : rejected) {
			sends.add(this.template.send(toDeadLetter(each.record(), each.rejection(), false)));
		}
		for (int i = 0; i < sends.size(); i++) {
			try {
				sends.get(i).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof RecordTooLargeException)) {
					throw ex;
				}
				// a broker or topic with a smaller limit than ours: the envelope always fits
				Rejected each = rejected.get(i);
				this.template.send(toDeadLetter(each.record(), each.rejection(), true))
					.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
		}
	}

	ProducerRecord<byte[], byte[]> toDeadLetter(IncomingRecord record, Rejection rejection, boolean forceEnvelope) {
		RecordHeaders headers = new RecordHeaders();
		add(headers, REASON, rejection.reason().name());
		add(headers, FIELD, LogSafe.of(rejection.field(), MAX_FIELD));
		add(headers, VALUE, LogSafe.of(rejection.value(), MAX_VALUE));
		add(headers, DETAIL, LogSafe.of(rejection.detail(), MAX_DETAIL));
		add(headers, SOURCE_TOPIC, record.topic());
		add(headers, SOURCE_PARTITION, Integer.toString(record.partition()));
		add(headers, SOURCE_OFFSET, Long.toString(record.offset()));
		add(headers, CONSUMER, this.consumer);
		String topic = IngestProperties.deadLetterTopic(record.topic());
		if (!forceEnvelope && record.size() + headerBytes(headers) <= this.copyLimit) {
			return new ProducerRecord<>(topic, null, record.rawKey(), record.value(), headers);
		}
		int size = (record.value() != null) ? record.value().length : 0;
		add(headers, TRUNCATED, "true");
		add(headers, ORIGINAL_SIZE, Integer.toString(size));
		byte[] key = (record.rawKey() != null && record.rawKey().length <= MAX_ENVELOPE_KEY) ? record.rawKey() : null;
		return new ProducerRecord<>(topic, null, key, envelope(record, rejection, size), headers);
	}

	private byte[] envelope(IncomingRecord record, Rejection rejection, int size) {
		ObjectNode node = this.json.createObjectNode();
		node.put("truncated", true);
		node.put("reason", rejection.reason().name());
		node.put("sourceTopic", record.topic());
		node.put("sourcePartition", record.partition());
		node.put("sourceOffset", record.offset());
		node.put("originalSize", size);
		if (record.rawKey() != null && record.rawKey().length > MAX_ENVELOPE_KEY) {
			node.put("originalKeySize", record.rawKey().length);
		}
		String value = (record.value() != null) ? new String(record.value(), 0, Math.min(size, PREFIX * 4),
				StandardCharsets.UTF_8) : "";
		node.put("prefix", value.substring(0, Math.min(value.length(), PREFIX)));
		return this.json.writeValueAsBytes(node);
	}

	private static int headerBytes(RecordHeaders headers) {
		int bytes = 0;
		for (var header : headers) {
			bytes += header.key().length() + header.value().length + 8;
		}
		return bytes;
	}

	private static void add(RecordHeaders headers, String name, String value) {
		headers.add(name, ((value != null) ? value : "").getBytes(StandardCharsets.UTF_8));
	}

	/** A record and why it was rejected. */
	public record Rejected(IncomingRecord record, Rejection rejection) {
	}

}
