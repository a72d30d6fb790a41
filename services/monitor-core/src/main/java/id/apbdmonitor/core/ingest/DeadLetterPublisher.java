package id.apbdmonitor.core.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import id.apbdmonitor.core.event.Rejection;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes rejected records unchanged to {@code <topic>-dlt}, the reason in headers, and
 * waits for the broker's acknowledgement so offsets are only committed once they are safe.
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

	private static final long ACK_TIMEOUT_SECONDS = 30;

	private final KafkaTemplate<String, byte[]> template;

	private final String consumer;

	public DeadLetterPublisher(KafkaTemplate<String, byte[]> template,
			@Value("${spring.application.name}") String consumer) {
		this.template = template;
		this.consumer = consumer;
	}

	public void publish(List<Rejected> rejected) throws Exception {
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
		for (Rejected each : rejected) {
			sends.add(this.template.send(toDeadLetter(each.record(), each.rejection())));
		}
		for (CompletableFuture<SendResult<String, byte[]>> send : sends) {
			send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
	}

	private ProducerRecord<String, byte[]> toDeadLetter(IncomingRecord record, Rejection rejection) {
		RecordHeaders headers = new RecordHeaders();
		add(headers, REASON, rejection.reason().name());
		add(headers, FIELD, rejection.field());
		add(headers, VALUE, rejection.value());
		add(headers, DETAIL, rejection.detail());
		add(headers, SOURCE_TOPIC, record.topic());
		add(headers, SOURCE_PARTITION, Integer.toString(record.partition()));
		add(headers, SOURCE_OFFSET, Long.toString(record.offset()));
		add(headers, CONSUMER, this.consumer);
		return new ProducerRecord<>(IngestProperties.deadLetterTopic(record.topic()), null, record.key(),
				record.value(), headers);
	}

	private static void add(RecordHeaders headers, String name, String value) {
		headers.add(name, ((value != null) ? value : "").getBytes(StandardCharsets.UTF_8));
	}

	/** A record and why it was rejected. */
	public record Rejected(IncomingRecord record, Rejection rejection) {
	}

}
