package id.apbdmonitor.core.event;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the pipeline reads an event's bytes. A repeated key is refused rather than
 * silently resolved to its last value (a producer could otherwise send two amounts and have
 * each consumer pick one), and decimals are kept exact so that {@code multipleOf} and the
 * canonical payload see the number that was sent, not its nearest double.
 * <p>
 * Events are only ever read as trees: the tree refuses a repeated key as it puts it
 * ({@code FAIL_ON_READING_DUP_TREE_KEY}), where the parser's own detection
 * ({@code STRICT_DUPLICATE_DETECTION}) built a hash set of every object's keys besides, for
 * every record (issue 11).
 * <p>
 * Property names are interned: the checks look fields up by the code's own literals, which are
 * interned, so a key is found by identity instead of by comparing its characters (issue 11).
 * Jackson interns a name once, when its symbol table first meets it, and still fails on a flood
 * of colliding names ({@code FAIL_ON_SYMBOL_HASH_OVERFLOW}).
 */
public final class EventJson {

	/** How Jackson's refusal of a repeated key goes on after the key's name. */
	private static final String DUPLICATE_TAIL = " for `ObjectNode`";

	public static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder().enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES).build())
		.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
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
					"the value is not valid JSON: " + problem(ex));
		}
		if (node == null || !node.isObject()) {
			throw RejectedException.of(Reason.MALFORMED_JSON, "", preview(value), "the value is not a JSON object");
		}
		return new JsonFields(node);
	}

	/**
	 * What is wrong with a value Jackson refused, in Jackson's words; a repeated key without the
	 * name of the feature that refused it ({@code Duplicate Object property "amount"}).
	 */
	public static String problem(JacksonException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		int tail = message.indexOf(DUPLICATE_TAIL);
		return (tail > 0 && message.startsWith("Duplicate")) ? message.substring(0, tail) : message;
	}

	private static String preview(byte[] value) {
		// the rejection keeps 200 characters; decoding more would only cost time
		int length = Math.min(value.length, 800);
		return new String(value, 0, length, java.nio.charset.StandardCharsets.UTF_8);
	}

}
