package id.apbdmonitor.core.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the plain shape producers send, the tree Jackson would build from the same bytes,
 * without Jackson's tokenizer: under C1 (README, "Memory and JVM options") tokenizing a goods
 * event took 1.9 µs of the 2.4 µs Jackson's {@code readTree} took, the largest item of parsing
 * (issue 11). Plain means: an object of objects, strings of printable ASCII without escapes
 * (no byte beyond 0x7E, below 0x20, no quote or backslash inside), integers of at most nine
 * digits without a leading zero or a fraction, JSON's whitespace, nothing after the object.
 * Anything else, a repeated name, a string or name too long, or bytes that are not JSON at all,
 * gives null: the caller then reads the value with {@link EventJson#MAPPER}, which decides and
 * words a refusal as it always did. A property test holds the two trees equal on generated and
 * mutated values.
 * <p>
 * Names are interned, as the event mapper interns them, so that {@link CanonicalJson}'s kept
 * key orders and the checks' look-ups by the code's literals meet the same instances.
 * {@code -Dapbd.plain-json=false} leaves every value to Jackson.
 */
public final class PlainJson {

	private static final int MAX_DEPTH = 8;

	/** Longer strings are Jackson's, which bounds them ({@code StreamReadConstraints}). */
	private static final int MAX_STRING = 4096;

	private static final int MAX_NAME = 64;

	/** Nine digits always fit an {@code int}, the node Jackson builds for them. */
	private static final int MAX_INT_DIGITS = 9;

	private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("apbd.plain-json", "true"));

	private static final ThreadLocal<Names> NAMES = ThreadLocal.withInitial(Names::new);

	private final byte[] bytes;

	private final JsonNodeFactory nodes;

	private final Names names;

	private int at;

	private PlainJson(byte[] bytes, JsonNodeFactory nodes) {
		this.bytes = bytes;
		this.nodes = nodes;
		this.names = NAMES.get();
	}

	/** The object {@code value} holds, built by {@code nodes}; null when it is not plain (above). */
	public static ObjectNode read(byte[] value, JsonNodeFactory nodes) {
		return (value == null || !ENABLED) ? null : new PlainJson(value, nodes).top();
	}

	private ObjectNode top() {
		skipWhitespace();
		if (!next('{')) {
			return null;
		}
		ObjectNode object = object(1);
		if (object == null) {
			return null;
		}
		skipWhitespace();
		return (this.at == this.bytes.length) ? object : null;
	}

	/** The rest of an object whose brace was read. */
	private ObjectNode object(int depth) {
		ObjectNode object = this.nodes.objectNode();
		skipWhitespace();
		if (next('}')) {
			return object;
		}
		while (true) {
			if (!next('"')) {
				return null;
			}
			String name = name();
			if (name == null) {
				return null;
			}
			skipWhitespace();
			if (!next(':')) {
				return null;
			}
			skipWhitespace();
			JsonNode value = value(depth);
			// a repeated name is refused by Jackson, in its own words
			if (value == null || object.replace(name, value) != null) {
				return null;
			}
			skipWhitespace();
			if (next('}')) {
				return object;
			}
			if (!next(',')) {
				return null;
			}
			skipWhitespace();
		}
	}

	private JsonNode value(int depth) {
		if (this.at >= this.bytes.length) {
			return null;
		}
		byte first = this.bytes[this.at];
		if (first == '"') {
			this.at++;
			int end = plainEnd(MAX_STRING);
			if (end < 0) {
				return null;
			}
			String text = new String(this.bytes, this.at, end - this.at, StandardCharsets.ISO_8859_1);
			this.at = end + 1;
			return this.nodes.stringNode(text);
		}
		if (first == '{') {
			this.at++;
			return (depth < MAX_DEPTH) ? object(depth + 1) : null;
		}
		return integer();
	}

	/** An integer of one to nine digits; null for any other number (or no number). */
	private JsonNode integer() {
		boolean negative = next('-');
		int from = this.at;
		int value = 0;
		while (this.at < this.bytes.length && this.bytes[this.at] >= '0' && this.bytes[this.at] <= '9') {
			value = value * 10 + (this.bytes[this.at++] - '0');
		}
		int digits = this.at - from;
		if (digits == 0 || digits > MAX_INT_DIGITS || (this.bytes[from] == '0' && (digits > 1 || negative))) {
			// none, too many, a leading zero (not JSON) or -0: Jackson's to read or refuse
			return null;
		}
		if (this.at < this.bytes.length) {
			byte after = this.bytes[this.at];
			if (after == '.' || after == 'e' || after == 'E') {
				return null;
			}
		}
		return this.nodes.numberNode(negative ? -value : value);
	}

	/** A name whose opening quote was read, interned; null if it is not plain. */
	private String name() {
		int end = plainEnd(MAX_NAME);
		if (end < 0) {
			return null;
		}
		String name = this.names.of(this.bytes, this.at, end - this.at);
		this.at = end + 1;
		return name;
	}

	/**
	 * Where the plain string starting here ends (its closing quote), at most {@code max} bytes on;
	 * -1 for a byte that needs decoding or an escape, or no closing quote in reach.
	 */
	private int plainEnd(int max) {
		int limit = Math.min(this.bytes.length, this.at + max + 1);
		for (int i = this.at; i < limit; i++) {
			byte b = this.bytes[i];
			if (b == '"') {
				return i;
			}
			// bytes beyond ASCII are negative
			if (b < 0x20 || b > 0x7E || b == '\\') {
				return -1;
			}
		}
		return -1;
	}

	private boolean next(char expected) {
		if (this.at < this.bytes.length && this.bytes[this.at] == expected) {
			this.at++;
			return true;
		}
		return false;
	}

	private void skipWhitespace() {
		while (this.at < this.bytes.length) {
			byte b = this.bytes[this.at];
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return;
			}
			this.at++;
		}
	}

	/**
	 * The names a thread met last, by their bytes: a producer's events repeat a few names, and
	 * {@link String#intern} of every name of every record would cost more than the reading.
	 */
	private static final class Names {

		private static final int SLOTS = 64;

		private final byte[][] bytes = new byte[SLOTS][];

		private final String[] names = new String[SLOTS];

		String of(byte[] source, int from, int length) {
			// the length and three of the bytes tell a producer's few names apart; the bytes are compared anyway
			int hash = (length == 0) ? 0
					: length * 31 + source[from] * 7 + source[from + length / 2] * 13 + source[from + length - 1];
			int slot = (hash ^ (hash >>> 6)) & (SLOTS - 1);
			byte[] kept = this.bytes[slot];
			if (kept != null && Arrays.equals(kept, 0, kept.length, source, from, from + length)) {
				return this.names[slot];
			}
			String name = new String(source, from, length, StandardCharsets.ISO_8859_1).intern();
			this.bytes[slot] = Arrays.copyOfRange(source, from, from + length);
			this.names[slot] = name;
			return name;
		}

	}

}
