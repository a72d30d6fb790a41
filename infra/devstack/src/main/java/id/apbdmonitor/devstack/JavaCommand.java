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

	/**
	 * The JVM options of every service child (devstack, benchmark, fault suite; docker-compose.yml's
	 * {@code JAVA_TOOL_OPTIONS} says the same), chosen so that a service stays under 300 MB of
	 * resident memory after draining a backlog, at less CPU per event (issue 11, measured with
	 * infra/bench). The live heap of a draining service is some 30-50 MB (2,000-record polls on
	 * each of up to three partitions): a 192 MB heap leaves room for bursts, a fixed 48 MB young
	 * generation keeps the collections of a poll's garbage few (the initial heap's would be a
	 * third of 64 MB), and the small initial heap lets the old generation grow only as needed.
	 * C1 only: on two shared cores C2 kept compiling through a whole drain and cost more CPU
	 * than its faster code saved (a 300k drain, C1 and three consumers: 63 against 87 us of service
	 * CPU per event with C2 and one consumer), and
	 * it needs more native memory. Metaspace (~70 MB for a service) and the code cache are capped,
	 * so that a leak shows as an error rather than as a slowly growing process.
	 */
	static final List<String> SERVICE_OPTIONS = List.of("-Xms64m", "-Xmx192m", "-Xmn48m", "-XX:TieredStopAtLevel=1",
			"-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");

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
