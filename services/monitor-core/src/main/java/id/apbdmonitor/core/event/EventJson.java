package id.apbdmonitor.core.event;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the pipeline reads an event's bytes. A repeated key is refused rather than
 * silently resolved to its last value (a producer could otherwise send two amounts and have
 * each consumer pick one), and decimals are kept exact so that {@code multipleOf} and the
 * canonical payload see the number that was sent, not its nearest double.
 */
public final class EventJson {

	public static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private EventJson() {
	}

	/** The record value as an event object, or a {@code MALFORMED_JSON} rejection. */
	public static JsonFields fields(byte[] value) {
		if (value == null) {
			throw RejectedException.of(Reason.MALFORMED_JSON, "", "", "the record has no value (tombstone)");
		}
		JsonNode node;
		try {
			node = MAPPER.readTree(value);
		}
		catch (JacksonException ex) {
			throw RejectedException.of(Reason.MALFORMED_JSON, "", preview(value),
					"the value is not valid JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw RejectedException.of(Reason.MALFORMED_JSON, "", preview(value), "the value is not a JSON object");
		}
		return new JsonFields(node);
	}

	private static String preview(byte[] value) {
		// the rejection keeps 200 characters; decoding more would only cost time
		int length = Math.min(value.length, 800);
		return new String(value, 0, length, java.nio.charset.StandardCharsets.UTF_8);
	}

}
