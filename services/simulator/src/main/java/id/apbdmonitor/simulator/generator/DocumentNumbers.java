package id.apbdmonitor.simulator.generator;

import java.util.HashMap;
import java.util.Map;

/** Running numbers of source documents, one register per OPD, document series and year. */
final class DocumentNumbers {

	private final Map<String, Integer> last = new HashMap<>();

	int next(String opd, String series, int year) {
		return this.last.merge(opd + "|" + series + "|" + year, 1, Integer::sum);
	}

	/** Gives a realisation its event id (e.g. {@code SP2D-2026-DINKES-000123}) and document number. */
	void number(SpendingFact fact, int year) {
		Mechanism mechanism = fact.mechanism;
		int number = next(fact.opd, mechanism.documentKind, year);
		fact.eventId = eventId(mechanism.documentKind, year, fact.opd, number);
		fact.documentNumber = documentNumber(number, mechanism.series, fact.opd, year);
	}

	/** Gives a reversal its event id (e.g. {@code SP2D-BATAL-2026-DINKES-000007}) and document number. */
	void number(ReversalFact fact, int year) {
		String kind = fact.original.mechanism.documentKind;
		int number = next(fact.original.opd, kind + "-BATAL", year);
		fact.eventId = eventId(kind + "-BATAL", year, fact.original.opd, number);
		fact.documentNumber = fact.original.documentNumber + "/BATAL";
	}

	static String eventId(String kind, int year, String opd, int number) {
		return String.format("%s-%d-%s-%06d", kind, year, opd, number);
	}

	static String documentNumber(int number, String series, String opd, int year) {
		return String.format("%05d/%s/%s/%d", number, series, opd, year);
	}

}
