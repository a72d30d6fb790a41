package id.apbdmonitor.simulator.publishing;

import java.time.Duration;

import id.apbdmonitor.simulator.generator.GeneratedYear;
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

	private final NationalYear year;

	private final AcknowledgedSender sender;

	private volatile Thread thread;

	private volatile int regionsPublished;

	NationalPublisher(NationalYear year, KafkaTemplate<String, String> kafka) {
		this.year = year;
		this.sender = new AcknowledgedSender(kafka);
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
				this.sender.send(RegionIds.qualified(region.settings().pemda(), region.events()),
						"region " + region.settings().pemda(), (event) -> {
				});
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

}
