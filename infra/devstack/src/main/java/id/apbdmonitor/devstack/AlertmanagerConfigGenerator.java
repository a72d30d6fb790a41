package id.apbdmonitor.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes {@code infra/alertmanager/alertmanager.yml} and {@code templates/region.tmpl} from the
 * region file, so that who receives which alert is decided in one place: each OPD's alerts to
 * its {@code contact}, a daily digest to BPKAD and the leadership, critical pipeline alerts to
 * the operators, non-urgent business alerts only in office hours and never on public holidays.
 * Run {@code java -cp ... AlertmanagerConfigGenerator} (see infra/alertmanager/README.md) after
 * editing the region file; {@code AlertmanagerConfigGeneratorTests} fails while they differ.
 */
public final class AlertmanagerConfigGenerator {

	static final Path REGION_FILE = Path.of("services/monitor-core/src/main/resources/region-kota-bima.yml");

	static final Path CONFIG = Path.of("infra/alertmanager/alertmanager.yml");

	static final Path REGION_TEMPLATE = Path.of("infra/alertmanager/templates/region.tmpl");

	/** The devstack's mail server; compose replaces it from the environment (see docker-compose.yml). */
	static final String SMTP_SMARTHOST = "localhost:" + MailServer.SMTP_PORT;

	/** The alerts a service's failure makes untrustworthy: inhibited while it fires. */
	private static final String PIPELINE_ALERTS = "ApbdServiceDown|ApbdIndicatorsMissing|ApbdNoEventsIngested|"
			+ "ApbdConsumerLagHigh|ApbdConsumerNotPolling|ApbdIngestStalled|ApbdBusinessClockStalled";

	private static final String BUSINESS_ALERTS = "ApbdOpdBehindCashPlan|ApbdOpdBehindQuarterlyTarget|"
			+ "ApbdOpdSpendingWithoutPagu|ApbdPadBehindSeasonalExpectation|ApbdUpNotRequested|ApbdGuOverdue|"
			+ "ApbdTuOverdue|ApbdUpLeftoverNotReturned|ApbdTppSubmissionLate|ApbdProjectBehindSchedule|"
			+ "ApbdProjectOverdue|ApbdProjectPaymentsBehindWorks|ApbdProjectPaidAheadOfWorks|ApbdProjectHandedOverUnpaid";

	private AlertmanagerConfigGenerator() {
	}

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args.length > 0 ? args[0] : ".");
		Region region = Region.read(root.resolve(REGION_FILE));
		Files.writeString(root.resolve(CONFIG), config(region));
		Files.createDirectories(root.resolve(REGION_TEMPLATE).getParent());
		Files.writeString(root.resolve(REGION_TEMPLATE), regionTemplate(region));
		System.out.println("wrote " + CONFIG + " and " + REGION_TEMPLATE + " from " + REGION_FILE);
	}

	/** The region file's parts that decide the routing. */
	record Region(String pemda, String name, ZoneId zone, List<Opd> opds, List<String> digest, List<String> operators,
			String sender, List<OfficeHours> officeHours, List<LocalDate> holidays) {

		@SuppressWarnings("unchecked")
		static Region read(Path file) {
			try (InputStream in = Files.newInputStream(file)) {
				Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
				Map<String, Object> region = (Map<String, Object>) ((Map<String, Object>) root.get("apbd")).get("region");
				Map<String, Object> alerting = (Map<String, Object>) region.get("alerting");
				List<Opd> opds = new ArrayList<>();
				for (Map<String, Object> opd : (List<Map<String, Object>>) region.get("opds")) {
					opds.add(new Opd(text(opd.get("code")), text(opd.get("name")), text(opd.get("contact"))));
				}
				List<OfficeHours> hours = new ArrayList<>();
				for (Map<String, Object> entry : (List<Map<String, Object>>) alerting.get("office-hours")) {
					hours.add(new OfficeHours(text(entry.get("weekdays")), text(entry.get("from")), text(entry.get("to"))));
				}
				List<LocalDate> holidays = ((List<Object>) alerting.get("public-holidays")).stream()
					.map((day) -> (day instanceof java.util.Date date)
							? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.parse(text(day)))
					.toList();
				return new Region(text(region.get("pemda")), text(region.get("name")), ZoneId.of(text(region.get("zone"))),
						opds, (List<String>) alerting.get("digest"), (List<String>) alerting.get("operators"),
						text(alerting.get("sender")), hours, holidays);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static String text(Object value) {
			if (value == null) {
				throw new IllegalArgumentException("the region file misses a value the alert routing needs");
			}
			return value.toString();
		}

	}

	record Opd(String code, String name, String contact) {

		/** Receiver names are case-sensitive identifiers: lower-case code. */
		String receiver() {
			return "opd-" + this.code.toLowerCase(Locale.ROOT);
		}

	}

	record OfficeHours(String weekdays, String from, String to) {
	}

	static String config(Region region) {
		StringBuilder out = new StringBuilder();
		out.append("""
				# GENERATED from %s by AlertmanagerConfigGenerator (infra/devstack): do not edit
				# by hand; edit the region file and regenerate (infra/alertmanager/README.md).
				# Who receives what: each OPD's alerts go to its contact; one daily digest of every lagging
				# OPD goes to BPKAD and the leadership; pipeline alerts go to the operators (critical at
				# once). Warning and info business alerts reach the OPDs only in office hours, never on a
				# public holiday. Templates: templates/*.tmpl (Bahasa Indonesia; English in apbd-en.tmpl).
				# Links in the messages start from Alertmanager's --web.external-url (the portal serving
				# docs/ and Grafana), the one external URL to configure.
				global:
				  resolve_timeout: 5m
				  # the devstack's mail server (infra/devstack, MailServer); compose sets its own from the
				  # environment (docker-compose.yml)
				  smtp_smarthost: %s
				  smtp_from: %s
				  smtp_require_tls: false

				templates:
				  - templates/*.tmpl

				time_intervals:
				  - name: jam-kerja
				    time_intervals:
				""".formatted(REGION_FILE, SMTP_SMARTHOST, region.sender()));
		for (OfficeHours hours : region.officeHours()) {
			out.append("      - weekdays: ['").append(hours.weekdays()).append("']\n");
			out.append("        times: [{start_time: '").append(hours.from()).append("', end_time: '")
				.append(hours.to()).append("'}]\n");
			out.append("        location: ").append(region.zone().getId()).append('\n');
		}
		out.append("  - name: hari-libur\n    time_intervals:\n");
		for (LocalDate day : region.holidays()) {
			out.append("      - {years: ['").append(day.getYear()).append("'], months: ['")
				.append(day.getMonth().name().toLowerCase(Locale.ROOT)).append("'], days_of_month: ['")
				.append(day.getDayOfMonth()).append("'], location: ").append(region.zone().getId()).append("}\n");
		}
		out.append("""

				route:
				  receiver: operator
				  group_by: [alertname, pemda, opd, job]
				  group_wait: 30s
				  group_interval: 5m
				  repeat_interval: 12h
				  routes:
				    # a daily digest of every OPD alert of the region to BPKAD and the leadership, sent at
				    # most once a day (continue: the OPD still gets its own message). Routes match the
				    # pemda too: OPD codes repeat between regions, and another region's alerts go to the
				    # operators until its own routes are generated.
				    - receiver: ringkasan-harian
				      matchers: ['pemda="%s"', 'opd=~".+"']
				      group_by: [pemda]
				      group_wait: 1m
				      group_interval: 24h
				      repeat_interval: 24h
				      continue: true
				""".formatted(region.pemda()));
		for (Opd opd : region.opds()) {
			out.append("    # ").append(opd.name()).append('\n');
			out.append("    - receiver: ").append(opd.receiver()).append('\n');
			out.append("      matchers: ['pemda=\"").append(region.pemda()).append("\"', 'opd=\"").append(opd.code())
				.append("\"']\n");
			out.append("      routes:\n");
			out.append("        - receiver: ").append(opd.receiver()).append('\n');
			out.append("          matchers: ['severity=~\"warning|info\"']\n");
			out.append("          active_time_intervals: [jam-kerja]\n");
			out.append("          mute_time_intervals: [hari-libur]\n");
		}
		out.append("""
				    # pipeline alerts carry no opd: the operators, critical ones at once and every hour
				    - receiver: operator
				      matchers: [severity="critical"]
				      group_wait: 10s
				      repeat_interval: 1h

				inhibit_rules:
				  # a critical alert makes the warning of the same alert, OPD and category redundant
				  - source_matchers: [severity="critical"]
				    target_matchers: [severity=~"warning|info"]
				    equal: [alertname, pemda, opd, category]
				  # while a service is down, without indicators, without events, lagging or stuck on its
				  # topic, or with a stalled business date, its OPD alerts are about stale figures: the
				  # pipeline alert says why (same job label, which the OPD-level recording rules keep).
				  # Dead letters do not inhibit: the other records still count.
				  - source_matchers:
				      - alertname=~"%s"
				    target_matchers:
				      - alertname=~"%s"
				    equal: [job]

				receivers:
				  - name: operator
				    email_configs:
				""".formatted(PIPELINE_ALERTS, BUSINESS_ALERTS));
		for (String operator : region.operators()) {
			email(out, operator, "apbd.id");
		}
		out.append("  - name: ringkasan-harian\n    email_configs:\n");
		for (String recipient : region.digest()) {
			email(out, recipient, "apbd.digest");
		}
		for (Opd opd : region.opds()) {
			out.append("  - name: ").append(opd.receiver()).append("\n    email_configs:\n");
			email(out, opd.contact(), "apbd.id");
		}
		return out.toString();
	}

	private static void email(StringBuilder out, String to, String templates) {
		out.append("      - to: ").append(to).append('\n');
		out.append("        send_resolved: ").append(!templates.equals("apbd.digest")).append('\n');
		out.append("        headers: {Subject: '{{ template \"").append(templates).append(".subject\" . }}'}\n");
		out.append("        html: '{{ template \"").append(templates).append(".html\" . }}'\n");
		out.append("        text: '{{ template \"").append(templates).append(".text\" . }}'\n");
	}

	/**
	 * Alertmanager 0.25's templates have no time-zone function: the region's offset is written
	 * here as a constant (a region of Indonesia has no daylight saving time).
	 */
	static String regionTemplate(Region region) {
		ZoneOffset offset = region.zone().getRules().getOffset(Instant.parse("2026-01-01T00:00:00Z"));
		if (!region.zone().getRules().isFixedOffset() && !region.zone().getRules().getTransitions().isEmpty()
				&& region.zone().getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z")) != null) {
			throw new IllegalArgumentException(region.zone() + " has daylight saving time: a fixed offset would be wrong");
		}
		String abbreviation = switch (offset.getTotalSeconds() / 3600) {
			case 7 -> "WIB";
			case 8 -> "WITA";
			case 9 -> "WIT";
			default -> "UTC" + offset.getId();
		};
		long nanos = offset.getTotalSeconds() * 1_000_000_000L;
		return """
				{{/* GENERATED from %s by AlertmanagerConfigGenerator: do not edit. */}}
				{{ define "apbd.region.name" }}%s{{ end }}
				{{ define "apbd.region.zone" }}%s{{ end }}
				{{/* a time of an alert (UTC) in the region's zone, e.g. "1 Januari 2026 08.00 WITA" */}}
				{{ define "apbd.waktu" }}{{ with .Add %d }}{{ .Day }} {{ index (stringSlice "" "Januari" "Februari" "Maret" "April" "Mei" "Juni" "Juli" "Agustus" "September" "Oktober" "November" "Desember") .Month }} {{ .Year }} {{ .Format "15.04" }} %s{{ end }}{{ end }}
				{{ define "apbd.time" }}{{ with .Add %d }}{{ .Format "2 January 2006 15:04" }} %s{{ end }}{{ end }}
				""".formatted(REGION_FILE, region.name(), region.zone().getId(), nanos, abbreviation, nanos, abbreviation);
	}

}
