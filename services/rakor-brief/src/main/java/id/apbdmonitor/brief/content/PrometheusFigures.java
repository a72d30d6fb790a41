package id.apbdmonitor.brief.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import id.apbdmonitor.brief.prometheus.PrometheusClient;
import id.apbdmonitor.brief.prometheus.Sample;

/** The figures as Prometheus' recording rules give them at one instant. */
public class PrometheusFigures implements Figures {

	private final PrometheusClient prometheus;

	private final Instant time;

	private final String pemda;

	private final List<String> leagueCategories;

	/**
	 * @param leagueCategories the categories of the league's figures; empty: all (the opd: rules)
	 */
	public PrometheusFigures(PrometheusClient prometheus, Instant time, String pemda, List<String> leagueCategories) {
		this.prometheus = prometheus;
		this.time = time;
		this.pemda = pemda;
		this.leagueCategories = List.copyOf(leagueCategories);
	}

	@Override
	public OptionalDouble region(RegionFigure figure) {
		return query(figure.promql()).stream()
			.mapToDouble(Sample::value)
			.filter(Double::isFinite)
			.findFirst();
	}

	@Override
	public Map<String, Double> perOpd(OpdFigure figure) {
		Map<String, Double> values = new TreeMap<>();
		for (Sample sample : query(promql(figure))) {
			if (!sample.label("opd").isEmpty() && Double.isFinite(sample.value())) {
				values.merge(sample.label("opd"), sample.value(), Double::sum);
			}
		}
		return values;
	}

	@Override
	public Map<String, Set<String>> upRulesBreached() {
		Map<String, Set<String>> rules = new TreeMap<>();
		for (Sample sample : query("opd_category:apbd_up_rule_breached:max == 1")) {
			rules.computeIfAbsent(sample.label("opd"), (opd) -> new TreeSet<>()).add(sample.label("rule"));
		}
		return rules;
	}

	@Override
	public Map<String, Map<String, Double>> padVsExpectation() {
		Map<String, Map<String, Double>> ratios = new TreeMap<>();
		for (Sample sample : query("opd_revenue_type:apbd_pad_vs_seasonal_expectation:ratio")) {
			ratios.computeIfAbsent(sample.label("opd"), (opd) -> new TreeMap<>())
				.put(sample.label("revenue_type"), sample.value());
		}
		return ratios;
	}

	@Override
	public Map<String, String> opdNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (Sample sample : query("max by (pemda, opd, opd_name) (apbd_opd_info)")) {
			names.put(sample.label("opd"), sample.label("opd_name"));
		}
		return names;
	}

	@Override
	public List<Project> projects() {
		Map<String, Sample> physical = byProject("project:apbd_project_physical_progress_ratio:max");
		Map<String, Sample> financial = byProject("project:apbd_project_financial_progress_ratio:max");
		Map<String, Sample> contracted = byProject("project:apbd_project_contracted_rupiah:max");
		Map<String, Sample> plannedEnd = byProject("project:apbd_project_planned_end_timestamp_seconds:max");
		Map<String, Sample> toEnd = byProject("project:apbd_project_time_to_planned_end_seconds:diff");
		List<Project> projects = new ArrayList<>();
		for (Map.Entry<String, Sample> entry : physical.entrySet()) {
			String code = entry.getKey();
			projects.add(new Project(code, entry.getValue().label("opd"), entry.getValue().value(),
					value(financial, code), value(contracted, code), value(plannedEnd, code),
					toEnd.containsKey(code) ? OptionalDouble.of(toEnd.get(code).value()) : OptionalDouble.empty()));
		}
		return projects;
	}

	/** The league's figures over its categories only, summed before dividing as the rules do. */
	private String promql(OpdFigure figure) {
		if (this.leagueCategories.isEmpty()) {
			return figure.promql();
		}
		String matcher = "{category=~\"" + String.join("|", this.leagueCategories) + "\"}";
		String realised = "sum by (pemda, opd) (opd_category:apbd_realised_rupiah:max" + matcher + ")";
		String cashPlan = "sum by (pemda, opd) (opd_category:apbd_cash_plan_to_date_rupiah:max" + matcher + ")";
		String pagu = "sum by (pemda, opd) (opd_category:apbd_pagu_rupiah:max" + matcher + ")";
		return switch (figure) {
			case REALISED_VS_CASH_PLAN -> realised + " / (" + cashPlan + " > 0)";
			case ABSORPTION -> realised + " / (" + pagu + " > 0)";
			case REALISED -> realised;
			case CASH_PLAN -> cashPlan;
			default -> figure.promql();
		};
	}

	private Map<String, Sample> byProject(String expr) {
		Map<String, Sample> samples = new TreeMap<>();
		for (Sample sample : query(expr)) {
			samples.put(sample.label("project"), sample);
		}
		return samples;
	}

	private static double value(Map<String, Sample> samples, String code) {
		Sample sample = samples.get(code);
		return sample == null ? 0 : sample.value();
	}

	private List<Sample> query(String expr) {
		Predicate<Sample> ours = (sample) -> sample.label("pemda").isEmpty() || sample.label("pemda").equals(this.pemda);
		return this.prometheus.query(expr, this.time).stream().filter(ours).toList();
	}

}
