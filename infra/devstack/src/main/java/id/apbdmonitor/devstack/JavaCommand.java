package id.apbdmonitor.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code java} command lines for children. Every child carries
 * {@code -Dapbd.devstack.home=<.devstack folder>} so that the run script can recognise, and
 * reap, a leftover child of a devstack that was killed with SIGKILL, without touching other
 * Java processes on the machine.
 */
final class JavaCommand {

	static final String MARKER_PROPERTY = "apbd.devstack.home";

	/**
	 * The JVM options of every service child (devstack, benchmark; docker-compose.yml's
	 * {@code JAVA_TOOL_OPTIONS} says the same), chosen so that a service stays under 300 MB
	 * resident after draining a backlog, at the least CPU per event measured (issue 11,
	 * infra/bench on two shared cores). C1 only: C2 drains a warm service faster, by up to half
	 * (it hashes every payload with the CPU's SHA instructions), but its compilations took most of
	 * a 200k drain (services-spending 16k against 25k events/s), gained only about a tenth over a
	 * 1M one, and held some 40 MB more native memory (306 MB after a 1M drain). A 64 MB young
	 * generation with 16 MB survivor spaces holds the polls in flight (2,000 records on each of up
	 * to three partitions, some 15 MB): with 5 MB survivors they were promoted early and filled the
	 * old generation, a full collection every two seconds of a drain. The small initial heap (the
	 * young generation and 16 MB of old) lets the old generation grow only as needed; one smaller
	 * than the young generation made the JVM warn at every start. Metaspace (~70 MB for a service) and the code cache
	 * are capped, so that a leak shows as an error rather than as a slowly growing process.
	 */
	static final List<String> SERVICE_OPTIONS = List.of("-Xms80m", "-Xmx192m", "-Xmn64m", "-XX:SurvivorRatio=2",
			"-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k",
			"-XX:+ExitOnOutOfMemoryError");

	/**
	 * The environment of every service child besides its own variables: two glibc malloc arenas
	 * instead of eight per core, which held some 10 MB of freed native memory after a drain.
	 */
	static final Map<String, String> SERVICE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

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
