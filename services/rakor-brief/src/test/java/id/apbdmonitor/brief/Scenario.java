package id.apbdmonitor.brief;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A region on 10 June 2026 (WITA) whose figures and lagging OPDs are chosen by hand, as the
 * services would export them. The league ranks goods and services spending (the brief's default
 * {@code apbd.brief.league-categories}): realised ÷ cash plan to date per OPD, in juta rupiah:
 * <pre>
 *   DINKES   500 / 500   = 100 %        DIKPORA  360 / 400 = 90 %
 *   RSUD     950 / 1000  = 95 %         BAPPEDA  120 / 150 = 80 %   (no other reason)
 *   KETAPANG 140 / 200   = 70 %         (TPP 2 months late; its TPP, 60 of 100, is not ranked)
 *   DKP      180 / 300   = 60 %         (UP: GU overdue, Rp 50 juta outstanding)
 *   DISHUB   125 / 250   = 50 %         (PAD retribusi 16 of an expected 40 juta = 40 %)
 *   PUPR     800 / 2000  = 40 %         (capital contracts 2 of 10 miliar = 20 %;
 *                                        Rp 1,19 miliar handed over unpaid)
 * </pre>
 * The bottom five, worst first: PUPR, DISHUB, DKP, KETAPANG, BAPPEDA.
 */
final class Scenario {

	static final ZoneId WITA = ZoneId.of("Asia/Makassar");

	static final LocalDate DATE = LocalDate.of(2026, 6, 10);

	private Scenario() {
	}

	static String metrics() {
		long businessDate = DATE.atStartOfDay(WITA).toEpochSecond();
		long nufrepEnd = LocalDate.of(2026, 3, 31).atStartOfDay(WITA).toEpochSecond();
		long parksEnd = LocalDate.of(2026, 9, 30).atStartOfDay(WITA).toEpochSecond();
		return """
				# TYPE apbd_business_date_timestamp_seconds gauge
				apbd_business_date_timestamp_seconds{pemda="52.72"} %d
				# TYPE apbd_opd_info gauge
				apbd_opd_info{pemda="52.72",opd="DINKES",opd_name="Dinas Kesehatan"} 1
				apbd_opd_info{pemda="52.72",opd="RSUD",opd_name="Rumah Sakit Umum Daerah"} 1
				apbd_opd_info{pemda="52.72",opd="DIKPORA",opd_name="Dinas Pendidikan, Kepemudaan dan Olahraga"} 1
				apbd_opd_info{pemda="52.72",opd="PUPR",opd_name="Dinas Pekerjaan Umum dan Penataan Ruang"} 1
				apbd_opd_info{pemda="52.72",opd="DISHUB",opd_name="Dinas Perhubungan"} 1
				apbd_opd_info{pemda="52.72",opd="DKP",opd_name="Dinas Kelautan dan Perikanan"} 1
				apbd_opd_info{pemda="52.72",opd="KETAPANG",opd_name="Dinas Ketahanan Pangan"} 1
				apbd_opd_info{pemda="52.72",opd="BAPPEDA",opd_name="Badan Perencanaan Pembangunan Daerah"} 1
				apbd_opd_info{pemda="52.72",opd="PERKIM",opd_name="Dinas Perumahan dan Kawasan Permukiman"} 1
				apbd_opd_info{pemda="52.72",opd="BPKAD",opd_name="Badan Pengelolaan Keuangan dan Aset Daerah"} 1
				# TYPE apbd_pagu_rupiah gauge
				apbd_pagu_rupiah{pemda="52.72",opd="DINKES",category="goods"} 1000000000
				apbd_pagu_rupiah{pemda="52.72",opd="RSUD",category="goods"} 2000000000
				apbd_pagu_rupiah{pemda="52.72",opd="DIKPORA",category="goods"} 1000000000
				apbd_pagu_rupiah{pemda="52.72",opd="PUPR",category="goods"} 4000000000
				apbd_pagu_rupiah{pemda="52.72",opd="DISHUB",category="goods"} 500000000
				apbd_pagu_rupiah{pemda="52.72",opd="DKP",category="goods"} 600000000
				apbd_pagu_rupiah{pemda="52.72",opd="KETAPANG",category="goods"} 400000000
				apbd_pagu_rupiah{pemda="52.72",opd="BAPPEDA",category="goods"} 300000000
				apbd_pagu_rupiah{pemda="52.72",opd="PUPR",category="capital"} 10000000000
				apbd_pagu_rupiah{pemda="52.72",opd="KETAPANG",category="tpp"} 240000000
				# TYPE apbd_cash_plan_to_date_rupiah gauge
				apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="DINKES",category="goods"} 500000000
				apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="RSUD",category="goods"} 1000000000
				apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="DIKPORA",category="goods"} 400000000
				apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="PUPR",category="goods"} 2000000000
				apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="DISHUB",category="goods"} 250000000
				apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="DKP",category="goods"} 300000000
				apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="KETAPANG",category="goods"} 200000000
				apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="BAPPEDA",category="goods"} 150000000
				apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="PUPR",category="capital"} 3000000000
				apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="KETAPANG",category="tpp"} 100000000
				# TYPE apbd_realised_rupiah gauge
				apbd_realised_rupiah{pemda="52.72",opd="DINKES",category="goods"} 500000000
				apbd_realised_rupiah{pemda="52.72",opd="RSUD",category="goods"} 950000000
				apbd_realised_rupiah{pemda="52.72",opd="DIKPORA",category="goods"} 360000000
				apbd_realised_rupiah{pemda="52.72",opd="PUPR",category="goods"} 800000000
				apbd_realised_rupiah{pemda="52.72",opd="DISHUB",category="goods"} 125000000
				apbd_realised_rupiah{pemda="52.72",opd="DKP",category="goods"} 180000000
				apbd_realised_rupiah{pemda="52.72",opd="KETAPANG",category="goods"} 140000000
				apbd_realised_rupiah{pemda="52.72",opd="BAPPEDA",category="goods"} 120000000
				apbd_realised_rupiah{pemda="52.72",opd="PUPR",category="capital"} 600000000
				apbd_realised_rupiah{pemda="52.72",opd="KETAPANG",category="tpp"} 60000000
				# TYPE apbd_contracted_rupiah gauge
				apbd_contracted_rupiah{pemda="52.72",opd="PUPR",category="capital"} 2000000000
				# TYPE apbd_handed_over_unpaid_rupiah gauge
				apbd_handed_over_unpaid_rupiah{pemda="52.72",opd="PUPR",category="capital"} 1190000000
				# TYPE apbd_up_rule_breached gauge
				apbd_up_rule_breached{pemda="52.72",opd="DKP",category="up",rule="gu_overdue"} 1
				# TYPE apbd_up_rule_breaching_opds gauge
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="up_not_requested"} 0
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="gu_overdue"} 1
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="tu_overdue"} 0
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="leftover_not_returned"} 0
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="up_above_ceiling"} 0
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="gu_above_awaiting"} 0
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="return_above_held"} 0
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="accounted_above_held"} 0
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="activity_after_closure"} 0
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="tu_while_open"} 0
				# TYPE apbd_up_outstanding_rupiah gauge
				apbd_up_outstanding_rupiah{pemda="52.72",opd="DKP",category="up"} 50000000
				apbd_up_outstanding_rupiah{pemda="52.72",opd="DINKES",category="up"} 10000000
				# TYPE apbd_tpp_months_late gauge
				apbd_tpp_months_late{pemda="52.72",opd="KETAPANG",category="tpp"} 2
				apbd_tpp_months_late{pemda="52.72",opd="DINKES",category="tpp"} 0
				# TYPE apbd_revenue_target_rupiah gauge
				apbd_revenue_target_rupiah{pemda="52.72",opd="DISHUB",revenue_type="retribusi"} 100000000
				apbd_revenue_target_rupiah{pemda="52.72",opd="BPKAD",revenue_type="pbjt"} 1000000000
				# TYPE apbd_revenue_expected_to_date_rupiah gauge
				apbd_revenue_expected_to_date_rupiah{pemda="52.72",opd="DISHUB",revenue_type="retribusi"} 40000000
				apbd_revenue_expected_to_date_rupiah{pemda="52.72",opd="BPKAD",revenue_type="pbjt"} 400000000
				# TYPE apbd_revenue_realised_rupiah gauge
				apbd_revenue_realised_rupiah{pemda="52.72",opd="DISHUB",revenue_type="retribusi"} 16000000
				apbd_revenue_realised_rupiah{pemda="52.72",opd="BPKAD",revenue_type="pbjt"} 380000000
				# TYPE apbd_project_contracted_rupiah gauge
				apbd_project_contracted_rupiah{pemda="52.72",opd="PUPR",category="capital",project="nufrep-drainage"} 1000000000
				apbd_project_contracted_rupiah{pemda="52.72",opd="PERKIM",category="capital",project="livable-parks"} 800000000
				# TYPE apbd_project_realised_rupiah gauge
				apbd_project_realised_rupiah{pemda="52.72",opd="PUPR",category="capital",project="nufrep-drainage"} 400000000
				apbd_project_realised_rupiah{pemda="52.72",opd="PERKIM",category="capital",project="livable-parks"} 200000000
				# TYPE apbd_project_physical_progress_ratio gauge
				apbd_project_physical_progress_ratio{pemda="52.72",opd="PUPR",category="capital",project="nufrep-drainage"} 0.6
				apbd_project_physical_progress_ratio{pemda="52.72",opd="PERKIM",category="capital",project="livable-parks"} 0.45
				# TYPE apbd_project_financial_progress_ratio gauge
				apbd_project_financial_progress_ratio{pemda="52.72",opd="PUPR",category="capital",project="nufrep-drainage"} 0.4
				apbd_project_financial_progress_ratio{pemda="52.72",opd="PERKIM",category="capital",project="livable-parks"} 0.25
				# TYPE apbd_project_planned_end_timestamp_seconds gauge
				apbd_project_planned_end_timestamp_seconds{pemda="52.72",opd="PUPR",category="capital",project="nufrep-drainage"} %d
				apbd_project_planned_end_timestamp_seconds{pemda="52.72",opd="PERKIM",category="capital",project="livable-parks"} %d
				""".formatted(businessDate, nufrepEnd, parksEnd);
	}

}
