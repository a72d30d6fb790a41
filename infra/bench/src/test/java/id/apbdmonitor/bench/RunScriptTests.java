package id.apbdmonitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run script in a copy holding only the script and its usage text (no pom, no jars): help
 * and a mistyped option are answered before anything is built, so any build attempt would fail.
 */
class RunScriptTests {

	private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

	private static final String USAGE = "infra/bench/src/main/resources/bench-usage.txt";

	private static final String NATIONAL_USAGE = "infra/bench/src/main/resources/national-usage.txt";

	@TempDir
	Path clone;

	@Test
	void answersHelpWithoutBuilding() throws Exception {
		Result result = run("--help");
		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).startsWith("usage: infra/bench/run").contains("--goods-backlog");
		assertThat(this.clone.resolve("infra/bench/target")).doesNotExist();
	}

	@Test
	void rejectsAMistypedOptionOrServiceBeforeAnyBuild() throws Exception {
		Result option = run("--quik");
		assertThat(option.exitCode()).isEqualTo(2);
		assertThat(option.stderr()).contains("unknown option --quik").contains("usage: infra/bench/run");
		Result service = run("--services", "goods,spending");
		assertThat(service.exitCode()).isEqualTo(2);
		assertThat(service.stderr()).contains("no service named 'spending'");
		Result size = run("--backlog=lots");
		assertThat(size.exitCode()).isEqualTo(2);
		assertThat(size.stderr()).contains("--backlog takes a number, was 'lots'");
		assertThat(this.clone.resolve("infra/bench/target")).doesNotExist();
	}

	@Test
	void theNationalScriptAnswersHelpAndAMistypedOptionWithoutBuilding() throws Exception {
		Result help = runScript("infra/bench/national", "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.stdout()).startsWith("usage: infra/bench/national").contains("--regions");
		Result option = runScript("infra/bench/national", "--region", "5");
		assertThat(option.exitCode()).isEqualTo(2);
		assertThat(option.stderr()).contains("unknown option --region").contains("usage: infra/bench/national");
		Result value = runScript("infra/bench/national", "--regions=all");
		assertThat(value.exitCode()).isEqualTo(2);
		assertThat(value.stderr()).contains("--regions takes a number, was 'all'");
		assertThat(this.clone.resolve("infra/bench/target")).doesNotExist();
	}

	private Result run(String... args) throws IOException, InterruptedException {
		return runScript("infra/bench/run", args);
	}

	private Result runScript(String script, String... args) throws IOException, InterruptedException {
		for (String file : List.of(script, USAGE, NATIONAL_USAGE)) {
			Path target = this.clone.resolve(file);
			Files.createDirectories(target.getParent());
			Files.copy(REPO.resolve(file), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		List<String> command = new ArrayList<>(List.of("bash", this.clone.resolve(script).toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).start();
		byte[] stdout = process.getInputStream().readAllBytes();
		byte[] stderr = process.getErrorStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
				new String(stderr, StandardCharsets.UTF_8));
	}

	record Result(int exitCode, String stdout, String stderr) {
	}

}
