package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Totals recomputed in the tests from the JSON of the VALID records only, independently of the
 * generator's bookkeeping: realised = realisations (capital payments, PAD receipts, TPP at SP2D) − reversals;
 * pagu (PAD: target) = newest revision per line.
 */
final class Recomputed {

	final Map<String, BigDecimal> realised = new HashMap<>();

	final Map<String, BigDecimal> pagu = new HashMap<>();

	/** Per line: newest revision number, its pagu, its cash plan and its OPD/category key. */
	final Map<String, JsonNode> newestLine = new HashMap<>();

	static String key(String opd, Category category) {
		return opd + "|" + category.code();
	}

	static Recomputed of(List<SimEvent> events) {
		Recomputed result = new Recomputed();
		Map<String, Category> originals = new HashMap<>();
		for (SimEvent event : events) {
			if (event.kind() != SimEvent.Kind.VALID) {
				continue;
			}
			JsonNode node = Json.parse(event);
			String type = node.get("type").stringValue();
			String opd = node.get("opd").stringValue();
			switch (type) {
				case "budget-line" -> result.newestLine.merge(node.get("lineId").stringValue(), node,
						(old, now) -> (revision(now) > revision(old)) ? now : old);
				case "spending-realised" -> {
					Category category = spendingCategory(event, node);
					originals.put(node.get("eventId").stringValue(), category);
					result.realised.merge(key(opd, category), Json.money(node, "amount"), BigDecimal::add);
				}
				case "spending-reversed" -> {
					Category original = originals.get(node.get("reverses").stringValue());
					result.realised.merge(key(opd, (original != null) ? original : topicCategory(event)),
							Json.money(node, "amount").negate(), BigDecimal::add);
				}
				case "capital-payment", "pad-received" -> result.realised.merge(key(opd, topicCategory(event)),
						Json.money(node, "amount"), BigDecimal::add);
				case "capital-payment-reversed", "pad-receipt-reversed" -> result.realised
					.merge(key(opd, topicCategory(event)), Json.money(node, "amount").negate(), BigDecimal::add);
				case "tpp-stage" -> {
					if (node.get("stage").stringValue().equals("SP2D")) {
						result.realised.merge(key(opd, Category.TPP), Json.money(node, "amount"), BigDecimal::add);
					}
				}
				case "capital-contract-signed", "capital-progress-reported", "capital-handed-over", "up-ceiling-set",
						"up-disbursed", "gu-accounted", "gu-disbursed", "tu-disbursed", "tu-accounted", "tu-returned",
						"up-returned", "up-closed" -> {
					// no realisation
				}
				default -> throw new IllegalStateException("unexpected type " + type);
			}
		}
		for (JsonNode line : result.newestLine.values()) {
			result.pagu.merge(key(line.get("opd").stringValue(), Json.categoryOfAccount(line.get("account").stringValue())),
					Json.money(line, "pagu"), BigDecimal::add);
		}
		return result;
	}

	BigDecimal realised(String opd, Category category) {
		return this.realised.getOrDefault(key(opd, category), BigDecimal.ZERO);
	}

	BigDecimal pagu(String opd, Category category) {
		return this.pagu.getOrDefault(key(opd, category), BigDecimal.ZERO);
	}

	private static int revision(JsonNode line) {
		return line.get("revision").get("number").intValue();
	}

	/** other-spending's topic carries several categories: the account tells them apart. */
	private static Category spendingCategory(SimEvent event, JsonNode node) {
		return Topics.OTHER.equals(event.topic()) ? Json.categoryOfAccount(node.get("account").stringValue())
				: topicCategory(event);
	}

	private static Category topicCategory(SimEvent event) {
		return switch (event.topic()) {
			case "apbd.goods.v1" -> Category.GOODS;
			case "apbd.services.v1" -> Category.SERVICES;
			case "apbd.capital.v1" -> Category.CAPITAL;
			case "apbd.pad.v1" -> Category.PAD;
			case "apbd.tpp.v1" -> Category.TPP;
			default -> throw new IllegalStateException("spending on " + event.topic());
		};
	}

}
