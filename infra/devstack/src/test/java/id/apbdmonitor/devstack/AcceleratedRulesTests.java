package id.apbdmonitor.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AcceleratedRulesTests {

	private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

	private static final Pattern FOR = Pattern.compile("(?m)^[ \\t]*for:[ \\t]*(\\d+)(ms|[smhdwy])[ \\t]*$");

	private static final Pattern CRITICAL = Pattern.compile("(?m)^[ \\t]*severity:[ \\t]*critical[ \\t]*$");

	@Test
	void shouldKeepACriticalBusinessAlertAsAWarningThatNamesItsProductionSeverity() {
		String rules = """
				      - alert: Far
				        expr: x < 0.5
				        for: 14d
				        labels:
				          severity: critical
				      - alert: Near
				        expr: x < 0.75
				        for: 3d
				        labels:
				          severity: warning
				""";
		assertThat(AcceleratedRules.demote(rules)).isEqualTo("""
				      - alert: Far
				        expr: x < 0.5
				        for: 14d
				        labels:
				          severity: warning
				          production_severity: critical
				      - alert: Near
				        expr: x < 0.75
				        for: 3d
				        labels:
				          severity: warning
				""");
	}

	/**
	 * The repository's own rules, as the README's run command writes them (a year of 10 minutes):
	 * no business alert is critical, every production critical is named, the pipeline rules are
	 * production's, and no business alert waits less business time than in production.
	 */
	@Test
	void shouldNeverMakeABusinessAlertCriticalNorFireEarlierThanInProduction(@TempDir Path temp) throws Exception {
		Path repoRules = REPO.resolve("infra/prometheus/rules");
		Duration year = Duration.ofMinutes(10);
		AcceleratedRules.write(REPO.resolve("infra/prometheus/devstack/prometheus.yml"), repoRules, temp, year);

		List<Path> files;
		try (Stream<Path> list = Files.list(repoRules)) {
			files = list.filter((file) -> file.toString().endsWith(".yml")).sorted().toList();
		}
		assertThat(files).extracting((file) -> file.getFileName().toString()).contains("spending.yml", "capital.yml",
				"up-tpp.yml", "pipeline.yml");
		int productionCriticals = 0;
		for (Path file : files) {
			String production = Files.readString(file);
			String devstack = Files.readString(temp.resolve("rules").resolve(file.getFileName()));
			if (AcceleratedRules.REAL_TIME_FILES.contains(file.getFileName().toString())) {
				assertThat(devstack).as(file.getFileName().toString()).isEqualTo(production);
				assertThat(count(CRITICAL, devstack)).as("pipeline alerts stay critical").isPositive();
				continue;
			}
			assertThat(count(CRITICAL, devstack)).as("critical alerts of %s in the devstack", file.getFileName()).isZero();
			assertThat(count(Pattern.compile("(?m)^[ \\t]*production_severity: critical$"), devstack))
				.as("production criticals of %s, named", file.getFileName())
				.isEqualTo(count(CRITICAL, production));
			productionCriticals += count(CRITICAL, production);
			List<Duration> before = durations(production);
			List<Duration> after = durations(devstack);
			assertThat(after).hasSameSizeAs(before);
			for (int i = 0; i < before.size(); i++) {
				// back to business time: a devstack second is 365 days / 10 minutes = 52,560 business seconds
				Duration business = after.get(i).multipliedBy(Duration.ofDays(365).toSeconds()).dividedBy(year.toSeconds());
				assertThat(business).as("for: %s of %s, in business time", before.get(i), file.getFileName())
					.isGreaterThanOrEqualTo(before.get(i).minusMillis(1000 * Duration.ofDays(365).toSeconds() / year.toSeconds()));
			}
		}
		assertThat(productionCriticals).as("critical business alerts in production").isPositive();
	}

	@Test
	void shouldScaleForDurationsToTheSimulatedYear() {
		String rules = """
				  - alert: A
				    expr: x > 1
				    for: 3d
				  - alert: B
				    expr: y > 1
				    for: 1m
				""";
		// a year of 365 s: one business day lasts 1 s, so 3 days last 3 s; 1 minute is below the 1 s floor
		assertThat(AcceleratedRules.scale(rules, Duration.ofSeconds(365))).contains("    for: 3000ms\n")
			.contains("    for: 1000ms\n")
			.contains("expr: x > 1");
	}

	@Test
	void shouldPointACopyOfTheConfigAtTheScaledRules(@TempDir Path temp) throws Exception {
		Path repoRules = Files.createDirectories(temp.resolve("repo/rules"));
		Files.writeString(repoRules.resolve("spending.yml"), "groups:\n  - rules:\n      - alert: A\n        for: 14d\n");
		Files.writeString(repoRules.resolve("pipeline.yml"), "groups:\n  - rules:\n      - alert: Down\n        for: 2m\n");
		Path config = Files.createDirectories(temp.resolve("repo/devstack")).resolve("prometheus.yml");
		Files.writeString(config, "rule_files:\n  - ../rules/*.yml\n");

		// ten minutes a year: 14 days = 14/365 × 600 s = 23.01 s
		Path written = AcceleratedRules.write(config, repoRules, temp.resolve("out"), Duration.ofMinutes(10));

		assertThat(Files.readString(written)).contains("  - " + temp.resolve("out/rules").toAbsolutePath() + "/*.yml");
		assertThat(Files.readString(temp.resolve("out/rules/spending.yml"))).contains("for: 23013ms");
		assertThat(Files.readString(repoRules.resolve("spending.yml"))).contains("for: 14d");
		// pipeline alerts watch real processes: production durations, not scaled
		assertThat(Files.readString(temp.resolve("out/rules/pipeline.yml"))).contains("for: 2m\n")
			.doesNotContain("ms");
	}

	private static int count(Pattern pattern, String text) {
		return (int) pattern.matcher(text).results().count();
	}

	/** The for: durations of a rules file, in order ({@code 3d}, {@code 2m}, {@code 4931ms}). */
	private static List<Duration> durations(String rules) {
		List<Duration> durations = new ArrayList<>();
		Matcher matcher = FOR.matcher(rules);
		while (matcher.find()) {
			long amount = Long.parseLong(matcher.group(1));
			durations.add(switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				case "w" -> Duration.ofDays(7 * amount);
				default -> Duration.ofDays(365 * amount);
			});
		}
		return durations;
	}

}
