package id.apbdmonitor.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** infra/alertmanager/alertmanager.yml, checked by the real amtool and against the alert rules. */
class AlertmanagerTests {

	private static final String CONFIG = RepoFiles.ROOT.relativize(RepoFiles.ALERTMANAGER_CONFIG).toString();

	@Test
	void amtoolAcceptsTheConfiguration() {
		Tool.Result result = Tool.AMTOOL.run(RepoFiles.ROOT, "check-config", CONFIG);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output()).as(result.toString()).contains("SUCCESS");
	}

	@ParameterizedTest
	@CsvSource({ "critical, ApbdServiceDown, critical", "warning, ApbdOpdBehindCashPlan, warning",
			"info, ApbdOpdSpendingWithoutPagu, info", "none, Watchdog, operators" })
	void alertsAreRoutedBySeverity(String severity, String alertname, String receiver) {
		Tool.Result result = Tool.AMTOOL.run(RepoFiles.ROOT, "config", "routes", "test", "--config.file=" + CONFIG,
				"severity=" + severity, "alertname=" + alertname, "opd=PUPR");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.output().lines().filter((line) -> !line.startsWith("Warning:")).toList()).as(result.toString())
			.containsExactly(receiver);
	}

	@Test
	void notificationsAreGroupedByOpd() {
		assertThat(strings(route().get("group_by"))).contains("opd");
	}

	@Test
	void everyReceiverIsAWebhook() {
		List<Map<String, Object>> receivers = RepoFiles.maps(config().get("receivers"));
		assertThat(receivers).isNotEmpty().allSatisfy((receiver) -> assertThat(RepoFiles.maps(receiver.get("webhook_configs")))
			.as("webhook of %s", receiver.get("name"))
			.isNotEmpty()
			.allSatisfy((webhook) -> assertThat(String.valueOf(webhook.get("url"))).startsWith("http")));
	}

	/** An inhibition naming an alert that does not exist would silently inhibit nothing. */
	@Test
	void inhibitionsNameExistingAlertsAndCarryTheLabelTheyCompare() {
		Set<String> alerts = RuleCatalog.alertNames();
		List<Map<String, Object>> inhibitions = RepoFiles.maps(config().get("inhibit_rules"));
		assertThat(inhibitions).isNotEmpty();
		Set<String> named = new LinkedHashSet<>();
		for (Map<String, Object> inhibition : inhibitions) {
			List<String> matchers = new ArrayList<>(strings(inhibition.get("source_matchers")));
			matchers.addAll(strings(inhibition.get("target_matchers")));
			for (String matcher : matchers) {
				named.addAll(alertNames(matcher));
			}
		}
		assertThat(alerts).containsAll(named);
		// the pipeline inhibits the OPD alerts of the same service: both must have a job label,
		// which the OPD-level recording rules keep (max without (instance))
		assertThat(named).contains("ApbdServiceDown", "ApbdOpdBehindCashPlan");
		assertThat(inhibitions).anySatisfy((inhibition) -> assertThat(strings(inhibition.get("equal"))).containsExactly("job"));
	}

	private static Set<String> alertNames(String matcher) {
		Matcher m = Pattern.compile("alertname\\s*=~?\\s*\"([^\"]*)\"").matcher(matcher);
		Set<String> names = new LinkedHashSet<>();
		while (m.find()) {
			names.addAll(List.of(m.group(1).split("\\|")));
		}
		return names;
	}

	private static Map<String, Object> config() {
		return RepoFiles.yaml(RepoFiles.ALERTMANAGER_CONFIG);
	}

	private static Map<String, Object> route() {
		return RepoFiles.map(config().get("route"));
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return (value == null) ? List.of() : (List<String>) value;
	}

}
