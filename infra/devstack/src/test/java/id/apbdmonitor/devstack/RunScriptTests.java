package id.apbdmonitor.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run script on a fresh clone: a copy holding only the script and the option parser (no
 * pom, no jars), so that any attempt to build or start would fail or leave {@code .devstack}.
 */
class RunScriptTests {

	private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

	private static final String OPTIONS = "infra/devstack/src/main/java/id/apbdmonitor/devstack/Options.java";

	@TempDir
	Path clone;

	@Test
	void shouldAnswerHelpWithoutBuildingAnything() throws Exception {
		Result result = run("--help");

		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).startsWith("Usage: infra/devstack/run").contains("--year-duration");
		assertThat(this.clone.resolve(".devstack")).doesNotExist();
	}

	@Test
	void shouldRejectAMistypedOptionBeforeAnyBuild() throws Exception {
		Result result = run("--year-duraton", "3m");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr()).contains("unknown option --year-duraton").contains("Usage:");
		assertThat(result.stdout()).doesNotContain("building");
		assertThat(this.clone.resolve(".devstack")).doesNotExist();
	}

	private Result run(String... args) throws IOException, InterruptedException {
		for (String file : List.of("infra/devstack/run", OPTIONS)) {
			Path copy = this.clone.resolve(file);
			Files.createDirectories(copy.getParent());
			Files.copy(REPO.resolve(file), copy);
		}
		this.clone.resolve("infra/devstack/run").toFile().setExecutable(true);
		Path out = this.clone.resolve("stdout.txt");
		Path err = this.clone.resolve("stderr.txt");
		List<String> command = new java.util.ArrayList<>(List.of(this.clone.resolve("infra/devstack/run").toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the run script answers within 60 s").isTrue();
		return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	private record Result(int exitCode, String stdout, String stderr) {
	}

}
