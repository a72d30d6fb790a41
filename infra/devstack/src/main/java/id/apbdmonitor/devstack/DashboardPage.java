package id.apbdmonitor.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * What a dashboard link of an alert mail opens in the devstack, which has no Grafana (it cannot
 * be installed here; docker compose has one): a page that says so and lists the dashboard's
 * panels, each query a link to Prometheus's graph page, so that the figures behind the link are
 * one click away.
 */
final class DashboardPage {

	/** A Grafana variable in a query: {@code $pemda}, {@code ${opd}}, {@code $__range}. */
	private static final Pattern VARIABLE_MATCHER = Pattern.compile("(\\w+)=\"\\$\\{?\\w+}?\"");

	private static final Pattern UID = Pattern.compile("[a-z0-9-]+");

	private DashboardPage() {
	}

	/** The page of dashboard {@code uid} of {@code dashboards} (the repository's infra/grafana/dashboards), or null. */
	static String html(Path dashboards, String uid, String prometheusUrl) {
		Path file = dashboards.resolve(uid + ".json");
		if (!UID.matcher(uid).matches() || !Files.isRegularFile(file)) {
			return null;
		}
		Map<String, Object> dashboard;
		try {
			// JSON is YAML: the devstack reads it with the YAML parser it already has
			dashboard = new Yaml().load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
				<title>Dasbor %s (devstack)</title>
				<style>body{font-family:sans-serif;margin:2em}li{margin:.3em 0}code{font-size:90%%}</style>
				</head><body>
				""".formatted(escape(String.valueOf(dashboard.get("title")))));
		html.append("<h1>").append(escape(String.valueOf(dashboard.get("title")))).append("</h1>\n")
			.append("<p><b>Grafana tidak termasuk devstack</b> (tidak dapat dipasang di sini); dasbor ini tampil di Grafana ")
			.append("pada <code>docker compose up</code>. Di devstack, buka <a href=\"").append(prometheusUrl)
			.append("/classic/alerts\">peringatan di Prometheus</a>, atau kueri setiap panel di bawah ini ")
			.append("(variabel dasbor seperti <code>$pemda</code> menjadi semua nilai). Berkasnya: <code>infra/grafana/dashboards/")
			.append(escape(uid)).append(".json</code>.</p>\n<ul>\n");
		for (Map<String, Object> panel : panels(dashboard)) {
			List<String> links = new ArrayList<>();
			for (Object target : list(panel.get("targets"))) {
				Object expr = (target instanceof Map<?, ?> map) ? map.get("expr") : null;
				if (expr != null) {
					String query = anyValue(expr.toString());
					links.add("<a href=\"" + prometheusUrl + "/classic/graph?g0.tab=1&amp;g0.expr="
							+ URLEncoder.encode(query, StandardCharsets.UTF_8) + "\"><code>" + escape(query) + "</code></a>");
				}
			}
			if (!links.isEmpty()) {
				html.append("<li>").append(escape(String.valueOf(panel.get("title")))).append(": ")
					.append(String.join(" · ", links)).append("</li>\n");
			}
		}
		return html.append("</ul></body></html>\n").toString();
	}

	/** A query with every {@code label="$variable"} matcher as {@code label=~".+"}, Grafana's built-ins as a day. */
	static String anyValue(String expr) {
		return VARIABLE_MATCHER.matcher(expr)
			.replaceAll("$1=~\".+\"")
			.replace("${__range}", "1d")
			.replace("$__range", "1d")
			.replace("$__rate_interval", "1m")
			.replace("$__interval", "15s");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
		List<Map<String, Object>> panels = new ArrayList<>();
		for (Object panel : list(dashboard.get("panels"))) {
			if (panel instanceof Map<?, ?> map) {
				panels.add((Map<String, Object>) map);
				for (Object nested : list(map.get("panels"))) {
					if (nested instanceof Map<?, ?> inner) {
						panels.add((Map<String, Object>) inner);
					}
				}
			}
		}
		return panels;
	}

	private static List<?> list(Object value) {
		return (value instanceof List<?> list) ? list : List.of();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
