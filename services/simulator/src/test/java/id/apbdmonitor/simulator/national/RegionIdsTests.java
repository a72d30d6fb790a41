package id.apbdmonitor.simulator.national;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.apbdmonitor.simulator.generator.SimEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kota Bima's year and two synthetic regions' years, with the synthetic regions' ids qualified:
 * no id of one region is an id of another, and every reference still names an id of its own
 * region.
 */
class RegionIdsTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void shouldMakeEveryRegionsIdsItsOwnAndKeepItsReferences() {
		NationalYear year = new NationalYear(NationalRegions.of(5, 3, 2026, 5), 0.01);
		Map<String, String> firstRegionOfId = new HashMap<>();
		Set<String> collisionsBefore = new HashSet<>();
		Map<String, String> firstRegionBefore = new HashMap<>();
		for (int index = 0; index < year.size(); index++) {
			var generated = year.generate(index);
			String pemda = generated.settings().pemda();
			List<SimEvent> events = (index == 0) ? generated.events()
					: RegionIds.qualified(pemda, generated.events());
			for (SimEvent raw : generated.events()) {
				String id = field(raw.value(), "eventId");
				if (id != null && raw.kind() == SimEvent.Kind.VALID) {
					String earlier = firstRegionBefore.putIfAbsent(id, pemda);
					if (earlier != null && !earlier.equals(pemda)) {
						collisionsBefore.add(id);
					}
				}
			}
			Set<String> ids = new HashSet<>();
			List<String> references = new ArrayList<>();
			for (SimEvent event : events) {
				String id = field(event.value(), "eventId");
				if (id == null || event.kind() != SimEvent.Kind.VALID) {
					continue;
				}
				if (index > 0) {
					assertThat(id).startsWith(pemda + "/");
				}
				ids.add(id);
				String earlier = firstRegionOfId.putIfAbsent(id, pemda);
				assertThat(earlier).as("id %s of %s", id, pemda).isIn(null, pemda);
				for (String reference : List.of("reverses", "tu", "contractId", "lineId")) {
					String value = field(event.value(), reference);
					if (value != null) {
						references.add(reference + "=" + value);
						if (index > 0) {
							assertThat(value).startsWith(pemda + "/");
						}
					}
				}
				if ("budget-line".equals(field(event.value(), "type"))) {
					assertThat(event.key()).isEqualTo(field(event.value(), "lineId"));
				}
			}
			// a VALID reversal or settlement names a VALID event of its own region
			for (String reference : references) {
				if (reference.startsWith("reverses=") || reference.startsWith("tu=")) {
					assertThat(ids).as(reference).contains(reference.substring(reference.indexOf('=') + 1));
				}
			}
		}
		assertThat(collisionsBefore).as("the generators' own ids repeat between regions").isNotEmpty();
	}

	@Test
	void shouldLeaveARecordThatIsNotAJsonObjectAsItIs() {
		SimEvent malformed = new SimEvent(java.time.LocalDate.of(2026, 3, 2), "apbd.goods.v1", "35.18/DINKES",
				"{\"eventId\": \"SP2D-1\", amount: oops", SimEvent.Kind.MALFORMED, "MALFORMED_JSON");
		assertThat(RegionIds.qualified("35.18", List.of(malformed))).containsExactly(malformed);
	}

	@Test
	void shouldKeepTheRecordsTextAndPrefixEachIdOnce() {
		SimEvent contract = new SimEvent(java.time.LocalDate.of(2026, 3, 2), "apbd.capital.v1", "35.18/PUPR",
				"{\"eventId\":\"K-1\",\"contractId\":\"K-1\",\"amount\": 12.50}", SimEvent.Kind.VALID, null);
		assertThat(RegionIds.qualified("35.18", List.of(contract)).get(0).value())
			.isEqualTo("{\"eventId\":\"35.18/K-1\",\"contractId\":\"35.18/K-1\",\"amount\": 12.50}");
	}

	private static String field(String json, String name) {
		try {
			JsonNode node = MAPPER.readTree(json).get(name);
			return (node != null && node.isString()) ? node.asString() : null;
		}
		catch (JacksonException | NullPointerException ex) {
			return null;
		}
	}

}
