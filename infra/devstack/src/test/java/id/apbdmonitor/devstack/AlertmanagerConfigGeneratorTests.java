package id.apbdmonitor.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

class AlertmanagerConfigGeneratorTests {

	private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

	@Test
	void shouldMatchTheCommittedFilesToTheRegionFile() throws Exception {
		AlertmanagerConfigGenerator.Region region = AlertmanagerConfigGenerator.Region
			.read(REPO.resolve(AlertmanagerConfigGenerator.REGION_FILE));

		assertThat(Files.readString(REPO.resolve(AlertmanagerConfigGenerator.CONFIG)))
			.as("infra/alertmanager/alertmanager.yml is stale: regenerate it (infra/alertmanager/README.md)")
			.isEqualTo(AlertmanagerConfigGenerator.config(region));
		assertThat(Files.readString(REPO.resolve(AlertmanagerConfigGenerator.REGION_TEMPLATE)))
			.isEqualTo(AlertmanagerConfigGenerator.regionTemplate(region));
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldRouteEachOpdToItsContactFromTheRegionFile() throws Exception {
		Map<String, Object> regionFile = new Yaml().load(Files.readString(REPO.resolve(AlertmanagerConfigGenerator.REGION_FILE)));
		List<Map<String, Object>> opds = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) regionFile
			.get("apbd")).get("region")).get("opds");
		Map<String, Object> config = new Yaml().load(Files.readString(REPO.resolve(AlertmanagerConfigGenerator.CONFIG)));
		List<Map<String, Object>> routes = (List<Map<String, Object>>) ((Map<String, Object>) config.get("route")).get("routes");
		List<Map<String, Object>> receivers = (List<Map<String, Object>>) config.get("receivers");

		assertThat(opds).hasSize(33);
		for (Map<String, Object> opd : opds) {
			String matcher = "opd=\"" + opd.get("code") + "\"";
			Map<String, Object> route = routes.stream()
				.filter((r) -> ((List<String>) r.get("matchers")).contains(matcher))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no route for " + matcher));
			Map<String, Object> receiver = receivers.stream()
				.filter((r) -> r.get("name").equals(route.get("receiver")))
				.findFirst()
				.orElseThrow();
			assertThat((List<Map<String, Object>>) receiver.get("email_configs")).extracting((email) -> email.get("to"))
				.containsExactly(opd.get("contact"));
		}
		// the first route is the digest, which lets every OPD alert continue to its OPD
		assertThat(routes.get(0)).containsEntry("receiver", "ringkasan-harian").containsEntry("continue", true)
			.containsEntry("group_by", List.of("pemda")).containsEntry("group_interval", "24h");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldHoldNonUrgentOpdAlertsToOfficeHoursAndPublicHolidaysOfTheRegion() throws Exception {
		Map<String, Object> config = new Yaml().load(Files.readString(REPO.resolve(AlertmanagerConfigGenerator.CONFIG)));
		Map<String, Map<String, Object>> intervals = new java.util.LinkedHashMap<>();
		for (Map<String, Object> interval : (List<Map<String, Object>>) config.get("time_intervals")) {
			intervals.put((String) interval.get("name"), interval);
		}
		List<Map<String, Object>> hours = (List<Map<String, Object>>) intervals.get("jam-kerja").get("time_intervals");
		// Perpres 21/2023 office hours of the region file, in WITA
		assertThat(hours).extracting((h) -> h.get("weekdays") + " " + h.get("times") + " " + h.get("location"))
			.containsExactly("[monday:thursday] [{start_time=07:30, end_time=16:00}] Asia/Makassar",
					"[friday] [{start_time=07:30, end_time=16:30}] Asia/Makassar");
		List<Map<String, Object>> holidays = (List<Map<String, Object>>) intervals.get("hari-libur").get("time_intervals");
		assertThat(holidays).anySatisfy((day) -> assertThat(day).containsEntry("months", List.of("august"))
			.containsEntry("days_of_month", List.of("17")));

		List<Map<String, Object>> routes = (List<Map<String, Object>>) ((Map<String, Object>) config.get("route")).get("routes");
		Map<String, Object> pupr = routes.stream()
			.filter((r) -> ((List<String>) r.get("matchers")).contains("opd=\"PUPR\""))
			.findFirst()
			.orElseThrow();
		Map<String, Object> nonUrgent = ((List<Map<String, Object>>) pupr.get("routes")).get(0);
		assertThat(nonUrgent).containsEntry("matchers", List.of("severity=~\"warning|info\""))
			.containsEntry("active_time_intervals", List.of("jam-kerja"))
			.containsEntry("mute_time_intervals", List.of("hari-libur"));
		// critical OPD alerts are not held back: the parent route has no time interval
		assertThat(pupr).doesNotContainKeys("active_time_intervals", "mute_time_intervals");
	}

	@Test
	void shouldPickTheOffsetFromTheAlertsZoneAndFallBackToTheHomeRegions() {
		AlertmanagerConfigGenerator.Region region = AlertmanagerConfigGenerator.Region
			.read(REPO.resolve(AlertmanagerConfigGenerator.REGION_FILE));

		// WIB is UTC+7: 7 × 3600 × 10^9 ns; WITA +8: 28 800 000 000 000; WIT +9: 32 400 000 000 000
		assertThat(AlertmanagerConfigGenerator.regionTemplate(region))
			.contains("{{ if eq .Labels.zone \"WIB\" }}{{ template \"apbd.tanggal\" (.StartsAt.Add 25200000000000) }} WIB")
			.contains("{{ else if eq .Labels.zone \"WIT\" }}{{ template \"apbd.tanggal\" (.EndsAt.Add 32400000000000) }} WIT")
			// no zone label: Kota Bima's WITA
			.contains("{{ else }}{{ template \"apbd.tanggal\" (.StartsAt.Add 28800000000000) }} WITA{{ end }}{{ end }}");
	}

	/** infra/alertmanager/examples: the routing of the home region and two region files. */
	static final Path EXAMPLE_REGIONS = Path.of("infra/alertmanager/examples/regions");

	static final Path EXAMPLE_CONFIG = Path.of("infra/alertmanager/examples/alertmanager-regions.yml");

	@Test
	void shouldMatchTheCommittedExampleToItsRegionFiles() throws Exception {
		assertThat(Files.readString(REPO.resolve(EXAMPLE_CONFIG)))
			.as("infra/alertmanager/examples/alertmanager-regions.yml is stale: regenerate it (infra/alertmanager/README.md)")
			.isEqualTo(exampleConfig());
	}

	@Test
	void withoutOtherRegionsTheDirectoryModeWritesTheCommittedConfiguration() {
		AlertmanagerConfigGenerator.Region home = home();

		assertThat(AlertmanagerConfigGenerator.config(home, List.of(), null, "templates/*.tmpl"))
			.isEqualTo(AlertmanagerConfigGenerator.config(home));
	}

	/**
	 * Kabupaten Sleman's file (WIB) names contacts for DINKES and BPKAD, not DISDIK, a digest, and a
	 * day off of its own (15 May 2026); Kota Jayapura's (WIT), as the simulator writes them, none.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void shouldRouteEachRegionOfTheDirectoryToItsOwnContactsInItsOwnZone() throws Exception {
		String text = exampleConfig();
		Map<String, Object> config = new Yaml().load(text);
		List<Map<String, Object>> routes = (List<Map<String, Object>>) ((Map<String, Object>) config.get("route")).get("routes");
		List<Map<String, Object>> receivers = (List<Map<String, Object>>) config.get("receivers");

		Map<String, Object> dinkes = route(routes, List.of("pemda=\"34.04\"", "opd=\"DINKES\""));
		assertThat(dinkes).containsEntry("receiver", "opd-34.04-dinkes");
		assertThat(((List<Map<String, Object>>) dinkes.get("routes")).get(0))
			.containsEntry("active_time_intervals", List.of("jam-kerja-34.04"))
			.containsEntry("mute_time_intervals", List.of("hari-libur-34.04"));
		assertThat(to(receivers, "opd-34.04-dinkes")).containsExactly("dinkes@slemankab.example");
		assertThat(to(receivers, "opd-34.04-bpkad")).containsExactly("bpkad@slemankab.example");
		// Kota Bima's own DINKES keeps its receiver and contact
		assertThat(route(routes, List.of("pemda=\"52.72\"", "opd=\"DINKES\"")))
			.containsEntry("receiver", "opd-dinkes");
		assertThat(to(receivers, "opd-dinkes")).containsExactly("dinkes@kota-bima.example");

		Map<String, Object> digest = route(routes, List.of("pemda=\"34.04\"", "opd=~\".+\""));
		assertThat(digest).containsEntry("receiver", "ringkasan-harian-34.04").containsEntry("continue", true)
			.containsEntry("group_by", List.of("pemda"));
		assertThat(to(receivers, "ringkasan-harian-34.04")).containsExactly("bpkad@slemankab.example");

		// no route for DISDIK nor for any OPD of Kota Jayapura: the operators (the root's receiver)
		assertThat(routes).noneSatisfy((route) -> assertThat(String.valueOf(route.get("matchers")))
			.containsAnyOf("DISDIK", "91.71"));
		assertThat(text).contains("    # Dinas Pendidikan (DISDIK): no contact, its alerts go to the operators\n")
			.contains("    # Kota Jayapura (91.71): no contact in its region file, its alerts go to the operators\n");
		assertThat(receivers).extracting((receiver) -> receiver.get("name")).doesNotHaveDuplicates();

		Map<String, Map<String, Object>> intervals = new java.util.LinkedHashMap<>();
		for (Map<String, Object> interval : (List<Map<String, Object>>) config.get("time_intervals")) {
			intervals.put((String) interval.get("name"), interval);
		}
		// Sleman's office hours are the national ones of the home file, in WIB; Jayapura has no routes
		assertThat(intervals).containsOnlyKeys("jam-kerja", "hari-libur", "jam-kerja-34.04", "hari-libur-34.04");
		assertThat((List<Map<String, Object>>) intervals.get("jam-kerja-34.04").get("time_intervals"))
			.extracting((h) -> h.get("weekdays") + " " + h.get("times") + " " + h.get("location"))
			.containsExactly("[monday:thursday] [{start_time=07:30, end_time=16:00}] Asia/Jakarta",
					"[friday] [{start_time=07:30, end_time=16:30}] Asia/Jakarta");
		// the national holidays of the home file, then Sleman's own day off; Kota Bima's stay without it
		assertThat((List<Map<String, Object>>) intervals.get("hari-libur-34.04").get("time_intervals"))
			.extracting((day) -> day.get("months") + " " + day.get("days_of_month") + " " + day.get("location"))
			.containsExactly("[january] [1] Asia/Jakarta", "[may] [1] Asia/Jakarta", "[june] [1] Asia/Jakarta",
					"[august] [17] Asia/Jakarta", "[december] [25] Asia/Jakarta", "[may] [15] Asia/Jakarta");
		assertThat((List<Map<String, Object>>) intervals.get("hari-libur").get("time_intervals")).hasSize(5)
			.allSatisfy((day) -> assertThat(day).containsEntry("location", "Asia/Makassar"));
	}

	private static AlertmanagerConfigGenerator.Region home() {
		return AlertmanagerConfigGenerator.Region.read(REPO.resolve(AlertmanagerConfigGenerator.REGION_FILE));
	}

	private static String exampleConfig() throws Exception {
		AlertmanagerConfigGenerator.Region home = home();
		return AlertmanagerConfigGenerator.config(home,
				AlertmanagerConfigGenerator.Region.readAll(REPO.resolve(EXAMPLE_REGIONS), home), EXAMPLE_REGIONS.toString(),
				"../templates/*.tmpl");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> route(List<Map<String, Object>> routes, List<String> matchers) {
		return routes.stream()
			.filter((r) -> matchers.equals(r.get("matchers")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no route " + matchers));
	}

	@SuppressWarnings("unchecked")
	private static List<Object> to(List<Map<String, Object>> receivers, String name) {
		Map<String, Object> receiver = receivers.stream()
			.filter((r) -> name.equals(r.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no receiver " + name));
		return ((List<Map<String, Object>>) receiver.get("email_configs")).stream().map((email) -> email.get("to")).toList();
	}

}
