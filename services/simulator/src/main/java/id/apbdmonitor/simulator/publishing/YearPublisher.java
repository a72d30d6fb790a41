package id.apbdmonitor.simulator.publishing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.clock.SimulatedBusinessClock;
import id.apbdmonitor.simulator.generator.Category;
import id.apbdmonitor.simulator.generator.ExpectedTotals;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.SimEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the generated year day by day: with {@code pace} each day's records when the business
 * clock reaches that day, otherwise all at once. Each day is flushed and acknowledged before the
 * progress moves on, so {@code /api/expected} never counts a record Kafka does not have.
 */
final class YearPublisher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(YearPublisher.class);

	private final GeneratedYear year;

	private final AcknowledgedSender sender;

	private final BusinessClock clock;

	private final boolean pace;

	private final PublishProgress progress;

	private final SimulatorMetrics metrics;

	private volatile Thread thread;

	YearPublisher(GeneratedYear year, KafkaTemplate<String, String> kafka, BusinessClock clock, boolean pace,
			PublishProgress progress, SimulatorMetrics metrics) {
		this.year = year;
		this.sender = new AcknowledgedSender(kafka);
		this.clock = clock;
		this.pace = pace;
		this.progress = progress;
		this.metrics = metrics;
	}

	@Override
	public void start() {
		Thread publisher = new Thread(this::run, "year-publisher");
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
		List<SimEvent> events = this.year.events();
		int fiscalYear = this.year.settings().fiscalYear();
		if (this.pace && this.clock.today().getYear() != fiscalYear) {
			log.warn("The business clock is on {} but the simulated fiscal year is {}: records wait for their date",
					this.clock.today(), fiscalYear);
		}
		try {
			int next = 0;
			while (next < events.size()) {
				LocalDate day = events.get(next).businessDate();
				int end = next;
				while (end < events.size() && events.get(end).businessDate().equals(day)) {
					end++;
				}
				if (this.pace) {
					awaitDay(day);
				}
				this.sender.send(events.subList(next, end), day.toString(), this.metrics::published);
				this.progress.advance(end, day);
				next = end;
				if (next == events.size() || !YearMonth.from(events.get(next).businessDate()).equals(YearMonth.from(day))) {
					logMonth(YearMonth.from(day));
				}
			}
			this.progress.finish();
			logYear(fiscalYear);
		}
		catch (InterruptedException ex) {
			log.info("Publishing stopped after {} of {} records", this.progress.published(), events.size());
			Thread.currentThread().interrupt();
		}
	}

	private void awaitDay(LocalDate day) throws InterruptedException {
		while (this.clock.today().isBefore(day)) {
			long millis = 1000;
			if (this.clock instanceof SimulatedBusinessClock simulated) {
				millis = Duration.between(Instant.now(), simulated.instantOf(day)).toMillis() + 1;
			}
			Thread.sleep(Math.max(1, Math.min(millis, 1000)));
		}
	}

	private void logMonth(YearMonth month) {
		ExpectedTotals published = this.year.asOf(this.progress.published());
		log.info("simulated {}: {} events published so far ({} duplicates, {} malformed, {} invalid)", month,
				String.format(Locale.ROOT, "%,d", published.published()), published.count(SimEvent.Kind.DUPLICATE),
				published.count(SimEvent.Kind.MALFORMED), published.count(SimEvent.Kind.INVALID));
	}

	private void logYear(int fiscalYear) {
		ExpectedTotals totals = this.year.expectedTotals();
		StringBuilder realised = new StringBuilder();
		for (Category category : this.year.categories()) {
			realised.append(String.format(Locale.ROOT, ", %s Rp%,.2f of Rp%,.2f", category.code(),
					totals.realised(category), totals.pagu(category)));
		}
		log.info("simulated year {} done: {} events published ({} duplicates, {} malformed, {} invalid); realised{}",
				fiscalYear, String.format(Locale.ROOT, "%,d", totals.published()), totals.count(SimEvent.Kind.DUPLICATE),
				totals.count(SimEvent.Kind.MALFORMED), totals.count(SimEvent.Kind.INVALID), realised.substring(1));
	}

}
