package id.apbdmonitor.simulator.publishing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.SimEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code apbd_simulator_business_date_timestamp_seconds} (midnight, region time, of the simulated
 * date) and {@code apbd_simulator_events_published_total{topic,kind}}, every series registered
 * at start-up.
 */
final class SimulatorMetrics {

	private final Map<String, Counter> published = new HashMap<>();

	SimulatorMetrics(MeterRegistry registry, GeneratedYear year, PublishProgress progress, BusinessClock clock,
			ZoneId zone) {
		Gauge.builder("apbd.simulator.business.date.timestamp", () -> epochSeconds(date(progress, clock), zone))
			.description("Simulated business date: the clock's date, or the last published day if later")
			.baseUnit("seconds")
			.register(registry);
		for (SimEvent event : year.events()) {
			this.published.computeIfAbsent(key(event), (key) -> Counter.builder("apbd.simulator.events.published")
				.description("Records published to Kafka and acknowledged, by topic and kind")
				.tag("topic", event.topic())
				.tag("kind", kind(event.kind()))
				.register(registry));
		}
	}

	void published(SimEvent event) {
		this.published.get(key(event)).increment();
	}

	static String kind(SimEvent.Kind kind) {
		return kind.name().toLowerCase(Locale.ROOT);
	}

	private static String key(SimEvent event) {
		return event.topic() + "|" + event.kind();
	}

	private static LocalDate date(PublishProgress progress, BusinessClock clock) {
		LocalDate today = clock.today();
		LocalDate published = progress.businessDate();
		return (published != null && published.isAfter(today)) ? published : today;
	}

	private static double epochSeconds(LocalDate date, ZoneId zone) {
		return date.atStartOfDay(zone).toEpochSecond();
	}

}
