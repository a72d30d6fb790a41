package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads generated records the way a consumer does: from their JSON text. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static JsonNode parse(SimEvent event) {
		return MAPPER.readTree(event.value());
	}

	static String text(SimEvent event, String field) {
		return parse(event).get(field).stringValue();
	}

	static BigDecimal money(JsonNode node, String field) {
		return new BigDecimal(node.get(field).stringValue());
	}

	/** The category of an account code alone (DOMAIN §2), not from the generator. */
	static Category categoryOfAccount(String account) {
		if (account.startsWith("5.2.")) {
			return Category.CAPITAL;
		}
		if (account.startsWith("4.1.")) {
			return Category.PAD;
		}
		if (account.startsWith("5.1.01.02.")) {
			return Category.TPP;
		}
		if (account.startsWith("5.1.02.01.")) {
			return Category.GOODS;
		}
		if (account.startsWith("5.1.02.02.") || account.startsWith("5.1.02.03.") || account.startsWith("5.1.02.04.")) {
			return Category.SERVICES;
		}
		if (account.startsWith("5.1.01.")) {
			return Category.PERSONNEL;
		}
		if (account.startsWith("5.1.03.") || account.startsWith("5.1.04.")) {
			return Category.INTEREST_SUBSIDIES;
		}
		if (account.startsWith("5.1.05.")) {
			return Category.GRANTS;
		}
		if (account.startsWith("5.1.06.")) {
			return Category.SOCIAL;
		}
		if (account.startsWith("5.3.")) {
			return Category.UNEXPECTED;
		}
		if (account.startsWith("5.4.")) {
			return Category.TRANSFERS;
		}
		throw new IllegalArgumentException("not an account of a generated category: " + account);
	}

}
