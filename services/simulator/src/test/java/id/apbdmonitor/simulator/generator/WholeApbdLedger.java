package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import id.apbdmonitor.core.region.CategoryProperties;
import tools.jackson.databind.JsonNode;

/**
 * Pagu in force and realised spending of every OPD and category at the end of each day,
 * recomputed from the JSON of the VALID records the way the services count them: the category of
 * an account is decided by the spending services' shipped configuration, capital payments are
 * capital, TPP counts at SP2D, a reversal lowers its original's category. Independent of the
 * generator's bookkeeping.
 */
final class WholeApbdLedger {

	/** Per day (end of day), per OPD and category label: the figures then. */
	final TreeMap<LocalDate, Map<Key, Figures>> days = new TreeMap<>();

	/** The service exporting each category label (the Prometheus job). */
	final Map<String, String> jobOfCategory = new HashMap<>();

	private final Map<String, CategoryProperties> services = ServiceConfiguration.spendingCategories();

	static WholeApbdLedger of(List<SimEvent> events, LocalDate from, LocalDate to) {
		WholeApbdLedger ledger = new WholeApbdLedger();
		ledger.services.forEach((service, categories) -> categories.names()
			.forEach((name) -> ledger.jobOfCategory.put(name, service)));
		Map<String, JsonNode> newestLine = new HashMap<>();
		Map<Key, BigDecimal> realised = new HashMap<>();
		Map<String, Key> realisations = new HashMap<>();
		int i = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			for (; i < events.size() && !events.get(i).businessDate().isAfter(day); i++) {
				SimEvent event = events.get(i);
				if (event.kind() != SimEvent.Kind.VALID) {
					continue;
				}
				JsonNode node = Json.parse(event);
				String opd = node.get("opd").stringValue();
				switch (node.get("type").stringValue()) {
					case "budget-line" -> newestLine.merge(node.get("lineId").stringValue(), node,
							(old, now) -> (revision(now) > revision(old)) ? now : old);
					case "spending-realised" -> {
						Key key = new Key(opd, ledger.categoryOf(node.get("account").stringValue()));
						realisations.put(node.get("eventId").stringValue(), key);
						realised.merge(key, Json.money(node, "amount"), BigDecimal::add);
					}
					case "spending-reversed" -> realised.merge(realisations.get(node.get("reverses").stringValue()),
							Json.money(node, "amount").negate(), BigDecimal::add);
					case "capital-payment" -> realised.merge(new Key(opd, "capital"), Json.money(node, "amount"),
							BigDecimal::add);
					case "capital-payment-reversed" -> realised.merge(new Key(opd, "capital"),
							Json.money(node, "amount").negate(), BigDecimal::add);
					case "tpp-stage" -> {
						if ("SP2D".equals(node.get("stage").stringValue())) {
							realised.merge(new Key(opd, "tpp"), Json.money(node, "amount"), BigDecimal::add);
						}
					}
					default -> {
						// UP is a float and PAD is revenue: neither is spending
					}
				}
			}
			Map<Key, BigDecimal> pagu = new HashMap<>();
			for (JsonNode line : newestLine.values()) {
				String category = ledger.categoryOf(line.get("account").stringValue());
				if (category != null) {
					pagu.merge(new Key(line.get("opd").stringValue(), category), Json.money(line, "pagu"), BigDecimal::add);
				}
			}
			Map<Key, Figures> figures = new HashMap<>();
			for (Key key : union(pagu, realised)) {
				figures.put(key, new Figures(pagu.getOrDefault(key, BigDecimal.ZERO),
						realised.getOrDefault(key, BigDecimal.ZERO)));
			}
			ledger.days.put(day, figures);
		}
		return ledger;
	}

	/** The spending category of an account (null for revenue), failing if two services claim it. */
	String categoryOf(String account) {
		List<String> owners = new ArrayList<>();
		this.services.values().forEach((categories) -> {
			String category = categories.categoryOf(account);
			if (category != null) {
				owners.add(category);
			}
		});
		if (owners.size() > 1) {
			throw new IllegalStateException("account " + account + " belongs to " + owners);
		}
		if (owners.isEmpty() && account.startsWith("5")) {
			throw new IllegalStateException("spending account " + account + " belongs to no service");
		}
		return owners.isEmpty() ? null : owners.get(0);
	}

	BigDecimal pagu(LocalDate day) {
		return this.days.get(day).values().stream().map(Figures::pagu).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	BigDecimal realised(LocalDate day) {
		return this.days.get(day).values().stream().map(Figures::realised).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	BigDecimal pagu(LocalDate day, String category) {
		return this.days.get(day).entrySet().stream().filter((entry) -> entry.getKey().category().equals(category))
			.map((entry) -> entry.getValue().pagu()).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	BigDecimal realised(LocalDate day, String category) {
		return this.days.get(day).entrySet().stream().filter((entry) -> entry.getKey().category().equals(category))
			.map((entry) -> entry.getValue().realised()).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static int revision(JsonNode line) {
		return line.get("revision").get("number").intValue();
	}

	private static List<Key> union(Map<Key, ?> a, Map<Key, ?> b) {
		List<Key> keys = new ArrayList<>(a.keySet());
		b.keySet().stream().filter((key) -> !a.containsKey(key)).forEach(keys::add);
		return keys;
	}

	record Key(String opd, String category) {
	}

	record Figures(BigDecimal pagu, BigDecimal realised) {
	}

}
