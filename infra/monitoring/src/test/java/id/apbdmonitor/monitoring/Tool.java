package id.apbdmonitor.monitoring;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A command-line tool of Debian's {@code prometheus} / {@code prometheus-alertmanager} packages,
 * run as a child process. A missing binary fails the test in CI (which installs the packages) and
 * is reported as a skipped test elsewhere ({@link MissingTool}).
 */
record Tool(String name, String debianPackage) {

	static final Tool PROMTOOL = new Tool("promtool", "prometheus");

	static final Tool AMTOOL = new Tool("amtool", "prometheus-alertmanager");

	/** The binary on PATH, or a failed test that says how to install it. */
	Path binary() {
		String path = System.getenv().getOrDefault("PATH", "");
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, this.name);
			if (!dir.isEmpty() && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return MissingTool.handle(this.name, this.debianPackage);
	}

	/** Runs the tool in {@code workDir}; returns its exit code and combined output. */
	Result run(Path workDir, String... args) {
		List<String> command = new ArrayList<>();
		command.add(binary().toString());
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return fail("%s did not finish in 5 minutes", String.join(" ", command));
			}
			return new Result(String.join(" ", command), process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return fail("cannot run %s: %s", String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("interrupted");
		}
	}

	record Result(String command, int exitCode, String output) {

		@Override
		public String toString() {
			return "$ " + this.command + " (exit " + this.exitCode + ")\n" + this.output;
		}

	}

}
