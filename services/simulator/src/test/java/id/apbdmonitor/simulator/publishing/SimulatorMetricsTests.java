package id.apbdmonitor.simulator.publishing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import id.apbdmonitor.core.clock.FixedBusinessClock;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.GeneratorSettings;
import id.apbdmonitor.simulator.generator.SimEvent;
import id.apbdmonitor.simulator.generator.YearGenerator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorMetricsTests {

	private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

	private final GeneratedYear year = YearGenerator.generate(GeneratorSettings.kotaBima(3)
		.withOpds(List.of("DINKES", "PUPR"))
		.withEventsPerOpdPerMonth(1)
		.withFaultRate(0.05));

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final PublishProgress progress = new PublishProgress();

	private final SimulatorMetrics metrics = new SimulatorMetrics(this.registry, this.year, this.progress,
			new FixedBusinessClock(LocalDate.of(2026, 3, 1), WITA), WITA);

	@Test
	void shouldExportEverySeriesFromStartUp() {
		String page = this.registry.scrape();
		// 1 March 2026 00:00 WITA = 28 February 2026 16:00 UTC
		assertThat(page).contains("apbd_simulator_business_date_timestamp_seconds 1.7722944E9");
		for (String topic : List.of("apbd.budget.v1", "apbd.goods.v1", "apbd.services.v1")) {
			assertThat(page).contains("apbd_simulator_events_published_total{kind=\"valid\",topic=\"" + topic + "\"} 0.0")
				.contains("apbd_simulator_events_published_total{kind=\"duplicate\",topic=\"" + topic + "\"} 0.0");
		}
		for (String topic : List.of("apbd.goods.v1", "apbd.services.v1")) {
			assertThat(page).contains("apbd_simulator_events_published_total{kind=\"invalid\",topic=\"" + topic + "\"} 0.0")
				.contains("apbd_simulator_events_published_total{kind=\"malformed\",topic=\"" + topic + "\"} 0.0");
		}
	}

	@Test
	void shouldCountPublishedRecordsByTopicAndKind() {
		SimEvent first = this.year.events().get(0);
		this.metrics.published(first);
		this.metrics.published(first);
		assertThat(this.registry.get("apbd.simulator.events.published")
			.tags("topic", "apbd.budget.v1", "kind", "valid")
			.counter()
			.count()).isEqualTo(2.0);
		// a later published day moves the date past the clock's: 31 December 00:00 WITA = 30 December 16:00 UTC
		this.progress.advance(1, LocalDate.of(2026, 12, 31));
		assertThat(this.registry.scrape()).contains("apbd_simulator_business_date_timestamp_seconds 1.7986464E9");
	}

}
