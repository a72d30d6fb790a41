package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import tools.jackson.databind.node.ObjectNode;

/**
 * Tambahan Penghasilan Pegawai (DOMAIN §4) on {@code apbd.tpp.v1}: a TPP budget line (account
 * 5.1.01.02) per OPD on 2 January, sized by its civil servants (3,642 in Kota Bima, about Rp6.0 bn a
 * month), and per OPD and month the five stages performance closed → verified → SPP → SPM → SP2D.
 * January to March wait for the ministry's approval of the TPP rules and are paid late as a lump
 * sum in April (one event per month and stage, on the same days); from April the months are
 * submitted within 7 working days of month end, except {@link #LATE_TPP}, whose SPM comes 15 to
 * 25 working days after it (past the 10-working-day deadline); December is paid before the year
 * closes, in its last two weeks. The SP2D amount is the realisation of category tpp; for
 * {@link #SP2D_BELOW_SPM} May's SP2D pays Rp 250.000 less than its SPM ordered (rule
 * {@code tpp_sp2d_below_spm} of tpp-payments).
 */
final class TppGenerator implements TopicGenerator {

	/** OPDs whose TPP is submitted past the deadline every month from April. */
	static final List<String> LATE_TPP = List.of("DISTAN", "DP3A", "KEC-ASAKOTA");

	/** OPDs whose May SP2D is below its SPM, by {@link #SP2D_SHORTFALL} thousand rupiah. */
	static final List<String> SP2D_BELOW_SPM = List.of("DISPUSIP");

	/** Rp 250.000, in thousands as the stage amounts. */
	static final long SP2D_SHORTFALL = 250;

	static final String ACCOUNT = "5.1.01.02.01.0001";

	private static final int INVALID_VARIANTS = 7;

	/** Civil servants per OPD (teachers under DIKPORA, health workers under DINKES and RSUD). */
	private static final Map<String, Integer> EMPLOYEES = Map.ofEntries(Map.entry("SETDA", 180),
			Map.entry("SETWAN", 60), Map.entry("INSPEKTORAT", 55), Map.entry("BAPPEDA", 62), Map.entry("BPKAD", 110),
			Map.entry("BKPSDM", 65), Map.entry("KESBANGPOL", 35), Map.entry("BPBD", 45), Map.entry("DIKPORA", 1150),
			Map.entry("DINKES", 380), Map.entry("RSUD", 320), Map.entry("PUPR", 120), Map.entry("PERKIM", 60),
			Map.entry("SATPOLPP", 90), Map.entry("DINSOS", 55), Map.entry("DISNAKER", 40), Map.entry("DP3A", 40),
			Map.entry("KETAPANG", 40), Map.entry("DLH", 85), Map.entry("DUKCAPIL", 50), Map.entry("DISHUB", 70),
			Map.entry("DISKOMINFOTIK", 45), Map.entry("DPMPTSP", 45), Map.entry("DISPUSIP", 35), Map.entry("DKP", 45),
			Map.entry("DISPARBUD", 40), Map.entry("DISTAN", 70), Map.entry("KOPERINDAG", 50));

	/** Civil servants of an OPD; a kecamatan with its kelurahan has about 40. */
	static int employees(String opd) {
		return EMPLOYEES.getOrDefault(opd, 40);
	}

	/** The monthly TPP per employee, thousands of rupiah: higher where the workload class is higher. */
	private static long perEmployee(String opd) {
		return switch (opd) {
			case "SETDA", "BPKAD", "INSPEKTORAT", "BAPPEDA" -> 2_300;
			case "DIKPORA" -> 1_400;
			case "DINKES", "RSUD" -> 1_600;
			default -> 1_700;
		};
	}

	@Override
	public Category category() {
		return Category.TPP;
	}

	@Override
	public List<Draft> generate(GeneratorSettings settings, BudgetPlanner planner, Function<String, Random> random) {
		int year = settings.fiscalYear();
		List<Draft> drafts = new ArrayList<>();
		long order = 1_000_000L * (1 + Category.TPP.ordinal());
		List<BudgetLine> lines = new ArrayList<>();
		for (String opd : settings.opds()) {
			// a year of the full allowance and 4% reserve for new staff, in whole millions
			long monthly = employees(opd) * perEmployee(opd);
			long pagu = (long) Math.ceil(monthly * 12 * 1.04 / Money.MILLION) * Money.MILLION;
			String subActivity = OpdProfiles.bidang(opd) + ".01.1.02.0001";
			BudgetLine line = planner.line(Category.TPP, opd, subActivity, ACCOUNT, pagu,
					new double[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 });
			lines.add(line);
			BudgetLine.Revision revision = line.revisions.get(0);
			String eventId = EventJson.budgetEventId(year, line, revision);
			SimEvent event = new SimEvent(revision.occurredOn(), Topics.BUDGET, line.lineId,
					EventJson.write(EventJson.budgetLine(eventId, settings.pemda(), year, line, revision)),
					SimEvent.Kind.VALID, null);
			drafts.add(new Draft(revision.occurredOn(), Draft.BUDGET, order++, event,
					new Effect.BudgetRevision(line.lineId, opd, Category.TPP, revision.number(),
							Money.rupiah(revision.pagu()))));
		}

		Random timing = random.apply("stages");
		// the ministry approves the TPP rules in early April; the first quarter is paid after it
		LocalDate approved = WorkingDays.pick(timing, year, 4, 13, 15);
		List<Stage> stages = new ArrayList<>();
		for (String opd : settings.opds()) {
			stages.addAll(opd(settings, opd, approved, timing));
		}
		List<Draft> valid = render(settings, stages);
		drafts.addAll(valid);
		drafts.addAll(faults(settings, valid, stages, random.apply("faults")));
		return drafts;
	}

	private static List<Stage> opd(GeneratorSettings settings, String opd, LocalDate approved, Random random) {
		int year = settings.fiscalYear();
		boolean late = LATE_TPP.contains(opd);
		List<Stage> list = new ArrayList<>();
		// the first quarter's SPP, SPM and SP2D on the same days, after the approval
		LocalDate lumpSpp = plusWorkingDays(approved, late ? 4 + random.nextInt(3) : 1 + random.nextInt(3));
		LocalDate lumpSpm = plusWorkingDays(lumpSpp, 1 + random.nextInt(2));
		LocalDate lumpSp2d = plusWorkingDays(lumpSpm, 1 + random.nextInt(3));
		for (int month = 1; month <= 12; month++) {
			LocalDate monthEnd = LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
			int employees = employees(opd) - random.nextInt(3) + random.nextInt(3);
			long gross = employees * perEmployee(opd);
			// performance and attendance cuts of 0 to 4% at verification
			long net = gross - (long) Math.floor(gross * 0.04 * random.nextDouble());
			LocalDate closed;
			LocalDate verified;
			LocalDate spp;
			LocalDate spm;
			LocalDate sp2d;
			if (month == 12) {
				closed = WorkingDays.pick(random, year, 12, 14, 16);
				verified = plusWorkingDays(closed, 1);
				spp = plusWorkingDays(verified, 1);
				spm = plusWorkingDays(spp, 1 + random.nextInt(2));
				sp2d = plusWorkingDays(spm, 1 + random.nextInt(2));
			}
			else if (month <= 3) {
				closed = plusWorkingDays(monthEnd, 1 + random.nextInt(2));
				verified = plusWorkingDays(closed, 1 + random.nextInt(2));
				spp = max(lumpSpp, verified);
				spm = max(lumpSpm, spp);
				sp2d = max(lumpSp2d, spm);
			}
			else if (late) {
				closed = plusWorkingDays(monthEnd, 2 + random.nextInt(4));
				verified = plusWorkingDays(closed, 2 + random.nextInt(4));
				// November's must still be paid before the year closes
				int lateBy = (month == 11) ? 13 : 13 + random.nextInt(8);
				spp = max(plusWorkingDays(verified, 1), plusWorkingDays(monthEnd, lateBy));
				spm = (month == 11) ? plusWorkingDays(monthEnd, 15)
						: max(plusWorkingDays(spp, 1 + random.nextInt(3)), plusWorkingDays(monthEnd, 15));
				sp2d = plusWorkingDays(spm, 1 + random.nextInt(2));
			}
			else {
				closed = plusWorkingDays(monthEnd, 1 + random.nextInt(2));
				verified = plusWorkingDays(closed, 1 + random.nextInt(2));
				spp = plusWorkingDays(verified, 1);
				spm = plusWorkingDays(spp, 1 + random.nextInt(2));
				sp2d = plusWorkingDays(spm, 1 + random.nextInt(3));
			}
			list.add(new Stage(opd, month, "PERFORMANCE_CLOSED", closed, gross, employees));
			list.add(new Stage(opd, month, "VERIFIED", verified, net, employees));
			list.add(new Stage(opd, month, "SPP", spp, net, employees));
			list.add(new Stage(opd, month, "SPM", spm, net, employees));
			long paid = (month == 5 && SP2D_BELOW_SPM.contains(opd)) ? net - SP2D_SHORTFALL : net;
			list.add(new Stage(opd, month, "SP2D", sp2d, paid, employees));
		}
		return list;
	}

	/** The {@code n}-th working day (of the national calendar, as tpp-payments counts) after {@code date}. */
	static LocalDate plusWorkingDays(LocalDate date, int n) {
		LocalDate day = date;
		int counted = 0;
		while (counted < n) {
			day = day.plusDays(1);
			if (WorkingDays.isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static List<Draft> render(GeneratorSettings settings, List<Stage> stages) {
		int year = settings.fiscalYear();
		String pemda = settings.pemda();
		// stable: the stages of one month keep their order when they fall on the same day
		List<Stage> ordered = new ArrayList<>(stages);
		ordered.sort(java.util.Comparator.comparing((Stage stage) -> stage.date));
		List<Draft> drafts = new ArrayList<>();
		long tiebreak = 0;
		for (Stage stage : ordered) {
			ObjectNode node = node(pemda, year, stage.opd, stage.month, stage.stage, stage.date,
					stage.eventId(year), Money.format(stage.amount), stage.employees);
			SimEvent event = new SimEvent(stage.date, Topics.TPP, pemda + "/" + stage.opd, EventJson.write(node),
					SimEvent.Kind.VALID, null);
			Effect effect = stage.stage.equals("SP2D")
					? new Effect.Realisation(stage.opd, Category.TPP, Money.rupiah(stage.amount)) : null;
			drafts.add(new Draft(stage.date, Draft.SPENDING, tiebreak++, event, effect));
		}
		return drafts;
	}

	private static ObjectNode node(String pemda, int fiscalYear, String opd, Object month, String stage,
			LocalDate occurredOn, String eventId, Object amount, int employees) {
		String roman = (month instanceof Integer m && m >= 1 && m <= 12) ? ROMAN[m - 1] : String.valueOf(month);
		ObjectNode node = EventJson.envelope(eventId, "tpp-stage", pemda, fiscalYear, opd, occurredOn,
				documentKind(stage), String.format("%s/TPP/%s/%s/%d", stage, opd, roman, fiscalYear));
		node.put("month", (Integer) month);
		node.put("stage", stage);
		if (amount instanceof java.math.BigDecimal number) {
			node.put("amount", number);
		}
		else {
			node.put("amount", (String) amount);
		}
		node.put("employees", employees);
		return node;
	}

	private static final String[] ROMAN = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII" };

	private static String documentKind(String stage) {
		return switch (stage) {
			case "SPP", "SPM", "SP2D" -> stage;
			default -> "OTHER";
		};
	}

	/**
	 * Rule-breaking TPP events, one rule each, with the reason tpp-payments dead-letters them with:
	 * an unknown OPD, a closed year, a month outside 1..12, an amount in the Indonesian display form
	 * or as a JSON number, no employees, and a stage sent again (new event id) after its month's SP2D.
	 */
	private static List<Draft> faults(GeneratorSettings settings, List<Draft> valid, List<Stage> stages,
			Random random) {
		TopicFaults faults = new TopicFaults(settings, random);
		List<Draft> drafts = new ArrayList<>(faults.duplicatesAndMalformed(valid));
		List<Stage> paid = stages.stream().filter((stage) -> stage.stage.equals("SP2D")).toList();
		if (paid.isEmpty()) {
			return drafts;
		}
		long count = faults.invalidCount(valid.size(), INVALID_VARIANTS);
		int year = settings.fiscalYear();
		String pemda = settings.pemda();
		List<String> stageNames = List.of("PERFORMANCE_CLOSED", "VERIFIED", "SPP", "SPM", "SP2D");
		for (int i = 0; i < count; i++) {
			Stage template = paid.get(random.nextInt(paid.size()));
			String opd = template.opd;
			String stage = stageNames.get(random.nextInt(stageNames.size()));
			int month = template.month;
			int fiscalYear = year;
			// after the month's SP2D, so that a valid stage would only be out of order for this one reason
			LocalDate published = faults.later(template.date);
			LocalDate occurredOn = published;
			Object amount = Money.format(template.amount);
			int employees = template.employees;
			String reason;
			switch (i % INVALID_VARIANTS) {
				case 0 -> {
					reason = "UNKNOWN_OPD";
					opd = List.of("KEC-WAWO", "BAGIAN-UMUM", "UPTD-PASAR").get((i / INVALID_VARIANTS) % 3);
					stage = "PERFORMANCE_CLOSED";
				}
				case 1 -> {
					reason = "FISCAL_YEAR_CLOSED";
					fiscalYear = year - 1;
					month = 12;
					stage = "SP2D";
					occurredOn = WorkingDays.pick(random, year - 1, 12, 15, 31);
					published = WorkingDays.pick(random, year, 1, 5, 30);
				}
				case 2 -> {
					// the thirteenth month's allowance (THR-like) is not TPP: month outside 1..12
					reason = "INVALID_FIELD";
					month = 13;
				}
				case 3 -> {
					reason = "MALFORMED_AMOUNT";
					amount = Money.indonesian(template.amount);
				}
				case 4 -> {
					reason = "MALFORMED_AMOUNT";
					amount = Money.rupiah(template.amount);
				}
				case 5 -> {
					reason = "INVALID_FIELD";
					employees = 0;
				}
				default -> reason = "STAGE_OUT_OF_ORDER";
			}
			String id = String.format("TPP-%d-%s-%02d-%s-F%05d", fiscalYear, opd, month, stage, i);
			ObjectNode node = node(pemda, fiscalYear, opd, month, stage, occurredOn, id, amount, employees);
			drafts.add(faults.invalid(published, Topics.TPP, pemda + "/" + opd, EventJson.write(node), reason));
		}
		return drafts;
	}

	/** One stage of an OPD's month; thousands of rupiah. */
	private record Stage(String opd, int month, String stage, LocalDate date, long amount, int employees) {

		String eventId(int year) {
			return String.format("TPP-%d-%s-%02d-%s", year, this.opd, this.month, this.stage);
		}

	}

}
