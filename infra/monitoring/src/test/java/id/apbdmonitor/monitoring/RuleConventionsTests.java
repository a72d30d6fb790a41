package id.apbdmonitor.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules for alerts and recording rules (STYLE.md "Monitoring as code"), and that the
 * promtool tests cover every alert both ways and every recording rule with a value.
 */
class RuleConventionsTests {

	private static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");

	@Test
	void alertsAreCamelCaseWithSeveritySummaryDescriptionAndRunbookSection() {
		List<RuleCatalog.Rule> alerts = RuleCatalog.all().stream().filter(RuleCatalog.Rule::isAlert).toList();
		assertThat(alerts).isNotEmpty();
		String runbook = RepoFiles.read(RepoFiles.RUNBOOK);
		for (RuleCatalog.Rule alert : alerts) {
			assertThat(alert.alert()).as("alert name").matches("[A-Z][a-z0-9]+([A-Z][a-z0-9]+)+");
			assertThat(alert.labels().get("severity")).as("severity of %s", alert.alert()).isIn(SEVERITIES.toArray());
			assertThat(alert.annotations()).as("annotations of %s", alert.alert())
				.containsKeys("summary", "description", "runbook_url");
			String anchor = alert.alert().toLowerCase();
			assertThat(alert.annotations().get("runbook_url")).as("runbook_url of %s", alert.alert())
				.isEqualTo("docs/runbook.md#" + anchor);
			// GitHub's anchor of "## ApbdServiceDown" is "apbdservicedown"
			assertThat(runbook).as("docs/runbook.md has a section for %s", alert.alert())
				.containsPattern("(?m)^## " + alert.alert() + "\\s*$");
			assertThat(String.valueOf(alert.annotations().get("description"))).as("description of %s", alert.alert())
				.contains("$labels.");
		}
	}

	@Test
	void opdAlertsNameTheOpdAndTheirFigures() {
		RuleCatalog.all().stream().filter((rule) -> rule.isAlert() && rule.alert().startsWith("ApbdOpd")).forEach(
				(alert) -> assertThat(String.valueOf(alert.annotations().get("description"))).as(alert.alert())
					.contains("{{ $labels.opd }}")
					.containsPattern("humanize|template \"rp\""));
	}

	/**
	 * Money is written the Indonesian way (Rp 47,8 juta, Rp 1,19 miliar), never with an SI
	 * suffix an Indonesian reader takes for something else (M read as miliar).
	 */
	@Test
	void alertTextsWriteRupiahTheIndonesianWay() {
		RuleCatalog.all().stream().filter(RuleCatalog.Rule::isAlert).forEach((alert) -> {
			for (Object text : alert.annotations().values()) {
				assertThat(String.valueOf(text)).as("annotations of %s", alert.alert())
					.doesNotContainPattern("Rp \\{\\{[^}]*humanize")
					.doesNotContain("| humanize |")
					.doesNotContain("humanizeTimestamp");
			}
		});
	}

	/** One rupiah formatter: every annotation defines "rp" alike (tested in spending-test.yml, group 6). */
	@Test
	void everyAnnotationFormatsRupiahWithTheSameTemplate() {
		Pattern define = Pattern.compile("\\{\\{- define \"rp\" -\\}\\}.*?\\{\\{- end -\\}\\}\\{\\{- end -\\}\\}");
		Set<String> defines = new HashSet<>();
		RuleCatalog.all().stream().filter(RuleCatalog.Rule::isAlert).forEach((alert) -> {
			for (Object text : alert.annotations().values()) {
				Matcher matcher = define.matcher(String.valueOf(text));
				while (matcher.find()) {
					defines.add(matcher.group());
				}
				if (String.valueOf(text).contains("template \"rp\"")) {
					assertThat(String.valueOf(text)).as("annotation of %s", alert.alert()).containsPattern(define);
				}
			}
		});
		assertThat(defines).hasSize(1);
	}

	/**
	 * Nationally thousands of OPDs lag at once, and Prometheus expands every alert's texts on
	 * every evaluation: names come as labels joined in the expression (names.yml), numbers are
	 * formatted in the template, and only an amount a reader needs is looked up, by a query that
	 * interpolates the alert's labels only: no query for a name, none to compute with a value.
	 */
	@Test
	void alertTextsMakeNoQueryForNamesOrArithmeticAndFewLookUps() {
		Pattern lookUp = Pattern.compile("\\|\\s*query\\b|\\bquery\\s+\"");
		// printf "<query with %q only>" $labels.a $labels.b | query, or query "<constant query>"
		Pattern labelsOnly = Pattern.compile("printf \"((?:[^\"\\\\]|\\\\.)*)\"((?: \\$labels\\.\\w+)+) \\| query\\b|\\bquery \"[^\"%]+\"");
		RuleCatalog.all().stream().filter(RuleCatalog.Rule::isAlert).forEach((alert) -> {
			int lookUps = 0;
			for (Object value : alert.annotations().values()) {
				String text = String.valueOf(value);
				assertThat(text).as("annotations of %s", alert.alert())
					.doesNotContain("apbd_opd_info")
					.doesNotContain("apbd_region_info");
				Matcher matcher = labelsOnly.matcher(text);
				int plain = 0;
				while (matcher.find()) {
					plain++;
					if (matcher.group(1) != null) {
						assertThat(matcher.group(1).replace("%q", "")).as("query of %s", alert.alert()).doesNotContain("%");
					}
				}
				assertThat(countOf(lookUp, text)).as("look-ups of %s that interpolate labels only: %s", alert.alert(), text)
					.isEqualTo(plain);
				lookUps += plain;
			}
			assertThat(lookUps).as("look-ups per instance of %s", alert.alert()).isLessThanOrEqualTo(4);
		});
	}

	/**
	 * Every alert about an OPD carries the OPD's name, its region's and the region's zone (which
	 * Alertmanager prints its times in) as labels, joined from names.yml, with the bare expression
	 * as fallback so that a missing name never loses an alert:
	 * {@code (X) * on (pemda, opd) group_left (opd_name, region_name, zone) opd:apbd_opd_info:max
	 * or on (pemda, opd) (X)}, the same X twice. Its texts read the labels, falling back to the
	 * codes. OPD codes repeat between regions (DINKES): every look-up by OPD or project matches
	 * the alert's pemda first.
	 */
	@Test
	void opdAlertsJoinTheirNamesAndFallBackToTheBareExpression() {
		Pattern join = Pattern.compile("\\(\\n(.*)\\)\\n\\* on \\(pemda, opd\\) group_left \\(opd_name, region_name, zone\\) opd:apbd_opd_info:max\\n"
				+ "or on \\(pemda, opd\\)\\n\\(\\n(.*)\\)\\n?", Pattern.DOTALL);
		Pattern lookUpWithoutPemda = Pattern.compile("printf \"[^\"]*\\{(opd|project)=%q");
		RuleCatalog.all().stream().filter(RuleCatalog.Rule::isAlert).forEach((alert) -> {
			for (Object text : alert.annotations().values()) {
				assertThat(String.valueOf(text)).as("annotations of %s", alert.alert()).doesNotContainPattern(lookUpWithoutPemda);
			}
			if (!String.valueOf(alert.annotations().get("summary")).contains("$labels.opd")) {
				return;
			}
			Matcher matcher = join.matcher(alert.expr());
			assertThat(matcher.matches()).as("expr of %s joins the names with a fallback: %s", alert.alert(), alert.expr())
				.isTrue();
			assertThat(matcher.group(2)).as("fallback of %s", alert.alert()).isEqualTo(matcher.group(1));
			assertThat(alert.annotations().get("opd_name")).as("opd_name of %s", alert.alert())
				.isEqualTo("{{ or $labels.opd_name $labels.opd }}");
			assertThat(alert.annotations().get("region_name")).as("region_name of %s", alert.alert())
				.isEqualTo("{{ or $labels.region_name $labels.pemda }}");
		});
	}

	/**
	 * Alertmanager prints an alert's times in its region's zone, read from the alert's
	 * {@code zone} label (region.tmpl): every alert that joins a region's names joins its zone too.
	 */
	@Test
	void alertsThatJoinTheRegionsNamesJoinItsZone() {
		Pattern join = Pattern.compile("group_left \\(([^)]*)\\) (opd:apbd_opd_info:max|pemda:apbd_region_info:max)");
		List<String> joins = new ArrayList<>();
		RuleCatalog.all().stream().filter(RuleCatalog.Rule::isAlert).forEach((alert) -> {
			Matcher matcher = join.matcher(alert.expr());
			while (matcher.find()) {
				joins.add(alert.alert());
				assertThat(List.of(matcher.group(1).split(", "))).as("%s in %s", matcher.group(), alert.alert())
					.contains("region_name", "zone");
			}
		});
		assertThat(joins).contains("ApbdOpdBehindCashPlan", "ApbdBusinessClockStalled");
	}

	/**
	 * Every aggregation of a business figure keeps the region: sums and counts by OPD, category or
	 * revenue type are per pemda. (The pipeline's rules aggregate by service and topic.)
	 */
	@Test
	void businessAggregationsKeepThePemda() {
		Pattern by = Pattern.compile("\\b(sum|count|max|min|avg) by \\(([^)]*)\\)");
		for (RuleCatalog.Rule rule : RuleCatalog.all()) {
			if (rule.file().getFileName().toString().equals("pipeline.yml")) {
				continue;
			}
			Matcher matcher = by.matcher(rule.expr());
			while (matcher.find()) {
				assertThat(matcher.group(2)).as("%s in %s", matcher.group(), name(rule)).contains("pemda");
			}
		}
	}

	@Test
	void recordingRulesAreNamedLevelMetricOperations() {
		assertThat(RuleCatalog.recordNames()).isNotEmpty()
			.allSatisfy((name) -> assertThat(name).matches("[a-z][a-z_]*:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*"));
	}

	/**
	 * A division by a series that can be 0 must drop it ({@code / (x > 0)}): no NaN or +Inf
	 * series. Division by a number literal needs no guard.
	 */
	@Test
	void everyDivisionInARuleIsGuardedAgainstZero() {
		Pattern division = Pattern.compile("/\\s*([^\\s0-9])");
		for (RuleCatalog.Rule rule : RuleCatalog.all()) {
			Matcher matcher = division.matcher(rule.expr());
			while (matcher.find()) {
				String rest = rule.expr().substring(matcher.start(1));
				assertThat(rest).as("division in %s", name(rule)).startsWith("(");
				assertThat(rest.substring(0, closingParenthesis(rest) + 1)).as("division in %s", name(rule))
					.containsPattern(">\\s*0\\s*\\)$");
			}
		}
	}

	@Test
	void rawSpendingGaugesAreReadOncePerSeriesAcrossReplicas() {
		Pattern raw = Pattern.compile("(?<![:\\w])apbd_(pagu|cash_plan_to_date|realised)_rupiah(?![:\\w])");
		for (RuleCatalog.Rule rule : RuleCatalog.all()) {
			if (!rule.isAlert() && raw.matcher(rule.expr()).find()) {
				assertThat(rule.expr()).as(name(rule)).contains("max without (instance)");
			}
		}
	}

	@Test
	void everyAlertHasASilentAndAFiringTestCase() {
		Set<String> silent = new HashSet<>();
		Set<String> firing = new HashSet<>();
		for (Path file : RepoFiles.list(RepoFiles.RULE_TESTS, "-test.yml")) {
			for (Map<String, Object> test : RepoFiles.maps(RepoFiles.yaml(file).get("tests"))) {
				for (Map<String, Object> alertTest : RepoFiles.maps(test.get("alert_rule_test"))) {
					String name = (String) alertTest.get("alertname");
					(RepoFiles.maps(alertTest.get("exp_alerts")).isEmpty() ? silent : firing).add(name);
				}
			}
		}
		assertThat(silent).as("alerts with a silent case (exp_alerts: [])").containsAll(RuleCatalog.alertNames());
		assertThat(firing).as("alerts with a firing case").containsAll(RuleCatalog.alertNames());
	}

	@Test
	void everyRecordingRuleIsCheckedWithAnExpectedValue() {
		List<String> checked = new ArrayList<>();
		for (Path file : RepoFiles.list(RepoFiles.RULE_TESTS, "-test.yml")) {
			for (Map<String, Object> test : RepoFiles.maps(RepoFiles.yaml(file).get("tests"))) {
				for (Map<String, Object> exprTest : RepoFiles.maps(test.get("promql_expr_test"))) {
					if (!RepoFiles.maps(exprTest.get("exp_samples")).isEmpty()) {
						checked.add(String.valueOf(exprTest.get("expr")));
					}
				}
			}
		}
		for (String record : RuleCatalog.recordNames()) {
			assertThat(checked).as("a promql_expr_test with exp_samples for %s", record)
				.anySatisfy((expr) -> assertThat(PromQl.metricNames(expr)).contains(record));
		}
	}

	private static int countOf(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static String name(RuleCatalog.Rule rule) {
		return (rule.isAlert() ? rule.alert() : rule.record()) + " in " + rule.file().getFileName();
	}

	private static int closingParenthesis(String text) {
		int depth = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '(') {
				depth++;
			}
			else if (text.charAt(i) == ')' && --depth == 0) {
				return i;
			}
		}
		return text.length() - 1;
	}

}
