package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import tools.jackson.databind.node.ObjectNode;

/**
 * Belanja modal (accounts 5.2) on {@code apbd.capital.v1}: the capital budget lines of the OPDs
 * that build (about Rp110 bn, the priority projects of DOMAIN §6 under the sub-kegiatan codes
 * capital-spending's configuration lists), contracts signed in Q1–Q2 (the 2025 carry-overs in
 * January, due by 31 March), physical progress reports rising along an S-curve (the contracts of
 * lagging OPDs and some others slipping behind time), and SP2D-LS payments: an advance, an
 * instalment at 50% and at 80% of the works (95% of the value done, 5% retention), and the final
 * payment after the handover (BAST). One contract is handed over but never paid in full, and one
 * instalment is partly reversed. Payments net of reversals never exceed the contract value.
 */
final class CapitalGenerator implements TopicGenerator {

	/** The project handed over but left unpaid: the Serasuba city park of PERKIM. */
	static final String UNPAID_SUB_ACTIVITY = "1.04.02.2.01.0005";

	private static final int INVALID_VARIANTS = 9;

	private static final long RUPIAH_BN_IN_THOUSANDS = 1_000_000;

	/** What an OPD builds or buys in the year: one capital budget line. */
	record Works(String opd, String subActivity, String account, long paguMillions, boolean carryOver, String what) {
	}

	/**
	 * Capital works of Kota Bima 2026. The priority projects use exactly the sub-kegiatan codes of
	 * {@code apbd.capital.projects} in capital-spending's application.yml; the other codes are
	 * outside that list.
	 */
	static final List<Works> WORKS = List.of(
			new Works("RSUD", "1.02.02.2.01.0001", "5.2.03.01.01.0007", 32_000, true, "inpatient wing"),
			new Works("RSUD", "1.02.02.2.01.0014", "5.2.02.07.01.0001", 6_000, false, "medical equipment"),
			new Works("PUPR", "1.03.03.2.01.0001", "5.2.01.01.01.0001", 10_000, true, "NUFReP land acquisition"),
			new Works("PUPR", "1.03.03.2.01.0002", "5.2.04.02.01.0001", 3_000, true, "NUFReP drainage"),
			new Works("PUPR", "1.03.10.2.01.0001", "5.2.04.01.01.0001", 5_000, false, "city roads"),
			new Works("PUPR", "1.03.03.2.01.0003", "5.2.04.02.01.0002", 2_500, false, "urban drainage"),
			new Works("PERKIM", UNPAID_SUB_ACTIVITY, "5.2.04.03.01.0001", 5_000, true, "Serasuba city park"),
			new Works("PERKIM", "1.04.02.2.01.0002", "5.2.03.01.01.0012", 4_000, true, "house repair"),
			new Works("PERKIM", "1.04.03.2.01.0001", "5.2.05.01.01.0001", 1_500, false, "green open space"),
			new Works("PERKIM", "1.04.02.2.01.0003", "5.2.04.03.01.0002", 2_000, false, "slum upgrading"),
			new Works("DINSOS", "1.06.04.2.01.0001", "5.2.03.01.01.0013", 3_000, true, "regional PKH"),
			new Works("DLH", "2.11.05.2.01.0001", "5.2.02.03.01.0004", 3_000, false, "waste trucks"),
			new Works("DIKPORA", "1.01.02.2.01.0010", "5.2.03.01.01.0010", 12_000, false, "classrooms"),
			new Works("DIKPORA", "1.01.02.2.01.0011", "5.2.02.05.01.0001", 3_000, false, "school equipment"),
			new Works("DINKES", "1.02.02.2.01.0020", "5.2.03.01.01.0011", 6_000, false, "puskesmas"),
			new Works("DINKES", "1.02.02.2.01.0021", "5.2.02.07.01.0002", 2_500, false, "medical equipment"),
			new Works("DISHUB", "2.15.02.2.01.0001", "5.2.02.10.01.0003", 2_000, false, "traffic lights"),
			new Works("SETDA", "4.01.01.2.02.0001", "5.2.02.02.01.0003", 1_500, false, "official vehicles"),
			new Works("BPKAD", "5.02.01.2.02.0001", "5.2.02.10.01.0002", 800, false, "computers"),
			new Works("DKP", "3.25.02.2.01.0001", "5.2.03.01.01.0014", 1_200, false, "fish landing"),
			new Works("KETAPANG", "2.09.02.2.01.0001", "5.2.03.01.01.0015", 500, false, "food store"),
			new Works("BPBD", "1.05.02.2.01.0001", "5.2.02.01.01.0001", 700, false, "rescue equipment"),
			new Works("DISKOMINFOTIK", "2.16.02.2.01.0001", "5.2.02.10.01.0004", 1_000, false, "network"),
			new Works("SATPOLPP", "1.05.01.2.01.0001", "5.2.02.02.01.0004", 400, false, "patrol vehicles"),
			new Works("DISPARBUD", "3.26.02.2.01.0001", "5.2.03.01.01.0016", 800, false, "tourism facilities"));

	private static final List<String> SUPPLIERS = List.of("CV Bima Karya Mandiri", "PT Mbojo Konstruksi",
			"CV Dana Mbojo", "PT Sangiang Jaya", "CV Lawata Indah", "PT Nusa Tenggara Bangun", "CV Doro Ncanga",
			"PT Kalaki Teknik", "CV Amahami Sejahtera", "PT Sumbawa Medika", "CV Ama Hami Utama", "PT Tambora Prima");

	/** Capital cash plans: carry-overs in the first quarter, new works from the second, most at year end. */
	private static final double[] CARRY_OVER_PLAN = { 0.25, 0.30, 0.30, 0.15, 0, 0, 0, 0, 0, 0, 0, 0 };

	private static final double[] NEW_WORKS_PLAN = { 0, 0.02, 0.04, 0.06, 0.08, 0.09, 0.10, 0.10, 0.12, 0.12, 0.13,
			0.14 };

	@Override
	public Category category() {
		return Category.CAPITAL;
	}

	@Override
	public List<Draft> generate(GeneratorSettings settings, BudgetPlanner planner, Function<String, Random> random) {
		List<Draft> drafts = new ArrayList<>();
		List<BudgetLine> lines = new ArrayList<>();
		List<Works> works = new ArrayList<>();
		for (Works work : WORKS) {
			if (settings.opds().contains(work.opd())) {
				double[] plan = work.carryOver() ? CARRY_OVER_PLAN : NEW_WORKS_PLAN;
				lines.add(planner.line(Category.CAPITAL, work.opd(), work.subActivity(), work.account(),
						work.paguMillions() * Money.MILLION, plan));
				works.add(work);
			}
		}
		long order = 1_000_000L * (1 + Category.CAPITAL.ordinal());
		for (BudgetLine line : lines) {
			BudgetLine.Revision revision = line.revisions.get(0);
			String eventId = EventJson.budgetEventId(settings.fiscalYear(), line, revision);
			SimEvent event = new SimEvent(revision.occurredOn(), Topics.BUDGET, line.lineId, EventJson.write(EventJson
				.budgetLine(eventId, settings.pemda(), settings.fiscalYear(), line, revision)), SimEvent.Kind.VALID, null);
			drafts.add(new Draft(revision.occurredOn(), Draft.BUDGET, order++, event, new Effect.BudgetRevision(
					line.lineId, line.opd, Category.CAPITAL, revision.number(), Money.rupiah(revision.pagu()))));
		}

		Random contracting = random.apply("contracts");
		List<Contract> contracts = new ArrayList<>();
		Map<String, Integer> contractSeq = new HashMap<>();
		for (int i = 0; i < works.size(); i++) {
			contracts.addAll(contracts(settings, works.get(i), lines.get(i), contracting, contractSeq));
		}
		Random timeline = random.apply("timeline");
		Contract reversed = pickReversed(contracts, timeline);
		List<Item> items = new ArrayList<>();
		for (Contract contract : contracts) {
			items.addAll(timeline(settings, contract, contract == reversed, timeline));
		}
		List<Draft> valid = render(settings, items);
		drafts.addAll(valid);
		drafts.addAll(faults(settings, valid, contracts, items, random.apply("faults")));
		return drafts;
	}

	/** One contract of the year, before its timeline. */
	static final class Contract {

		final Works works;

		final String contractId;

		final int number;

		final LocalDate signedOn;

		final LocalDate plannedEnd;

		/** Thousands of rupiah. */
		final long value;

		final String supplier;

		/** Pace of the works relative to the plan: below 1 the contract slips behind time. */
		final double speed;

		final boolean leftUnpaid;

		Contract(Works works, String contractId, int number, LocalDate signedOn, LocalDate plannedEnd, long value,
				String supplier, double speed, boolean leftUnpaid) {
			this.works = works;
			this.contractId = contractId;
			this.number = number;
			this.signedOn = signedOn;
			this.plannedEnd = plannedEnd;
			this.value = value;
			this.supplier = supplier;
			this.speed = speed;
			this.leftUnpaid = leftUnpaid;
		}

		boolean slipping() {
			return this.speed < 0.9;
		}

	}

	private static List<Contract> contracts(GeneratorSettings settings, Works works, BudgetLine line, Random random,
			Map<String, Integer> contractSeq) {
		int year = settings.fiscalYear();
		int count = works.carryOver() ? 1 : (works.paguMillions() >= 5_000) ? 2 + random.nextInt(2)
				: 1 + random.nextInt(2);
		// tender savings: the contracts take 88-97% of the pagu
		long total = (long) Math.floor(line.latest().pagu() * Split.between(random, 0.88, 0.97));
		double[] weights = new double[count];
		for (int i = 0; i < count; i++) {
			weights[i] = Split.between(random, 0.6, 1.4);
		}
		long[] values = Split.byWeights(total, weights);
		boolean laggingOpd = settings.laggingOpds().contains(works.opd());
		List<Contract> contracts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int number = contractSeq.merge(works.opd(), 1, Integer::sum);
			LocalDate signed;
			LocalDate plannedEnd;
			if (works.carryOver()) {
				// the 2025 contract, sent again for the value still to be paid; the mayor wants it done in Q1
				signed = WorkingDays.pick(random, year, 1, 5, 16);
				plannedEnd = LocalDate.of(year, 3, 31);
			}
			else {
				signed = WorkingDays.pick(random, year, 2 + random.nextInt(5), 1, 28);
				plannedEnd = signed.plusDays(90 + random.nextInt(121));
				LocalDate latest = LocalDate.of(year, 12, 15);
				plannedEnd = plannedEnd.isAfter(latest) ? latest : plannedEnd;
			}
			boolean leftUnpaid = works.subActivity().equals(UNPAID_SUB_ACTIVITY) && i == 0;
			boolean slipping = !leftUnpaid && (laggingOpd || random.nextDouble() < 0.2);
			double speed = slipping ? Split.between(random, 0.35, 0.7) : Split.between(random, 0.98, 1.08);
			String supplier = SUPPLIERS.get(random.nextInt(SUPPLIERS.size()));
			contracts.add(new Contract(works, String.format("KONTRAK-%s-%d-%04d", works.opd(), year, number), number,
					signed, plannedEnd, Math.max(1, values[i]), supplier, speed, leftUnpaid));
		}
		return contracts;
	}

	/** A contract on plan whose instalment is partly cancelled. */
	private static Contract pickReversed(List<Contract> contracts, Random random) {
		List<Contract> candidates = contracts.stream()
			.filter((contract) -> !contract.slipping() && !contract.leftUnpaid
					&& contract.signedOn.getMonthValue() <= 4 && contract.value >= RUPIAH_BN_IN_THOUSANDS)
			.toList();
		return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
	}

	/** What happens to a contract during the year, each step strictly after the one before. */
	private static List<Item> timeline(GeneratorSettings settings, Contract contract, boolean reverseAnInstalment,
			Random random) {
		List<Item> items = new ArrayList<>();
		items.add(Item.signed(contract, contract.signedOn, random.nextLong()));
		LocalDate last = contract.signedOn;
		long paid = 0;
		boolean land = contract.works.account().startsWith("5.2.01.");
		if (!land && contract.value >= RUPIAH_BN_IN_THOUSANDS) {
			LocalDate on = after(last, 3 + random.nextInt(6));
			if (on != null) {
				long advance = contract.value / 5;
				items.add(Item.payment(contract, on, "ADVANCE", advance, random.nextLong()));
				paid += advance;
				last = on;
			}
		}
		double duration = Math.max(1, ChronoUnit.DAYS.between(contract.signedOn, contract.plannedEnd));
		long progress = 0;
		int report = 0;
		boolean reversedOnce = false;
		LocalDate next = after(last, 10 + random.nextInt(11));
		while (next != null && progress < 10_000) {
			double share = contract.speed * ChronoUnit.DAYS.between(contract.signedOn, next) / duration;
			long reached = (share >= 1) ? 10_000 : Math.round(10_000 * share * share * (3 - 2 * share));
			int threshold = thresholdCrossed(progress, Math.max(progress, reached));
			progress = Math.max(progress, reached);
			items.add(Item.progress(contract, next, ++report, progress, random.nextLong()));
			last = next;
			if (threshold > 0) {
				// 95% of the works done is paid, 5% is retained until the handover
				long due = Math.floorDiv(contract.value * progress * 95, 10_000 * 100) - paid;
				LocalDate on = after(last, 2 + random.nextInt(5));
				if (due > 0 && on != null) {
					Item instalment = Item.payment(contract, on, "INSTALMENT", due, random.nextLong());
					items.add(instalment);
					paid += due;
					last = on;
					if (reverseAnInstalment && !reversedOnce) {
						LocalDate back = after(last, 1 + random.nextInt(3));
						if (back != null) {
							long amount = Math.max(1, (long) Math.floor(due * Split.between(random, 0.1, 0.4)));
							items.add(Item.reversal(contract, back, instalment, amount, random.nextLong()));
							paid -= amount;
							last = back;
							reversedOnce = true;
						}
					}
				}
			}
			next = after(last, 20 + random.nextInt(16));
		}
		if (progress == 10_000) {
			LocalDate handover = after(last, 3 + random.nextInt(5));
			if (handover != null) {
				items.add(Item.handedOver(contract, handover, random.nextLong()));
				last = handover;
				LocalDate on = after(last, 5 + random.nextInt(11));
				if (!contract.leftUnpaid && on != null && contract.value - paid > 0) {
					items.add(Item.payment(contract, on, "FINAL", contract.value - paid, random.nextLong()));
				}
			}
		}
		return items;
	}

	/** 50 or 80 when progress (in hundredths of a percent) crosses that mark, else 0. */
	private static int thresholdCrossed(long before, long after) {
		if (before < 8_000 && after >= 8_000) {
			return 80;
		}
		return (before < 5_000 && after >= 5_000) ? 50 : 0;
	}

	/** Hundredths of a percent as the contract's JSON number, e.g. {@code 40}, {@code 75.5}. */
	static BigDecimal percent(long hundredths) {
		BigDecimal percent = BigDecimal.valueOf(hundredths, 2).stripTrailingZeros();
		return (percent.scale() < 0) ? percent.setScale(0) : percent;
	}

	/** The first working day at least {@code days} after {@code date}; null after the year. */
	static LocalDate after(LocalDate date, int days) {
		LocalDate candidate = date.plusDays(days);
		while (!WorkingDays.isWorkingDay(candidate)) {
			candidate = candidate.plusDays(1);
		}
		return (candidate.getYear() == date.getYear()) ? candidate : null;
	}

	/** Numbers the SP2Ds of each OPD in date order, as a register does, and renders every step. */
	private static List<Draft> render(GeneratorSettings settings, List<Item> items) {
		int year = settings.fiscalYear();
		String pemda = settings.pemda();
		List<Item> sorted = new ArrayList<>(items);
		sorted.sort(Comparator.comparing((Item item) -> item.date).thenComparingLong((item) -> item.tiebreak));
		DocumentNumbers numbers = new DocumentNumbers();
		List<Draft> drafts = new ArrayList<>();
		for (Item item : sorted) {
			Contract contract = item.contract;
			String opd = contract.works.opd();
			ObjectNode node;
			Effect effect;
			switch (item.type) {
				case "capital-contract-signed" -> {
					node = EventJson.envelope(String.format("CONTRACT-%d-%s-%04d", year, opd, contract.number),
							item.type, pemda, year, opd, item.date, "CONTRACT",
							String.format("600/%04d/SPK/%s/%d", contract.number, opd, year));
					putContract(node, contract);
					effect = new Effect.ContractSigned(contract.contractId, opd, Money.rupiah(contract.value));
				}
				case "capital-progress-reported" -> {
					node = EventJson.envelope(String.format("PROGRESS-%d-%s-%04d-%02d", year, opd, contract.number,
							item.sequence), item.type, pemda, year, opd, item.date, "OTHER",
							String.format("LAP-FISIK/%04d/%02d/%d", contract.number, item.sequence, year));
					node.put("contractId", contract.contractId);
					node.put("physicalProgress", percent(item.amount));
					effect = null;
				}
				case "capital-handed-over" -> {
					node = EventJson.envelope(String.format("BAST-%d-%s-%04d", year, opd, contract.number), item.type,
							pemda, year, opd, item.date, "BAST",
							String.format("BAST/%04d/%s/%d", contract.number, opd, year));
					node.put("contractId", contract.contractId);
					effect = new Effect.HandedOver(contract.contractId, opd);
				}
				case "capital-payment" -> {
					int number = numbers.next(opd, "SP2D-MODAL", year);
					item.eventId = String.format("SP2D-MODAL-%d-%s-%05d", year, opd, number);
					item.documentNumber = String.format("%05d/SP2D-LS/%s/%d", number, opd, year);
					node = EventJson.envelope(item.eventId, item.type, pemda, year, opd, item.date, "SP2D",
							item.documentNumber);
					node.put("contractId", contract.contractId);
					node.put("stage", item.stage);
					node.put("amount", Money.format(item.amount));
					effect = new Effect.ContractPayment(contract.contractId, opd, Money.rupiah(item.amount));
				}
				default -> {
					int number = numbers.next(opd, "SP2D-MODAL-BATAL", year);
					node = EventJson.envelope(String.format("SP2D-MODAL-BATAL-%d-%s-%05d", year, opd, number),
							item.type, pemda, year, opd, item.date, "SP2D", item.original.documentNumber + "/BATAL");
					node.put("reverses", item.original.eventId);
					node.put("amount", Money.format(item.amount));
					node.put("reason", "SP2D cancelled: wrong beneficiary account");
					effect = new Effect.ContractPayment(contract.contractId, opd, Money.rupiah(item.amount).negate());
				}
			}
			SimEvent event = new SimEvent(item.date, Topics.CAPITAL, pemda + "/" + opd, EventJson.write(node),
					SimEvent.Kind.VALID, null);
			drafts.add(new Draft(item.date, Draft.SPENDING, item.tiebreak, event, effect));
		}
		return drafts;
	}

	private static void putContract(ObjectNode node, Contract contract) {
		node.put("contractId", contract.contractId);
		node.put("subActivity", contract.works.subActivity());
		node.put("account", contract.works.account());
		node.put("supplier", contract.supplier);
		node.put("value", Money.format(contract.value));
		node.put("plannedEnd", contract.plannedEnd.toString());
	}

	/**
	 * Rule-breaking capital events, one rule each: an unknown OPD, a goods account, a closed year,
	 * a malformed amount, a payment of an unsigned contract, a payment above the contract value, a
	 * progress report below an earlier one, a contract signed twice, a progress above 100%.
	 */
	private static List<Draft> faults(GeneratorSettings settings, List<Draft> valid, List<Contract> contracts,
			List<Item> items, Random random) {
		TopicFaults faults = new TopicFaults(settings, random);
		List<Draft> drafts = new ArrayList<>(faults.duplicatesAndMalformed(valid));
		List<Item> reports = items.stream()
			.filter((item) -> item.type.equals("capital-progress-reported") && item.amount >= 200)
			.toList();
		long count = faults.invalidCount(valid.size(), INVALID_VARIANTS);
		if (contracts.isEmpty() || reports.isEmpty()) {
			return drafts;
		}
		int year = settings.fiscalYear();
		String pemda = settings.pemda();
		for (int i = 0; i < count; i++) {
			Contract contract = contracts.get(random.nextInt(contracts.size()));
			String opd = contract.works.opd();
			LocalDate published = faults.later(contract.signedOn);
			String id = String.format("%s-%d-%s-F%04d", "FAULT", year, opd, i);
			ObjectNode node;
			String reason;
			switch (i % INVALID_VARIANTS) {
				case 0 -> {
					reason = "UNKNOWN_OPD";
					opd = List.of("KEC-WAWO", "DISPERTA", "DINAS-X").get((i / INVALID_VARIANTS) % 3);
					node = signed(id, pemda, year, opd, published, contract, "KONTRAK-" + opd + "-" + year + "-F" + i);
				}
				case 1 -> {
					reason = "ACCOUNT_OUTSIDE_CATEGORY";
					node = signed(id, pemda, year, opd, published, contract, contract.contractId + "-F" + i);
					// office supplies are belanja barang, never capital
					node.put("account", "5.1.02.01.01.0024");
				}
				case 2 -> {
					// a contract of last year arriving in January: its year is closed
					reason = "FISCAL_YEAR_CLOSED";
					LocalDate occurredOn = WorkingDays.pick(random, year - 1, 12, 1, 20);
					published = WorkingDays.pick(random, year, 1, 5, 30);
					node = signed(id, pemda, year - 1, opd, occurredOn, contract,
							String.format("KONTRAK-%s-%d-F%04d", opd, year - 1, i));
					node.put("plannedEnd", occurredOn.plusDays(30).toString());
				}
				case 3 -> {
					reason = "MALFORMED_AMOUNT";
					node = payment(id, pemda, year, opd, published, contract.contractId, Money.indonesian(1_000));
				}
				case 4 -> {
					reason = "UNKNOWN_REFERENCE";
					node = payment(id, pemda, year, opd, published,
							String.format("KONTRAK-%s-%d-%04d", opd, year, 9_000 + i), Money.format(50_000));
				}
				case 5 -> {
					reason = "PAYMENT_EXCEEDS_CONTRACT";
					node = payment(id, pemda, year, opd, published, contract.contractId,
							Money.format(contract.value + 1_000));
				}
				case 6 -> {
					reason = "PROGRESS_NOT_MONOTONIC";
					Item report = reports.get(random.nextInt(reports.size()));
					contract = report.contract;
					opd = contract.works.opd();
					id = String.format("%s-%d-%s-F%04d", "FAULT", year, opd, i);
					published = faults.later(report.date);
					node = EventJson.envelope(id, "capital-progress-reported", pemda, year, opd, published, "OTHER",
							"LAP-FISIK/" + id);
					node.put("contractId", contract.contractId);
					node.put("physicalProgress", percent(report.amount / 2));
				}
				case 7 -> {
					reason = "CONTRACT_CONFLICT";
					node = signed(id, pemda, year, opd, published, contract, contract.contractId);
				}
				default -> {
					reason = "INVALID_FIELD";
					node = EventJson.envelope(id, "capital-progress-reported", pemda, year, opd, published, "OTHER",
							"LAP-FISIK/" + id);
					node.put("contractId", contract.contractId);
					node.put("physicalProgress", 120);
				}
			}
			drafts.add(faults.invalid(published, Topics.CAPITAL, pemda + "/" + opd, EventJson.write(node), reason));
		}
		return drafts;
	}

	private static ObjectNode signed(String id, String pemda, int year, String opd, LocalDate occurredOn,
			Contract template, String contractId) {
		ObjectNode node = EventJson.envelope(id, "capital-contract-signed", pemda, year, opd, occurredOn, "CONTRACT",
				"SPK/" + id);
		putContract(node, template);
		node.put("contractId", contractId);
		LocalDate plannedEnd = template.plannedEnd.isBefore(occurredOn) ? occurredOn : template.plannedEnd;
		node.put("plannedEnd", plannedEnd.toString());
		return node;
	}

	private static ObjectNode payment(String id, String pemda, int year, String opd, LocalDate occurredOn,
			String contractId, String amount) {
		ObjectNode node = EventJson.envelope(id, "capital-payment", pemda, year, opd, occurredOn, "SP2D",
				"SP2D-LS/" + id);
		node.put("contractId", contractId);
		node.put("stage", "INSTALMENT");
		node.put("amount", amount);
		return node;
	}

	/** One step of a contract's year before numbering: signing, a report, a payment, a reversal, BAST. */
	static final class Item {

		final String type;

		final Contract contract;

		final LocalDate date;

		final long tiebreak;

		/** Thousands of rupiah for payments and reversals; hundredths of a percent for progress. */
		final long amount;

		final int sequence;

		final String stage;

		final Item original;

		String eventId;

		String documentNumber;

		private Item(String type, Contract contract, LocalDate date, long tiebreak, long amount, int sequence,
				String stage, Item original) {
			this.type = type;
			this.contract = contract;
			this.date = date;
			this.tiebreak = tiebreak;
			this.amount = amount;
			this.sequence = sequence;
			this.stage = stage;
			this.original = original;
		}

		static Item signed(Contract contract, LocalDate date, long tiebreak) {
			return new Item("capital-contract-signed", contract, date, tiebreak, contract.value, 0, null, null);
		}

		static Item progress(Contract contract, LocalDate date, int sequence, long hundredths, long tiebreak) {
			return new Item("capital-progress-reported", contract, date, tiebreak, hundredths, sequence, null, null);
		}

		static Item payment(Contract contract, LocalDate date, String stage, long amount, long tiebreak) {
			return new Item("capital-payment", contract, date, tiebreak, amount, 0, stage, null);
		}

		static Item reversal(Contract contract, LocalDate date, Item payment, long amount, long tiebreak) {
			return new Item("capital-payment-reversed", contract, date, tiebreak, amount, 0, null, payment);
		}

		static Item handedOver(Contract contract, LocalDate date, long tiebreak) {
			return new Item("capital-handed-over", contract, date, tiebreak, 0, 0, null, null);
		}

	}

}
