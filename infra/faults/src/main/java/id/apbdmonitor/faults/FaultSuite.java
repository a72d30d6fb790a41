package id.apbdmonitor.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the chosen scenarios one after the other on one {@link FaultStack} and writes the table
 * to {@code infra/faults/target/fault-table.md}. Entry point of {@code infra/faults/run}; the
 * integration test runs the fast subset through {@link #run}.
 */
public final class FaultSuite {

	static final String USAGE = """
			usage: infra/faults/run [--all | --fast | SCENARIO...] [--help]

			Runs scripted faults against goods-spending's packaged jar with a real Kafka broker
			(port 19092) and PostgreSQL (port 56432), then checks the invariants after each:
			every produced record in the ledger or on the DLT, ledger rows = accepted event ids,
			per-OPD sums exact, totals = the ledger, gauges = the database, committed offsets never
			ahead of stored records, every dead letter with its reason.

			  --all     every scenario (default; about 30 minutes on 2 cores)
			  --fast    the subset CI runs in mvn verify: %s
			  --help    this text

			scenarios:
			%s
			The table goes to infra/faults/target/fault-table.md; logs to infra/faults/target/stack/logs.
			Exit status 1 when an invariant did not hold.
			""";

	private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(240);

	private static final long SEED = 20260808L;

	private final Path repoRoot;

	private final String classpath;

	private final Consumer<String> progress;

	public FaultSuite(Path repoRoot, String classpath, Consumer<String> progress) {
		this.repoRoot = repoRoot.toAbsolutePath().normalize();
		this.classpath = classpath;
		this.progress = progress;
	}

	public static void main(String[] args) throws Exception {
		List<String> names = new ArrayList<>();
		String selection = "all";
		for (String arg : args) {
			switch (arg) {
				case "--help", "-h" -> {
					System.out.print(usage());
					return;
				}
				case "--all" -> selection = "all";
				case "--fast" -> selection = "fast";
				default -> {
					if (arg.startsWith("-")) {
						System.err.println("unknown option " + arg + "\n\n" + usage());
						System.exit(2);
					}
					names.add(arg);
				}
			}
		}
		List<Scenarios.Scenario> chosen;
		try {
			chosen = names.isEmpty() ? select(selection) : select(String.join(",", names));
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage() + "\n\n" + usage());
			System.exit(2);
			return;
		}
		FaultSuite suite = new FaultSuite(Path.of(""), System.getProperty("java.class.path"),
				(line) -> System.out.println("faults: " + line));
		FaultTable table = suite.run(chosen, names.isEmpty() ? selection : String.join(" ", names));
		System.exit(table.allHeld() ? 0 : 1);
	}

	static String usage() {
		StringBuilder list = new StringBuilder();
		for (Scenarios.Scenario scenario : Scenarios.ALL) {
			list.append(String.format("  %-26s %s%s%n", scenario.name(), scenario.title(), scenario.fast() ? " (fast)" : ""));
		}
		return String.format(USAGE, String.join(", ", select("fast").stream().map(Scenarios.Scenario::name).toList()),
				list);
	}

	/** {@code all}, {@code fast}, or scenario names separated by commas. */
	static List<Scenarios.Scenario> select(String selection) {
		if (selection.equals("all")) {
			return Scenarios.ALL;
		}
		if (selection.equals("fast")) {
			return Scenarios.ALL.stream().filter(Scenarios.Scenario::fast).toList();
		}
		List<Scenarios.Scenario> chosen = new ArrayList<>();
		for (String name : selection.split("[, ]+")) {
			chosen.add(Scenarios.ALL.stream().filter((s) -> s.name().equals(name)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no scenario named '" + name + "'")));
		}
		return chosen;
	}

	/** Runs {@code scenarios}, prints and writes the table, and returns it. */
	public FaultTable run(List<Scenarios.Scenario> scenarios, String selection) throws Exception {
		ZonedDateTime began = ZonedDateTime.now(ZoneId.of("UTC"));
		// taken now: the checkout may move on while the suite runs, the jars it started do not
		String commit = commit();
		LocalDate businessDate = LocalDate.now(ZoneId.of("Asia/Makassar"));
		FaultTable table = new FaultTable();
		try (FaultStack stack = new FaultStack(this.repoRoot, this.classpath, businessDate, this.progress)) {
			// Ctrl-C or SIGTERM: stop the broker, the database and the services too
			Thread hook = new Thread(stack::close, "faults-shutdown");
			Runtime.getRuntime().addShutdownHook(hook);
			try {
				stack.start();
				runAll(stack, scenarios, table);
			}
			finally {
				try {
					Runtime.getRuntime().removeShutdownHook(hook);
				}
				catch (IllegalStateException ex) {
					// already shutting down: the hook does the stopping
				}
			}
		}
		String markdown = table.markdown(began, commit, selection);
		System.out.println();
		System.out.println(markdown);
		Path file = this.repoRoot.resolve("infra/faults/target/fault-table.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, markdown, StandardCharsets.UTF_8);
		this.progress.accept("table written to " + this.repoRoot.relativize(file));
		return table;
	}

	private void runAll(FaultStack stack, List<Scenarios.Scenario> scenarios, FaultTable table) throws Exception {
		int number = 0;
		for (Scenarios.Scenario scenario : scenarios) {
			number++;
			long begin = System.nanoTime();
			this.progress.accept("[" + number + "/" + scenarios.size() + "] " + scenario.title());
			FaultTable.Row row = runOne(stack, scenario, number);
			table.add(row);
			this.progress.accept("    " + (row.held() ? "held" : "FAILED " + row.failed()) + "; lost " + row.lost()
					+ ", counted twice " + row.countedTwice() + ", caught up "
					+ row.caughtUpSeconds().map((s) -> String.format("in %.1f s", s)).orElse("never")
					+ String.format(" (scenario took %.0f s)", (System.nanoTime() - begin) / 1e9));
		}
	}

	private FaultTable.Row runOne(FaultStack stack, Scenarios.Scenario scenario, int number) throws Exception {
		String slug = String.format("%02d-%s-%d", number, scenario.name(), System.currentTimeMillis() % 100000);
		FaultStack.Target target = stack.prepare(slug);
		EventGenerator events = new EventGenerator(SEED + number, slug, stack.businessDate());
		try (Feed feed = new Feed(stack.bootstrapServers(), target.topic())) {
			ScenarioRun run = new ScenarioRun(stack, target, events, feed, scenario.serviceProperties(), this.progress);
			Map<String, String> failed = new LinkedHashMap<>();
			String note = "";
			try {
				scenario.script().run(run);
			}
			catch (Exception | Error ex) {
				failed.put("script", ex.toString());
				stack.ensureRunning();
			}
			if (!feed.failures().isEmpty()) {
				note = feed.failures().size() + " record(s) the broker never acknowledged (not counted): "
						+ feed.failures().get(0);
			}
			this.progress.accept("    produced " + feed.sent().size() + " records; waiting for the group to catch up");
			Optional<Double> seconds = stack.awaitCaughtUp(FaultStack.SERVICE, target.topic(), CATCH_UP_TIMEOUT);
			if (seconds.isPresent() && run.caughtUpSeconds().isPresent()) {
				seconds = run.caughtUpSeconds();
			}
			if (!run.notes().isEmpty()) {
				note = (note.isEmpty() ? "" : note + "; ") + String.join("; ", run.notes());
			}
			if (seconds.isEmpty()) {
				failed.put("caught up", "the group did not reach the end of the topic in " + CATCH_UP_TIMEOUT.toSeconds()
						+ " s");
			}
			// the gauges are compared after at least one refresh (every second here) past the last commit
			Thread.sleep(2500);
			Optional<String> prometheus = (run.main() == null) ? Optional.empty()
					: stack.get(run.main().baseUrl() + "/actuator/prometheus");
			failed.putAll(run.failedDuringRun());
			Checker.Verdict verdict = new Checker(stack, target, feed).check(FaultStack.SERVICE, prometheus, failed);
			this.progress.accept("    " + verdict.produced() + " produced, " + verdict.ledgerRows() + " ledger rows, "
					+ verdict.deadLetters() + " dead letters");
			return new FaultTable.Row(scenario.title(), verdict.failed(), verdict.lost(), verdict.countedTwice(), seconds,
					verdict.produced(), note);
		}
		finally {
			stack.stopServices();
		}
	}

	private String commit() {
		try {
			Process git = new ProcessBuilder("git", "-C", this.repoRoot.toString(), "describe", "--always", "--dirty",
					"--abbrev=12").redirectErrorStream(true).start();
			String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return (git.waitFor() == 0) ? out : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

}
