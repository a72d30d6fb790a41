package id.apbdmonitor.brief.content;

/**
 * A region-level figure of the brief and the query that gives it, on the recording rules of
 * infra/prometheus/rules (one region per Prometheus; results are filtered by {@code pemda}).
 * The projection rules belong to the year-end projection (issue 10, part 1); while Prometheus has
 * none of their series the brief says "belum tersedia".
 */
public enum RegionFigure {

	ABSORPTION("pemda:apbd_absorption:ratio"),
	PLANNED_ABSORPTION("pemda:apbd_planned_absorption:ratio"),
	REALISED("pemda:apbd_realised_rupiah:sum"),
	PAGU("pemda:apbd_pagu_rupiah:sum"),
	PROJECTED_ABSORPTION("pemda:apbd_projected_absorption:ratio"),
	PROJECTED_YEAR_END("pemda:apbd_projected_year_end_rupiah:sum"),

	/**
	 * OPDs breaching any UP rule; 0 (not absent) when up-advances reports no breach: its rule
	 * series exist only while breached, the region's count of breaching OPDs always.
	 */
	UP_BREACHING_OPDS("count by (pemda) (max by (pemda, opd) (opd_category:apbd_up_rule_breached:max) == 1)"
			+ " or max by (pemda) (0 * rule:apbd_up_rule_breached:sum)"),
	UP_OUTSTANDING("sum by (pemda) (opd_category:apbd_up_outstanding_rupiah:max)"),

	TPP_ABSORPTION("category:apbd_absorption:ratio{category=\"tpp\"}"),
	TPP_PLANNED("category:apbd_planned_absorption:ratio{category=\"tpp\"}"),
	TPP_PROJECTED("category:apbd_projected_absorption:ratio{category=\"tpp\"}"),
	TPP_MONTHS_LATE("pemda:apbd_tpp_months_late:sum"),

	GOODS_SERVICES_ABSORPTION(sumOver("category:apbd_realised_rupiah:sum") + " / (" + sumOver("category:apbd_pagu_rupiah:sum")
			+ " > 0)"),
	GOODS_SERVICES_PLANNED(sumOver("category:apbd_cash_plan_to_date_rupiah:sum") + " / ("
			+ sumOver("category:apbd_pagu_rupiah:sum") + " > 0)"),
	/** The two categories' projected absorptions weighted by their pagu. */
	GOODS_SERVICES_PROJECTED("sum by (pemda) (category:apbd_projected_absorption:ratio{category=~\"goods|services\"}"
			+ " * on (pemda, category) category:apbd_pagu_rupiah:sum) / (" + sumOver("category:apbd_pagu_rupiah:sum")
			+ " > 0)"),
	GOODS_SERVICES_REALISED(sumOver("category:apbd_realised_rupiah:sum")),

	CAPITAL_ABSORPTION("category:apbd_absorption:ratio{category=\"capital\"}"),
	CAPITAL_PLANNED("category:apbd_planned_absorption:ratio{category=\"capital\"}"),
	CAPITAL_PROJECTED("category:apbd_projected_absorption:ratio{category=\"capital\"}"),
	CAPITAL_CONTRACTED_SHARE("category:apbd_contracted_share:ratio{category=\"capital\"}"),
	CAPITAL_HANDED_OVER_UNPAID("category:apbd_handed_over_unpaid_rupiah:sum{category=\"capital\"}"),

	PAD_ATTAINMENT("pemda:apbd_pad_attainment:ratio"),
	/** The share of the year's PAD target the seasonal profile expects by now. */
	PAD_EXPECTED_SHARE("pemda:apbd_revenue_expected_to_date_rupiah:sum / (pemda:apbd_revenue_target_rupiah:sum > 0)"),
	PAD_REALISED("pemda:apbd_revenue_realised_rupiah:sum"),
	PAD_TARGET("pemda:apbd_revenue_target_rupiah:sum"),
	PAD_PROJECTED("pemda:apbd_pad_projected_attainment:ratio"),

	LIVABLE_PHYSICAL("pemda:apbd_livable_project_physical_progress:ratio"),
	LIVABLE_FINANCIAL("pemda:apbd_livable_project_financial_progress:ratio");

	private final String promql;

	RegionFigure(String promql) {
		this.promql = promql;
	}

	public String promql() {
		return this.promql;
	}

	private static String sumOver(String categoryRule) {
		return "sum by (pemda) (" + categoryRule + "{category=~\"goods|services\"})";
	}

}
