package id.apbdmonitor.simulator.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import id.apbdmonitor.simulator.generator.SimEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends records in order and returns once Kafka has acknowledged every one, re-sending those it
 * did not: a re-sent record that did arrive is a duplicate the services count and ignore. Shared
 * by the year publisher (a day at a time) and the national one (a region at a time).
 */
final class AcknowledgedSender {

	private static final Logger log = LoggerFactory.getLogger(AcknowledgedSender.class);

	private static final Duration RETRY_DELAY = Duration.ofSeconds(2);

	private final KafkaTemplate<String, String> kafka;

	AcknowledgedSender(KafkaTemplate<String, String> kafka) {
		this.kafka = kafka;
	}

	/** {@code what} names the records in log lines; {@code acknowledged} sees each record Kafka has. */
	void send(List<SimEvent> records, String what, Consumer<SimEvent> acknowledged) throws InterruptedException {
		List<SimEvent> pending = records;
		while (!pending.isEmpty()) {
			List<CompletableFuture<?>> sends = new ArrayList<>(pending.size());
			for (SimEvent event : pending) {
				sends.add(send(event));
			}
			this.kafka.flush();
			List<SimEvent> failed = new ArrayList<>();
			Throwable cause = null;
			for (int i = 0; i < pending.size(); i++) {
				try {
					sends.get(i).join();
					acknowledged.accept(pending.get(i));
				}
				catch (RuntimeException ex) {
					failed.add(pending.get(i));
					cause = ex;
				}
			}
			if (Thread.currentThread().isInterrupted()) {
				// the producer turns an interrupt into a failed send: that is a stop, not a failure
				throw new InterruptedException("stopped while publishing " + what);
			}
			if (!failed.isEmpty()) {
				log.warn("Kafka did not acknowledge {} of {} records of {} ({}); retrying in {} s", failed.size(),
						pending.size(), what, cause.getMessage(), RETRY_DELAY.toSeconds());
				Thread.sleep(RETRY_DELAY.toMillis());
			}
			pending = failed;
		}
	}

	private CompletableFuture<?> send(SimEvent event) {
		try {
			return this.kafka.send(event.topic(), event.key(), event.value());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
