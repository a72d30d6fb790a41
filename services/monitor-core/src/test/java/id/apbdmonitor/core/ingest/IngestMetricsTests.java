package id.apbdmonitor.core.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class IngestMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final IngestMetrics metrics = new IngestMetrics(this.registry, "goods");

	/** The stage's CPU is the calling thread's, between the start it was given and the call: not its wall time. */
	@Test
	void countsTheCallingThreadsCpuByStage() throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		assumeThat(threads.isCurrentThreadCpuTimeSupported()).isTrue();
		long wallStart = System.nanoTime();
		long start = IngestMetrics.threadCpuNanos();
		burnCpuMillis(threads, 30);
		Thread.sleep(100);
		this.metrics.parsed(start);
		double wall = (System.nanoTime() - wallStart) / 1e9;
		double parse = cpu("parse");
		assertThat(parse).isGreaterThanOrEqualTo(0.030).isLessThan(wall - 0.090);
		assertThat(cpu("store")).isZero();
		long again = IngestMetrics.threadCpuNanos();
		burnCpuMillis(threads, 10);
		this.metrics.stored(again);
		assertThat(cpu("store")).isGreaterThanOrEqualTo(0.010);
		assertThat(cpu("parse")).isEqualTo(parse);
	}

	@Test
	void anUnknownStartAddsNothing() {
		this.metrics.parsed(-1);
		this.metrics.stored(-1);
		assertThat(cpu("parse")).isZero();
		assertThat(cpu("store")).isZero();
	}

	private double cpu(String stage) {
		return this.registry.get("apbd.ingest.cpu").tag("topic", "goods").tag("stage", stage).counter().count();
	}

	private static void burnCpuMillis(ThreadMXBean threads, long millis) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		long until = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
		byte[] block = new byte[4096];
		while (threads.getCurrentThreadCpuTime() < until) {
			block[0] = digest.digest(block)[0];
		}
	}

}
