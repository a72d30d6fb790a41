package id.apbdmonitor.core.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import id.apbdmonitor.core.test.PrometheusScrape;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A {@link GaugeFamily} scrapes to the very text the Micrometer gauges it replaced gave (names,
 * help, types, label order, values), so no rule, dashboard or reader notices the change; and the
 * ownership filter of a scaled-out instance applies to its rows too.
 */
class GaugeFamilyTests {

	@Test
	void shouldScrapeToTheTextOfTheMicrometerGaugesItReplaces() {
		PrometheusMeterRegistry micrometer = registry(new PrometheusRegistry());
		PrometheusMeterRegistry families = registry(new PrometheusRegistry());
		GaugeFamily pagu = GaugeFamily.gauge(families.getPrometheusRegistry(), "apbd_pagu_rupiah",
				"Pagu (budget ceiling) in force");
		GaugeFamily opdInfo = GaugeFamily.info(families.getPrometheusRegistry(), "apbd_opd",
				"1 for every OPD of the region file");
		// registered in a shuffled order, with values a double spells in several ways
		List<String[]> rows = new ArrayList<>();
		for (String pemda : List.of("52.72", "52.06", "11.01")) {
			for (String opd : List.of("DINKES", "PUPR", "BPKAD", "1.02.0.00.0.00.01.0000")) {
				for (String category : List.of("barang", "jasa")) {
					rows.add(new String[] { pemda, opd, category });
				}
			}
		}
		Collections.shuffle(rows, new Random(7));
		double[] values = { 0, 47_800_000, 1_190_000_000.5, 2.7e12, 0.1, 123_456_789_012.34 };
		for (int i = 0; i < rows.size(); i++) {
			String[] row = rows.get(i);
			double value = values[i % values.length];
			Gauge.builder("apbd.pagu.rupiah", () -> value)
				.description("Pagu (budget ceiling) in force")
				.tag("pemda", row[0])
				.tag("opd", row[1])
				.tag("category", row[2])
				.register(micrometer);
			pagu.put(() -> value, "pemda", row[0], "opd", row[1], "category", row[2]);
			Gauge.builder("apbd.opd.info", () -> 1)
				.description("1 for every OPD of the region file")
				.tag("pemda", row[0])
				.tag("opd", row[1])
				.tag("opd_name", "Dinas \"" + row[1] + "\"\nKota")
				.register(micrometer);
			opdInfo.put("pemda", row[0], "opd", row[1], "opd_name", "Dinas \"" + row[1] + "\"\nKota");
		}

		assertThat(families.scrape()).isEqualTo(micrometer.scrape()).contains("apbd_opd_info{", "apbd_pagu_rupiah{");
		assertThat(pagu.size()).isEqualTo(24);
	}

	@Test
	void shouldReplaceTheSelectedRowsOnlyAndReadTheirCurrentValues() {
		PrometheusMeterRegistry registry = registry(new PrometheusRegistry());
		GaugeFamily breached = GaugeFamily.gauge(registry.getPrometheusRegistry(), "apbd_up_rule_breached", "1 while");
		AtomicReference<Double> value = new AtomicReference<>(1.0);
		breached.put(value::get, "pemda", "52.72", "opd", "DINKES", "rule", "gu_overdue");
		breached.put(() -> 1, "pemda", "52.06", "opd", "DINKES", "rule", "gu_overdue");
		value.set(2.0);
		assertThat(values(registry)).containsExactly(Map.entry("52.06/DINKES", 1.0), Map.entry("52.72/DINKES", 2.0));

		// a refresh of 52.72 rebuilds its rows: DINKES made good, PUPR breaches; 52.06 untouched
		breached.replace((labels) -> "52.72".equals(labels.get("pemda")),
				Map.of(Labels.of("pemda", "52.72", "opd", "PUPR", "rule", "gu_overdue"), () -> 1));
		assertThat(values(registry)).containsExactly(Map.entry("52.06/DINKES", 1.0), Map.entry("52.72/PUPR", 1.0));
	}

	@Test
	void shouldReadNaNFromAFailingReaderAndStillScrapeTheOthers() {
		PrometheusMeterRegistry registry = registry(new PrometheusRegistry());
		GaugeFamily family = GaugeFamily.gauge(registry.getPrometheusRegistry(), "apbd_realised_rupiah", "Realised");
		family.put(() -> {
			throw new IllegalStateException("no snapshot");
		}, "pemda", "52.72", "opd", "DINKES");
		family.put(() -> 5, "pemda", "52.72", "opd", "PUPR");
		assertThat(values(registry).get("52.72/DINKES")).isNaN();
		assertThat(values(registry).get("52.72/PUPR")).isEqualTo(5.0);
	}

	@Test
	void shouldRefuseASecondFamilyOfTheSameName() {
		PrometheusRegistry registry = new PrometheusRegistry();
		GaugeFamily.gauge(registry, "apbd_pagu_rupiah", "Pagu");
		assertThatIllegalStateException().isThrownBy(() -> GaugeFamily.gauge(registry, "apbd_pagu_rupiah", "Pagu"));
	}

	@Test
	void shouldExportOnlyTheRowsOfOwnedPartitionsOnAScaledOutInstance() {
		SeriesOwnership ownership = new SeriesOwnership("events");
		PrometheusMeterRegistry registry = registry(new OwnedSeriesRegistry(ownership));
		GaugeFamily opdInfo = GaugeFamily.info(registry.getPrometheusRegistry(), "apbd_opd", "1 for every OPD");
		List<String> opds = List.of("DINKES", "PUPR", "RSUD", "DISHUB", "BAPPEDA", "DKP", "SETDA");
		opds.forEach((opd) -> opdInfo.put("pemda", "52.72", "opd", opd, "opd_name", opd));
		ownership.assigned(List.of(new TopicPartition("events", 0), new TopicPartition("events", 2)), () -> 3);

		List<String> exported = PrometheusScrape.parse(registry.scrape())
			.named("apbd_opd_info")
			.stream()
			.map((sample) -> sample.labels().get("opd"))
			.toList();
		List<String> owned = opds.stream()
			.filter((opd) -> SeriesOwnership.partitionOf("52.72/" + opd, 3) != 1)
			.sorted()
			.toList();
		assertThat(exported).isNotEmpty().containsExactlyElementsOf(owned);
	}

	private static PrometheusMeterRegistry registry(PrometheusRegistry prometheus) {
		return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheus, Clock.SYSTEM);
	}

	private static Map<String, Double> values(PrometheusMeterRegistry registry) {
		Map<String, Double> values = new java.util.LinkedHashMap<>();
		PrometheusScrape.parse(registry.scrape()).samples().forEach((sample) -> values
			.put(sample.labels().get("pemda") + "/" + sample.labels().get("opd"), sample.value()));
		return values;
	}

}
