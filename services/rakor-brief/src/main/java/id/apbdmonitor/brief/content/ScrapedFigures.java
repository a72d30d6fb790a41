package id.apbdmonitor.brief.content;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The figures of today, read straight from the services' {@code /actuator/prometheus} pages when
 * no Prometheus runs: the same sums the recording rules make, over the raw gauges (each service
 * is read once, so there are no replicas to de-duplicate). No history and no projections.
 */
public final class ScrapedFigures implements Figures {

	private final List<Metric> metrics;

	private final List<String> problems;

	private final List<String> leagueCategories;

	ScrapedFigures(List<Metric> metrics, List<String> problems, List<String> leagueCategories) {
		this.metrics = List.copyOf(metrics);
		this.problems = List.copyOf(problems);
		this.leagueCategories = List.copyOf(leagueCategories);
	}

	/** Reads every endpoint; one that cannot be read is named in {@link #problems()}. */
	public static ScrapedFigures read(List<URI> endpoints, List<String> leagueCategories) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
		List<Metric> metrics = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (URI endpoint : endpoints) {
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					metrics.addAll(parse(response.body()));
				}
				else {
					problems.add("Endpoint " + endpoint + " menjawab " + response.statusCode() + ": angkanya tidak termasuk.");
				}
			}
			catch (IOException ex) {
				problems.add("Endpoint " + endpoint + " tidak dapat dihubungi: angkanya tidak termasuk.");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				problems.add("Pembacaan " + endpoint + " terputus.");
			}
		}
		return new ScrapedFigures(metrics, problems, leagueCategories);
	}

	/** What the reader must know about endpoints that could not be read. */
	public List<String> problems() {
		return this.problems;
	}

	/** The business date the services report, in the region's zone. */
	public Optional<LocalDate> businessDate(ZoneId zone) {
		return this.metrics.stream()
			.filter((metric) -> metric.name().equals("apbd_business_date_timestamp_seconds"))
			.mapToDouble(Metric::value)
			.max()
			.stream()
			.mapToObj((seconds) -> Instant.ofEpochSecond((long) seconds).atZone(zone).toLocalDate())
			.findFirst();
	}

	@Override
	public OptionalDouble region(RegionFigure figure) {
		Predicate<Map<String, String>> any = (labels) -> true;
		Predicate<Map<String, String>> tpp = category("tpp");
		Predicate<Map<String, String>> goodsServices = category("goods").or(category("services"));
		Predicate<Map<String, String>> capital = category("capital");
		Predicate<Map<String, String>> livable = (labels) -> labels.getOrDefault("project", "").startsWith("livable-");
		return switch (figure) {
			case ABSORPTION -> ratio(sum("apbd_realised_rupiah", any), sum("apbd_pagu_rupiah", any));
			case PLANNED_ABSORPTION -> ratio(sum("apbd_cash_plan_to_date_rupiah", any), sum("apbd_pagu_rupiah", any));
			case REALISED -> sum("apbd_realised_rupiah", any);
			case PAGU -> sum("apbd_pagu_rupiah", any);
			// the flags exist only while breached; the region's counts tell that up-advances was read
			case UP_BREACHING_OPDS -> sum("apbd_up_rule_breaching_opds", any).isEmpty() ? OptionalDouble.empty()
					: OptionalDouble.of(upRulesBreached().size());
			case UP_OUTSTANDING -> sum("apbd_up_outstanding_rupiah", any);
			case TPP_ABSORPTION -> ratio(sum("apbd_realised_rupiah", tpp), sum("apbd_pagu_rupiah", tpp));
			case TPP_PLANNED -> ratio(sum("apbd_cash_plan_to_date_rupiah", tpp), sum("apbd_pagu_rupiah", tpp));
			case TPP_MONTHS_LATE -> sum("apbd_tpp_months_late", any);
			case GOODS_SERVICES_ABSORPTION ->
				ratio(sum("apbd_realised_rupiah", goodsServices), sum("apbd_pagu_rupiah", goodsServices));
			case GOODS_SERVICES_PLANNED ->
				ratio(sum("apbd_cash_plan_to_date_rupiah", goodsServices), sum("apbd_pagu_rupiah", goodsServices));
			case GOODS_SERVICES_REALISED -> sum("apbd_realised_rupiah", goodsServices);
			case CAPITAL_ABSORPTION -> ratio(sum("apbd_realised_rupiah", capital), sum("apbd_pagu_rupiah", capital));
			case CAPITAL_PLANNED -> ratio(sum("apbd_cash_plan_to_date_rupiah", capital), sum("apbd_pagu_rupiah", capital));
			case CAPITAL_CONTRACTED_SHARE -> ratio(sum("apbd_contracted_rupiah", any), sum("apbd_pagu_rupiah", capital));
			case CAPITAL_HANDED_OVER_UNPAID -> sum("apbd_handed_over_unpaid_rupiah", any);
			case PAD_ATTAINMENT -> ratio(sum("apbd_revenue_realised_rupiah", any), sum("apbd_revenue_target_rupiah", any));
			case PAD_EXPECTED_SHARE ->
				ratio(sum("apbd_revenue_expected_to_date_rupiah", any), sum("apbd_revenue_target_rupiah", any));
			case PAD_REALISED -> sum("apbd_revenue_realised_rupiah", any);
			case PAD_TARGET -> sum("apbd_revenue_target_rupiah", any);
			case LIVABLE_PHYSICAL -> ratio(weightedPhysical(livable), sum("apbd_project_contracted_rupiah", livable));
			case LIVABLE_FINANCIAL ->
				ratio(sum("apbd_project_realised_rupiah", livable), sum("apbd_project_contracted_rupiah", livable));
			// projections need the projection's series and rules: not read here
			default -> OptionalDouble.empty();
		};
	}

	@Override
	public Map<String, Double> perOpd(OpdFigure figure) {
		Predicate<Map<String, String>> league = (labels) -> this.leagueCategories.isEmpty()
				|| this.leagueCategories.contains(labels.get("category"));
		Map<String, Double> realised = byOpd("apbd_realised_rupiah", league);
		Map<String, Double> cashPlan = byOpd("apbd_cash_plan_to_date_rupiah", league);
		Map<String, Double> pagu = byOpd("apbd_pagu_rupiah", league);
		return switch (figure) {
			case REALISED_VS_CASH_PLAN -> ratios(realised, cashPlan);
			case ABSORPTION -> ratios(realised, pagu);
			case REALISED -> realised;
			case CASH_PLAN -> cashPlan;
			case UP_OUTSTANDING -> byOpd("apbd_up_outstanding_rupiah", (labels) -> true);
			case TPP_MONTHS_LATE -> byOpd("apbd_tpp_months_late", (labels) -> true);
			case CAPITAL_PAGU -> byOpd("apbd_pagu_rupiah", category("capital"));
			case CONTRACTED -> byOpd("apbd_contracted_rupiah", (labels) -> true);
			case HANDED_OVER_UNPAID -> byOpd("apbd_handed_over_unpaid_rupiah", (labels) -> true);
			default -> Map.of();
		};
	}

	@Override
	public Map<String, Set<String>> upRulesBreached() {
		Map<String, Set<String>> rules = new TreeMap<>();
		for (Metric metric : named("apbd_up_rule_breached")) {
			if (metric.value() == 1) {
				rules.computeIfAbsent(metric.label("opd"), (opd) -> new TreeSet<>()).add(metric.label("rule"));
			}
		}
		return rules;
	}

	@Override
	public Map<String, Map<String, Double>> padVsExpectation() {
		Map<String, Map<String, Double>> expected = new TreeMap<>();
		for (Metric metric : named("apbd_revenue_expected_to_date_rupiah")) {
			expected.computeIfAbsent(metric.label("opd"), (opd) -> new TreeMap<>())
				.merge(metric.label("revenue_type"), metric.value(), Double::sum);
		}
		Map<String, Map<String, Double>> ratios = new TreeMap<>();
		for (Metric metric : named("apbd_revenue_realised_rupiah")) {
			double expectation = expected.getOrDefault(metric.label("opd"), Map.of())
				.getOrDefault(metric.label("revenue_type"), 0.0);
			if (expectation > 0) {
				ratios.computeIfAbsent(metric.label("opd"), (opd) -> new TreeMap<>())
					.put(metric.label("revenue_type"), metric.value() / expectation);
			}
		}
		return ratios;
	}

	@Override
	public Map<String, String> opdNames() {
		Map<String, String> names = new LinkedHashMap<>();
		named("apbd_opd_info").forEach((metric) -> names.put(metric.label("opd"), metric.label("opd_name")));
		return names;
	}

	@Override
	public List<Project> projects() {
		double businessDate = this.metrics.stream()
			.filter((metric) -> metric.name().equals("apbd_business_date_timestamp_seconds"))
			.mapToDouble(Metric::value)
			.max()
			.orElse(Double.NaN);
		Map<String, Metric> physical = byProject("apbd_project_physical_progress_ratio");
		Map<String, Metric> financial = byProject("apbd_project_financial_progress_ratio");
		Map<String, Metric> contracted = byProject("apbd_project_contracted_rupiah");
		Map<String, Metric> plannedEnd = byProject("apbd_project_planned_end_timestamp_seconds");
		List<Project> projects = new ArrayList<>();
		physical.forEach((code, metric) -> {
			double end = value(plannedEnd, code);
			projects.add(new Project(code, metric.label("opd"), metric.value(), value(financial, code),
					value(contracted, code), end,
					end > 0 && !Double.isNaN(businessDate) ? OptionalDouble.of(end - businessDate) : OptionalDouble.empty()));
		});
		return projects;
	}

	private OptionalDouble weightedPhysical(Predicate<Map<String, String>> filter) {
		Map<String, Metric> contracted = byProject("apbd_project_contracted_rupiah");
		OptionalDouble total = OptionalDouble.empty();
		for (Metric metric : named("apbd_project_physical_progress_ratio")) {
			if (filter.test(metric.labels())) {
				double sum = total.orElse(0) + metric.value() * value(contracted, metric.label("project"));
				total = OptionalDouble.of(sum);
			}
		}
		return total;
	}

	private Map<String, Metric> byProject(String name) {
		Map<String, Metric> projects = new TreeMap<>();
		named(name).forEach((metric) -> projects.put(metric.label("project"), metric));
		return projects;
	}

	private static double value(Map<String, Metric> metrics, String code) {
		Metric metric = metrics.get(code);
		return metric == null ? 0 : metric.value();
	}

	private OptionalDouble sum(String name, Predicate<Map<String, String>> filter) {
		List<Metric> found = named(name).stream().filter((metric) -> filter.test(metric.labels())).toList();
		return found.isEmpty() ? OptionalDouble.empty()
				: OptionalDouble.of(found.stream().mapToDouble(Metric::value).sum());
	}

	private Map<String, Double> byOpd(String name, Predicate<Map<String, String>> filter) {
		Map<String, Double> sums = new TreeMap<>();
		for (Metric metric : named(name)) {
			if (filter.test(metric.labels()) && !metric.label("opd").isEmpty()) {
				sums.merge(metric.label("opd"), metric.value(), Double::sum);
			}
		}
		return sums;
	}

	private static Map<String, Double> ratios(Map<String, Double> numerators, Map<String, Double> denominators) {
		Map<String, Double> ratios = new TreeMap<>();
		denominators.forEach((opd, denominator) -> {
			if (denominator > 0) {
				ratios.put(opd, numerators.getOrDefault(opd, 0.0) / denominator);
			}
		});
		return ratios;
	}

	/** Numerator ÷ denominator, absent for a zero or missing denominator (as the rules' {@code / (x > 0)}). */
	private static OptionalDouble ratio(OptionalDouble numerator, OptionalDouble denominator) {
		if (numerator.isEmpty() || denominator.isEmpty() || denominator.getAsDouble() <= 0) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(numerator.getAsDouble() / denominator.getAsDouble());
	}

	private static Predicate<Map<String, String>> category(String name) {
		return (labels) -> name.equals(labels.get("category"));
	}

	private List<Metric> named(String name) {
		return this.metrics.stream().filter((metric) -> metric.name().equals(name)).toList();
	}

	/** The Prometheus text format: {@code name{label="value",...} value [timestamp]}; comments skipped. */
	static List<Metric> parse(String text) {
		List<Metric> metrics = new ArrayList<>();
		for (String line : text.split("\n")) {
			line = line.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int brace = line.indexOf('{');
			int space = line.indexOf(' ');
			Map<String, String> labels = new HashMap<>();
			String name;
			String rest;
			if (brace >= 0 && (space < 0 || brace < space)) {
				name = line.substring(0, brace);
				int end = labels(line, brace + 1, labels);
				rest = line.substring(end + 1).strip();
			}
			else {
				name = line.substring(0, space);
				rest = line.substring(space + 1).strip();
			}
			String value = rest.split("\\s+")[0];
			metrics.add(new Metric(name, labels, switch (value) {
				case "+Inf" -> Double.POSITIVE_INFINITY;
				case "-Inf" -> Double.NEGATIVE_INFINITY;
				default -> Double.parseDouble(value);
			}));
		}
		return metrics;
	}

	/** Reads {@code a="x",b="y\"z"} from {@code start}; returns the index of the closing brace. */
	private static int labels(String line, int start, Map<String, String> labels) {
		int i = start;
		while (i < line.length() && line.charAt(i) != '}') {
			int equals = line.indexOf('=', i);
			String key = line.substring(i, equals).strip();
			StringBuilder value = new StringBuilder();
			int j = equals + 2;
			while (line.charAt(j) != '"') {
				char c = line.charAt(j);
				if (c == '\\') {
					char next = line.charAt(++j);
					value.append(next == 'n' ? '\n' : next);
				}
				else {
					value.append(c);
				}
				j++;
			}
			labels.put(key, value.toString());
			i = j + 1;
			if (i < line.length() && line.charAt(i) == ',') {
				i++;
			}
		}
		return i;
	}

	record Metric(String name, Map<String, String> labels, double value) {

		String label(String key) {
			return this.labels.getOrDefault(key, "");
		}

	}

}
