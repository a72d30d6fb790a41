package id.apbdmonitor.simulator.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import tools.jackson.databind.node.ObjectNode;

/**
 * UP, GU and TU cash advances (DOMAIN §3) on {@code apbd.up.v1}: each OPD's UP ceiling set by the
 * mayor's decree in early January (scaled by the OPD's size), the SP2D-UP in January or February
 * ({@link #LATE_UP} in March), GU cycles roughly monthly (SPJ-GU approved, refilled by SP2D-GU a
 * few days later, never more than 30 days after the previous refill), a TU for some OPDs settled
 * by LPJ and a returned leftover within 30 days, then in December a last SPJ-GU, the leftover
 * returned and the UP closed. Scripted: {@link #STALE_UP} account once and never refill (their GU
 * goes stale), {@link #OVERDUE_TU} leaves one TU open for about 75 days, and
 * {@link #UNRETURNED_UP} neither returns its leftover nor closes its UP by 31 December. Each
 * treasury-control rule of up-advances is broken by one OPD of {@link #RULE_BREACHES}: facts that
 * happened (valid events, stored and counted), each drawn from a random stream of its own so that
 * the other OPDs' flows stay as they were. None of this is realisation: it only moves the
 * treasurers' float.
 */
final class UpGenerator implements TopicGenerator {

	/** OPDs that account for part of their UP once and never get it refilled. */
	static final List<String> STALE_UP = List.of("DKP", "KETAPANG", "KEC-RASANAE-TIMUR");

	/** The OPD whose emergency TU of early June stays open well past 30 days (settled mid-August). */
	static final String OVERDUE_TU = "BPBD";

	/** The OPD that requests its first UP only in March. */
	static final String LATE_UP = "DISPUSIP";

	/** The OPD that neither returns its leftover nor closes its UP by 31 December. */
	static final String UNRETURNED_UP = "KEC-MPUNDA";

	/**
	 * The OPD that breaks each treasury-control rule of up-advances (the {@code rule} label), once:
	 * a second SP2D-UP in April (up_above_ceiling, until the December return), a refill in May or
	 * June above its SPJ-GU (gu_above_awaiting, until the December SPJ-GU), a TU of May with a
	 * leftover returned above what it has left (return_above_held) or accounted above it
	 * (accounted_above_held, both for the rest of the year), an SPJ-GU in the last days of
	 * December after the UP is closed (activity_after_closure), and a second TU in early July
	 * while the first is open (tu_while_open, until the first is settled in late July).
	 */
	static final Map<String, String> RULE_BREACHES = Map.of("up_above_ceiling", "DINSOS", "gu_above_awaiting",
			"PERKIM", "return_above_held", "DLH", "accounted_above_held", "DISNAKER", "activity_after_closure",
			"DISPARBUD", "tu_while_open", "SATPOLPP");

	private static final int INVALID_VARIANTS = 6;

	@Override
	public Category category() {
		return Category.UP;
	}

	@Override
	public List<Draft> generate(GeneratorSettings settings, BudgetPlanner planner, Function<String, Random> random) {
		Random flows = random.apply("flows");
		Random breaches = random.apply("breaches");
		List<Movement> movements = new ArrayList<>();
		for (String opd : settings.opds()) {
			List<Movement> list = opd(settings, opd, flows);
			for (Map.Entry<String, String> breach : RULE_BREACHES.entrySet()) {
				if (breach.getValue().equals(opd)) {
					breach(settings, breach.getKey(), list, breaches);
				}
			}
			movements.addAll(list);
		}
		List<Draft> valid = render(settings, movements);
		List<Draft> drafts = new ArrayList<>(valid);
		drafts.addAll(faults(settings, valid, movements, random.apply("faults")));
		return drafts;
	}

	/** The UP ceiling of an OPD, thousands of rupiah: Rp80 M plus Rp300,000 per employee, in Rp5 M steps, at most Rp500 M. */
	static long ceiling(String opd) {
		long millions = Math.min(500, 80 + Math.round(TppGenerator.employees(opd) * 0.3));
		return (millions / 5) * 5 * Money.MILLION;
	}

	private static List<Movement> opd(GeneratorSettings settings, String opd, Random random) {
		int year = settings.fiscalYear();
		List<Movement> list = new ArrayList<>();
		long ceiling = ceiling(opd);
		list.add(new Movement(opd, UpEvent.CEILING, WorkingDays.pick(random, year, 1, 5, 9), ceiling, null));
		LocalDate upOn = opd.equals(LATE_UP) ? WorkingDays.pick(random, year, 3, 9, 20)
				: (random.nextDouble() < 0.8) ? WorkingDays.pick(random, year, 1, 12, 30)
						: WorkingDays.pick(random, year, 2, 2, 20);
		long up = ceiling;
		list.add(new Movement(opd, UpEvent.UP, upOn, up, null));

		if (STALE_UP.contains(opd)) {
			// one SPJ-GU, never refilled: the float stays out and its GU goes stale
			LocalDate spj = WorkingDays.after(upOn, 20 + random.nextInt(15));
			list.add(new Movement(opd, UpEvent.GU_ACCOUNTED, spj, share(up, 0.3, 0.6, random), null));
			// BPKAD has them return the leftover in the second half of December
			yearEnd(settings, opd, list, WorkingDays.pick(random, year, 12, 15, 29), up - list.get(list.size() - 1).amount,
					random);
			return list;
		}

		// GU cycles: each refill 20 to 26 days (then the next working day) after the one before
		LocalDate lastRefill = upOn;
		LocalDate cyclesUntil = LocalDate.of(year, 12, 18);
		while (lastRefill.plusDays(28).isBefore(cyclesUntil)) {
			LocalDate refill = WorkingDays.after(lastRefill, 20 + random.nextInt(7));
			LocalDate spj = before(refill, 2 + random.nextInt(4));
			long amount = share(up, 0.5, 0.85, random);
			list.add(new Movement(opd, UpEvent.GU_ACCOUNTED, spj, amount, null));
			list.add(new Movement(opd, UpEvent.GU_REFILLED, refill, amount, null));
			lastRefill = refill;
		}

		if (opd.equals(OVERDUE_TU) || random.nextDouble() < 0.3) {
			long amount = share(ceiling, 0.1, 0.4, random);
			LocalDate disbursed;
			LocalDate lpj;
			LocalDate returned;
			if (opd.equals(OVERDUE_TU)) {
				disbursed = WorkingDays.pick(random, year, 6, 1, 5);
				lpj = WorkingDays.after(disbursed, 70 + random.nextInt(6));
				returned = WorkingDays.after(lpj, 1 + random.nextInt(3));
			}
			else {
				disbursed = WorkingDays.pick(random, year, 3 + random.nextInt(8), 1, 28);
				// settled by day 28 at the latest: the LPJ by day 24, the leftover within 4 days of it
				lpj = WorkingDays.after(disbursed, 7 + random.nextInt(16));
				returned = WorkingDays.after(lpj, random.nextInt(3));
			}
			Movement tuMovement = new Movement(opd, UpEvent.TU, disbursed, amount, null);
			list.add(tuMovement);
			long accounted = share(amount, 0.8, 0.98, random);
			list.add(new Movement(opd, UpEvent.TU_ACCOUNTED, lpj, accounted, tuMovement));
			list.add(new Movement(opd, UpEvent.TU_RETURNED, returned, amount - accounted, tuMovement));
		}
		if (opd.equals(UNRETURNED_UP)) {
			return list;
		}
		// a last SPJ-GU that is not refilled (GU nihil), then the leftover back and the UP closed,
		// all within 12 days of the last refill, so that no GU goes stale on the way
		LocalDate spj = WorkingDays.after(lastRefill, 2 + random.nextInt(4));
		long amount = share(up, 0.3, 0.7, random);
		list.add(new Movement(opd, UpEvent.GU_ACCOUNTED, spj, amount, null));
		yearEnd(settings, opd, list, WorkingDays.after(spj, 1 + random.nextInt(3)), up - amount, random);
		return list;
	}

	/** Rewrites one OPD's regular year so that it breaks {@code rule} once (see {@link #RULE_BREACHES}). */
	private static void breach(GeneratorSettings settings, String rule, List<Movement> list, Random random) {
		int year = settings.fiscalYear();
		String opd = list.get(0).opd;
		long ceiling = ceiling(opd);
		switch (rule) {
			case "up_above_ceiling" -> {
				// a second SP2D-UP of 30–50% of the ceiling; the December return takes it back
				long extra = share(ceiling, 0.3, 0.5, random);
				list.add(new Movement(opd, UpEvent.UP, WorkingDays.pick(random, year, 4, 6, 17), extra, null));
				addToReturn(list, extra);
			}
			case "gu_above_awaiting" -> {
				// the first refill from May pays 10–20% of the ceiling more than its SPJ-GU
				Movement refill = list.stream()
					.filter(movement -> movement.kind == UpEvent.GU_REFILLED && movement.date.getMonthValue() >= 5)
					.findFirst()
					.orElseThrow();
				long excess = share(ceiling, 0.1, 0.2, random);
				list.set(list.indexOf(refill), refill.withAmount(refill.amount + excess));
				addToReturn(list, excess);
			}
			case "return_above_held", "accounted_above_held" -> {
				list.removeIf(movement -> movement.kind == UpEvent.TU || movement.tu != null);
				long amount = share(ceiling, 0.1, 0.3, random);
				Movement tu = new Movement(opd, UpEvent.TU, WorkingDays.pick(random, year, 5, 4, 22), amount, null);
				list.add(tu);
				LocalDate lpj = WorkingDays.after(tu.date, 7 + random.nextInt(10));
				long over = share(amount, 0.02, 0.05, random);
				if (rule.equals("accounted_above_held")) {
					// an LPJ-TU above the TU, nothing to return
					list.add(new Movement(opd, UpEvent.TU_ACCOUNTED, lpj, amount + over, tu));
				}
				else {
					// the leftover deposited is larger than what the TU has left
					long accounted = share(amount, 0.8, 0.95, random);
					list.add(new Movement(opd, UpEvent.TU_ACCOUNTED, lpj, accounted, tu));
					list.add(new Movement(opd, UpEvent.TU_RETURNED, WorkingDays.after(lpj, 1 + random.nextInt(2)),
							amount - accounted + over, tu));
				}
			}
			case "tu_while_open" -> {
				// TU 1 of 1–3 July, TU 2 of 7–10 July while TU 1 is open; both settled in late July
				list.removeIf(movement -> movement.kind == UpEvent.TU || movement.tu != null);
				settledTu(list, opd, WorkingDays.pick(random, year, 7, 1, 3), share(ceiling, 0.1, 0.2, random),
						17 + random.nextInt(5), random);
				settledTu(list, opd, WorkingDays.pick(random, year, 7, 7, 10), share(ceiling, 0.05, 0.15, random),
						14 + random.nextInt(6), random);
			}
			case "activity_after_closure" -> {
				// 2–5% of the UP is still in an SPJ-GU when the UP is closed; it is approved 1–2 days later
				Movement closed = list.stream().filter(movement -> movement.kind == UpEvent.CLOSED).findFirst().orElseThrow();
				long late = share(ceiling, 0.02, 0.05, random);
				addToReturn(list, -late);
				list.add(new Movement(opd, UpEvent.GU_ACCOUNTED, WorkingDays.after(closed.date, 1 + random.nextInt(2)),
						late, null));
			}
			default -> throw new IllegalArgumentException("no script for rule " + rule);
		}
	}

	/** A TU settled by LPJ-TU {@code lpjAfter} days after it and its leftover returned 0–1 days later. */
	private static void settledTu(List<Movement> list, String opd, LocalDate disbursed, long amount, int lpjAfter,
			Random random) {
		Movement tu = new Movement(opd, UpEvent.TU, disbursed, amount, null);
		list.add(tu);
		LocalDate lpj = WorkingDays.after(disbursed, lpjAfter);
		long accounted = share(amount, 0.8, 0.98, random);
		list.add(new Movement(opd, UpEvent.TU_ACCOUNTED, lpj, accounted, tu));
		list.add(new Movement(opd, UpEvent.TU_RETURNED, WorkingDays.after(lpj, random.nextInt(2)), amount - accounted,
				tu));
	}

	/** Changes the OPD's year-end UP return by {@code delta}, so that it still returns what it holds. */
	private static void addToReturn(List<Movement> list, long delta) {
		Movement returned = list.stream()
			.filter(movement -> movement.kind == UpEvent.UP_RETURNED)
			.findFirst()
			.orElseThrow();
		list.set(list.indexOf(returned), returned.withAmount(returned.amount + delta));
	}

	/** The leftover returned on {@code returned} (30 December at the latest) and the UP closed. */
	private static void yearEnd(GeneratorSettings settings, String opd, List<Movement> list, LocalDate returned,
			long leftover, Random random) {
		LocalDate latest = LocalDate.of(settings.fiscalYear(), 12, 30);
		LocalDate on = returned.isAfter(latest) ? latest : returned;
		list.add(new Movement(opd, UpEvent.UP_RETURNED, on, leftover, null));
		list.add(new Movement(opd, UpEvent.CLOSED, WorkingDays.after(on, random.nextInt(2)), 0, null));
	}

	/** A whole number of thousands between two shares of {@code amount}, at least one. */
	private static long share(long amount, double from, double to, Random random) {
		return Math.max(1, (long) Math.floor(amount * Split.between(random, from, to)));
	}

	/** The last working day at least {@code days} days before {@code date}. */
	static LocalDate before(LocalDate date, int days) {
		LocalDate candidate = date.minusDays(days);
		while (candidate.getDayOfWeek() == DayOfWeek.SATURDAY || candidate.getDayOfWeek() == DayOfWeek.SUNDAY) {
			candidate = candidate.minusDays(1);
		}
		return candidate;
	}

	/** Numbers the documents of each OPD in date order, as its registers do, and renders them. */
	private static List<Draft> render(GeneratorSettings settings, List<Movement> movements) {
		int year = settings.fiscalYear();
		String pemda = settings.pemda();
		// stable: an OPD's movements of one day keep their causal order (TU before its LPJ, return before closure)
		List<Movement> ordered = new ArrayList<>(movements);
		ordered.sort(java.util.Comparator.comparing((Movement movement) -> movement.date));
		DocumentNumbers numbers = new DocumentNumbers();
		List<Draft> drafts = new ArrayList<>();
		long tiebreak = 0;
		for (Movement movement : ordered) {
			UpEvent kind = movement.kind;
			int number = numbers.next(movement.opd, kind.series, year);
			movement.eventId = String.format("%s-%d-%s-%04d", kind.series, year, movement.opd, number);
			String documentNumber = (kind == UpEvent.CEILING)
					? String.format("188.45/%03d/%d", 10 + settings.opds().indexOf(movement.opd), year)
					: String.format("%04d/%s/%s/%d", number, kind.series, movement.opd, year);
			ObjectNode node = EventJson.envelope(movement.eventId, kind.type, pemda, year, movement.opd,
					movement.date, kind.documentKind, documentNumber);
			if (kind != UpEvent.CLOSED) {
				node.put("amount", Money.format(movement.amount));
			}
			if (movement.tu != null) {
				node.put("tu", movement.tu.eventId);
			}
			SimEvent event = new SimEvent(movement.date, Topics.UP, pemda + "/" + movement.opd, EventJson.write(node),
					SimEvent.Kind.VALID, null);
			drafts.add(new Draft(movement.date, Draft.SPENDING, tiebreak++, event, effect(movement)));
		}
		return drafts;
	}

	private static Effect effect(Movement movement) {
		var amount = Money.rupiah(movement.amount);
		var zero = Money.rupiah(0);
		return switch (movement.kind) {
			case CEILING -> new Effect.UpCeiling(movement.opd, amount);
			case UP, GU_REFILLED, TU -> new Effect.UpMovement(movement.opd, amount, zero, zero);
			case GU_ACCOUNTED, TU_ACCOUNTED -> new Effect.UpMovement(movement.opd, zero, amount, zero);
			case TU_RETURNED, UP_RETURNED -> new Effect.UpMovement(movement.opd, zero, zero, amount);
			case CLOSED -> null;
		};
	}

	/**
	 * Defective UP events, one defect each, with the reason up-advances dead-letters them with: an
	 * unknown OPD, a closed year, an amount in the Indonesian display form or as a JSON number, an
	 * LPJ-TU dated before its TU was disbursed, and an LPJ-TU naming another OPD's TU.
	 */
	private static List<Draft> faults(GeneratorSettings settings, List<Draft> valid, List<Movement> movements,
			Random random) {
		TopicFaults faults = new TopicFaults(settings, random);
		List<Draft> drafts = new ArrayList<>(faults.duplicatesAndMalformed(valid));
		List<Movement> tus = movements.stream().filter((movement) -> movement.kind == UpEvent.TU).toList();
		List<Movement> amounts = movements.stream()
			.filter((movement) -> movement.kind == UpEvent.GU_ACCOUNTED || movement.kind == UpEvent.GU_REFILLED)
			.toList();
		if (amounts.isEmpty()) {
			return drafts;
		}
		long count = faults.invalidCount(valid.size(), INVALID_VARIANTS);
		int year = settings.fiscalYear();
		String pemda = settings.pemda();
		for (int i = 0; i < count; i++) {
			int variant = i % INVALID_VARIANTS;
			if (variant >= 4 && tus.isEmpty()) {
				variant = i % 4;
			}
			Movement template = (variant >= 4) ? tus.get(random.nextInt(tus.size()))
					: amounts.get(random.nextInt(amounts.size()));
			String opd = template.opd;
			UpEvent kind = template.kind;
			LocalDate published = faults.later(template.date);
			LocalDate occurredOn = published;
			int fiscalYear = year;
			Object amount = Money.format(template.amount);
			String tu = null;
			String reason;
			switch (variant) {
				case 0 -> {
					reason = "UNKNOWN_OPD";
					opd = List.of("KEC-WAWO", "BAGIAN-UMUM", "UPTD-PASAR").get((i / INVALID_VARIANTS) % 3);
				}
				case 1 -> {
					// an SPJ-GU of last December arriving in January: its year is closed
					reason = "FISCAL_YEAR_CLOSED";
					fiscalYear = year - 1;
					occurredOn = WorkingDays.pick(random, year - 1, 12, 15, 31);
					published = WorkingDays.pick(random, year, 1, 5, 30);
				}
				case 2 -> {
					reason = "MALFORMED_AMOUNT";
					amount = Money.indonesian(template.amount);
				}
				case 3 -> {
					reason = "MALFORMED_AMOUNT";
					amount = Money.rupiah(template.amount);
				}
				case 4 -> {
					// an LPJ-TU dated the day before its TU was disbursed
					reason = "TU_NOT_DISBURSED";
					kind = UpEvent.TU_ACCOUNTED;
					tu = template.eventId;
					occurredOn = template.date.minusDays(1);
					published = faults.later(template.date);
					amount = Money.format(Math.max(1, template.amount / 2));
				}
				default -> {
					// an LPJ-TU of another OPD naming this TU (a leftover above the TU is no defect:
					// it happened, up-advances stores it and flags return_above_held)
					reason = "TU_NOT_DISBURSED";
					kind = UpEvent.TU_ACCOUNTED;
					tu = template.eventId;
					List<String> others = settings.opds().stream().filter(other -> !other.equals(template.opd)).toList();
					if (others.isEmpty()) {
						occurredOn = template.date.minusDays(1);
					}
					else {
						opd = others.get(random.nextInt(others.size()));
					}
					amount = Money.format(Math.max(1, template.amount / 2));
				}
			}
			String id = String.format("%s-%d-%s-F%05d", kind.series, fiscalYear, opd, i);
			ObjectNode node = EventJson.envelope(id, kind.type, pemda, fiscalYear, opd, occurredOn, kind.documentKind,
					String.format("F%05d/%s/%s/%d", i, kind.series, opd, fiscalYear));
			if (amount instanceof java.math.BigDecimal number) {
				node.put("amount", number);
			}
			else {
				node.put("amount", (String) amount);
			}
			if (tu != null) {
				node.put("tu", tu);
			}
			drafts.add(faults.invalid(published, Topics.UP, pemda + "/" + opd, EventJson.write(node), reason));
		}
		return drafts;
	}

	/** The event types of {@code apbd.up.v1}, with their document kind and register series. */
	enum UpEvent {

		CEILING("up-ceiling-set", "OTHER", "SK-UP"), UP("up-disbursed", "SP2D", "SP2D-UP"),
		GU_ACCOUNTED("gu-accounted", "SPJ", "SPJ-GU"), GU_REFILLED("gu-disbursed", "SP2D", "SP2D-GU"),
		TU("tu-disbursed", "SP2D", "SP2D-TU"), TU_ACCOUNTED("tu-accounted", "LPJ", "LPJ-TU"),
		TU_RETURNED("tu-returned", "STS", "STS-TU"), UP_RETURNED("up-returned", "STS", "STS-UP"),
		CLOSED("up-closed", "OTHER", "BA-UP");

		final String type;

		final String documentKind;

		final String series;

		UpEvent(String type, String documentKind, String series) {
			this.type = type;
			this.documentKind = documentKind;
			this.series = series;
		}

	}

	/** One UP fact before numbering; thousands of rupiah. {@code tu} is the TU a TU settlement names. */
	private static final class Movement {

		final String opd;

		final UpEvent kind;

		final LocalDate date;

		final long amount;

		final Movement tu;

		String eventId;

		Movement(String opd, UpEvent kind, LocalDate date, long amount, Movement tu) {
			this.opd = opd;
			this.kind = kind;
			this.date = date;
			this.amount = amount;
			this.tu = tu;
		}

		Movement withAmount(long amount) {
			return new Movement(this.opd, this.kind, this.date, amount, this.tu);
		}

	}

}
