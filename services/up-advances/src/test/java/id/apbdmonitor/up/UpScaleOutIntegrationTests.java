package id.apbdmonitor.up;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape.Sample;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestService;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static id.apbdmonitor.up.UpEvents.guAccounted;
import static id.apbdmonitor.up.UpEvents.key;
import static id.apbdmonitor.up.UpEvents.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three up-advances instances in one consumer group over a three-partition topic with
 * {@code apbd.export.owned-series-only}, on 10 January 2026 (no OPD late for its first UP yet):
 * the rule series, registered on each refresh, come from exactly one instance each, and so does
 * the region's count of breaching OPDs, before and after one instance dies without leaving the
 * group and the group rebalances.
 */
class UpScaleOutIntegrationTests {

	/** Six OPDs, each with an SPJ-GU above its float: {@code accounted_above_held}. */
	private static final List<String> BREACHING = List.of("SETDA", "BAPPEDA", "DINKES", "RSUD", "PUPR", "DKP");

	@Test
	void shouldExportEveryRuleSeriesOnceAcrossInstancesBeforeAndAfterOneStops() {
		Map<String, Object> properties = TestService.scaleOut(TestService.fresh("up", "2026-01-10"), "up-scale-out");

		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				instances.add(TestService.start(UpAdvancesApplication.class, properties));
			}
			try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
				for (String opd : BREACHING) {
					kafka.send(TestService.events(properties), key(opd),
							up("SP2D-UP-" + opd, opd, "10000000.00", "2026-01-05"));
					kafka.send(TestService.events(properties), key(opd),
							guAccounted("SPJ-GU-" + opd, opd, "12000000.00", "2026-01-08"));
				}
			}
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				assertExportedOnce(instances);
				assertThat(instances).allSatisfy(instance -> assertThat(
						TestService.scrape(instance).named("apbd_up_outstanding_rupiah")).isNotEmpty());
			});

			instances.remove(1).close();

			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertExportedOnce(instances));
		}
		finally {
			instances.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static void assertExportedOnce(List<ConfigurableApplicationContext> instances) {
		assertThat(samples(instances, "apbd_up_rule_breached"))
			.as("each breaching OPD's flag from exactly one instance")
			.extracting(sample -> sample.labels().get("opd") + " " + sample.labels().get("rule") + " " + sample.value())
			.containsExactlyInAnyOrderElementsOf(BREACHING.stream().map(opd -> opd + " accounted_above_held 1.0").toList());
		assertThat(samples(instances, "apbd_up_rule_breaches")).hasSize(BREACHING.size())
			.allSatisfy(sample -> assertThat(sample.value()).isEqualTo(1.0));
		// the region's counts, one series per rule: the six OPDs for accounted_above_held, 0 for the 9 others
		List<Sample> counts = samples(instances, "apbd_up_rule_breaching_opds");
		assertThat(counts).extracting(sample -> sample.labels().get("rule")).hasSize(10).doesNotHaveDuplicates();
		assertThat(counts).allSatisfy(sample -> assertThat(sample.value()).as(sample.labels().get("rule"))
			.isEqualTo(sample.labels().get("rule").equals("accounted_above_held") ? 6.0 : 0.0));
	}

	private static List<Sample> samples(List<ConfigurableApplicationContext> instances, String name) {
		List<Sample> samples = new ArrayList<>();
		for (ConfigurableApplicationContext instance : instances) {
			samples.addAll(TestService.scrape(instance).named(name));
		}
		return samples;
	}

}
