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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

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

	/**
	 * {@code [root]}: writes the committed files from the home region file. {@code root regions-dir
	 * [config]}: also routes the regions of {@code regions-dir} (the services' {@code apbd.regions.dir})
	 * and writes the configuration to {@code config} (infra/alertmanager/alertmanager.yml by default),
	 * its templates' path relative to it.
	 */
	public static void main(String[] args) throws IOException {
		Path root = Path.of(args.length > 0 ? args[0] : ".");
		Region region = Region.read(root.resolve(REGION_FILE));
		Files.createDirectories(root.resolve(REGION_TEMPLATE).getParent());
		Files.writeString(root.resolve(REGION_TEMPLATE), regionTemplate(region));
		if (args.length < 2) {
			Files.writeString(root.resolve(CONFIG), config(region));
			System.out.println("wrote " + CONFIG + " and " + REGION_TEMPLATE + " from " + REGION_FILE);
			return;
		}
		Path dir = Path.of(args[1]);
		Path config = (args.length > 2) ? Path.of(args[2]) : root.resolve(CONFIG);
		// Alertmanager resolves the templates' path from the configuration's folder
		Path templates = root.resolve(CONFIG).toAbsolutePath().normalize().resolveSibling("templates");
		String glob = config.toAbsolutePath().normalize().getParent().relativize(templates).resolve("*.tmpl").toString();
		List<Region> others = Region.readAll(dir, region);
		Files.writeString(config, config(region, others, dir.toString(), glob));
		System.out.println("wrote " + config + " and " + REGION_TEMPLATE + " from " + REGION_FILE + " and the "
				+ others.size() + " region files of " + dir);
	}

	/**
	 * The region file's parts that decide the routing: {@code publicHolidays} from
	 * {@code alerting.public-holidays}, {@code regionalHolidays} (the region's own days off) from
	 * {@code apbd.calendar.regional-holidays}.
	 */
	record Region(String pemda, String name, ZoneId zone, List<Opd> opds, List<String> digest, List<String> operators,
			String sender, List<OfficeHours> officeHours, List<LocalDate> publicHolidays,
			List<LocalDate> regionalHolidays) {

		/** The home region: every part of {@code alerting} is required, and every OPD's contact. */
		static Region read(Path file) {
			return read(file, null);
		}

		/**
		 * A region of the regions directory, which may lack contacts and {@code alerting} (the
		 * simulator's synthetic regions have neither): office hours and public holidays default to
		 * the home region's (national rules), operators and sender are the home region's.
		 */
		@SuppressWarnings("unchecked")
		static Region read(Path file, Region home) {
			try (InputStream in = Files.newInputStream(file)) {
				Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
				Map<String, Object> apbd = (Map<String, Object>) root.get("apbd");
				Map<String, Object> region = (Map<String, Object>) apbd.get("region");
				Map<String, Object> alerting = (Map<String, Object>) region.get("alerting");
				if (alerting == null && home != null) {
					alerting = Map.of();
				}
				List<Opd> opds = new ArrayList<>();
				for (Map<String, Object> opd : (List<Map<String, Object>>) region.get("opds")) {
					Object contact = opd.get("contact");
					opds.add(new Opd(text(opd.get("code")), text(opd.getOrDefault("name", opd.get("code"))),
							(home != null && contact == null) ? null : text(contact)));
				}
				List<OfficeHours> hours = new ArrayList<>();
				if (home != null && !alerting.containsKey("office-hours")) {
					hours.addAll(home.officeHours());
				}
				else {
					for (Map<String, Object> entry : (List<Map<String, Object>>) alerting.get("office-hours")) {
						hours.add(new OfficeHours(text(entry.get("weekdays")), text(entry.get("from")), text(entry.get("to"))));
					}
				}
				List<LocalDate> publicHolidays = (home != null && !alerting.containsKey("public-holidays"))
						? home.publicHolidays() : dates((List<Object>) alerting.get("public-holidays"));
				Map<String, Object> calendar = (Map<String, Object>) apbd.get("calendar");
				List<LocalDate> regionalHolidays = (calendar != null && calendar.get("regional-holidays") != null)
						? dates((List<Object>) calendar.get("regional-holidays")) : List.of();
				// a region file may leave the name out: the services then show the pemda code
				return new Region(text(region.get("pemda")), text(region.getOrDefault("name", region.get("pemda"))),
						ZoneId.of(text(region.get("zone"))),
						opds, (home != null) ? (List<String>) alerting.getOrDefault("digest", List.of())
								: (List<String>) alerting.get("digest"),
						(home != null) ? home.operators() : (List<String>) alerting.get("operators"),
						(home != null) ? home.sender() : text(alerting.get("sender")), hours, publicHolidays,
						regionalHolidays);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("region file " + file + ": " + ex.getMessage(), ex);
			}
		}

		/**
		 * The region files of {@code dir} ({@code *.yml}, {@code *.yaml}, in name order, as the
		 * services read them); a file of the home region's pemda is skipped (the home file routes it).
		 */
		static List<Region> readAll(Path dir, Region home) throws IOException {
			List<Path> files;
			try (Stream<Path> list = Files.list(dir)) {
				files = list.filter(Files::isRegularFile)
					.filter((file) -> file.getFileName().toString().matches(".*\\.ya?ml"))
					.sorted()
					.toList();
			}
			List<Region> regions = new ArrayList<>();
			Set<String> pemdas = new HashSet<>(Set.of(home.pemda()));
			for (Path file : files) {
				Region region = read(file, home);
				if (region.pemda().equals(home.pemda())) {
					continue;
				}
				if (!pemdas.add(region.pemda())) {
					throw new IllegalArgumentException("two region files of " + dir + " are pemda " + region.pemda());
				}
				regions.add(region);
			}
			return regions;
		}

		private static List<LocalDate> dates(List<Object> days) {
			return days.stream()
				.map((day) -> (day instanceof java.util.Date date)
						? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.parse(text(day)))
				.toList();
		}

		private static String text(Object value) {
			if (value == null) {
				throw new IllegalArgumentException("the region file misses a value the alert routing needs");
			}
			return value.toString();
		}

		/** The days its non-urgent alerts are muted: public holidays, then its own days off. */
		List<LocalDate> holidays() {
			List<LocalDate> days = new ArrayList<>(this.publicHolidays);
			this.regionalHolidays.stream().filter((day) -> !days.contains(day)).forEach(days::add);
			return days;
		}

		/** Whether any of its OPDs has a contact: only then does the region get routes. */
		boolean hasContacts() {
			return this.opds.stream().anyMatch((opd) -> opd.contact() != null);
		}

	}

	/** {@code contact} null: the region file names none (a region of the regions directory only). */
	record Opd(String code, String name, String contact) {
	}

	record OfficeHours(String weekdays, String from, String to) {
	}

	/**
	 * The names of a region's receivers and time intervals, unique across regions: the home
	 * region's as they always were ({@code opd-pupr}, {@code jam-kerja}), another region's with
	 * its pemda ({@code opd-34.04-dinkes}, {@code jam-kerja-34.04}).
	 */
	record Names(String pemda, boolean home) {

		/** Receiver names are case-sensitive identifiers: lower-case code. */
		String opd(Opd opd) {
			return "opd-" + (this.home ? "" : this.pemda + "-") + opd.code().toLowerCase(Locale.ROOT);
		}

		String digest() {
			return suffixed("ringkasan-harian");
		}

		String officeHours() {
			return suffixed("jam-kerja");
		}

		String holidays() {
			return suffixed("hari-libur");
		}

		private String suffixed(String name) {
			return this.home ? name : name + "-" + this.pemda;
		}

	}

	/** The configuration of the repository's home region and the region files of {@code dir}. */
	static String config(Path root, Path dir) {
		Region home = Region.read(root.resolve(REGION_FILE));
		try {
			return config(home, Region.readAll(dir, home), dir.toString(), "templates/*.tmpl");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the region files of " + dir, ex);
		}
	}

	/** The committed configuration: the home region's routes alone. */
	static String config(Region region) {
		return config(region, List.of(), null, "templates/*.tmpl");
	}

	/**
	 * The home region's routes, then those of {@code others} (the region files of {@code dir}):
	 * each OPD with a contact to it, a digest where the file lists one, office hours and holidays
	 * in the region's own zone. A region or OPD without a contact gets no route: the operators
	 * receive its alerts.
	 */
	static String config(Region region, List<Region> others, String dir, String templates) {
		String source = (dir == null) ? REGION_FILE.toString() : REGION_FILE + " and the region files of " + dir;
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
				  - %s

				time_intervals:
				""".formatted(source, SMTP_SMARTHOST, region.sender(), templates));
		timeIntervals(out, region, new Names(region.pemda(), true));
		for (Region other : others) {
			if (other.hasContacts()) {
				timeIntervals(out, other, new Names(other.pemda(), false));
			}
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
				""");
		routes(out, region, new Names(region.pemda(), true));
		for (Region other : others) {
			if (!other.hasContacts() && other.digest().isEmpty()) {
				out.append("    # ").append(other.name()).append(" (").append(other.pemda())
					.append("): no contact in its region file, its alerts go to the operators\n");
				continue;
			}
			out.append("    # ").append(other.name()).append(" (").append(other.pemda()).append(", ")
				.append(other.zone().getId()).append(")\n");
			routes(out, other, new Names(other.pemda(), false));
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
		receivers(out, region, new Names(region.pemda(), true));
		for (Region other : others) {
			receivers(out, other, new Names(other.pemda(), false));
		}
		return out.toString();
	}

	/** Office hours and holidays in the region's own zone (its own days off included). */
	private static void timeIntervals(StringBuilder out, Region region, Names names) {
		out.append("  - name: ").append(names.officeHours()).append("\n    time_intervals:\n");
		for (OfficeHours hours : region.officeHours()) {
			out.append("      - weekdays: ['").append(hours.weekdays()).append("']\n");
			out.append("        times: [{start_time: '").append(hours.from()).append("', end_time: '")
				.append(hours.to()).append("'}]\n");
			out.append("        location: ").append(region.zone().getId()).append('\n');
		}
		out.append("  - name: ").append(names.holidays()).append("\n    time_intervals:\n");
		for (LocalDate day : region.holidays()) {
			out.append("      - {years: ['").append(day.getYear()).append("'], months: ['")
				.append(day.getMonth().name().toLowerCase(Locale.ROOT)).append("'], days_of_month: ['")
				.append(day.getDayOfMonth()).append("'], location: ").append(region.zone().getId()).append("}\n");
		}
	}

	private static void routes(StringBuilder out, Region region, Names names) {
		if (!region.digest().isEmpty()) {
			out.append("""
					    - receiver: %s
					      matchers: ['pemda="%s"', 'opd=~".+"']
					      group_by: [pemda]
					      group_wait: 1m
					      group_interval: 24h
					      repeat_interval: 24h
					      continue: true
					""".formatted(names.digest(), region.pemda()));
		}
		for (Opd opd : region.opds()) {
			if (opd.contact() == null) {
				out.append("    # ").append(opd.name()).append(" (").append(opd.code())
					.append("): no contact, its alerts go to the operators\n");
				continue;
			}
			out.append("    # ").append(opd.name()).append('\n');
			out.append("    - receiver: ").append(names.opd(opd)).append('\n');
			out.append("      matchers: ['pemda=\"").append(region.pemda()).append("\"', 'opd=\"").append(opd.code())
				.append("\"']\n");
			out.append("      routes:\n");
			out.append("        - receiver: ").append(names.opd(opd)).append('\n');
			out.append("          matchers: ['severity=~\"warning|info\"']\n");
			out.append("          active_time_intervals: [").append(names.officeHours()).append("]\n");
			out.append("          mute_time_intervals: [").append(names.holidays()).append("]\n");
		}
	}

	private static void receivers(StringBuilder out, Region region, Names names) {
		if (!region.digest().isEmpty()) {
			out.append("  - name: ").append(names.digest()).append("\n    email_configs:\n");
			for (String recipient : region.digest()) {
				email(out, recipient, "apbd.digest");
			}
		}
		for (Opd opd : region.opds()) {
			if (opd.contact() != null) {
				out.append("  - name: ").append(names.opd(opd)).append("\n    email_configs:\n");
				email(out, opd.contact(), "apbd.id");
			}
		}
	}

	private static void email(StringBuilder out, String to, String templates) {
		out.append("      - to: ").append(to).append('\n');
		out.append("        send_resolved: ").append(!templates.equals("apbd.digest")).append('\n');
		out.append("        headers: {Subject: '{{ template \"").append(templates).append(".subject\" . }}'}\n");
		out.append("        html: '{{ template \"").append(templates).append(".html\" . }}'\n");
		out.append("        text: '{{ template \"").append(templates).append(".text\" . }}'\n");
	}

	/** The offsets of Indonesia's zones, by the names {@code apbd_region_info} gives them. */
	private static final List<Map.Entry<String, Integer>> ZONE_HOURS = List.of(Map.entry("WIB", 7),
			Map.entry("WITA", 8), Map.entry("WIT", 9));

	/**
	 * The region's name, and an alert's times in its region's zone. Alertmanager 0.25's templates
	 * have no time-zone function: the offsets are constants (Indonesia has no daylight saving
	 * time), picked by the alert's {@code zone} label (WIB, WITA, WIT: the rules join it from
	 * {@code apbd_region_info}), the home region's without one (a pipeline alert, an older service).
	 * The templates take the alert: {@code apbd.waktu} its start, {@code apbd.waktu.selesai} its
	 * end, {@code apbd.time} its start in English.
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
		StringBuilder out = new StringBuilder();
		out.append("""
				{{/* GENERATED from %s by AlertmanagerConfigGenerator: do not edit. */}}
				{{ define "apbd.region.name" }}%s{{ end }}
				{{ define "apbd.region.zone" }}%s{{ end }}
				{{/* An alert's start and end in its region's zone, e.g. "1 Januari 2026 08.00 WITA": its zone label
				     (WIB +7, WITA +8, WIT +9), %s without one (the home region's). Alertmanager 0.25 cannot
				     convert zones or pass two values to a template: one switch per time shown. */}}
				""".formatted(REGION_FILE, region.name(), region.zone().getId(), abbreviation));
		zoneSwitch(out, "apbd.waktu", ".StartsAt", "apbd.tanggal", offset, abbreviation);
		zoneSwitch(out, "apbd.waktu.selesai", ".EndsAt", "apbd.tanggal", offset, abbreviation);
		zoneSwitch(out, "apbd.time", ".StartsAt", "apbd.date", offset, abbreviation);
		out.append("""
				{{/* a time already in the zone: "1 Januari 2026 08.00", "1 January 2026 08:00" */}}
				{{ define "apbd.tanggal" }}{{ .Day }} {{ index (stringSlice "" "Januari" "Februari" "Maret" "April" "Mei" "Juni" "Juli" "Agustus" "September" "Oktober" "November" "Desember") .Month }} {{ .Year }} {{ .Format "15.04" }}{{ end }}
				{{ define "apbd.date" }}{{ .Format "2 January 2006 15:04" }}{{ end }}
				""");
		return out.toString();
	}

	private static void zoneSwitch(StringBuilder out, String name, String time, String format, ZoneOffset home,
			String homeAbbreviation) {
		out.append("{{ define \"").append(name).append("\" }}");
		String keyword = "if";
		for (Map.Entry<String, Integer> zone : ZONE_HOURS) {
			out.append("{{ ").append(keyword).append(" eq .Labels.zone \"").append(zone.getKey()).append("\" }}");
			shifted(out, time, format, zone.getValue() * 3600, zone.getKey());
			keyword = "else if";
		}
		out.append("{{ else }}");
		shifted(out, time, format, home.getTotalSeconds(), homeAbbreviation);
		out.append("{{ end }}{{ end }}\n");
	}

	private static void shifted(StringBuilder out, String time, String format, int seconds, String abbreviation) {
		out.append("{{ template \"").append(format).append("\" (").append(time).append(".Add ")
			.append(seconds * 1_000_000_000L).append(") }} ").append(abbreviation);
	}

}
