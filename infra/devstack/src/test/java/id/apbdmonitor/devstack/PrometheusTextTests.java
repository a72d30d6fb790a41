package id.apbdmonitor.devstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PrometheusTextTests {

	private static final String PAGE = """
			# HELP apbd_realised_rupiah Realised spending, year to date
			# TYPE apbd_realised_rupiah gauge
			apbd_realised_rupiah{category="goods",opd="1.01",pemda="52.72"} 1.25E9
			apbd_realised_rupiah{category="goods",opd="1.02 {old}",pemda="52.72"} 250000000.0
			apbd_realised_rupiah{category="goods",opd="1.03",pemda="52.72"} NaN
			apbd_realised_rupiah_total{opd="x"} 7.0
			apbd_simulator_business_date_timestamp_seconds 1.7359488E9
			""";

	@Test
	void shouldAddUpEveryLabelSetOfOneMetricOnly() {
		PrometheusText.Samples samples = PrometheusText.samples(PAGE, "apbd_realised_rupiah");

		// 1 250 000 000 + 250 000 000, the NaN and the longer name left out
		assertThat(samples.count()).isEqualTo(2);
		assertThat(samples.sum()).isCloseTo(1_500_000_000.0, within(0.5));
	}

	@Test
	void shouldReadAnUnlabelledGauge() {
		assertThat(PrometheusText.samples(PAGE, "apbd_simulator_business_date_timestamp_seconds").first())
			.hasValue(1_735_948_800.0);
	}

	@Test
	void shouldFindNothingForAnAbsentMetric() {
		assertThat(PrometheusText.samples(PAGE, "apbd_pagu_rupiah").count()).isZero();
		assertThat(PrometheusText.samples(PAGE, "apbd_pagu_rupiah").first()).isEmpty();
	}

}
