package id.apbdmonitor.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The devstack's copy of the Alertmanager configuration: the same receivers and routes, without
 * the office-hours and public-holiday intervals. Those read the wall clock, while the devstack's
 * business days pass in seconds, so they would only decide whether a demo run in the evening
 * delivers any OPD mail at all. Production keeps them (infra/alertmanager/alertmanager.yml).
 */
final class SimulatedYearRouting {

	private SimulatedYearRouting() {
	}

	/** Writes the copy into {@code targetDirectory} and returns its path. */
	static Path write(Path config, Path targetDirectory) {
		try {
			return write(Files.readString(config), config.getParent(), targetDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the Alertmanager configuration " + config, ex);
		}
	}

	/** The same for a configuration generated in memory, as if it were in {@code configDirectory}. */
	static Path write(String config, Path configDirectory, Path targetDirectory) {
		try {
			Files.createDirectories(targetDirectory);
			Path target = targetDirectory.resolve("alertmanager.yml");
			Files.writeString(target, rewrite(config.lines().toList(), configDirectory.toAbsolutePath()));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the devstack's Alertmanager configuration", ex);
		}
	}

	/** Drops the time-interval references of the routes; template paths become absolute. */
	static String rewrite(List<String> lines, Path configDirectory) {
		return lines.stream()
			.filter((line) -> !line.trim().startsWith("active_time_intervals:")
					&& !line.trim().startsWith("mute_time_intervals:"))
			.map((line) -> line.startsWith("  - templates/")
					? "  - " + configDirectory.resolve(line.substring("  - ".length())) : line)
			.collect(Collectors.joining("\n", "", "\n"));
	}

}
