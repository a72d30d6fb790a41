package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults a feed carries, for the topics of {@link TopicGenerator}s: exact re-sends of VALID
 * records and records that are not JSON, as a share of the topic's VALID records, and the count
 * of rule-breaking records each generator makes itself. Like {@link FaultInjector} it only adds
 * records.
 */
final class TopicFaults {

	private final GeneratorSettings settings;

	private final Random random;

	TopicFaults(GeneratorSettings settings, Random random) {
		this.settings = settings;
		this.random = random;
	}

	Random random() {
		return this.random;
	}

	/** Duplicates and malformed records of the topic's VALID events. */
	List<Draft> duplicatesAndMalformed(List<Draft> valid) {
		List<Draft> faults = new ArrayList<>();
		if (valid.isEmpty()) {
			return faults;
		}
		int n = valid.size();
		for (int i = 0; i < count(this.settings.duplicateRate(), n, 1); i++) {
			Draft original = valid.get(this.random.nextInt(n));
			SimEvent event = original.event();
			LocalDate date = later(original.date());
			faults.add(fault(new SimEvent(date, event.topic(), event.key(), event.value(), SimEvent.Kind.DUPLICATE,
					null)));
		}
		for (int i = 0; i < count(this.settings.malformedRate(), n, 1); i++) {
			Draft template = valid.get(this.random.nextInt(n));
			SimEvent event = template.event();
			// a record cut in transit, or a CSV line from an adapter that never spoke JSON
			String broken = (i % 2 == 0) ? event.value().substring(0, event.value().length() / 2)
					: "STS;" + event.key() + ";" + template.date() + ";12500000.00";
			LocalDate date = later(template.date());
			faults.add(fault(new SimEvent(date, event.topic(), event.key(), broken, SimEvent.Kind.MALFORMED,
					"MALFORMED_JSON")));
		}
		return faults;
	}

	/** How many invalid records to make for {@code records} VALID ones: at least one of every variant. */
	long invalidCount(int records, int variants) {
		return (records == 0) ? 0 : count(this.settings.invalidRate(), records, variants);
	}

	/** The record of an invalid event, with the reason a consumer must dead-letter it with. */
	Draft invalid(LocalDate published, String topic, String key, String value, String reason) {
		return fault(new SimEvent(published, topic, key, value, SimEvent.Kind.INVALID, reason));
	}

	/** A working day up to a week after {@code date}, in its year. */
	LocalDate later(LocalDate date) {
		return WorkingDays.after(date, this.random.nextInt(6));
	}

	private Draft fault(SimEvent event) {
		return new Draft(event.businessDate(), Draft.FAULT, this.random.nextLong(), event, null);
	}

	private static long count(double rate, int records, int minimum) {
		return (rate > 0) ? Math.max(minimum, Math.round(rate * records)) : 0;
	}

}
