package id.apbdmonitor.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code java} command lines for children. Every child carries
 * {@code -Dapbd.devstack.home=<.devstack folder>} so that the run script can recognise, and
 * reap, a leftover child of a devstack that was killed with SIGKILL, without touching other
 * Java processes on the machine.
 */
final class JavaCommand {

	static final String MARKER_PROPERTY = "apbd.devstack.home";

	private JavaCommand() {
	}

	static Path javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	/** {@code java <jvmOptions> -Dapbd.devstack.home=<home> <arguments>}. */
	static List<String> of(Path devstackHome, List<String> jvmOptions, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable().toString());
		// two shared cores: the serial collector costs the least threads and memory
		command.add("-XX:+UseSerialGC");
		command.addAll(jvmOptions);
		command.add("-D" + MARKER_PROPERTY + "=" + devstackHome.toAbsolutePath());
		command.addAll(arguments);
		return command;
	}

}
