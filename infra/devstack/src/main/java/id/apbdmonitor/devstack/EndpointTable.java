package id.apbdmonitor.devstack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table of every URL, printed once the stack is up: the starting point for a person. */
final class EndpointTable {

	private final List<String[]> rows = new ArrayList<>();

	/**
	 * @param firing how many alerts fire now (e.g. {@code 0 firing (0 critical)}), when Prometheus runs
	 */
	EndpointTable(StackLayout layout, String jdbcUrl, String bootstrapServers, boolean prometheus,
			boolean alertmanager, java.util.Optional<String> firing) {
		// first the pages a person opens: the rakor brief, the alerts, where they arrive, who routes them
		this.rows.add(row("rakor brief (PDF: /brief.pdf?date=YYYY-MM-DD)", ServiceCatalog.BRIEF.baseUrl() + "/brief"));
		if (prometheus) {
			this.rows.add(row("Prometheus alerts" + firing.map((text) -> ": " + text).orElse(""), FiringAlerts.PAGE));
		}
		this.rows.add(row("mailbox (alert e-mails, SMTP localhost:" + MailServer.SMTP_PORT + ")", MailServer.mailboxUrl()));
		if (alertmanager) {
			this.rows.add(row("Alertmanager API (alerts as routed)",
					"http://localhost:" + MonitoringTools.ALERTMANAGER_PORT + "/api/v2/alerts"));
		}
		if (prometheus) {
			this.rows.add(row("Prometheus queries", "http://localhost:" + MonitoringTools.PROMETHEUS_PORT + "/classic/graph"));
		}
		for (ServiceCatalog.App app : ServiceCatalog.SERVICES) {
			this.rows.add(row(app.name() + " metrics", app.baseUrl() + "/actuator/prometheus"));
			this.rows.add(row(app.name() + " health", app.baseUrl() + "/actuator/health"));
		}
		ServiceCatalog.App simulator = ServiceCatalog.SIMULATOR;
		this.rows.add(row("simulator expected values", simulator.baseUrl() + "/api/expected"));
		this.rows.add(row("simulator metrics", simulator.baseUrl() + "/actuator/prometheus"));
		this.rows.add(row("Kafka bootstrap servers", bootstrapServers));
		this.rows.add(row("PostgreSQL (one role per service)", jdbcUrl));
		this.rows.add(row("logs", layout.logs().toString()));
	}

	private static String[] row(String what, String where) {
		return new String[] { what, where };
	}

	List<String[]> rows() {
		return List.copyOf(this.rows);
	}

	void print(PrintStream out) {
		int width = this.rows.stream().mapToInt((row) -> row[0].length()).max().orElse(0);
		StringBuilder text = new StringBuilder(System.lineSeparator());
		for (String[] row : this.rows) {
			text.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", row[0], row[1]));
		}
		text.append(String.format(Locale.ROOT, "%n  Ctrl-C stops everything.%n"));
		out.print(text);
		out.flush();
	}

}
