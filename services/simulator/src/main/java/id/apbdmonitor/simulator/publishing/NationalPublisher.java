package id.apbdmonitor.simulator.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.SimEvent;
import id.apbdmonitor.simulator.national.NationalYear;
import id.apbdmonitor.simulator.national.RegionIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The national mode's synthetic regions: generates each one's year in turn and publishes it at
 * once (Kota Bima's year stays with {@link YearPublisher}), so that only one region's year is in
 * memory. Each region is flushed and acknowledged before the next is generated.
 */
final class NationalPublisher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NationalPublisher.class);

	private static final Duration RETRY_DELAY = Duration.ofSeconds(2);

	private final NationalYear year;

	private final KafkaTemplate<String, String> kafka;

	private volatile Thread thread;

	private volatile int regionsPublished;

	NationalPublisher(NationalYear year, KafkaTemplate<String, String> kafka) {
		this.year = year;
		this.kafka = kafka;
	}

	/** How many synthetic regions' years Kafka has acknowledged in full. */
	int regionsPublished() {
		return this.regionsPublished;
	}

	@Override
	public void start() {
		Thread publisher = new Thread(this::run, "national-publisher");
		publisher.setDaemon(true);
		this.thread = publisher;
		publisher.start();
	}

	@Override
	public void stop() {
		Thread publisher = this.thread;
		this.thread = null;
		if (publisher != null) {
			publisher.interrupt();
			try {
				publisher.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void run() {
		long events = 0;
		try {
			// region 0 is Kota Bima, published by the year publisher
			for (int index = 1; index < this.year.size(); index++) {
				GeneratedYear region = this.year.generate(index);
				publish(RegionIds.qualified(region.settings().pemda(), region.events()));
				events += region.events().size();
				this.regionsPublished = index;
				log.info("National simulation: region {} of {} ({}) published, {} records; {} in all", index,
						this.year.size() - 1, region.settings().pemda(), region.events().size(), events);
			}
			log.info("National simulation done: {} synthetic regions, {} records", this.year.size() - 1, events);
		}
		catch (InterruptedException ex) {
			log.info("National publishing stopped after {} regions", this.regionsPublished);
			Thread.currentThread().interrupt();
		}
	}

	/** Sends one region's records in order; retries those Kafka did not acknowledge. */
	private void publish(List<SimEvent> events) throws InterruptedException {
		List<SimEvent> pending = events;
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
				}
				catch (RuntimeException ex) {
					failed.add(pending.get(i));
					cause = ex;
				}
			}
			if (Thread.currentThread().isInterrupted()) {
				throw new InterruptedException("stopped while publishing a region");
			}
			if (!failed.isEmpty()) {
				log.warn("Kafka did not acknowledge {} of {} records ({}); retrying in {} s", failed.size(),
						pending.size(), cause.getMessage(), RETRY_DELAY.toSeconds());
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
