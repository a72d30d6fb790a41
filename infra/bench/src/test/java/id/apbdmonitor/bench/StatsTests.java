package id.apbdmonitor.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatsTests {

	// a counter read every 0.2 s: start-up until 1.0 s, then 1,000 events per 0.2 s, slower at the end
	private final List<Stats.Sample> samples = List.of(new Stats.Sample(0.8, 0), new Stats.Sample(1.0, 500),
			new Stats.Sample(1.2, 1500), new Stats.Sample(1.4, 2500), new Stats.Sample(1.6, 3000),
			new Stats.Sample(1.8, 3500));

	@Test
	void interpolatesTheCrossingBetweenTwoSamples() {
		// 1,000 lies halfway from 500 (1.0 s) to 1,500 (1.2 s)
		assertThat(Stats.crossing(this.samples, 1000)).hasValueCloseTo(1.1, within(1e-9));
		assertThat(Stats.crossing(this.samples, 3500)).hasValueCloseTo(1.8, within(1e-9));
		assertThat(Stats.crossing(this.samples, 3501)).isEmpty();
	}

	@Test
	void ratesAWindowOfTheCounter() {
		// 500 → 1,500 in 0.2 s; 3,000 → 3,500 in 0.2 s
		assertThat(Stats.rate(this.samples, 500, 1500)).hasValueCloseTo(5000.0, within(1e-6));
		assertThat(Stats.rate(this.samples, 3000, 3500)).hasValueCloseTo(2500.0, within(1e-6));
	}

	@Test
	void interpolatesTheCounterAtATime() {
		assertThat(Stats.valueAt(this.samples, 1.1)).hasValueCloseTo(1000.0, within(1e-9));
		assertThat(Stats.valueAt(this.samples, 1.8)).hasValueCloseTo(3500.0, within(1e-9));
		assertThat(Stats.valueAt(this.samples, 0.7)).isEmpty();
		assertThat(Stats.valueAt(this.samples, 1.9)).isEmpty();
	}

	@Test
	void costsAWindowOfEvents() {
		// CPU seconds read on the same clock: 0.1 s of CPU per 0.2 s until 1.4 s, 0.2 s after it
		List<Stats.Sample> cpu = List.of(new Stats.Sample(0.8, 2.0), new Stats.Sample(1.0, 2.1),
				new Stats.Sample(1.2, 2.2), new Stats.Sample(1.4, 2.3), new Stats.Sample(1.6, 2.5),
				new Stats.Sample(1.8, 2.7));
		// events 500 → 1,500 from 1.0 to 1.2 s: 0.1 s of CPU for 1,000 events, 100 µs each
		assertThat(Stats.perEvent(this.samples, cpu, 500, 1500)).hasValueCloseTo(100e-6, within(1e-12));
		// events 3,000 → 3,500 from 1.6 to 1.8 s: 0.2 s for 500 events, 400 µs each
		assertThat(Stats.perEvent(this.samples, cpu, 3000, 3500)).hasValueCloseTo(400e-6, within(1e-12));
		// events 1,000 → 3,000 from 1.1 to 1.6 s: 2.15 → 2.5, 0.35 s for 2,000 events
		assertThat(Stats.perEvent(this.samples, cpu, 1000, 3000)).hasValueCloseTo(175e-6, within(1e-12));
		assertThat(Stats.perEvent(this.samples, cpu, 3000, 4000)).isEmpty();
	}

	@Test
	void theDrainStartsAtTheFirstProgress() {
		assertThat(Stats.firstProgress(this.samples)).isEqualTo(new Stats.Sample(1.0, 500));
	}

	@Test
	void percentilesAreNearestRank() {
		List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0);
		// rank ceil(0.5 * 10) = 5 → 5.0; rank ceil(0.99 * 10) = 10 → 10.0
		assertThat(Stats.percentile(values, 50)).hasValue(5.0);
		assertThat(Stats.percentile(values, 99)).hasValue(10.0);
		assertThat(Stats.percentile(List.of(), 50)).isEmpty();
	}

	@Test
	void aMarkerNeverSeenCountsAsSlowerThanAnySeen() {
		List<Double> seen = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
		// nine seen, one given up on after 120 s: p50 is the 5th (0.5 s), p99 the 10th, the censored one
		Stats.Latency p50 = Stats.Latency.percentile(seen, List.of(120.0), 50);
		Stats.Latency p99 = Stats.Latency.percentile(seen, List.of(120.0), 99);
		assertThat(p50.toString()).isEqualTo("500 ms");
		assertThat(p99.toString()).isEqualTo("> 120.00 s");
		assertThat(Stats.Latency.percentile(List.of(), List.of(), 50).toString()).isEqualTo("n/a");
	}

}
