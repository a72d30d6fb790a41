package id.apbdmonitor.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AcceleratedRulesTests {

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

}
