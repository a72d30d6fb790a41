package id.apbdmonitor.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Grafana dashboard of infra/grafana/dashboards: a stable uid equal to the file name, the
 * datasource referenced by uid, current panel types only, a unit on every numeric panel, and
 * queries that read only catalogued metrics and the repository's recording rules.
 */
class DashboardTests {

	static final String DATASOURCE_UID = "prometheus";

	static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "bargauge", "table", "text", "row");

	static final Set<String> NUMERIC_PANEL_TYPES = Set.of("timeseries", "stat", "bargauge", "table");

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@Test
	void theSixDashboardsOfTheIssueExist() {
		assertThat(dashboardFiles()).extracting((file) -> file.getFileName().toString())
			.contains("apbd-city-overview.json", "apbd-opd-league.json", "apbd-up-tpp.json", "apbd-capital.json",
					"apbd-pad.json", "apbd-pipeline.json");
	}

	@TestFactory
	List<DynamicTest> everyDashboard() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path file : dashboardFiles()) {
			String name = file.getFileName().toString();
			JsonNode dashboard = JSON.readTree(RepoFiles.read(file));
			tests.add(DynamicTest.dynamicTest(name + ": uid is the file name",
					() -> assertThat(dashboard.path("uid").asString()).isEqualTo(name.replaceFirst("\\.json$", ""))));
			tests.add(DynamicTest.dynamicTest(name + ": has a title and panels", () -> {
				assertThat(dashboard.path("title").asString()).isNotBlank();
				assertThat(panels(dashboard)).isNotEmpty();
			}));
			tests.add(DynamicTest.dynamicTest(name + ": current panel types only", () -> assertThat(panels(dashboard))
				.allSatisfy((panel) -> assertThat(panel.path("type").asString()).as(title(panel)).isIn(PANEL_TYPES.toArray()))));
			tests.add(DynamicTest.dynamicTest(name + ": datasource by uid everywhere", () -> {
				for (JsonNode panel : queryPanels(dashboard)) {
					assertDatasourceByUid(panel.path("datasource"), title(panel));
					panel.path("targets").forEach((target) -> assertDatasourceByUid(target.path("datasource"), title(panel)));
				}
				dashboard.path("templating").path("list").forEach((variable) -> {
					if ("query".equals(variable.path("type").asString())) {
						assertDatasourceByUid(variable.path("datasource"), "variable " + variable.path("name").asString());
					}
				});
			}));
			tests.add(DynamicTest.dynamicTest(name + ": a unit on every numeric panel", () -> {
				for (JsonNode panel : panels(dashboard)) {
					if (NUMERIC_PANEL_TYPES.contains(panel.path("type").asString())) {
						assertThat(panel.path("fieldConfig").path("defaults").path("unit").asString()).as("unit of %s", title(panel))
							.isNotBlank();
					}
				}
			}));
			tests.add(DynamicTest.dynamicTest(name + ": money in juta or miliar rupiah, ratios in percent", () -> {
				for (JsonNode panel : queryPanels(dashboard)) {
					String unit = panel.path("fieldConfig").path("defaults").path("unit").asString();
					for (String expr : expressions(panel)) {
						Set<String> metrics = PromQl.metricNames(expr);
						if (!metrics.isEmpty() && metrics.stream().allMatch((metric) -> metric.endsWith(":ratio"))) {
							assertThat(unit).as("unit of %s (%s)", title(panel), expr).isEqualTo("percentunit");
						}
						if (!metrics.isEmpty() && metrics.stream().allMatch((metric) -> metric.contains("_rupiah"))
								&& !"table".equals(panel.path("type").asString())) {
							assertThat(unit).as("unit of %s (%s)", title(panel), expr).isIn("suffix: juta", "suffix: miliar");
						}
					}
				}
			}));
			tests.add(DynamicTest.dynamicTest(name + ": queries name only catalogued metrics and recording rules", () -> {
				Set<String> readable = MetricCatalogue.readable();
				for (JsonNode panel : queryPanels(dashboard)) {
					for (String expr : expressions(panel)) {
						assertThat(PromQl.metricNames(expr)).as("metrics of %s: %s", title(panel), expr)
							.isNotEmpty()
							.allSatisfy((metric) -> assertThat(readable).as("catalogued metrics and recording rules")
								.contains(metric));
					}
				}
				dashboard.path("templating").path("list").forEach((variable) -> {
					String query = variable.path("definition").asString();
					assertThat(PromQl.metricNames(query.replaceAll("label_values\\((.*),[^,]*\\)", "$1")))
						.as("variable %s", variable.path("name").asString())
						.allSatisfy((metric) -> assertThat(readable).contains(metric));
				});
			}));
		}
		return tests;
	}

	@Test
	void theOpdLeagueTableDrillsDownWithAnOpdVariable() {
		JsonNode league = JSON.readTree(RepoFiles.read(RepoFiles.DASHBOARDS.resolve("apbd-opd-league.json")));
		List<String> variables = new ArrayList<>();
		league.path("templating").path("list").forEach((variable) -> variables.add(variable.path("name").asString()));
		assertThat(variables).contains("opd");
		assertThat(queryPanels(league)).flatExtracting(DashboardTests::expressions).anyMatch((expr) -> expr.contains("opd=\"$opd\""));
	}

	@Test
	void theDrillDownDashboardsHaveTheirVariables() {
		assertThat(variables("apbd-up-tpp.json")).contains("opd");
		assertThat(variables("apbd-capital.json")).contains("opd", "project");
		assertThat(variables("apbd-pad.json")).contains("opd", "revenue_type");
	}

	/**
	 * The seven priorities: capital and PAD are monitored now (panels reading their recording
	 * rules); the livable-city index, survey-based, stays a text panel that says so.
	 */
	@Test
	void theCityOverviewShowsCapitalAndPadAndSaysTheLivableIndexIsNotMonitored() {
		JsonNode overview = JSON.readTree(RepoFiles.read(RepoFiles.DASHBOARDS.resolve("apbd-city-overview.json")));
		List<String> texts = panels(overview).stream()
			.filter((panel) -> "text".equals(panel.path("type").asString()))
			.map((panel) -> panel.path("title").asString() + " " + panel.path("options").path("content").asString())
			.toList();
		assertThat(texts).as("a text panel for the livable-city index")
			.anySatisfy((text) -> assertThat(text).contains("Livable").contains("Not yet monitored"));
		assertThat(texts).as("no 'not yet monitored' text for a priority that is monitored")
			.noneSatisfy((text) -> assertThat(text).containsAnyOf("Capital", "PAD", "UP", "TPP"));
		for (String[] priority : List.of(new String[] { "Capital", "category:apbd_contracted_share:ratio" },
				new String[] { "PAD", "pemda:apbd_pad_attainment:ratio" },
				new String[] { "UP", "rule:apbd_up_rule_breached:sum" },
				new String[] { "TPP", "pemda:apbd_tpp_months_late:sum" })) {
			assertThat(queryPanels(overview)).as("a panel for %s", priority[0])
				.anySatisfy((panel) -> {
					assertThat(panel.path("title").asString()).contains(priority[0]);
					assertThat(expressions(panel)).anySatisfy((expr) -> assertThat(expr).contains(priority[1]));
				});
		}
	}

	/** The seven priorities of the coordination meeting, by name, on the city overview. */
	@Test
	void theCityOverviewShowsTheSevenPrioritiesByName() {
		JsonNode overview = JSON.readTree(RepoFiles.read(RepoFiles.DASHBOARDS.resolve("apbd-city-overview.json")));
		List<String> titles = panels(overview).stream().map((panel) -> panel.path("title").asString()).toList();
		for (String priority : List.of("1 · Absorption of the whole APBD", "2 · UP", "3 · TPP",
				"4 · Goods and services", "5 · Capital", "6 · PAD", "7 · Livable-city programmes")) {
			assertThat(titles).as("the overview names the priority %s", priority)
				.anySatisfy((title) -> assertThat(title).startsWith(priority));
		}
		assertThat(variables("apbd-city-overview.json")).contains("pemda");
		assertThat(overview.path("timezone").asString()).isEqualTo("Asia/Makassar");
		assertThat(overview.path("time").path("from").asString()).as("year to date").isEqualTo("now/y");
	}

	/** The 2025 carry-over projects on the overview; the TPP stages as a month-by-OPD grid. */
	@Test
	void theOverviewFollowsTheCarryOverProjectsAndTheTppGridShowsStagesByMonthAndOpd() {
		JsonNode overview = JSON.readTree(RepoFiles.read(RepoFiles.DASHBOARDS.resolve("apbd-city-overview.json")));
		assertThat(queryPanels(overview)).anySatisfy((panel) -> {
			assertThat(panel.path("title").asString()).contains("2025 carry-over projects").contains("31 March 2026");
			assertThat(expressions(panel)).anySatisfy((expr) -> assertThat(expr).contains("physical_progress"))
				.anySatisfy((expr) -> assertThat(expr).contains("financial_progress"));
			assertThat(panel.path("fieldConfig").path("defaults").path("mappings").toString())
				.contains("NUFReP flood programme: drainage");
		});
		JsonNode upTpp = JSON.readTree(RepoFiles.read(RepoFiles.DASHBOARDS.resolve("apbd-up-tpp.json")));
		assertThat(queryPanels(upTpp)).anySatisfy((panel) -> {
			assertThat(panel.path("transformations").toString()).contains("groupingToMatrix")
				.contains("\"columnField\":\"month\"")
				.contains("\"rowField\":\"opd_name\"");
			assertThat(panel.path("fieldConfig").path("defaults").path("mappings").toString()).contains("SPM")
				.contains("SP2D");
		});
	}

	/** Wherever a table lists OPDs, their names from the region file stand beside the codes. */
	@Test
	void opdTablesShowTheOpdNames() {
		List<JsonNode> opdTables = new ArrayList<>();
		for (JsonNode dashboard : dashboards()) {
			panels(dashboard).stream()
				.filter((panel) -> "table".equals(panel.path("type").asString()))
				.filter((panel) -> expressions(panel).stream().anyMatch((expr) -> expr.matches("(?s).*\\bopd(_category|_revenue_type)?:.*")))
				.forEach(opdTables::add);
		}
		assertThat(opdTables).isNotEmpty().allSatisfy((panel) -> assertThat(expressions(panel))
			.as("queries of '%s'", panel.path("title").asString())
			.allSatisfy((expr) -> assertThat(expr).contains("group_left (opd_name)").contains("apbd_opd_info")));
	}

	/**
	 * Grafana's currency units print SI suffixes (Rp888M, which an Indonesian reader takes for
	 * 888 miliar): rupiah panels divide by 1e6 or 1e9 and say juta or miliar.
	 */
	@Test
	void noRupiahPanelUsesAnSiSuffixUnit() {
		for (JsonNode dashboard : dashboards()) {
			for (JsonNode panel : panels(dashboard)) {
				List<String> units = new ArrayList<>();
				units.add(panel.path("fieldConfig").path("defaults").path("unit").asString(""));
				panel.path("fieldConfig").path("overrides").forEach((override) -> override.path("properties").forEach(
						(property) -> {
							if ("unit".equals(property.path("id").asString())) {
								units.add(property.path("value").asString());
							}
						}));
				assertThat(units).as("units of '%s'", panel.path("title").asString())
					.noneSatisfy((unit) -> assertThat(unit).startsWith("currency"));
				for (String expr : expressions(panel)) {
					if (expr.contains("_rupiah") && !expr.contains("> 0") && !expr.contains("/ (")) {
						assertThat(expr).as("rupiah query of '%s'", panel.path("title").asString())
							.containsAnyOf("/ 1e6", "/ 1e9");
						assertThat(units).as("unit of '%s'", panel.path("title").asString())
							.anySatisfy((unit) -> assertThat(unit).isIn("suffix: juta", "suffix: miliar"));
					}
				}
			}
		}
	}

	private static List<String> variables(String file) {
		JsonNode dashboard = JSON.readTree(RepoFiles.read(RepoFiles.DASHBOARDS.resolve(file)));
		List<String> names = new ArrayList<>();
		dashboard.path("templating").path("list").forEach((variable) -> names.add(variable.path("name").asString()));
		return names;
	}

	static List<Path> dashboardFiles() {
		return RepoFiles.list(RepoFiles.DASHBOARDS, ".json");
	}

	static List<JsonNode> dashboards() {
		return dashboardFiles().stream().map((file) -> JSON.readTree(RepoFiles.read(file))).toList();
	}

	/** Every panel, including those nested in collapsed rows. */
	static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		dashboard.path("panels").forEach((panel) -> {
			panels.add(panel);
			panel.path("panels").forEach(panels::add);
		});
		return panels;
	}

	static List<JsonNode> queryPanels(JsonNode dashboard) {
		return panels(dashboard).stream().filter((panel) -> NUMERIC_PANEL_TYPES.contains(panel.path("type").asString())).toList();
	}

	static List<String> expressions(JsonNode panel) {
		List<String> expressions = new ArrayList<>();
		panel.path("targets").forEach((target) -> expressions.add(target.path("expr").asString()));
		return expressions;
	}

	private static void assertDatasourceByUid(JsonNode datasource, String where) {
		assertThat(datasource.isObject()).as("datasource of %s is an object {type, uid}, not a name", where).isTrue();
		assertThat(datasource.path("uid").asString()).as("datasource uid of %s", where).isEqualTo(DATASOURCE_UID);
		assertThat(datasource.path("type").asString()).as("datasource type of %s", where).isEqualTo("prometheus");
	}

	private static String title(JsonNode panel) {
		return "panel '" + panel.path("title").asString() + "'";
	}

}
