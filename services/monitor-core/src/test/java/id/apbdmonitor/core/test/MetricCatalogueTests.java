package id.apbdmonitor.core.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricCatalogueTests {

	private static final List<String> README = List.of("## Metric catalogue", "",
			"| metric | type | labels | exported by | meaning |", "|---|---|---|---|---|",
			"| `apbd_realised_rupiah` | gauge | `pemda`, `opd`, `category` | goods-spending | realised |",
			"| `apbd_ingest_commit_delay_seconds` | histogram | `topic` | goods-spending | delay |", "",
			"## Configuration", "| `apbd_not_a_metric` | gauge | | goods-spending | outside the section |");

	@Test
	void shouldFindNoDifferenceWhenTheScrapeMatches() {
		PrometheusScrape scrape = PrometheusScrape.parse("""
				# TYPE apbd_realised_rupiah gauge
				apbd_realised_rupiah{category="goods",opd="DINKES",pemda="52.72"} 12.5
				# TYPE apbd_ingest_commit_delay_seconds histogram
				apbd_ingest_commit_delay_seconds_bucket{topic="t",le="0.1"} 1
				apbd_ingest_commit_delay_seconds_count{topic="t"} 1
				apbd_ingest_commit_delay_seconds_sum{topic="t"} 0.05
				jvm_threads_live_threads 12
				""");
		assertThat(MetricCatalogue.parse(README).differences(scrape, "goods-spending")).isEmpty();
	}

	@Test
	void shouldReportUnknownMetricsWrongLabelsWrongTypesAndMissingMetrics() {
		PrometheusScrape scrape = PrometheusScrape.parse("""
				# TYPE apbd_realised_rupiah counter
				apbd_realised_rupiah{opd="DINKES"} 12.5
				# TYPE apbd_secret_gauge gauge
				apbd_secret_gauge 1
				""");
		assertThat(MetricCatalogue.parse(README).differences(scrape, "goods-spending")).containsExactlyInAnyOrder(
				"apbd_realised_rupiah has labels [opd], the catalogue says [category, opd, pemda]",
				"apbd_realised_rupiah is a counter, the catalogue says gauge",
				"not in the catalogue: apbd_secret_gauge{}",
				"catalogued for goods-spending but not exported: apbd_ingest_commit_delay_seconds");
	}

}
