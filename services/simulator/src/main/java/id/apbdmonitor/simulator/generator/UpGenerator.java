package id.apbdmonitor.simulator.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * {@link #UNRETURNED_UP} neither returns its leftover nor closes its UP by 31 December. None of
 * this is realisation: it only moves the treasurers' float.
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

	private static final int INVALID_VARIANTS = 6;

	@Override
	public Category category() {
		return Category.UP;
	}

	@Override
	public List<Draft> generate(GeneratorSettings settings, BudgetPlanner planner, Function<String, Random> random) {
		Random flows = random.apply("flows");
		List<Movement> movements = new ArrayList<>();
		for (String opd : settings.opds()) {
			movements.addAll(opd(settings, opd, flows));
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
	 * Rule-breaking UP events, one rule each, with the reason up-advances dead-letters them with: an
	 * unknown OPD, a closed year, an amount in the Indonesian display form or as a JSON number, an
	 * LPJ-TU dated before its TU was disbursed, and a TU leftover larger than the TU.
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
					// a leftover larger than the whole TU
					reason = "TU_EXCEEDS_DISBURSED";
					kind = UpEvent.TU_RETURNED;
					tu = template.eventId;
					amount = Money.format(template.amount + 1_000);
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

	}

}
