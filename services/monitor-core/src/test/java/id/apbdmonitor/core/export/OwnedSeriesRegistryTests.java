package id.apbdmonitor.core.export;

import java.util.List;

import id.apbdmonitor.core.test.PrometheusScrape;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Series registered and removed while the service runs (the sparse rule series of up-advances and
 * tpp-payments, a {@link MultiGauge}) follow the same ownership as those registered at start-up:
 * a scrape shows a row only while this instance consumes its partition, and after a rebalance the
 * instance that took the partition over shows it instead.
 */
class OwnedSeriesRegistryTests {

	@Test
	void shouldExportADynamicRowOnlyWhileItsPartitionIsConsumedHere() {
		SeriesOwnership ownership = new SeriesOwnership("events");
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT,
				new OwnedSeriesRegistry(ownership), Clock.SYSTEM);
		MultiGauge breached = MultiGauge.builder("apbd.up.rule.breached").register(registry);
		String dinkes = "52.72/DINKES";
		String other = otherOpd(SeriesOwnership.partitionOf(dinkes, 3));
		breached.register(List.of(row("DINKES"), row(other)), false);
		assertThat(opds(registry)).as("no partition assigned yet").isEmpty();

		TopicPartition dinkesPartition = new TopicPartition("events", SeriesOwnership.partitionOf(dinkes, 3));
		ownership.assigned(List.of(dinkesPartition), () -> 3);
		assertThat(opds(registry)).containsExactly("DINKES");

		// a rebalance gives DINKES's partition to another instance and this one the other's
		ownership.released(List.of(dinkesPartition));
		ownership.assigned(List.of(new TopicPartition("events", SeriesOwnership.partitionOf("52.72/" + other, 3))), () -> 3);
		assertThat(opds(registry)).containsExactly(other);

		// the breach is made good: the refresh removes the row
		breached.register(List.of(), false);
		assertThat(opds(registry)).isEmpty();
	}

	private static MultiGauge.Row<Number> row(String opd) {
		return MultiGauge.Row.of(Tags.of("pemda", "52.72", "opd", opd, "rule", "gu_overdue"), 1);
	}

	private static List<String> opds(PrometheusMeterRegistry registry) {
		return PrometheusScrape.parse(registry.scrape())
			.named("apbd_up_rule_breached")
			.stream()
			.map(sample -> sample.labels().get("opd"))
			.toList();
	}

	/** An OPD of Kota Bima whose key is in another partition among three. */
	private static String otherOpd(int partition) {
		for (String opd : List.of("PUPR", "RSUD", "DISHUB", "BAPPEDA", "DKP", "SETDA")) {
			if (SeriesOwnership.partitionOf("52.72/" + opd, 3) != partition) {
				return opd;
			}
		}
		throw new IllegalStateException("no OPD outside partition " + partition);
	}

}
