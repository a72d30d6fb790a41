package id.apbdmonitor.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * What a scenario's script works with: the stack, its own database and topic, the generator,
 * the feed, and the service instance whose group, gauges and offsets are checked at the end.
 */
final class ScenarioRun {

	private final FaultStack stack;

	private final FaultStack.Target target;

	private final EventGenerator generator;

	private final Feed feed;

	private final Consumer<String> progress;

	private final Map<String, String> failedDuringRun = new TreeMap<>();

	private final Map<String, String> serviceProperties;

	private FaultStack.Service main;

	private final List<String> notes = new java.util.ArrayList<>();

	private java.util.Optional<Double> caughtUpSeconds = java.util.Optional.empty();

	ScenarioRun(FaultStack stack, FaultStack.Target target, EventGenerator generator, Feed feed,
			Map<String, String> serviceProperties, Consumer<String> progress) {
		this.stack = stack;
		this.target = target;
		this.generator = generator;
		this.feed = feed;
		this.serviceProperties = serviceProperties;
		this.progress = progress;
	}

	FaultStack stack() {
		return this.stack;
	}

	FaultStack.Target target() {
		return this.target;
	}

	EventGenerator events() {
		return this.generator;
	}

	Feed feed() {
		return this.feed;
	}

	FaultStack.Service main() {
		return this.main;
	}

	Map<String, String> failedDuringRun() {
		return this.failedDuringRun;
	}

	/** A line for the table's notes (say, how long a replay took). */
	void note(String line) {
		this.notes.add(line);
		say(line);
	}

	List<String> notes() {
		return List.copyOf(this.notes);
	}

	/**
	 * Waits for the main group after the last record, inside a script that goes on afterwards
	 * (a replay); the table then shows this wait instead of the near-zero one after the script.
	 */
	java.util.Optional<Double> awaitMainCaughtUp() throws InterruptedException {
		this.caughtUpSeconds = this.stack.awaitCaughtUp(FaultStack.SERVICE, this.target.topic(), Duration.ofSeconds(240));
		return this.caughtUpSeconds;
	}

	java.util.Optional<Double> caughtUpSeconds() {
		return this.caughtUpSeconds;
	}

	void say(String line) {
		this.progress.accept("    " + line);
	}

	/** Starts the instance that is checked at the end (the group {@code goods-spending}). */
	FaultStack.Service startMain() throws InterruptedException {
		this.main = this.stack.startService(this.target, FaultStack.SERVICE_PORT, this.serviceProperties);
		return this.main;
	}

	/** A further instance of the same group (or of {@code extra}'s group) on the next port. */
	FaultStack.Service startSecond(Map<String, String> extra) throws InterruptedException {
		Map<String, String> properties = new java.util.LinkedHashMap<>(this.serviceProperties);
		properties.putAll(extra);
		return this.stack.startService(this.target, FaultStack.SERVICE_PORT + 100, properties);
	}

	void produce(List<Planned> records) throws InterruptedException {
		this.feed.send(records);
	}

	/** Produces on another thread, so that a fault can hit while records flow. */
	CompletableFuture<Void> produceInBackground(List<Planned> records) {
		return CompletableFuture.runAsync(() -> {
			try {
				this.feed.send(records);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	void await(CompletableFuture<Void> production) throws InterruptedException {
		try {
			production.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("producing failed", ex.getCause());
		}
	}

	/** Waits until the main group has committed at least {@code records} records (work is in flight). */
	void awaitProgress(long records, Duration timeout) throws InterruptedException, ExecutionException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			long committed = this.stack.committed(FaultStack.SERVICE, this.target.topic())
				.values()
				.stream()
				.mapToLong(Long::longValue)
				.sum();
			if (committed >= records) {
				return;
			}
			Thread.sleep(100);
		}
	}

	/** Checks, right now, that the committed offsets are not ahead of what is stored (say, just after a crash). */
	void checkOffsetsNow(String when) throws Exception {
		List<String> ahead = new Checker(this.stack, this.target, this.feed).committedAheadOfStored(FaultStack.SERVICE);
		if (!ahead.isEmpty()) {
			this.failedDuringRun.put("offsets " + when, ahead.size() + " record(s) below the committed offset not stored");
		}
		say("offsets checked " + when + ": " + (ahead.isEmpty() ? "none ahead of the stored records" : ahead.size() + " ahead"));
	}

	static void sleep(Duration duration) throws InterruptedException {
		Thread.sleep(duration.toMillis());
	}

}
