package id.apbdmonitor.monitoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTests {

	@Test
	void findsMetricsAndRecordingRulesButNotFunctionsLabelsOrKeywords() {
		assertThat(PromQl.metricNames("""
				sum by (job, topic) (rate(apbd_ingest_events_total{outcome="accepted", opd=~"$opd"}[$__rate_interval]))
				  / on (job) group_left (instance) (up{job="goods-spending"} > 0)
				or topk(5, opd_category:apbd_absorption:ratio offset 1h) * 1e9 - 0.5
				or label_replace(vector(1), "a", "$1", "b", "(.*)") and bool time()
				""")).containsExactlyInAnyOrder("apbd_ingest_events_total", "up", "opd_category:apbd_absorption:ratio");
	}

	@Test
	void aggregationWithoutTheClauseBeforeItsArgument() {
		assertThat(PromQl.metricNames("max without (instance) (apbd_pagu_rupiah) * on () group_left x"))
			.containsExactly("apbd_pagu_rupiah", "x");
	}

}
