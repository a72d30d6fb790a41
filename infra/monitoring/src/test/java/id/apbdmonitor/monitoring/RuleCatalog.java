package id.apbdmonitor.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The alerting and recording rules of infra/prometheus/rules, read as YAML. */
final class RuleCatalog {

	private RuleCatalog() {
	}

	record Rule(Path file, String alert, String record, String expr, String forDuration, Map<String, Object> labels,
			Map<String, Object> annotations) {

		boolean isAlert() {
			return this.alert != null;
		}

	}

	static List<Rule> rules(Path file) {
		List<Rule> rules = new ArrayList<>();
		for (Map<String, Object> group : RepoFiles.maps(RepoFiles.yaml(file).get("groups"))) {
			for (Map<String, Object> rule : RepoFiles.maps(group.get("rules"))) {
				rules.add(new Rule(file, (String) rule.get("alert"), (String) rule.get("record"),
						String.valueOf(rule.get("expr")), (String) rule.get("for"), RepoFiles.map(rule.get("labels")),
						RepoFiles.map(rule.get("annotations"))));
			}
		}
		return rules;
	}

	static List<Rule> all() {
		List<Rule> rules = new ArrayList<>();
		RepoFiles.list(RepoFiles.RULES, ".yml").forEach((file) -> rules.addAll(rules(file)));
		return rules;
	}

	static Set<String> recordNames() {
		Set<String> names = new LinkedHashSet<>();
		all().stream().filter((rule) -> rule.record() != null).forEach((rule) -> names.add(rule.record()));
		return names;
	}

	static Set<String> alertNames() {
		Set<String> names = new LinkedHashSet<>();
		all().stream().filter(Rule::isAlert).forEach((rule) -> names.add(rule.alert()));
		return names;
	}

}
