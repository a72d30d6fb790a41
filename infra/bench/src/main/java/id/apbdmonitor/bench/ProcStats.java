package id.apbdmonitor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time and memory of a process tree from Linux's {@code /proc}: the service JVM, the broker
 * JVM, PostgreSQL's postmaster with its backends.
 */
final class ProcStats {

	/** Linux reports CPU times in clock ticks of USER_HZ, 100 on every common kernel. */
	static final double TICKS_PER_SECOND = 100.0;

	private ProcStats() {
	}

	/**
	 * CPU seconds (user + system) of {@code pid} and its live descendants, their reaped children
	 * included (cutime, cstime): a PostgreSQL backend that exited is still counted by the postmaster.
	 */
	static double cpuSeconds(long pid) {
		long ticks = 0;
		for (long each : tree(pid)) {
			ticks += cpuTicks(each);
		}
		return ticks / TICKS_PER_SECOND;
	}

	/** utime + stime + cutime + cstime of one process, 0 once it is gone. */
	static long cpuTicks(long pid) {
		try {
			return parseCpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** Fields 14 to 17 of {@code /proc/<pid>/stat}, counted after the command name in parentheses. */
	static long parseCpuTicks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
		// fields[0] is field 3 (state): utime is field 14, so index 11
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
				+ Long.parseLong(fields[14]);
	}

	/** Peak resident set (VmHWM) of the largest process of the tree, in MB. */
	static double peakRssMb(long pid) {
		return tree(pid).stream().mapToLong((each) -> statusKb(each, "VmHWM:")).max().orElse(0) / 1024.0;
	}

	/** Resident set (VmRSS) of the largest process of the tree, in MB. */
	static double rssMb(long pid) {
		return tree(pid).stream().mapToLong((each) -> statusKb(each, "VmRSS:")).max().orElse(0) / 1024.0;
	}

	static long statusKb(long pid, String field) {
		try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
			return lines.filter((line) -> line.startsWith(field))
				.map((line) -> line.substring(field.length()).trim().split("\\s+")[0])
				.mapToLong(Long::parseLong)
				.findFirst()
				.orElse(0);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static List<Long> tree(long pid) {
		List<Long> pids = new ArrayList<>();
		pids.add(pid);
		ProcessHandle.of(pid).ifPresent((handle) -> handle.descendants().forEach((child) -> pids.add(child.pid())));
		return pids;
	}

	/** MemAvailable of the machine, in MB (0 when unknown). */
	static double memAvailableMb() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
			return lines.filter((line) -> line.startsWith("MemAvailable:"))
				.map((line) -> line.replaceAll("\\D+", ""))
				.mapToLong(Long::parseLong)
				.findFirst()
				.orElse(Long.MAX_VALUE) / 1024.0;
		}
		catch (IOException | RuntimeException ex) {
			return Double.MAX_VALUE;
		}
	}

	/** The 1-minute load average, or NaN: other work on the machine shows in every rate. */
	static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/** Cores, memory and CPU model of this machine, for the results' heading. */
	static String machine() {
		String model = "unknown CPU";
		long memoryKb = 0;
		try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
			model = lines.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(model);
		}
		catch (IOException ex) {
			// keep the placeholder
		}
		try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
			memoryKb = lines.filter((line) -> line.startsWith("MemTotal:"))
				.map((line) -> line.replaceAll("\\D+", ""))
				.mapToLong(Long::parseLong)
				.findFirst()
				.orElse(0);
		}
		catch (IOException ex) {
			// keep 0
		}
		return String.format("%d cores, %.1f GB RAM, %s", Runtime.getRuntime().availableProcessors(),
				memoryKb / 1024.0 / 1024.0, model);
	}

}
