package id.apbdmonitor.goods;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.PrometheusScrape.Sample;
import id.apbdmonitor.core.test.RegionFiles;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestService;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three goods-spending instances in one consumer group over a three-partition topic, monitoring
 * Kota Bima and Kabupaten Sleman, with {@code apbd.export.owned-series-only}: each exports the
 * series of the OPDs whose partition it consumes. Summed over the instances, every OPD's series
 * appears exactly once and the city and national totals are exact; after one instance dies
 * without leaving the group (as a killed process: its session times out) and the group has
 * rebalanced, the two left still export every series exactly once and the same totals.
 */
class GoodsScaleOutIntegrationTests {

	private static final String GOODS_ACCOUNT = "5.1.02.01.01.0024";

	private static final List<String> KOTA_BIMA_OPDS = List.of("SETDA", "SETWAN", "INSPEKTORAT", "BAPPEDA", "BPKAD",
			"BKPSDM", "KESBANGPOL", "BPBD", "DIKPORA", "DINKES", "RSUD", "PUPR", "PERKIM", "SATPOLPP", "DINSOS",
			"DISNAKER", "DP3A", "KETAPANG", "DLH", "DUKCAPIL", "DISHUB", "DISKOMINFOTIK", "DPMPTSP", "DISPUSIP", "DKP",
			"DISPARBUD", "DISTAN", "KOPERINDAG", "KEC-RASANAE-BARAT", "KEC-MPUNDA", "KEC-RABA", "KEC-RASANAE-TIMUR",
			"KEC-ASAKOTA");

	private static final List<String> SLEMAN_OPDS = List.of("DINKES", "DISDIK");

	@Test
	void shouldExportEverySeriesOnceAcrossInstancesBeforeAndAfterOneStops() {
		Map<String, Object> properties = TestService.scaleOut(TestService.fresh("goods", "2026-03-15"), "goods-scale-out");
		properties.put("apbd.regions.dir", RegionFiles.slemanDir());

		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				instances.add(TestService.start(GoodsSpendingApplication.class, properties));
			}
			// Kota Bima's OPD number n realises n million and n rupiah; Sleman's 7 and 11 million
			BigDecimal city = BigDecimal.ZERO;
			try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
				for (int n = 1; n <= KOTA_BIMA_OPDS.size(); n++) {
					String opd = KOTA_BIMA_OPDS.get(n - 1);
					BigDecimal amount = new BigDecimal(n * 1_000_000L + n).setScale(2);
					city = city.add(amount);
					kafka.send(TestService.events(properties), "52.72/" + opd,
							realisedEvent("SP2D-BIMA-" + opd, opd, GOODS_ACCOUNT, amount.toPlainString(), "2026-03-02"));
				}
				kafka.send(TestService.events(properties), "34.04/DINKES", RegionFiles.inSleman(realisedEvent("SP2D-SLEMAN-DINKES",
						"DINKES", GOODS_ACCOUNT, "7000000.00", "2026-03-03")));
				kafka.send(TestService.events(properties), "34.04/DISDIK", RegionFiles.inSleman(realisedEvent("SP2D-SLEMAN-DISDIK",
						"DISDIK", GOODS_ACCOUNT, "11000000.00", "2026-03-03")));
			}
			// 1 + 2 + … + 33 = 561: 561,000,561 rupiah for the city; with Sleman's 18 million for both
			assertThat(city).isEqualByComparingTo("561000561.00");
			double nationalTotal = 561_000_561.00 + 18_000_000.00;

			// once the group has settled every instance holds a partition and exports its OPDs
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				assertExportedOnce(instances, nationalTotal);
				assertThat(instances).allSatisfy(instance -> assertThat(realised(List.of(instance))).isNotEmpty());
			});

			// the one that dies owns a partition: afterwards nobody would export its OPDs until the rebalance
			instances.remove(1).close();

			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertExportedOnce(instances, nationalTotal));
		}
		finally {
			instances.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static void assertExportedOnce(List<ConfigurableApplicationContext> instances, double nationalTotal) {
		List<Sample> realised = realised(instances);
		assertThat(realised).extracting(sample -> sample.labels().get("pemda") + "/" + sample.labels().get("opd"))
			.as("every OPD's series from exactly one instance")
			.hasSize(KOTA_BIMA_OPDS.size() + SLEMAN_OPDS.size())
			.doesNotHaveDuplicates();
		assertThat(sum(realised, sample -> "52.72".equals(sample.labels().get("pemda"))))
			.isEqualTo(561_000_561.00);
		assertThat(sum(realised, sample -> true)).isEqualTo(nationalTotal);
		List<Sample> regionInfo = samples(instances, "apbd_region_info");
		assertThat(regionInfo).extracting(sample -> sample.labels().get("pemda"))
			.containsExactlyInAnyOrder("52.72", "34.04");
		assertThat(samples(instances, "apbd_business_date_timestamp_seconds")).hasSize(2);
	}

	private static List<Sample> realised(List<ConfigurableApplicationContext> instances) {
		return samples(instances, "apbd_realised_rupiah");
	}

	private static List<Sample> samples(List<ConfigurableApplicationContext> instances, String name) {
		List<Sample> samples = new ArrayList<>();
		for (ConfigurableApplicationContext instance : instances) {
			PrometheusScrape scrape = TestService.scrape(instance);
			samples.addAll(scrape.named(name));
		}
		return samples;
	}

	private static double sum(List<Sample> samples, Predicate<Sample> which) {
		return samples.stream().filter(which).mapToDouble(Sample::value).sum();
	}

}
