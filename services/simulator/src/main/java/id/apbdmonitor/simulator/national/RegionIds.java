package id.apbdmonitor.simulator.national;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import id.apbdmonitor.simulator.generator.SimEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a synthetic region's ids its own. The generators write Kota Bima's id forms
 * ({@code SP2D-LS-2026-DINKES-000123}, lines {@code 2026/DINKES/…}, contracts), which repeat in
 * every region; the services key their ledgers by {@code eventId}, the budget by {@code lineId}
 * and capital by {@code contractId} alone, so ids must be unique across the regions of a
 * deployment (the event contract). Every id and every reference to one ({@code eventId},
 * {@code reverses}, {@code tu}, {@code contractId}, {@code lineId}, and a record key that is a
 * {@code lineId}) gets the prefix {@code <pemda>/}, and so does a record key that is one of them
 * (the budget topic's key is the lineId); records that are not JSON objects stay as they are.
 */
public final class RegionIds {

	/** The fields that hold an id or a reference to one (docs/events/schemas: $defs/eventId, lineId). */
	static final Set<String> ID_FIELDS = Set.of("eventId", "reverses", "tu", "contractId", "lineId");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private RegionIds() {
	}

	public static List<SimEvent> qualified(String pemda, List<SimEvent> events) {
		List<SimEvent> qualified = new ArrayList<>(events.size());
		for (SimEvent event : events) {
			qualified.add(qualified(pemda, event));
		}
		return qualified;
	}

	static SimEvent qualified(String pemda, SimEvent event) {
		JsonNode tree;
		try {
			tree = MAPPER.readTree(event.value());
		}
		catch (JacksonException ex) {
			return event;
		}
		if (!(tree instanceof ObjectNode object)) {
			return event;
		}
		// the record's own text is kept (a fault's spacing, number spelling or duplicate key
		// included): only the quoted ids are replaced
		String value = event.value();
		String key = event.key();
		Set<String> done = new HashSet<>();
		for (String field : ID_FIELDS) {
			JsonNode id = object.get(field);
			if (id != null && id.isString() && !id.asString().isEmpty() && done.add(id.asString())) {
				String text = id.asString();
				value = value.replace("\"" + text + "\"", "\"" + pemda + "/" + text + "\"");
				if (text.equals(key)) {
					key = pemda + "/" + key;
				}
			}
		}
		return new SimEvent(event.businessDate(), event.topic(), key, value, event.kind(), event.expectedReason());
	}

}
