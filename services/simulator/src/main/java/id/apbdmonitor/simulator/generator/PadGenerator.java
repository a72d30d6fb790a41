package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import tools.jackson.databind.node.ObjectNode;

/**
 * Pendapatan asli daerah (accounts 4.1) on {@code apbd.pad.v1}: Kota Bima's 2026 PAD target of
 * Rp106.65 bn as revenue budget lines per collecting OPD and account (BPKAD collects about two
 * thirds, the taxes; RSUD about a sixth; the other OPDs their levies), revised at the
 * APBD-Perubahan, and the receipts (STS) of the year: monthly self-assessed PBJT, PBB-P2 around
 * its 31 August due date, mineral tax peaking at year end, BUMD dividends after the shareholders'
 * meetings, each following pad-revenue's configured monthly profile with some noise. DISHUB
 * collects only about 40% of its parking levies; a few old pre-2022 tax codes arrive (arrears,
 * counted as PBJT), and about one receipt in two hundred is later partly refunded.
 * {@link #ZERO_TARGET_COLLECTOR}'s levy target is revised to 0 at the APBD-Perubahan while its
 * receipts go on as before (rule {@code pad_receipt_on_zero_target} of pad-revenue).
 */
final class PadGenerator implements TopicGenerator {

	/** The collecting OPD far behind its target. */
	static final String LAGGING_COLLECTOR = "DISHUB";

	/** The collecting OPD whose target the APBD-P sets to 0 while it keeps receiving the levy. */
	static final String ZERO_TARGET_COLLECTOR = "DISPARBUD";

	private static final int INVALID_VARIANTS = 7;

	private static final double REVERSED_SHARE = 0.005;

	/** A revenue budget line: collecting OPD, account, revenue type (pad-revenue's label), target in millions. */
	record Target(String opd, String account, String revenueType, long targetMillions) {
	}

	/** Kota Bima's 2026 PAD targets, Rp106.65 bn. */
	static final List<Target> TARGETS = List.of(
			// BPKAD, Rp71.1 bn: local taxes, the BUMD dividend, interest on the treasury's accounts
			new Target("BPKAD", "4.1.01.19.01.0001", "pbjt", 9_000), // restaurants
			new Target("BPKAD", "4.1.01.19.02.0001", "pbjt", 14_000), // electricity
			new Target("BPKAD", "4.1.01.19.03.0001", "pbjt", 2_500), // hotels
			new Target("BPKAD", "4.1.01.19.04.0001", "pbjt", 600), // parking
			new Target("BPKAD", "4.1.01.19.05.0001", "pbjt", 400), // entertainment
			new Target("BPKAD", "4.1.01.15.01.0001", "pbb-p2", 8_500),
			new Target("BPKAD", "4.1.01.16.01.0001", "bphtb", 7_500),
			new Target("BPKAD", "4.1.01.09.01.0001", "reklame", 1_800),
			new Target("BPKAD", "4.1.01.12.01.0001", "air-tanah", 600),
			new Target("BPKAD", "4.1.01.14.01.0001", "mblb", 2_200),
			new Target("BPKAD", "4.1.01.20.01.0001", "opsen-pkb", 12_000),
			new Target("BPKAD", "4.1.01.21.01.0001", "opsen-bbnkb", 6_500),
			new Target("BPKAD", "4.1.03.01.01.0001", "bumd-dividend", 2_600), // Bank NTB Syariah
			new Target("BPKAD", "4.1.04.05.01.0001", "other-pad", 2_900), // interest on deposits
			// RSUD, Rp17.8 bn: health service levy and BLUD revenue
			new Target("RSUD", "4.1.02.01.01.0001", "retribusi", 2_800),
			new Target("RSUD", "4.1.04.16.01.0001", "other-pad", 15_000),
			// the other collectors' levies, Rp17.75 bn
			new Target("DINKES", "4.1.02.01.01.0002", "retribusi", 5_500), // puskesmas
			new Target("DISHUB", "4.1.02.01.03.0001", "retribusi", 2_500), // roadside parking
			new Target("DLH", "4.1.02.01.02.0001", "retribusi", 2_200), // waste collection
			new Target("DPMPTSP", "4.1.02.03.01.0001", "retribusi", 1_800), // building approval (PBG)
			new Target("KOPERINDAG", "4.1.02.02.01.0001", "retribusi", 3_200), // markets
			new Target("DISPARBUD", "4.1.02.02.04.0001", "retribusi", 750), // tourist sites
			new Target("DKP", "4.1.02.02.05.0001", "retribusi", 1_800)); // fish auction

	/** Pre-2022 codes of the PBJT taxes, used by arrears of those years. */
	static final Map<String, String> OLD_CODES = Map.of("4.1.01.19.01.0001", "4.1.01.07.01.0001",
			"4.1.01.19.03.0001", "4.1.01.06.01.0001", "4.1.01.19.04.0001", "4.1.01.11.01.0001", "4.1.01.19.05.0001",
			"4.1.01.08.01.0001");

	/**
	 * Monthly shares of the year's revenue in percent, January first, as pad-revenue's
	 * {@code apbd.pad.revenue-types[].profile}; a type not listed comes evenly, month by month.
	 */
	static final Map<String, double[]> PROFILES = Map.of(
			"pbb-p2", new double[] { 1, 1, 2, 3, 4, 5, 8, 40, 10, 8, 7, 11 },
			"mblb", new double[] { 4, 4, 5, 5, 5, 5, 6, 6, 8, 10, 14, 28 },
			"bumd-dividend", new double[] { 0, 0, 0, 0, 50, 30, 0, 0, 0, 0, 0, 20 });

	private static final double[] EVEN = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

	@Override
	public Category category() {
		return Category.PAD;
	}

	static double[] profile(String revenueType) {
		return PROFILES.getOrDefault(revenueType, EVEN);
	}

	@Override
	public List<Draft> generate(GeneratorSettings settings, BudgetPlanner planner, Function<String, Random> random) {
		List<Target> targets = TARGETS.stream().filter((target) -> settings.opds().contains(target.opd())).toList();
		Random budget = random.apply("targets");
		List<BudgetLine> lines = new ArrayList<>();
		for (Target target : targets) {
			String subActivity = OpdProfiles.bidang(target.opd()) + ".01.1.01.0001";
			BudgetLine line = planner.line(Category.PAD, target.opd(), subActivity, target.account(),
					target.targetMillions() * Money.MILLION, profile(target.revenueType()));
			// the APBD-Perubahan revises some targets: restaurants up (as in the contract's example), others either way
			if (target.account().equals("4.1.01.19.01.0001")) {
				planner.amend(line, 0.20);
			}
			else if (budget.nextDouble() < 0.3) {
				planner.amend(line, Split.between(budget, -0.10, 0.15));
			}
			if (target.opd().equals(ZERO_TARGET_COLLECTOR)) {
				// after the same draws as any line, so that the other lines' revisions stay as they were
				line.revisions.removeIf((revision) -> revision.number() == BudgetPlanner.AMENDED_NUMBER);
				line.revisions.add(new BudgetLine.Revision(BudgetPlanner.AMENDED_NUMBER, BudgetPlanner.AMENDED,
						planner.amendedOn(), 0, new long[12]));
			}
			lines.add(line);
		}
		List<Draft> drafts = new ArrayList<>();
		long order = 1_000_000L * (1 + Category.PAD.ordinal());
		for (int i = 0; i < lines.size(); i++) {
			BudgetLine line = lines.get(i);
			for (BudgetLine.Revision revision : line.revisions) {
				String eventId = EventJson.budgetEventId(settings.fiscalYear(), line, revision);
				SimEvent event = new SimEvent(revision.occurredOn(), Topics.BUDGET, line.lineId,
						EventJson.write(EventJson.budgetLine(eventId, settings.pemda(), settings.fiscalYear(), line,
								revision)),
						SimEvent.Kind.VALID, null);
				drafts.add(new Draft(revision.occurredOn(), Draft.BUDGET, order++, event, new Effect.TargetRevision(
						line.lineId, line.opd, targets.get(i).revenueType(), revision.number(),
						Money.rupiah(revision.pagu()))));
			}
		}

		Random receiving = random.apply("receipts");
		List<Receipt> receipts = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			receipts.addAll(receipts(settings, targets.get(i), lines.get(i), receiving));
		}
		List<Refund> refunds = refunds(receipts, random.apply("refunds"));
		List<Draft> valid = render(settings, receipts, refunds);
		drafts.addAll(valid);
		drafts.addAll(faults(settings, valid, receipts, random.apply("faults")));
		return drafts;
	}

	/** Share of its target a collecting OPD receives by year end. */
	private static double attainment(String opd, Random random) {
		return switch (opd) {
			case LAGGING_COLLECTOR -> Split.between(random, 0.38, 0.44);
			case "BPKAD" -> Split.between(random, 0.96, 1.03);
			case "RSUD" -> Split.between(random, 0.92, 1.0);
			default -> Split.between(random, 0.80, 0.95);
		};
	}

	private static List<Receipt> receipts(GeneratorSettings settings, Target target, BudgetLine line, Random random) {
		int year = settings.fiscalYear();
		// a target revised to 0 does not stop the money: receipts follow the original target
		long base = target.opd().equals(ZERO_TARGET_COLLECTOR) ? line.revisions.get(0).pagu() : line.latest().pagu();
		long total = (long) Math.floor(base * attainment(target.opd(), random));
		double[] profile = profile(target.revenueType());
		double[] weights = new double[12];
		for (int month = 0; month < 12; month++) {
			weights[month] = profile[month] * Split.between(random, 0.9, 1.1);
		}
		long[] monthly = Split.byWeights(total, weights);
		double profileSum = 0;
		for (double share : profile) {
			profileSum += share;
		}
		String oldCode = OLD_CODES.get(target.account());
		List<Receipt> receipts = new ArrayList<>();
		for (int month = 0; month < 12; month++) {
			long amount = monthly[month];
			if (amount <= 0) {
				continue;
			}
			double share = profile[month] / profileSum;
			int count = (int) Math.min(amount,
					Math.max(1, Math.round(settings.eventsPerOpdPerMonth() / 4.0 * 12 * share)));
			long[] parts = Split.positive(amount, count, random);
			for (int i = 0; i < parts.length; i++) {
				// PBJT is self-assessed and paid by the 15th; PBB-P2 gathers towards its due date
				LocalDate date = switch (target.revenueType()) {
					case "pbjt" -> WorkingDays.pick(random, year, month + 1, (month == 0) ? 5 : 1, 15);
					case "pbb-p2" -> WorkingDays.pick(random, year, month + 1, (month == 7) ? 10 : 1, 31);
					default -> WorkingDays.pick(random, year, month + 1, (month == 0) ? 5 : 1, 31);
				};
				// arrears of the years before UU 1/2022 still arrive under the old codes, mostly early in the year
				boolean old = oldCode != null && month < 4 && ((month == 0 && i == 0) || random.nextDouble() < 0.08);
				receipts.add(new Receipt(target, old ? oldCode : target.account(), date, parts[i],
						channel(target, random), random.nextLong()));
			}
		}
		return receipts;
	}

	private static String channel(Target target, Random random) {
		double draw = random.nextDouble();
		if (target.revenueType().equals("bumd-dividend") || target.account().startsWith("4.1.04.05")) {
			return "BANK_TRANSFER";
		}
		if (target.opd().equals("BPKAD")) {
			return (draw < 0.5) ? "VIRTUAL_ACCOUNT" : (draw < 0.75) ? "TELLER" : (draw < 0.9) ? "QRIS" : "BANK_TRANSFER";
		}
		if (target.opd().equals("RSUD")) {
			return (draw < 0.5) ? "TREASURER" : (draw < 0.8) ? "EDC" : "QRIS";
		}
		return (draw < 0.6) ? "TREASURER" : (draw < 0.85) ? "QRIS" : "TELLER";
	}

	/** About one receipt in two hundred (at least one) is partly refunded a few days later. */
	private static List<Refund> refunds(List<Receipt> receipts, Random random) {
		List<Receipt> candidates = new ArrayList<>(receipts.stream()
			.filter((receipt) -> receipt.date.isBefore(LocalDate.of(receipt.date.getYear(), 12, 15)))
			.toList());
		candidates.sort(Comparator.comparing((Receipt receipt) -> receipt.date).thenComparingLong((r) -> r.tiebreak));
		Collections.shuffle(candidates, random);
		long count = Math.min(candidates.size(), Math.max(1, Math.round(receipts.size() * REVERSED_SHARE)));
		List<Refund> refunds = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Receipt original = candidates.get(i);
			long amount = Math.max(1, (long) Math.floor(original.amount * Split.between(random, 0.05, 0.5)));
			LocalDate date = WorkingDays.after(original.date, 1 + random.nextInt(10));
			refunds.add(new Refund(original, date, amount, random.nextLong()));
		}
		return refunds;
	}

	/** Numbers the STS of each collecting OPD in date order, as its register does, and renders them. */
	private static List<Draft> render(GeneratorSettings settings, List<Receipt> receipts, List<Refund> refunds) {
		int year = settings.fiscalYear();
		String pemda = settings.pemda();
		record Dated(LocalDate date, long tiebreak, Object fact) {
		}
		List<Dated> all = new ArrayList<>();
		receipts.forEach((receipt) -> all.add(new Dated(receipt.date, receipt.tiebreak, receipt)));
		refunds.forEach((refund) -> all.add(new Dated(refund.date, refund.tiebreak, refund)));
		all.sort(Comparator.comparing(Dated::date).thenComparingLong(Dated::tiebreak));
		DocumentNumbers numbers = new DocumentNumbers();
		List<Draft> drafts = new ArrayList<>();
		for (Dated dated : all) {
			ObjectNode node;
			Effect effect;
			String opd;
			if (dated.fact() instanceof Receipt receipt) {
				opd = receipt.target.opd();
				int number = numbers.next(opd, "STS", year);
				receipt.eventId = String.format("STS-%d-%s-%06d", year, opd, number);
				receipt.documentNumber = String.format("%06d/STS/%s/%d", number, opd, year);
				node = EventJson.envelope(receipt.eventId, "pad-received", pemda, year, opd, receipt.date, "STS",
						receipt.documentNumber);
				node.put("account", receipt.account);
				node.put("amount", Money.format(receipt.amount));
				node.put("channel", receipt.channel);
				effect = new Effect.Revenue(opd, receipt.target.revenueType(), Money.rupiah(receipt.amount));
			}
			else {
				Refund refund = (Refund) dated.fact();
				Receipt original = refund.original;
				opd = original.target.opd();
				int number = numbers.next(opd, "STS-BATAL", year);
				node = EventJson.envelope(String.format("STS-BATAL-%d-%s-%06d", year, opd, number),
						"pad-receipt-reversed", pemda, year, opd, refund.date, "STS",
						original.documentNumber + "/KOREKSI");
				node.put("reverses", original.eventId);
				node.put("amount", Money.format(refund.amount));
				node.put("reason", "Overpayment refunded to the taxpayer");
				effect = new Effect.Revenue(opd, original.target.revenueType(), Money.rupiah(refund.amount).negate());
			}
			SimEvent event = new SimEvent(dated.date(), Topics.PAD, pemda + "/" + opd, EventJson.write(node),
					SimEvent.Kind.VALID, null);
			drafts.add(new Draft(dated.date(), Draft.SPENDING, dated.tiebreak(), event, effect));
		}
		return drafts;
	}

	/**
	 * Rule-breaking PAD events, one rule each: an unknown OPD, a transfer account (4.2, not PAD), a
	 * closed year, an amount in the Indonesian display form or as a JSON number, a refund of a
	 * receipt never sent, and an unknown payment channel.
	 */
	private static List<Draft> faults(GeneratorSettings settings, List<Draft> valid, List<Receipt> receipts,
			Random random) {
		TopicFaults faults = new TopicFaults(settings, random);
		List<Draft> drafts = new ArrayList<>(faults.duplicatesAndMalformed(valid));
		if (receipts.isEmpty()) {
			return drafts;
		}
		long count = faults.invalidCount(valid.size(), INVALID_VARIANTS);
		int year = settings.fiscalYear();
		String pemda = settings.pemda();
		for (int i = 0; i < count; i++) {
			Receipt template = receipts.get(random.nextInt(receipts.size()));
			String opd = template.target.opd();
			LocalDate published = faults.later(template.date);
			LocalDate occurredOn = published;
			int fiscalYear = year;
			String id = String.format("STS-%d-%s-F%05d", year, opd, i);
			String account = template.account;
			Object amount = Money.format(template.amount);
			String channel = template.channel;
			String reason;
			switch (i % INVALID_VARIANTS) {
				case 0 -> {
					reason = "UNKNOWN_OPD";
					opd = List.of("KEC-WAWO", "DISPENDA", "BAPENDA-X").get((i / INVALID_VARIANTS) % 3);
					id = String.format("STS-%d-%s-F%05d", year, opd, i);
				}
				case 1 -> {
					// the general allocation grant (DAU) is a transfer, not own-source revenue
					reason = "ACCOUNT_OUTSIDE_CATEGORY";
					account = "4.2.01.01.01.0001";
				}
				case 2 -> {
					// a receipt of last December arriving in January: its year is closed
					reason = "FISCAL_YEAR_CLOSED";
					fiscalYear = year - 1;
					occurredOn = WorkingDays.pick(random, year - 1, 12, 15, 31);
					published = WorkingDays.pick(random, year, 1, 5, 30);
					id = String.format("STS-%d-%s-F%05d", year - 1, opd, i);
				}
				case 3 -> {
					reason = "MALFORMED_AMOUNT";
					amount = Money.indonesian(template.amount);
				}
				case 4 -> {
					reason = "MALFORMED_AMOUNT";
					amount = Money.rupiah(template.amount);
				}
				case 5 -> reason = "UNKNOWN_REFERENCE";
				default -> {
					reason = "INVALID_FIELD";
					channel = "CASH";
				}
			}
			ObjectNode node;
			if (reason.equals("UNKNOWN_REFERENCE")) {
				node = EventJson.envelope(String.format("STS-BATAL-%d-%s-F%05d", year, opd, i), "pad-receipt-reversed",
						pemda, year, opd, occurredOn, "STS", String.format("%06d/STS/%s/%d/KOREKSI", 900_000 + i, opd, year));
				node.put("reverses", String.format("STS-%d-%s-%06d", year, opd, 900_000 + i));
				node.put("amount", Money.format(Math.max(1, template.amount / 4)));
				node.put("reason", "STS corrected");
			}
			else {
				node = EventJson.envelope(id, "pad-received", pemda, fiscalYear, opd, occurredOn, "STS", "STS/" + id);
				node.put("account", account);
				if (amount instanceof java.math.BigDecimal number) {
					node.put("amount", number);
				}
				else {
					node.put("amount", (String) amount);
				}
				node.put("channel", channel);
			}
			drafts.add(faults.invalid(published, Topics.PAD, pemda + "/" + opd, EventJson.write(node), reason));
		}
		return drafts;
	}

	/** A receipt before numbering; thousands of rupiah. */
	private static final class Receipt {

		final Target target;

		final String account;

		final LocalDate date;

		final long amount;

		final String channel;

		final long tiebreak;

		String eventId;

		String documentNumber;

		Receipt(Target target, String account, LocalDate date, long amount, String channel, long tiebreak) {
			this.target = target;
			this.account = account;
			this.date = date;
			this.amount = amount;
			this.channel = channel;
			this.tiebreak = tiebreak;
		}

	}

	/** A partial refund of an earlier receipt of the same OPD. */
	private record Refund(Receipt original, LocalDate date, long amount, long tiebreak) {

		Refund {
			if (!date.isAfter(original.date) || amount < 1 || amount > original.amount) {
				throw new IllegalArgumentException("a refund comes after its receipt and refunds part of it");
			}
		}

	}

}
