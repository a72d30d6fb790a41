package id.apbdmonitor.brief;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian programs the tests run (prometheus, chromium, chromedriver), as infra/monitoring's
 * MissingTool: missing in CI ({@code CI=true}, .ci/run installs them) fails the test; on a
 * machine with only a JDK and Maven the test is reported as skipped with the install command.
 */
final class LocalTools {

	private LocalTools() {
	}

	static Path require(String program, String debianPackage) {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(directory, program);
			if (!directory.isEmpty() && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		String message = String.format("'%s' is not on PATH: install it with `apt-get install -y %s` (Debian; "
				+ ".ci/run does)", program, debianPackage);
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			return fail(message);
		}
		System.err.println("SKIPPED: " + message);
		Assumptions.abort(message);
		return null;
	}

	/** The repository root (Surefire runs in services/rakor-brief). */
	static Path repoRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isDirectory(dir.resolve("infra/prometheus/rules")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("run from inside the apbd-monitor repository");
	}

}
