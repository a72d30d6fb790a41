package id.apbdmonitor.brief.content;

/** A figure per OPD (the {@code opd} label) and the query that gives it. */
public enum OpdFigure {

	REALISED_VS_CASH_PLAN("opd:apbd_realised_vs_cash_plan:ratio"),
	ABSORPTION("opd:apbd_absorption:ratio"),
	REALISED("opd:apbd_realised_rupiah:sum"),
	CASH_PLAN("opd:apbd_cash_plan_to_date_rupiah:sum"),
	PROJECTED_ABSORPTION("opd:apbd_projected_absorption:ratio"),
	UP_OUTSTANDING("sum by (pemda, opd) (opd_category:apbd_up_outstanding_rupiah:max)"),
	TPP_MONTHS_LATE("max by (pemda, opd) (opd_category:apbd_tpp_months_late:max)"),
	CAPITAL_PAGU("sum by (pemda, opd) (opd_category:apbd_pagu_rupiah:max{category=\"capital\"})"),
	CONTRACTED("sum by (pemda, opd) (opd_category:apbd_contracted_rupiah:max)"),
	HANDED_OVER_UNPAID("sum by (pemda, opd) (opd_category:apbd_handed_over_unpaid_rupiah:max)");

	private final String promql;

	OpdFigure(String promql) {
		this.promql = promql;
	}

	public String promql() {
		return this.promql;
	}

}
