package id.apbdmonitor.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's alert rules for a simulated year. An alert's {@code for:} is business time
 * ("behind plan for 3 days"); when a year lasts minutes, a production {@code for: 3d} would keep
 * every alert pending until the demo is over. This writes a copy of the rules whose {@code for:}
 * durations are scaled by the simulation's speed, and a copy of the devstack's prometheus.yml
 * that loads them. The repository's files stay those of production.
 * <p>
 * Only business alerts are scaled. The pipeline alerts of {@link #REAL_TIME_FILES} watch
 * processes and Kafka consumers, which run in real time in the devstack too: a "down for 2
 * minutes" scaled to a third of a second fired a critical alert at every start-up.
 * <p>
 * Business alerts are at most warnings in the devstack; the production severity stays on the
 * alert as {@code production_severity="critical"}. A critical business alert says that an OPD
 * let a warning pass for weeks, or let a deadline of the year pass (a carry-over project on
 * 31 March, the UP return on 31 December). The simulated OPDs never act on a warning, and a year
 * in minutes puts February to April into the stack's first five minutes: every escalation of
 * the script would arrive as a "critical" during start-up, where a newcomer, like an operator,
 * reads critical as "something is broken now". In the devstack critical keeps that meaning:
 * only the pipeline alerts, with their production durations, are critical.
 */
final class AcceleratedRules {

	private static final Pattern FOR = Pattern.compile("^([ \\t]*for:[ \\t]*)(\\d+)([smhdwy])[ \\t]*$", Pattern.MULTILINE);

	private static final Pattern CRITICAL = Pattern.compile("^([ \\t]*)severity:[ \\t]*critical[ \\t]*$", Pattern.MULTILINE);

	private static final Duration YEAR = Duration.ofDays(365);

	/** Rules files whose {@code for:} durations are real time, copied unchanged. */
	static final java.util.Set<String> REAL_TIME_FILES = java.util.Set.of("pipeline.yml");

	private AcceleratedRules() {
	}

	/**
	 * Writes {@code target/rules/*.yml} and {@code target/prometheus.yml} from the repository's
	 * {@code rulesDirectory} and devstack {@code config}; returns the config to start Prometheus with.
	 */
	static Path write(Path config, Path rulesDirectory, Path target, Duration yearDuration) {
		try {
			Path rules = target.resolve("rules");
			Files.createDirectories(rules);
			try (Stream<Path> files = Files.list(rules)) {
				for (Path stale : files.toList()) {
					Files.delete(stale);
				}
			}
			try (Stream<Path> files = Files.list(rulesDirectory)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
					String text = Files.readString(file);
					boolean realTime = REAL_TIME_FILES.contains(file.getFileName().toString());
					Files.writeString(rules.resolve(file.getFileName()), realTime ? text : demote(scale(text, yearDuration)));
				}
			}
			String prometheus = Files.readString(config)
				.replace("  - ../rules/*.yml", "  - " + rules.toAbsolutePath() + "/*.yml");
			Path written = target.resolve("prometheus.yml");
			Files.writeString(written, "# written by the devstack from " + config + ": business alert for: durations "
					+ "scaled to a year of " + yearDuration + ", critical ones as warnings with production_severity=\"critical\" (not those of "
					+ REAL_TIME_FILES + ")\n" + prometheus);
			return written;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every {@code for: <n><unit>} of a rules file, as the same share of a year lasting {@code yearDuration}. */
	static String scale(String rules, Duration yearDuration) {
		Matcher matcher = FOR.matcher(rules);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			Duration business = duration(Long.parseLong(matcher.group(2)), matcher.group(3));
			long millis = Math.max(1000,
					(long) ((double) business.toMillis() * yearDuration.toMillis() / YEAR.toMillis()));
			matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + millis + "ms"));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * Every {@code severity: critical} of a business rules file as {@code severity: warning} and a
	 * label {@code production_severity: critical} beside it (see the class comment for why).
	 */
	static String demote(String rules) {
		return CRITICAL.matcher(rules)
			.replaceAll((match) -> Matcher.quoteReplacement(match.group(1) + "severity: warning\n" + match.group(1)
					+ "production_severity: critical"));
	}

	private static Duration duration(long amount, String unit) {
		return switch (unit) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			case "w" -> Duration.ofDays(7 * amount);
			default -> Duration.ofDays(365 * amount);
		};
	}

}
