package id.apbdmonitor.devstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How many alerts Prometheus has firing, for the endpoint table and the progress lines. */
final class FiringAlerts {

	/** The page a person opens to see them (the packaged Prometheus 2.42 serves the classic UI). */
	static final String PAGE = "http://localhost:" + MonitoringTools.PROMETHEUS_PORT + "/classic/alerts";

	private static final Pattern VALUE = Pattern.compile("\"value\":\\[[^,]+,\"(\\d+)\"\\]");

	private FiringAlerts() {
	}

	/** e.g. {@code 3 firing (1 critical)}; empty when Prometheus does not answer. */
	static Optional<String> describe(HttpProbe http) {
		Optional<Long> all = count(http, "ALERTS{alertstate=\"firing\"}");
		Optional<Long> critical = count(http, "ALERTS{alertstate=\"firing\",severity=\"critical\"}");
		if (all.isEmpty() || critical.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(all.get() + " firing (" + critical.get() + " critical)");
	}

	private static Optional<Long> count(HttpProbe http, String selector) {
		String query = URLEncoder.encode("count(" + selector + ")", StandardCharsets.UTF_8);
		return http.get("http://localhost:" + MonitoringTools.PROMETHEUS_PORT + "/api/v1/query?query=" + query)
			.map(FiringAlerts::parse);
	}

	/** The value of an instant-vector answer; an empty result (no alert at all) is 0. */
	static long parse(String body) {
		Matcher value = VALUE.matcher(body);
		return value.find() ? Long.parseLong(value.group(1)) : 0;
	}

}
