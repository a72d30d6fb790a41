package id.apbdmonitor.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process the devstack started, with its output in a log file and its pid in a pid file.
 * <p>
 * Children run in a session of their own ({@code setsid}), so that a Ctrl-C in the terminal
 * reaches only the devstack, which then stops them in order (simulator before services before
 * the broker) instead of all at once. The pid file lets {@code infra/devstack/run} reap them if
 * the devstack JVM itself is killed with SIGKILL and cannot run its shutdown hook.
 */
final class ChildProcess {

	private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final String name;

	private final Process process;

	private final Path logFile;

	private final Path pidFile;

	private List<ProcessHandle> descendantsAtStop = List.of();

	private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
		this.name = name;
		this.process = process;
		this.logFile = logFile;
		this.pidFile = pidFile;
	}

	/**
	 * Starts {@code command} in {@code workingDirectory} with {@code environment} added to ours;
	 * stdout and stderr go to {@code logFile} (truncated), the pid to {@code pidDirectory/name.pid}.
	 */
	static ChildProcess start(String name, List<String> command, Map<String, String> environment,
			Path workingDirectory, Path logFile, Path pidDirectory) {
		return start(name, command, environment, Set.of(), workingDirectory, logFile, pidDirectory);
	}

	/** As above, without the variables in {@code hidden} (say, an admin password) in the child's environment. */
	static ChildProcess start(String name, List<String> command, Map<String, String> environment, Set<String> hidden,
			Path workingDirectory, Path logFile, Path pidDirectory) {
		List<String> fullCommand = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			fullCommand.add(SETSID.toString());
		}
		fullCommand.addAll(command);
		try {
			Files.createDirectories(logFile.getParent());
			Files.createDirectories(pidDirectory);
			ProcessBuilder builder = new ProcessBuilder(fullCommand).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
			builder.environment().keySet().removeAll(hidden);
			builder.environment().putAll(environment);
			Process process = builder.start();
			Path pidFile = pidDirectory.resolve(name + ".pid");
			Files.writeString(pidFile, process.pid() + "\n", StandardCharsets.US_ASCII);
			log.debug("started {} as pid {}: {}", name, process.pid(), command);
			return new ChildProcess(name, process, logFile, pidFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + name + ": " + ex.getMessage(), ex);
		}
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	Path logFile() {
		return this.logFile;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int exitValue() {
		return this.process.exitValue();
	}

	/** Waits for a short-lived command (such as formatting storage); false on timeout. */
	boolean waitFor(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Sends SIGTERM without waiting, so that a whole group of children can stop in parallel.
	 * The descendants are noted first: once the child is gone they are re-parented and no
	 * longer reachable through it.
	 */
	void requestStop() {
		this.descendantsAtStop = this.process.descendants().toList();
		this.process.destroy();
	}

	/** Waits up to {@code grace} for the stop asked by {@link #requestStop()}, then kills. */
	void awaitStop(Duration grace) {
		long deadline = System.nanoTime() + grace.toNanos();
		boolean exited = waitUntil(this.process.toHandle(), deadline);
		if (!exited) {
			log.warn("{} (pid {}) did not stop within {} s, killing it", this.name, pid(), grace.toSeconds());
			this.process.destroyForcibly();
			waitUntil(this.process.toHandle(), System.nanoTime() + Duration.ofSeconds(5).toNanos());
		}
		for (ProcessHandle descendant : this.descendantsAtStop) {
			if (descendant.isAlive()) {
				descendant.destroy();
				if (!waitUntil(descendant, System.nanoTime() + Duration.ofSeconds(5).toNanos())) {
					descendant.destroyForcibly();
				}
			}
		}
		try {
			Files.deleteIfExists(this.pidFile);
		}
		catch (IOException ex) {
			log.debug("cannot delete {}", this.pidFile, ex);
		}
	}

	void stop(Duration grace) {
		requestStop();
		awaitStop(grace);
	}

	private static boolean waitUntil(ProcessHandle handle, long deadlineNanos) {
		try {
			long remaining = deadlineNanos - System.nanoTime();
			handle.onExit().get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return !handle.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !handle.isAlive();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !handle.isAlive();
		}
	}

	/** The last lines of the log, to show why a child failed without opening the file. */
	String tail(int lines) {
		try {
			if (!Files.exists(this.logFile)) {
				return "(no output)";
			}
			List<String> all = Files.readAllLines(this.logFile, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(cannot read " + this.logFile + ": " + ex.getMessage() + ")";
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ")";
	}

}
