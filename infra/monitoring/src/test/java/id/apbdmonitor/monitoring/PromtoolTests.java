package id.apbdmonitor.monitoring;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus configuration, rules and rule tests, checked by the real {@code promtool}
 * (Prometheus 2.42 from Debian), exactly as an operator would before reloading Prometheus.
 */
class PromtoolTests {

	@Test
	void composeConfigurationIsValidAndFindsTheRules() {
		Tool.Result result = Tool.PROMTOOL.run(RepoFiles.PROMETHEUS, "check", "config", "prometheus.yml");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output()).as(result.toString()).contains("SUCCESS: " + ruleFiles().size() + " rule files found");
	}

	@Test
	void devstackConfigurationIsValidAndFindsTheRules() {
		// run from elsewhere on purpose: rule_files paths are relative to the config file's directory
		Tool.Result result = Tool.PROMTOOL.run(RepoFiles.ROOT, "check", "config",
				"infra/prometheus/devstack/prometheus.yml");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output()).as(result.toString()).contains("SUCCESS: " + ruleFiles().size() + " rule files found");
	}

	@Test
	void ruleFilesPassCheckRulesIncludingItsLint() {
		String[] args = new String[ruleFiles().size() + 2];
		args[0] = "check";
		args[1] = "rules";
		for (int i = 0; i < ruleFiles().size(); i++) {
			args[i + 2] = RepoFiles.PROMETHEUS.relativize(ruleFiles().get(i)).toString();
		}
		Tool.Result result = Tool.PROMTOOL.run(RepoFiles.PROMETHEUS, args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output()).as(result.toString()).doesNotContain("FAILED");
	}

	@Test
	void everyRuleFileHasATestFileSideBySide() {
		assertThat(ruleFiles()).isNotEmpty();
		for (Path rules : ruleFiles()) {
			String area = rules.getFileName().toString().replaceFirst("\\.yml$", "");
			assertThat(RepoFiles.RULE_TESTS.resolve(area + "-test.yml")).as("test file of %s", rules).isRegularFile();
		}
	}

	@TestFactory
	List<DynamicTest> everyTestFilePassesPromtoolTestRules() {
		return RepoFiles.list(RepoFiles.RULE_TESTS, "-test.yml").stream().map((file) -> DynamicTest
			.dynamicTest(file.getFileName().toString(), () -> {
				Tool.Result result = Tool.PROMTOOL.run(RepoFiles.PROMETHEUS, "test", "rules",
						RepoFiles.PROMETHEUS.relativize(file).toString());
				assertThat(result.exitCode()).as(result.toString()).isZero();
				assertThat(result.output()).as(result.toString()).contains("SUCCESS");
			}))
			.toList();
	}

	static List<Path> ruleFiles() {
		return RepoFiles.list(RepoFiles.RULES, ".yml");
	}

}
