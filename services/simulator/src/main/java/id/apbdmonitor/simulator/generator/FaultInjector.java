package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.node.ObjectNode;

/**
 * Adds the records a real feed also carries: the same record sent twice, records that are not
 * JSON, and well-formed events that break exactly one rule of the contract, each with the
 * reason code a consumer must dead-letter it with. It only adds records; the valid ones stay
 * exactly as they would be without faults.
 */
final class FaultInjector {

	/** OPD codes of neighbouring regions: plausible, but not Kota Bima's. */
	private static final List<String> UNKNOWN_OPDS = List.of("KEC-WAWO", "DISPERTA", "DINAS-X");

	private static final int INVALID_VARIANTS = 6;

	private final GeneratorSettings settings;

	private final Random random;

	private final DocumentNumbers numbers;

	/** Per category, an account code outside it (for ACCOUNT_OUTSIDE_CATEGORY). */
	private final Map<Category, String> foreignAccounts;

	FaultInjector(GeneratorSettings settings, Random random, DocumentNumbers numbers,
			Map<Category, String> foreignAccounts) {
		this.settings = settings;
		this.random = random;
		this.numbers = numbers;
		this.foreignAccounts = foreignAccounts;
	}

	/**
	 * Faults for the valid spending records; their number is a share of those records (at least
	 * one when the rate is positive, at least one of every invalid variant).
	 */
	List<Draft> inject(List<Draft> validSpending, List<SpendingFact> realisations) {
		List<Draft> faults = new ArrayList<>();
		if (validSpending.isEmpty() || realisations.isEmpty()) {
			return faults;
		}
		int n = validSpending.size();
		for (int i = 0; i < count(this.settings.duplicateRate(), n, 1); i++) {
			faults.add(duplicate(validSpending.get(this.random.nextInt(n))));
		}
		for (int i = 0; i < count(this.settings.malformedRate(), n, 1); i++) {
			faults.add(malformed(validSpending.get(this.random.nextInt(n)), i));
		}
		for (int i = 0; i < count(this.settings.invalidRate(), n, INVALID_VARIANTS); i++) {
			faults.add(invalid(realisations.get(this.random.nextInt(realisations.size())), i));
		}
		return faults;
	}

	private static long count(double rate, int records, int minimum) {
		return (rate > 0) ? Math.max(minimum, Math.round(rate * records)) : 0;
	}

	private Draft duplicate(Draft original) {
		SimEvent event = original.event();
		LocalDate date = laterDate(original.date());
		return fault(date, new SimEvent(date, event.topic(), event.key(), event.value(), SimEvent.Kind.DUPLICATE, null));
	}

	private Draft malformed(Draft template, int index) {
		SimEvent event = template.event();
		String value = event.value();
		// a record cut in transit, or a CSV line from an adapter that never spoke JSON
		String broken = (index % 2 == 0) ? value.substring(0, value.length() / 2)
				: "SP2D;" + event.key() + ";" + template.date() + ";12500000.00";
		LocalDate date = laterDate(template.date());
		return fault(date, new SimEvent(date, event.topic(), event.key(), broken, SimEvent.Kind.MALFORMED,
				"MALFORMED_JSON"));
	}

	private Draft invalid(SpendingFact template, int index) {
		int year = this.settings.fiscalYear();
		String pemda = this.settings.pemda();
		String opd = template.opd;
		String kind = template.mechanism.documentKind;
		LocalDate occurredOn = template.date;
		LocalDate published = laterDate(template.date);
		String reason;
		ObjectNode node;
		switch (index % INVALID_VARIANTS) {
			case 0 -> {
				reason = "UNKNOWN_OPD";
				opd = UNKNOWN_OPDS.get((index / INVALID_VARIANTS) % UNKNOWN_OPDS.size());
				node = realised(template, opd, year, occurredOn);
			}
			case 1 -> {
				reason = "ACCOUNT_OUTSIDE_CATEGORY";
				node = realised(template, opd, year, occurredOn);
				node.put("account", this.foreignAccounts.get(template.category));
			}
			case 2 -> {
				// an SP2D of last December arriving in January: its year is closed
				reason = "FISCAL_YEAR_CLOSED";
				occurredOn = WorkingDays.pick(this.random, year - 1, 12, 15, 31);
				published = WorkingDays.pick(this.random, year, 1, 5, 30);
				node = realised(template, opd, year - 1, occurredOn);
			}
			case 3 -> {
				reason = "MALFORMED_AMOUNT";
				node = realised(template, opd, year, occurredOn);
				node.put("amount", Money.indonesian(template.amount));
			}
			case 4 -> {
				reason = "MALFORMED_AMOUNT";
				node = realised(template, opd, year, occurredOn);
				node.put("amount", Money.rupiah(template.amount));
			}
			default -> {
				reason = "UNKNOWN_REFERENCE";
				int missing = 900_000 + index;
				int number = this.numbers.next(opd, kind + "-BATAL", year);
				node = EventJson.envelope(DocumentNumbers.eventId(kind + "-BATAL", year, opd, number),
						"spending-reversed", pemda, year, opd, published, kind,
						DocumentNumbers.documentNumber(missing, template.mechanism.series, opd, year) + "/BATAL");
				node.put("reverses", DocumentNumbers.eventId(kind, year, opd, missing));
				node.put("amount", Money.format(Math.max(1, template.amount / 4)));
				node.put("reason", "SP2D cancelled");
			}
		}
		SimEvent event = new SimEvent(published, template.category.topic(), pemda + "/" + opd, EventJson.write(node),
				SimEvent.Kind.INVALID, reason);
		return fault(published, event);
	}

	/** A realisation like the template but with its own document (a distinct fact). */
	private ObjectNode realised(SpendingFact template, String opd, int year, LocalDate occurredOn) {
		Mechanism mechanism = template.mechanism;
		int number = this.numbers.next(opd, mechanism.documentKind, year);
		ObjectNode node = EventJson.envelope(DocumentNumbers.eventId(mechanism.documentKind, year, opd, number),
				"spending-realised", this.settings.pemda(), year, opd, occurredOn, mechanism.documentKind,
				DocumentNumbers.documentNumber(number, mechanism.series, opd, year));
		node.put("mechanism", mechanism.name());
		node.put("account", template.account);
		node.put("amount", Money.format(template.amount));
		return node;
	}

	private LocalDate laterDate(LocalDate date) {
		return WorkingDays.after(date, this.random.nextInt(6));
	}

	private Draft fault(LocalDate date, SimEvent event) {
		return new Draft(date, Draft.FAULT, this.random.nextLong(), event, null);
	}

}
