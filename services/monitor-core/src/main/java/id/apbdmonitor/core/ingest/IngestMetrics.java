package id.apbdmonitor.core.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import id.apbdmonitor.core.event.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Operational meters of one topic's ingest. Every series is registered at start-up, so a
 * dashboard sees 0 rather than nothing before the first event.
 */
public class IngestMetrics {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final boolean THREAD_CPU = THREADS.isCurrentThreadCpuTimeSupported();

	private final Map<Outcome.Kind, Counter> outcomes = new EnumMap<>(Outcome.Kind.class);

	private final Map<Reason, Counter> rejections = new EnumMap<>(Reason.class);

	private final Counter deadLettered;

	private final Timer commitDelay;

	private final AtomicLong lastEventMillis = new AtomicLong();

	private final Counter parseCpu;

	private final Counter storeCpu;

	public IngestMetrics(MeterRegistry registry, String topic) {
		for (Outcome.Kind kind : Outcome.Kind.values()) {
			this.outcomes.put(kind, Counter.builder("apbd.ingest.events")
				.description("Records read from the topic, by what became of them")
				.tag("topic", topic)
				.tag("outcome", kind.label())
				.register(registry));
		}
		for (Reason reason : Reason.values()) {
			this.rejections.put(reason, Counter.builder("apbd.ingest.rejected")
				.description("Rejected records, by reason code")
				.tag("topic", topic)
				.tag("reason", reason.name())
				.register(registry));
		}
		this.deadLettered = Counter.builder("apbd.ingest.dead.lettered")
			.description("Records published to the dead-letter topic")
			.tag("topic", topic)
			.register(registry);
		this.commitDelay = Timer.builder("apbd.ingest.commit.delay")
			.description("Delay from a record's Kafka timestamp to the commit of its batch")
			.tag("topic", topic)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(5))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(registry);
		this.parseCpu = cpuCounter(registry, topic, "parse");
		this.storeCpu = cpuCounter(registry, topic, "store");
		Gauge.builder("apbd.ingest.last.event.timestamp.seconds", this.lastEventMillis, millis -> millis.get() / 1000.0)
			.description("Kafka timestamp of the newest record committed since start-up (0 before the first)")
			.tag("topic", topic)
			.register(registry);
	}

	private static Counter cpuCounter(MeterRegistry registry, String topic, String stage) {
		return Counter.builder("apbd.ingest.cpu")
			.baseUnit("seconds")
			.description("CPU time of the ingest threads, by stage: parse (checks, canonical form, hash, runs) and "
					+ "store (the transaction, dead letters, counting); the snapshot refresh runs on a thread of its own")
			.tag("topic", topic)
			.tag("stage", stage)
			.register(registry);
	}

	/**
	 * CPU time of the calling thread in nanoseconds, or -1 where the JVM cannot tell: a stage's
	 * own cost, which neither other processes on the cores nor collector pauses inflate, as they
	 * do its wall time.
	 */
	static long threadCpuNanos() {
		return THREAD_CPU ? THREADS.getCurrentThreadCpuTime() : -1;
	}

	/** Adds the CPU the calling thread spent parsing since {@code startNanos} of {@link #threadCpuNanos}. */
	void parsed(long startNanos) {
		add(this.parseCpu, startNanos);
	}

	/** Adds the CPU the calling thread spent storing since {@code startNanos} of {@link #threadCpuNanos}. */
	void stored(long startNanos) {
		add(this.storeCpu, startNanos);
	}

	private static void add(Counter counter, long startNanos) {
		long now = threadCpuNanos();
		if (startNanos >= 0 && now >= startNanos) {
			counter.increment((now - startNanos) / 1e9);
		}
	}

	void count(Outcome outcome) {
		this.outcomes.get(outcome.kind()).increment();
		if (outcome.rejection() != null) {
			this.rejections.get(outcome.rejection().reason()).increment();
		}
	}

	/** Outcomes without rejection, counted by {@link Outcome.Kind#ordinal()}. */
	void count(int[] kinds) {
		for (Outcome.Kind kind : Outcome.Kind.values()) {
			if (kinds[kind.ordinal()] > 0) {
				this.outcomes.get(kind).increment(kinds[kind.ordinal()]);
			}
		}
	}

	void deadLettered(int count) {
		this.deadLettered.increment(count);
	}

	void committed(IncomingRecord record, long nowMillis) {
		this.commitDelay.record(Math.max(0, nowMillis - record.timestamp()), TimeUnit.MILLISECONDS);
	}

	/** The newest Kafka timestamp of a committed batch: once per batch, not a compare-and-set per record. */
	void newest(long timestampMillis) {
		this.lastEventMillis.accumulateAndGet(timestampMillis, Math::max);
	}

}
