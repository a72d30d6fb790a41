package id.apbdmonitor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.SimEvent;
import id.apbdmonitor.simulator.generator.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's stream of valid events, as long as asked: the simulator's year for its topic,
 * then copies of that year that stay valid. A copy renames every id (event ids and what refers
 * to them: {@code reverses}, {@code tu}, {@code contractId}) with a suffix {@code -R<copy>},
 * so that each copy is new to the ledger while OPDs, accounts, dates and amounts stay those of
 * the year; for TPP, whose ledger holds one stage per OPD, month and stage, a copy is the same
 * year moved to another fiscal year (2000–2100, the contract's range), and beyond those, the
 * same years for further sets of OPDs ({@code <OPD>-S1}, …) that {@link #extraOpdSets} asks the
 * region to list. A prefix of a copy is valid too: references only point back.
 */
final class Backlog {

	static final int BASE_YEAR = 2026;

	/** The fiscal years a TPP copy may move to, the base year first. */
	static final List<Integer> YEARS = years();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> REFERENCES = List.of("reverses", "tu", "contractId");

	private final ServiceUnderTest service;

	private final List<SimEvent> year;

	/** The next copy to hand out: the backlog takes the first copies, the latency phase the next ones. */
	private int nextCopy;

	private int nextIndex;

	Backlog(ServiceUnderTest service, GeneratedYear generated) {
		this.service = service;
		this.year = generated.events().stream()
			.filter((event) -> event.topic().equals(service.sourceTopic()) && event.kind() == SimEvent.Kind.VALID)
			.toList();
		if (this.year.isEmpty()) {
			throw new IllegalStateException("the simulator generated no valid event on " + service.sourceTopic());
		}
	}

	/** The budget lines (and their revisions) every service loads before its events. */
	static List<SimEvent> budget(GeneratedYear generated) {
		return generated.events().stream().filter((event) -> event.topic().equals(Topics.BUDGET)).toList();
	}

	int eventsPerYear() {
		return this.year.size();
	}

	/** Hands the next {@code count} events, continuing where the last call stopped. */
	void next(int count, Consumer<Record> sink) {
		for (int i = 0; i < count; i++) {
			SimEvent event = this.year.get(this.nextIndex);
			sink.accept(copy(event, this.nextCopy));
			if (++this.nextIndex == this.year.size()) {
				this.nextIndex = 0;
				this.nextCopy++;
			}
		}
	}

	/** How many copies of the year {@code events} events take, the first one included. */
	int copiesFor(long events) {
		return (int) ((events + this.year.size() - 1) / this.year.size());
	}

	/** How many sets of renamed OPDs {@code events} events use (TPP beyond 101 years; else 0). */
	int extraOpdSets(long events) {
		return (this.service.growth() == ServiceUnderTest.Growth.OTHER_YEARS) ? (copiesFor(events) - 1) / YEARS.size() : 0;
	}

	/** The fiscal years {@code events} events belong to. */
	List<Integer> fiscalYears(long events) {
		if (this.service.growth() != ServiceUnderTest.Growth.OTHER_YEARS) {
			return List.of(BASE_YEAR);
		}
		return YEARS.subList(0, Math.min(YEARS.size(), copiesFor(events)));
	}

	Record copy(SimEvent event, int copy) {
		if (copy == 0) {
			return new Record(event.key(), event.value());
		}
		ObjectNode node = (ObjectNode) JSON.readTree(event.value());
		String key = event.key();
		if (this.service.growth() == ServiceUnderTest.Growth.RENAMED_IDS) {
			String suffix = "-R" + copy;
			node.put("eventId", node.get("eventId").asString() + suffix);
			for (String reference : REFERENCES) {
				JsonNode value = node.get(reference);
				if (value != null && value.isString()) {
					node.put(reference, value.asString() + suffix);
				}
			}
		}
		else {
			int year = YEARS.get(copy % YEARS.size());
			int opdSet = copy / YEARS.size();
			String opd = node.get("opd").asString() + ((opdSet > 0) ? "-S" + opdSet : "");
			node.put("fiscalYear", year);
			node.put("opd", opd);
			node.put("occurredOn", year + node.get("occurredOn").asString().substring(4));
			node.put("eventId", node.get("eventId").asString().replace("-" + BASE_YEAR + "-", "-" + year + "-")
					+ ((opdSet > 0) ? "-S" + opdSet : ""));
			key = node.get("pemda").asString() + "/" + opd;
		}
		return new Record(key, JSON.writeValueAsString(node));
	}

	private static List<Integer> years() {
		List<Integer> years = new ArrayList<>();
		for (int year = BASE_YEAR; year >= 2000; year--) {
			years.add(year);
		}
		for (int year = BASE_YEAR + 1; year <= 2100; year++) {
			years.add(year);
		}
		return List.copyOf(years);
	}

	/** One Kafka record: key and JSON value. */
	record Record(String key, String value) {
	}

}
