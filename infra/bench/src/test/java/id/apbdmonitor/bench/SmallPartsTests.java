package id.apbdmonitor.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SmallPartsTests {

	@Test
	void readsCpuTicksAfterACommandNameWithSpacesAndParentheses() {
		// pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
		String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 7 8 20 0 30 0";
		assertThat(ProcStats.parseCpuTicks(stat)).isEqualTo(1234 + 56 + 7 + 8);
	}

	@Test
	void unescapesCopyTextFields() {
		assertThat(RawLimits.CopyText.fields("a\\tb\t\\N\t\\\\x0a1b\tplain"))
			.containsExactly("a\tb", null, "\\x0a1b", "plain");
	}

	@Test
	void countsOutcomesOfOneTopic() {
		String page = """
				# HELP apbd_ingest_events_total Records read from the topic
				apbd_ingest_events_total{application="goods-spending",outcome="accepted",topic="bench.goods-1"} 1200.0
				apbd_ingest_events_total{application="goods-spending",outcome="duplicate",topic="bench.goods-1"} 3.0
				apbd_ingest_events_total{application="goods-spending",outcome="accepted",topic="bench.budget.goods-1"} 99.0
				apbd_ingest_events_total{application="goods-spending",outcome="accepted",topic="bench.goods-10"} 7.0
				""";
		assertThat(Exposition.outcomes(page, "bench.goods-1")).isEqualTo(Map.of("accepted", 1200L, "duplicate", 3L));
		assertThat(Exposition.total(page, "bench.goods-1")).isEqualTo(1203.0);
	}

	@Test
	void readsTheIngestCpuOfOneTopicAndStage() {
		String page = """
				apbd_ingest_cpu_seconds_total{application="goods-spending",stage="parse",topic="bench.budget.goods-1"} 0.5
				apbd_ingest_cpu_seconds_total{application="goods-spending",stage="parse",topic="bench.goods-1"} 8.25
				apbd_ingest_cpu_seconds_total{application="goods-spending",stage="store",topic="bench.goods-1"} 6.5
				""";
		assertThat(Exposition.cpuSeconds(page, "bench.goods-1", "parse")).hasValue(8.25);
		assertThat(Exposition.cpuSeconds(page, "bench.goods-1", "store")).hasValue(6.5);
		assertThat(Exposition.cpuSeconds(page, "bench.goods-2", "store")).isEmpty();
	}

	@Test
	void parsesOptionsAndQuickDefaults() {
		BenchOptions quick = BenchOptions.parse("--quick", "--services", "tpp,goods-spending");
		assertThat(quick.services()).extracting(ServiceUnderTest::name).containsExactly("goods-spending", "tpp-payments");
		assertThat(quick.goodsBacklogs()).containsExactly(20_000);
		assertThat(quick.backlog()).isEqualTo(10_000);
		BenchOptions full = BenchOptions.parse("--goods-backlog=1m,200k", "--backlog", "50_000");
		assertThat(full.services()).hasSize(7);
		assertThat(full.goodsBacklogs()).containsExactly(1_000_000, 200_000);
		assertThat(full.backlog()).isEqualTo(50_000);
		assertThat(full.latencySeconds()).isEqualTo(60);
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--backlog", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--services", "nope"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--frobnicate"));
	}

	@Test
	void theUsageTextIsTheRunScripts() {
		assertThat(BenchOptions.usage()).startsWith("usage: infra/bench/run").contains("--goods-backlog");
	}

	@Test
	void tppYearsStayInTheContractsRange() {
		assertThat(Backlog.YEARS).hasSize(101).startsWith(2026, 2025).contains(2000, 2100).doesNotHaveDuplicates();
		assertThat(List.copyOf(Backlog.YEARS)).allMatch((year) -> year >= 2000 && year <= 2100);
	}

}
