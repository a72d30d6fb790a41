package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders events in the JSON of the contract ({@code docs/events}); money always as strings. */
final class EventJson {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private EventJson() {
	}

	static ObjectNode envelope(String eventId, String type, String pemda, int fiscalYear, String opd,
			LocalDate occurredOn, String documentKind, String documentNumber) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("eventId", eventId);
		node.put("type", type);
		node.put("schemaVersion", 1);
		node.put("pemda", pemda);
		node.put("fiscalYear", fiscalYear);
		node.put("opd", opd);
		node.put("occurredOn", occurredOn.toString());
		ObjectNode document = node.putObject("document");
		document.put("kind", documentKind);
		document.put("number", documentNumber);
		return node;
	}

	/** The event id of a revision as the DPA register sends it, e.g. {@code DPA-2026-DINKES-0001-r0}. */
	static String budgetEventId(int fiscalYear, BudgetLine line, BudgetLine.Revision revision) {
		return String.format("DPA-%d-%s-%04d-r%d", fiscalYear, line.opd, line.seq, revision.number());
	}

	static ObjectNode budgetLine(String eventId, String pemda, int fiscalYear, BudgetLine line,
			BudgetLine.Revision revision) {
		ObjectNode node = envelope(eventId, "budget-line", pemda, fiscalYear, line.opd, revision.occurredOn(), "DPA",
				documentNumber(line, revision, fiscalYear));
		node.put("lineId", line.lineId);
		node.put("subActivity", line.subActivity);
		node.put("account", line.account);
		ObjectNode revisionNode = node.putObject("revision");
		revisionNode.put("number", revision.number());
		revisionNode.put("kind", revision.kind());
		node.put("pagu", Money.format(revision.pagu()));
		ArrayNode cashPlan = node.putArray("cashPlan");
		for (long month : revision.cashPlan()) {
			cashPlan.add(Money.format(month));
		}
		return node;
	}

	private static String documentNumber(BudgetLine line, BudgetLine.Revision revision, int fiscalYear) {
		String prefix = switch (revision.kind()) {
			case BudgetPlanner.SHIFT -> "DPA-PERGESERAN-I";
			case BudgetPlanner.AMENDED -> "DPPA";
			default -> "DPA";
		};
		return String.format("%s/%s/%d/%04d", prefix, line.opd, fiscalYear, line.seq);
	}

	static ObjectNode realised(String pemda, int fiscalYear, SpendingFact fact) {
		ObjectNode node = envelope(fact.eventId, "spending-realised", pemda, fiscalYear, fact.opd, fact.date,
				fact.mechanism.documentKind, fact.documentNumber);
		node.put("mechanism", fact.mechanism.name());
		node.put("account", fact.account);
		node.put("amount", Money.format(fact.amount));
		return node;
	}

	static ObjectNode reversed(String pemda, int fiscalYear, ReversalFact fact) {
		ObjectNode node = envelope(fact.eventId, "spending-reversed", pemda, fiscalYear, fact.original.opd, fact.date,
				fact.original.mechanism.documentKind, fact.documentNumber);
		node.put("reverses", fact.original.eventId);
		node.put("amount", Money.format(fact.amount));
		node.put("reason", fact.reason);
		return node;
	}

	static String write(ObjectNode node) {
		return MAPPER.writeValueAsString(node);
	}

}
