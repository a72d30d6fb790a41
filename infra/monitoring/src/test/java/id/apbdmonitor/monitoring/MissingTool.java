package id.apbdmonitor.monitoring;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * What a check does when a Debian tool it runs is not installed. In CI ({@code CI=true}) that is
 * a failure: the checks must run there. On a developer's machine with only a JDK and Maven the
 * check is reported as skipped, with the install command, so {@code mvn -B verify} still works.
 */
final class MissingTool {

	private MissingTool() {
	}

	static <T> T handle(String program, String debianPackage) {
		String message = String.format("'%s' is not on PATH: install it with `apt-get install -y %s` (Debian; "
				+ ".ci/run does)", program, debianPackage);
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			return fail(message);
		}
		System.err.println("SKIPPED: " + message);
		Assumptions.abort(message);
		return null;
	}

}
