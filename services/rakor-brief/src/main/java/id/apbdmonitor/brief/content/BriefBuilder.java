package id.apbdmonitor.brief.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import id.apbdmonitor.brief.BriefProperties;
import id.apbdmonitor.brief.Region;

/** Writes the brief's texts from the figures of the date and, if known, of the previous brief. */
public class BriefBuilder {

	private static final Map<String, String> UP_RULES = Map.of("up_not_requested", "UP belum diminta", "gu_overdue",
			"UP belum dipertanggungjawabkan (GU terlambat)", "tu_overdue", "TU belum dipertanggungjawabkan",
			"leftover_not_returned", "sisa UP/TU belum disetor kembali", "up_above_ceiling", "UP melebihi batas",
			"gu_above_awaiting", "GU melebihi SPJ yang disahkan", "return_above_held",
			"setoran melebihi UP yang dipegang", "accounted_above_held", "SPJ melebihi UP yang dipegang",
			"activity_after_closure", "transaksi UP setelah tutup tahun", "tu_while_open",
			"TU baru sebelum TU lama selesai");

	private final Region region;

	private final BriefProperties properties;

	public BriefBuilder(Region region, BriefProperties properties) {
		this.region = region;
		this.properties = properties;
	}

	/**
	 * @param asOf the instant the figures were read at
	 * @param dataDate the business date the services reported then
	 * @param source where the figures come from, for the reader
	 * @param previous the figures of the previous brief's date, if Prometheus holds them
	 * @param notes what the reader must know about the sources
	 */
	public Brief build(LocalDate date, Instant asOf, Optional<LocalDate> dataDate, String source, Figures now, Optional<Figures> previous, LocalDate previousDate,
			List<String> notes) {
		ZoneId zone = this.region.zone();
		String zoneName = this.region.zoneAbbreviation();
		List<String> allNotes = new ArrayList<>(notes);
		if (previous.isEmpty()) {
			allNotes.add("Perubahan sejak rakor sebelumnya (" + Format.date(previousDate)
					+ ") belum tersedia: Prometheus tidak menyimpan data tanggal itu.");
		}
		if (now.region(RegionFigure.PROJECTED_ABSORPTION).isEmpty()) {
			allNotes.add("Proyeksi akhir tahun belum tersedia: Prometheus belum memiliki seri proyeksi.");
		}
		Map<String, String> names = names(now);
		List<Brief.OpdStanding> league = league(now, names);
		List<Brief.OpdStanding> bottom = bottom(league, now);
		List<Brief.ProjectLine> carryOver = new ArrayList<>();
		List<Brief.ProjectLine> livable = new ArrayList<>();
		for (Figures.Project project : now.projects()) {
			Brief.ProjectLine line = project(project, names, zone);
			(project.code().startsWith("livable-") ? livable : carryOver).add(line);
		}
		return new Brief(this.region.name(), this.region.pemda(), date, Format.date(date),
				dataDate.map(Format::date).orElse(Format.UNAVAILABLE), source, Format.dateTime(asOf, zone, zoneName), Format.date(previousDate),
				Format.dateTime(Instant.now(), zone, zoneName), allNotes, priorities(now, previous), league, bottom,
				carryOver, livable, null, null);
	}

	private List<Brief.Priority> priorities(Figures now, Optional<Figures> previous) {
		List<Brief.Priority> priorities = new ArrayList<>();
		priorities.add(ratio(1, "Penyerapan seluruh APBD", now, previous, RegionFigure.ABSORPTION,
				"realisasi " + Format.rupiah(now.region(RegionFigure.REALISED)) + " dari pagu "
						+ Format.rupiah(now.region(RegionFigure.PAGU)),
				RegionFigure.PLANNED_ABSORPTION, RegionFigure.PROJECTED_ABSORPTION));
		OptionalDouble breaching = now.region(RegionFigure.UP_BREACHING_OPDS);
		priorities.add(new Brief.Priority(2, "Uang Persediaan (UP)",
				breaching.isPresent() ? count(breaching.getAsDouble()) + " OPD melanggar aturan UP" : Format.UNAVAILABLE,
				"UP beredar " + Format.rupiah(now.region(RegionFigure.UP_OUTSTANDING)), "0 OPD melanggar",
				change(breaching, previous.map((figures) -> figures.region(RegionFigure.UP_BREACHING_OPDS)), false),
				"tidak ada proyeksi"));
		OptionalDouble monthsLate = now.region(RegionFigure.TPP_MONTHS_LATE);
		priorities.add(ratio(3, "Tambahan Penghasilan Pegawai (TPP)", now, previous, RegionFigure.TPP_ABSORPTION,
				monthsLate.isPresent() ? count(monthsLate.getAsDouble()) + " bulan-OPD terlambat" : "",
				RegionFigure.TPP_PLANNED, RegionFigure.TPP_PROJECTED));
		priorities.add(ratio(4, "Belanja barang dan jasa", now, previous, RegionFigure.GOODS_SERVICES_ABSORPTION,
				"realisasi " + Format.rupiah(now.region(RegionFigure.GOODS_SERVICES_REALISED)),
				RegionFigure.GOODS_SERVICES_PLANNED, RegionFigure.GOODS_SERVICES_PROJECTED));
		priorities.add(ratio(5, "Belanja modal", now, previous, RegionFigure.CAPITAL_ABSORPTION,
				"kontrak " + Format.percent(now.region(RegionFigure.CAPITAL_CONTRACTED_SHARE))
						+ " dari pagu; diserahterimakan belum dibayar "
						+ Format.rupiah(now.region(RegionFigure.CAPITAL_HANDED_OVER_UNPAID)),
				RegionFigure.CAPITAL_PLANNED, RegionFigure.CAPITAL_PROJECTED));
		priorities.add(ratio(6, "Pendapatan Asli Daerah (PAD)", now, previous, RegionFigure.PAD_ATTAINMENT,
				"diterima " + Format.rupiah(now.region(RegionFigure.PAD_REALISED)) + " dari target "
						+ Format.rupiah(now.region(RegionFigure.PAD_TARGET)),
				RegionFigure.PAD_EXPECTED_SHARE, RegionFigure.PAD_PROJECTED));
		OptionalDouble physical = now.region(RegionFigure.LIVABLE_PHYSICAL);
		priorities.add(new Brief.Priority(7, "Program kota layak huni",
				physical.isPresent() ? "fisik " + Format.percent(physical.getAsDouble()) : Format.UNAVAILABLE,
				"keuangan " + Format.percent(now.region(RegionFigure.LIVABLE_FINANCIAL)),
				"fisik 100% pada akhir kontrak",
				change(physical, previous.map((figures) -> figures.region(RegionFigure.LIVABLE_PHYSICAL)), true),
				"tidak ada proyeksi"));
		return priorities;
	}

	private static Brief.Priority ratio(int number, String name, Figures now, Optional<Figures> previous,
			RegionFigure figure, String detail, RegionFigure target, RegionFigure projection) {
		OptionalDouble value = now.region(figure);
		return new Brief.Priority(number, name, Format.percent(value), detail, Format.percent(now.region(target)),
				change(value, previous.map((figures) -> figures.region(figure)), true),
				Format.percent(now.region(projection)));
	}

	private static String change(OptionalDouble now, Optional<OptionalDouble> before, boolean ratio) {
		if (now.isEmpty() || before.isEmpty() || before.get().isEmpty()) {
			return Format.UNAVAILABLE;
		}
		double delta = now.getAsDouble() - before.get().getAsDouble();
		if (ratio) {
			return Format.points(delta);
		}
		long opds = Math.round(delta);
		return (opds > 0 ? "+" : "") + opds + " OPD";
	}

	private Map<String, String> names(Figures now) {
		Map<String, String> names = new LinkedHashMap<>(this.region.opdNames());
		now.opdNames().forEach((code, name) -> {
			if (!name.isBlank()) {
				names.put(code, name);
			}
		});
		return names;
	}

	/** Every OPD with a cash plan, best first; OPDs without a cash plan to date last. */
	private static List<Brief.OpdStanding> league(Figures now, Map<String, String> names) {
		Map<String, Double> vsPlan = now.perOpd(OpdFigure.REALISED_VS_CASH_PLAN);
		Map<String, Double> absorption = now.perOpd(OpdFigure.ABSORPTION);
		Map<String, Double> realised = now.perOpd(OpdFigure.REALISED);
		Map<String, Double> cashPlan = now.perOpd(OpdFigure.CASH_PLAN);
		Map<String, Double> projected = now.perOpd(OpdFigure.PROJECTED_ABSORPTION);
		List<String> codes = new ArrayList<>(realised.keySet());
		cashPlan.keySet().stream().filter((code) -> !codes.contains(code)).forEach(codes::add);
		codes.sort(Comparator.comparing((String code) -> vsPlan.getOrDefault(code, Double.NaN),
				(a, b) -> Double.isNaN(a) ? (Double.isNaN(b) ? 0 : 1) : (Double.isNaN(b) ? -1 : Double.compare(b, a)))
			.thenComparing(Comparator.naturalOrder()));
		List<Brief.OpdStanding> league = new ArrayList<>();
		for (String code : codes) {
			Double ratio = vsPlan.get(code);
			league.add(new Brief.OpdStanding(league.size() + 1, code, names.getOrDefault(code, code),
					ratio == null ? "tanpa anggaran kas" : Format.percent(ratio), percent(absorption.get(code)),
					rupiah(realised.get(code)), rupiah(cashPlan.get(code)), percent(projected.get(code)), List.of(),
					ratio == null ? Double.NaN : ratio));
		}
		return league;
	}

	/** The last OPDs of the league (worst first), each with the reasons the data shows. */
	private List<Brief.OpdStanding> bottom(List<Brief.OpdStanding> league, Figures now) {
		List<Brief.OpdStanding> ranked = league.stream().filter((standing) -> !Double.isNaN(standing.ratio())).toList();
		List<Brief.OpdStanding> bottom = new ArrayList<>();
		Reasons reasons = new Reasons(now);
		for (int i = ranked.size() - 1; i >= 0 && bottom.size() < this.properties.bottomCount(); i--) {
			Brief.OpdStanding standing = ranked.get(i);
			bottom.add(new Brief.OpdStanding(standing.rank(), standing.code(), standing.name(), standing.vsCashPlan(),
					standing.absorption(), standing.realised(), standing.cashPlan(), standing.projection(),
					reasons.of(standing.code()), standing.ratio()));
		}
		return bottom;
	}

	private Brief.ProjectLine project(Figures.Project project, Map<String, String> names, ZoneId zone) {
		String plannedEnd = project.plannedEnd() > 0
				? Format.date(Instant.ofEpochSecond((long) project.plannedEnd()).atZone(zone).toLocalDate()) : "belum ada kontrak";
		String daysLeft;
		if (project.secondsToPlannedEnd().isEmpty()) {
			daysLeft = "-";
		}
		else {
			long days = Math.round(project.secondsToPlannedEnd().getAsDouble() / 86400);
			daysLeft = days >= 0 ? days + " hari lagi" : "lewat " + (-days) + " hari";
		}
		return new Brief.ProjectLine(project.code(), this.properties.projectName(project.code()), project.opd(),
				names.getOrDefault(project.opd(), project.opd()), Format.percent(project.physical()),
				Format.percent(project.financial()), Format.rupiah(project.contracted()), plannedEnd, daysLeft);
	}

	private static String percent(Double ratio) {
		return ratio == null ? "-" : Format.percent(ratio);
	}

	private static String rupiah(Double amount) {
		return amount == null ? "-" : Format.rupiah(amount);
	}

	private static long count(double value) {
		return Math.round(value);
	}

	/** Why an OPD lags, from the series that explain it. */
	private final class Reasons {

		private final Map<String, Set<String>> upRules;

		private final Map<String, Double> upOutstanding;

		private final Map<String, Double> tppMonthsLate;

		private final Map<String, Double> capitalPagu;

		private final Map<String, Double> contracted;

		private final Map<String, Double> handedOverUnpaid;

		private final Map<String, Map<String, Double>> pad;

		Reasons(Figures now) {
			this.upRules = now.upRulesBreached();
			this.upOutstanding = now.perOpd(OpdFigure.UP_OUTSTANDING);
			this.tppMonthsLate = now.perOpd(OpdFigure.TPP_MONTHS_LATE);
			this.capitalPagu = now.perOpd(OpdFigure.CAPITAL_PAGU);
			this.contracted = now.perOpd(OpdFigure.CONTRACTED);
			this.handedOverUnpaid = now.perOpd(OpdFigure.HANDED_OVER_UNPAID);
			this.pad = now.padVsExpectation();
		}

		List<String> of(String opd) {
			List<String> reasons = new ArrayList<>();
			Set<String> rules = this.upRules.getOrDefault(opd, Set.of());
			if (!rules.isEmpty()) {
				List<String> texts = rules.stream().map((rule) -> UP_RULES.getOrDefault(rule, rule)).toList();
				double outstanding = this.upOutstanding.getOrDefault(opd, 0.0);
				reasons.add("UP: " + String.join(", ", texts)
						+ (outstanding > 0 ? "; UP beredar " + Format.rupiah(outstanding) : ""));
			}
			long late = Math.round(this.tppMonthsLate.getOrDefault(opd, 0.0));
			if (late > 0) {
				reasons.add("TPP terlambat " + late + " bulan");
			}
			double pagu = this.capitalPagu.getOrDefault(opd, 0.0);
			double signed = this.contracted.getOrDefault(opd, 0.0);
			if (pagu > 0 && signed / pagu < BriefBuilder.this.properties.contractedShareBelow()) {
				reasons.add("kontrak belanja modal baru " + Format.percent(signed / pagu) + " dari pagu modal ("
						+ Format.rupiah(signed) + " dari " + Format.rupiah(pagu) + ")");
			}
			double unpaid = this.handedOverUnpaid.getOrDefault(opd, 0.0);
			if (unpaid > 0) {
				reasons.add("pekerjaan sudah diserahterimakan belum dibayar " + Format.rupiah(unpaid));
			}
			this.pad.getOrDefault(opd, Map.of()).forEach((type, ratio) -> {
				if (ratio < BriefBuilder.this.properties.padBelowExpectation()) {
					reasons.add("PAD " + type + " baru " + Format.percent(ratio) + " dari target musiman");
				}
			});
			if (reasons.isEmpty()) {
				reasons.add("data tidak menunjukkan penyebab lain: realisasi di bawah anggaran kas");
			}
			return reasons;
		}

	}

}
