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
	void shouldWriteTheRegionOffsetIntoTheTemplates() {
		AlertmanagerConfigGenerator.Region region = AlertmanagerConfigGenerator.Region
			.read(REPO.resolve(AlertmanagerConfigGenerator.REGION_FILE));

		// WITA is UTC+8: 8 × 3600 × 10^9 ns
		assertThat(AlertmanagerConfigGenerator.regionTemplate(region)).contains(".Add 28800000000000 ")
			.contains(" WITA{{ end }}");
	}

}
