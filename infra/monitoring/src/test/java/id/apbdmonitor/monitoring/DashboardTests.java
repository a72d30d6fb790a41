package id.apbdmonitor.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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

	/** A rupiah amount divided by a parenthesised rupiah amount. */
	static final Pattern RUPIAH_QUOTIENT = Pattern.compile("(?s).*_rupiah.*/\\s*\\(.*_rupiah.*");

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
							// rupiah ÷ rupiah (realised ÷ pagu of two categories together) is a ratio
							assertThat(unit).as("unit of %s (%s)", title(panel), expr)
								.isIn(RUPIAH_QUOTIENT.matcher(expr).matches() ? List.of("percentunit")
										: List.of("suffix: juta", "suffix: miliar"));
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
	 * The seven priorities of the 5 January 2026 coordination meeting, by name, each with its
	 * figure against its target trajectory (a query whose legend says "rencana" or "sasaran":
	 * the cash plan, the seasonal PAD expectation, the months due, every OPD) coloured red, amber
	 * and green, and a table of its lagging OPDs with their names.
	 */
	@Test
	void theCityOverviewShowsTheSevenPrioritiesWithTargetTrajectoryAndLaggingOpds() {
		JsonNode overview = JSON.readTree(RepoFiles.read(RepoFiles.DASHBOARDS.resolve("apbd-city-overview.json")));
		// name on the overview; a figure; the target trajectory; what the lagging-OPD table reads
		String[][] priorities = {
				{ "1 · Penyerapan seluruh APBD", "pemda:apbd_absorption:ratio", "pemda:apbd_planned_absorption:ratio",
						"opd:apbd_realised_vs_cash_plan:ratio" },
				{ "2 · UP", "apbd_up_first_disbursed_timestamp_seconds", "apbd_opd_info",
						"opd_category:apbd_up_rule_breached:max" },
				{ "3 · TPP", "opd_category:apbd_tpp_months_paid:max", "opd_category:apbd_tpp_months_due:max",
						"opd_category:apbd_tpp_months_late:max" },
				{ "4 · Belanja barang dan jasa", "category:apbd_realised_rupiah:sum",
						"category:apbd_cash_plan_to_date_rupiah:sum", "opd_category:apbd_realised_vs_cash_plan:ratio" },
				{ "5 · Belanja modal", "category:apbd_absorption:ratio", "category:apbd_planned_absorption:ratio",
						"opd_category:apbd_realised_vs_cash_plan:ratio" },
				{ "6 · PAD", "pemda:apbd_pad_attainment:ratio", "pemda:apbd_revenue_expected_to_date_rupiah:sum",
						"opd_revenue_type:apbd_pad_vs_seasonal_expectation:ratio" },
				{ "7 · Program kota layak huni", "pemda:apbd_livable_project_physical_progress:ratio",
						"opd_category:apbd_cash_plan_to_date_rupiah:max", "opd_category:apbd_realised_vs_cash_plan:ratio" } };
		for (String[] priority : priorities) {
			String name = priority[0];
			assertThat(queryPanels(overview)).as("a figure panel of priority %s", name).anySatisfy((panel) -> {
				assertThat(panel.path("type").asString()).isEqualTo("stat");
				assertThat(panel.path("title").asString()).startsWith(name);
				assertThat(expressions(panel)).anySatisfy((expr) -> assertThat(expr).contains(priority[1]));
				assertThat(panel.path("targets")).as("target trajectory").anySatisfy((target) -> {
					assertThat(target.path("legendFormat").asString()).containsAnyOf("rencana", "sasaran");
					assertThat(target.path("expr").asString()).contains(priority[2]);
				});
				assertThat(colours(panel)).as("red, amber and green").contains("red", "orange", "green");
			});
			assertThat(queryPanels(overview)).as("a lagging-OPD table of priority %s", name).anySatisfy((panel) -> {
				assertThat(panel.path("type").asString()).isEqualTo("table");
				assertThat(panel.path("title").asString()).startsWith(name).contains("OPD");
				assertThat(expressions(panel)).singleElement()
					.satisfies((expr) -> assertThat(expr).contains(priority[3])
						.contains("group_left (opd_name)")
						.contains("apbd_opd_info"));
			});
		}
		assertThat(panels(overview)).as("the livable-city index is said not to be computable from budget data")
			.anySatisfy((panel) -> assertThat(panel.path("title").asString() + panel.path("description").asString())
				.contains("kota layak huni")
				.contains("tidak dapat dihitung"));
		assertThat(variables("apbd-city-overview.json")).contains("pemda");
		assertThat(overview.path("timezone").asString()).isEqualTo("Asia/Makassar");
		assertThat(overview.path("time").path("from").asString()).as("year to date").isEqualTo("now/y");
	}

	/** Series without a region: the configured targets and thresholds, and Prometheus's own. */
	static final Set<String> REGIONLESS = Set.of("category_quarter:apbd_absorption_target:ratio",
			"pemda:apbd_projected_absorption_threshold:ratio", "up");

	/**
	 * One service process exports several regions, and the same OPD code exists in several
	 * (DINKES): every series a region's dashboard reads, and every variable listing OPDs, projects
	 * or revenue types, is selected by the dashboard's {@code pemda} variable, so that no panel
	 * shows or sums another region's figures. The pipeline and the national ranking span regions.
	 */
	@Test
	void regionDashboardsSelectEverySeriesByTheirPemdaVariable() {
		for (Path file : dashboardFiles()) {
			String name = file.getFileName().toString();
			if (name.equals("apbd-pipeline.json") || name.equals("apbd-national-ranking.json")) {
				continue;
			}
			JsonNode dashboard = JSON.readTree(RepoFiles.read(file));
			assertThat(variables(name)).as("variables of %s", name).startsWith("pemda");
			for (JsonNode panel : queryPanels(dashboard)) {
				for (String expr : expressions(panel)) {
					PromQl.metricNames(expr).stream().filter((metric) -> !REGIONLESS.contains(metric)).forEach(
							(metric) -> assertThat(expr).as("%s of %s in %s", metric, title(panel), name)
								.doesNotContainPattern(Pattern.quote(metric) + "(?!\\{pemda=\"\\$pemda\")"));
				}
			}
			dashboard.path("templating").path("list").forEach((variable) -> {
				if (!"pemda".equals(variable.path("name").asString())) {
					assertThat(variable.path("definition").asString()).as("variable %s of %s", variable.path("name").asString(), name)
						.contains("{pemda=\"$pemda\"}");
				}
			});
		}
	}

	/**
	 * Issue 12 item 3: every region ranked on whole-APBD absorption beside its PAD attainment and
	 * lagging OPDs, by name and province, once nationally and once within the province chosen.
	 */
	@Test
	void theNationalRankingRanksRegionsNationallyAndWithinTheProvince() {
		JsonNode ranking = JSON.readTree(RepoFiles.read(RepoFiles.DASHBOARDS.resolve("apbd-national-ranking.json")));
		assertThat(ranking.path("title").asString()).startsWith("APBD: Peringkat Nasional & Provinsi");
		assertThat(variables("apbd-national-ranking.json")).containsExactly("province");
		List<JsonNode> tables = queryPanels(ranking).stream().filter((panel) -> "table".equals(panel.path("type").asString())).toList();
		assertThat(tables).hasSize(2).allSatisfy((table) -> {
			assertThat(expressions(table)).anySatisfy((expr) -> assertThat(expr).startsWith("region:apbd_absorption:ratio"))
				.anySatisfy((expr) -> assertThat(expr).startsWith("region:apbd_pad_attainment:ratio"))
				.anySatisfy((expr) -> assertThat(expr).startsWith("region:apbd_lagging_opds:count"));
			assertThat(table.path("options").path("sortBy").get(0).path("displayName").asString()).isEqualTo("penyerapan APBD");
			assertThat(table.path("options").path("sortBy").get(0).path("desc").asBoolean()).as("highest first").isTrue();
			JsonNode renames = table.findValue("renameByName");
			assertThat(renames.path("region_name").asString()).isEqualTo("pemda");
			assertThat(renames.path("province").asString()).isEqualTo("provinsi");
		});
		assertThat(tables).filteredOn((table) -> expressions(table).stream().allMatch((expr) -> expr.contains("province=\"$province\"")))
			.as("the provincial table").hasSize(1);
		assertThat(tables).filteredOn((table) -> expressions(table).stream().noneMatch((expr) -> expr.contains("province=")))
			.as("the national table").hasSize(1);
	}

	/** The 2025 carry-over projects on the overview; the TPP stages as a month-by-OPD grid. */
	@Test
	void theOverviewFollowsTheCarryOverProjectsAndTheTppGridShowsStagesByMonthAndOpd() {
		JsonNode overview = JSON.readTree(RepoFiles.read(RepoFiles.DASHBOARDS.resolve("apbd-city-overview.json")));
		assertThat(queryPanels(overview)).anySatisfy((panel) -> {
			assertThat(panel.path("title").asString()).contains("Proyek luncuran 2025").contains("31 Maret 2026");
			assertThat(expressions(panel)).anySatisfy((expr) -> assertThat(expr).contains("physical_progress"))
				.anySatisfy((expr) -> assertThat(expr).contains("financial_progress"));
			assertThat(panel.path("fieldConfig").path("defaults").path("mappings").toString())
				.contains("Program banjir NUFReP: drainase");
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

	/**
	 * The year-end projection of projection.yml beside what is realised: on the overview the whole
	 * APBD's projected absorption and amount beside priority 1, the projected PAD attainment beside
	 * priority 6, and the projection per category; in the OPD league a column of each OPD's
	 * projected absorption. Red below, green from the share of the pagu at which
	 * ApbdOpdProjectedBelowPagu alerts.
	 */
	@Test
	void theYearEndProjectionIsShownOnTheOverviewAndTheLeagueWithTheAlertThreshold() {
		RuleCatalog.Rule threshold = RuleCatalog.all()
			.stream()
			.filter((rule) -> "pemda:apbd_projected_absorption_threshold:ratio".equals(rule.record()))
			.findFirst()
			.orElseThrow();
		assertThat(RuleCatalog.all()).as("the alert reads the threshold")
			.anySatisfy((rule) -> assertThat(rule.alert()).isEqualTo("ApbdOpdProjectedBelowPagu"))
			.filteredOn((rule) -> "ApbdOpdProjectedBelowPagu".equals(rule.alert()))
			.allSatisfy((rule) -> assertThat(rule.expr()).contains(threshold.record()));
		double alertShare = Double.parseDouble(threshold.expr().replaceAll("^\\s*vector\\((.*)\\)\\s*$", "$1"));
		assertThat(alertShare).as("the default of projection.yml").isEqualTo(0.9);

		JsonNode overview = JSON.readTree(RepoFiles.read(RepoFiles.DASHBOARDS.resolve("apbd-city-overview.json")));
		JsonNode absorption = statBeside(overview, "1 · Penyerapan seluruh APBD", "pemda:apbd_projected_absorption:ratio");
		assertThat(steps(absorption.path("fieldConfig").path("defaults").path("thresholds")))
			.as("red below the alert threshold, green from it")
			.containsExactly("red@null", "green@" + alertShare);
		assertThat(statBeside(overview, "1 · Penyerapan seluruh APBD", "pemda:apbd_projected_year_end_rupiah:sum")
			.path("fieldConfig").path("defaults").path("unit").asString()).isEqualTo("suffix: miliar");
		JsonNode pad = statBeside(overview, "6 · PAD", "pemda:apbd_pad_projected_attainment:ratio");
		assertThat(steps(pad.path("fieldConfig").path("defaults").path("thresholds"))).containsExactly("red@null",
				"green@" + alertShare);
		assertThat(queryPanels(overview)).as("the projection per category").anySatisfy((panel) -> {
			assertThat(panel.path("title").asString()).containsIgnoringCase("proyeksi").contains("kategori");
			assertThat(expressions(panel)).anySatisfy((expr) -> assertThat(expr).contains("category:apbd_projected_absorption:ratio"));
		});

		JsonNode league = JSON.readTree(RepoFiles.read(RepoFiles.DASHBOARDS.resolve("apbd-opd-league.json")));
		JsonNode table = queryPanels(league).stream()
			.filter((panel) -> "table".equals(panel.path("type").asString()))
			.filter((panel) -> expressions(panel).stream().anyMatch((expr) -> expr.startsWith("(opd:apbd_realised_vs_cash_plan:ratio{pemda=\"$pemda\"})")))
			.findFirst()
			.orElseThrow();
		JsonNode projected = null;
		for (JsonNode target : table.path("targets")) {
			if (target.path("expr").asString().contains("opd:apbd_projected_absorption:ratio")) {
				projected = target;
			}
		}
		assertThat(projected).as("a query of the projected absorption per OPD in the league table").isNotNull();
		assertThat(projected.path("expr").asString()).contains("group_left (opd_name)");
		String column = table.path("transformations").findValue("renameByName").path("Value #" + projected.path("refId").asString()).asString();
		assertThat(column).isEqualTo("proyeksi penyerapan 31 Des");
		assertThat(table.path("fieldConfig").path("overrides")).as("column %s coloured at the alert threshold", column)
			.anySatisfy((override) -> {
				assertThat(override.path("matcher").path("options").asString()).isEqualTo(column);
				assertThat(override.path("properties")).anySatisfy((property) -> {
					assertThat(property.path("id").asString()).isEqualTo("thresholds");
					assertThat(steps(property.path("value"))).containsExactly("red@null", "green@" + alertShare);
				});
			});
	}

	/**
	 * Everything a finance officer or an operator reads is in Bahasa Indonesia: panel and row
	 * titles, legends, column headers, value mappings, links and variable labels hold none of the
	 * English words the dashboards used to say (a dashboard title may keep an English subtitle in
	 * parentheses); descriptions hold no English function words once metric names and paths are
	 * left out.
	 */
	@Test
	void whatPeopleReadIsInBahasaIndonesia() {
		Pattern english = Pattern.compile("(?i)\\b(" + String.join("|", ENGLISH_WORDS) + ")\\b");
		Pattern englishSentence = Pattern.compile("(?i)\\b(the|and|of|with|from|is|are|by|per second|year to date)\\b");
		for (Path file : dashboardFiles()) {
			JsonNode dashboard = JSON.readTree(RepoFiles.read(file));
			String name = file.getFileName().toString();
			List<String> texts = new ArrayList<>();
			texts.add(dashboard.path("title").asString().replaceAll("\\s*\\([^)]*\\)$", ""));
			dashboard.path("links").forEach((link) -> texts.add(link.path("title").asString()));
			dashboard.path("templating").path("list").forEach((variable) -> texts.add(variable.path("label").asString()));
			List<String> descriptions = new ArrayList<>();
			descriptions.add(dashboard.path("description").asString());
			for (JsonNode panel : panels(dashboard)) {
				// the panel's title and those of its links, its legends, column headers and value mappings
				panel.findValues("title").forEach((title) -> texts.add(title.asString()));
				panel.findValues("legendFormat").forEach((legend) -> texts.add(legend.asString()));
				panel.findValues("renameByName").forEach((rename) -> rename.forEach((header) -> texts.add(header.asString())));
				panel.findValues("text").forEach((text) -> texts.add(text.asString()));
				descriptions.add(panel.path("description").asString());
			}
			assertThat(texts).as("texts of %s", name)
				.allSatisfy((text) -> assertThat(english.matcher(text.replaceAll("\\{\\{[^}]*\\}\\}|\\$\\{[^}]*\\}|\\$\\w+", "")).find())
					.as("English in '%s'", text)
					.isFalse());
			assertThat(descriptions).as("descriptions of %s", name)
				.allSatisfy((text) -> assertThat(englishSentence.matcher(text.replaceAll("\\S*[:/_]\\S*", "")).find())
					.as("English in '%s'", text)
					.isFalse());
		}
	}

	/** Words of the former English dashboards; none is also an Indonesian word. */
	static final List<String> ENGLISH_WORDS = List.of("the", "and", "of", "by", "with", "vs", "against", "from",
			"overview", "spending", "budget", "revenue", "realised", "realized", "rate", "absorption", "planned", "plan",
			"received", "expected", "target in force", "paid", "unpaid", "late", "months?", "due", "alerts?",
			"pending", "firing", "projects?", "progress", "contracted", "contracts?", "handed over", "disbursed",
			"accounted", "returned", "outstanding", "ceiling", "refill", "league", "drill", "amounts?", "share",
			"services?", "records?", "rejected", "outcome", "reason", "since", "first", "last", "oldest", "newest",
			"age", "health", "capital", "collecting", "type", "physical", "financial", "region", "ok", "yes",
			"none");

	/** The steps of a thresholds object as colour@value. */
	private static List<String> steps(JsonNode thresholds) {
		List<String> steps = new ArrayList<>();
		thresholds.path("steps").forEach((step) -> steps.add(step.path("color").asString() + "@"
				+ (step.path("value").isNull() ? "null" : String.valueOf(step.path("value").asDouble()))));
		return steps;
	}

	/** The stat panel of the overview reading {@code metric}, in the strip of the priority {@code priority}. */
	private static JsonNode statBeside(JsonNode overview, String priority, String metric) {
		JsonNode figure = queryPanels(overview).stream()
			.filter((panel) -> "stat".equals(panel.path("type").asString()))
			.filter((panel) -> panel.path("title").asString().startsWith(priority))
			.filter((panel) -> !panel.path("title").asString().contains("proyeksi"))
			.findFirst()
			.orElseThrow();
		JsonNode stat = queryPanels(overview).stream()
			.filter((panel) -> "stat".equals(panel.path("type").asString()))
			.filter((panel) -> expressions(panel).stream().anyMatch((expr) -> expr.contains(metric)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no stat panel reads " + metric));
		assertThat(stat.path("title").asString()).as("title of the panel of %s", metric).startsWith(priority).contains("proyeksi");
		int top = figure.path("gridPos").path("y").asInt();
		int bottom = top + figure.path("gridPos").path("h").asInt();
		assertThat(stat.path("gridPos").path("y").asInt()).as("%s in the strip of priority %s", metric, priority)
			.isBetween(top, bottom - 1);
		return stat;
	}

	/**
	 * Wherever a table lists OPDs (or the projects they carry out), their names from the region
	 * file stand beside the codes.
	 */
	@Test
	void opdTablesShowTheOpdNames() {
		List<JsonNode> opdTables = new ArrayList<>();
		for (JsonNode dashboard : dashboards()) {
			panels(dashboard).stream()
				.filter((panel) -> "table".equals(panel.path("type").asString()))
				.filter((panel) -> expressions(panel).stream().anyMatch((expr) -> expr.matches("(?s).*\\b(opd(_category|_revenue_type)?|project):.*")))
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

	/** The colours of a panel's thresholds, its defaults' and its overrides'. */
	private static List<String> colours(JsonNode panel) {
		List<String> colours = new ArrayList<>();
		panel.path("fieldConfig").path("defaults").path("thresholds").path("steps")
			.forEach((step) -> colours.add(step.path("color").asString()));
		panel.path("fieldConfig").path("overrides").forEach((override) -> override.path("properties").forEach((property) -> {
			if ("thresholds".equals(property.path("id").asString())) {
				property.path("value").path("steps").forEach((step) -> colours.add(step.path("color").asString()));
			}
		}));
		return colours;
	}

	private static String title(JsonNode panel) {
		return "panel '" + panel.path("title").asString() + "'";
	}

}
