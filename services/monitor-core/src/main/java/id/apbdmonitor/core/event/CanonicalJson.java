package id.apbdmonitor.core.event;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.Arrays;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The identity of a payload: "the same payload" means the same canonical JSON, so that an
 * event re-serialised with another key order or spacing is a duplicate, not a conflict.
 * Canonical form (docs/events/README.md): object keys sorted by UTF-16 code units (as RFC 8785
 * does), no insignificant whitespace, strings as parsed with only {@code "}, {@code \} and
 * control characters escaped, numbers as their exact decimal value in plain notation without
 * trailing zeros ({@code 40.50}, {@code 4.05e1} and {@code 40.5} are one number).
 */
public final class CanonicalJson {

	private static final int INITIAL_BUFFER = 4096;

	/** A builder grown beyond this by one huge record is not kept for the thread's later records. */
	private static final int MAX_KEPT_BUFFER = 65536;

	private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	// beyond this exponent a plain notation would be a denial of service; such numbers are rejected anyway
	private static final int MAX_PLAIN_EXPONENT = 1000;

	private CanonicalJson() {
	}

	/**
	 * SHA-256 of the canonical form of a record value; a value that is not JSON (or no value)
	 * has no canonical form and is identified by its raw bytes.
	 */
	public static byte[] sha256(byte[] value) {
		if (value == null) {
			return digest(new byte[0]);
		}
		JsonNode node;
		try {
			node = EventJson.MAPPER.readTree(value);
		}
		catch (JacksonException notJson) {
			return digest(value);
		}
		return (node == null) ? digest(value) : sha256(node);
	}

	/**
	 * The same, from a tree already parsed: the pipeline parses each record once. The canonical
	 * form is written straight as UTF-8 into a byte buffer of the thread, reused: a text builder
	 * encoded by a CharsetEncoder afterwards cost a third of the ingest thread (issue 11). The
	 * bytes are those of {@link #canonical}'s text in UTF-8 (a test holds the two equal).
	 */
	public static byte[] sha256(JsonNode node) {
		return identify(node).sha256();
	}

	/**
	 * The SHA-256 of a tree's canonical form, and whether a string or a name in it holds a NUL
	 * (U+0000): the writer meets every character anyway, where a scan of the record's bytes for
	 * the escape of a NUL was a fortieth of the ingest thread (issue 11).
	 */
	public static Identity identify(JsonNode node) {
		Buffers buffers = BUFFERS.get();
		Utf8 out = buffers.utf8;
		out.length = 0;
		out.nul = false;
		writeUtf8(node, out);
		// the thread's own digest: digest() resets it; a clone per record allocated its state (issue 11)
		buffers.sha256.update(out.bytes, 0, out.length);
		boolean nul = out.nul;
		if (out.bytes.length > MAX_KEPT_BUFFER) {
			buffers.utf8 = new Utf8();
		}
		return new Identity(buffers.sha256.digest(), nul);
	}

	/** What {@link #identify} finds: the payload's SHA-256, and whether it holds a NUL anywhere. */
	public record Identity(byte[] sha256, boolean holdsNul) {
	}

	private static void writeUtf8(JsonNode node, Utf8 out) {
		if (node.isObject()) {
			String[] keys = sortedKeys(node);
			out.ascii('{');
			for (int i = 0; i < keys.length; i++) {
				if (i > 0) {
					out.ascii(',');
				}
				utf8String(keys[i], out);
				out.ascii(':');
				writeUtf8(node.get(keys[i]), out);
			}
			out.ascii('}');
		}
		else if (node.isArray()) {
			out.ascii('[');
			for (int i = 0; i < node.size(); i++) {
				if (i > 0) {
					out.ascii(',');
				}
				writeUtf8(node.get(i), out);
			}
			out.ascii(']');
		}
		else if (node.isString()) {
			utf8String(node.asString(), out);
		}
		else if (node.isNumber()) {
			out.ascii(number(node));
		}
		else if (node.isBoolean()) {
			out.ascii(node.booleanValue() ? "true" : "false");
		}
		else {
			out.ascii("null");
		}
	}

	/** A JSON string in UTF-8: quote, backslash, control characters and lone surrogates escaped, every other character encoded. */
	private static void utf8String(String text, Utf8 out) {
		out.ascii('"');
		int n = text.length();
		out.ensure(n * 3 + 1);
		byte[] b = out.bytes;
		int at = out.length;
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				if (c == '"' || c == '\\' || c < 0x20) {
					out.length = at;
					escapeUtf8(c, out);
					out.ensure(3 * (n - i) + 1);
					b = out.bytes;
					at = out.length;
				}
				else {
					b[at++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				b[at++] = (byte) (0xC0 | (c >> 6));
				b[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
					int cp = Character.toCodePoint(c, text.charAt(++i));
					// 4 bytes for 2 chars: within the 3 per char ensured
					b[at++] = (byte) (0xF0 | (cp >> 18));
					b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
					b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
					b[at++] = (byte) (0x80 | (cp & 0x3F));
				}
				else {
					// a lone surrogate has no UTF-8 form: escaped, as in the text form
					out.length = at;
					escapeUtf8(c, out);
					out.ensure(3 * (n - i) + 1);
					b = out.bytes;
					at = out.length;
				}
			}
			else {
				b[at++] = (byte) (0xE0 | (c >> 12));
				b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				b[at++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		out.length = at;
		out.ascii('"');
	}

	private static void escapeUtf8(char c, Utf8 out) {
		switch (c) {
			case '"' -> out.ascii("\\\"");
			case '\\' -> out.ascii("\\\\");
			case '\b' -> out.ascii("\\b");
			case '\f' -> out.ascii("\\f");
			case '\n' -> out.ascii("\\n");
			case '\r' -> out.ascii("\\r");
			case '\t' -> out.ascii("\\t");
			default -> {
				out.nul |= (c == 0);
				out.ensure(6);
				out.ascii('\\');
				out.ascii('u');
				out.ascii(HEX[c >> 12 & 0xF]);
				out.ascii(HEX[c >> 8 & 0xF]);
				out.ascii(HEX[c >> 4 & 0xF]);
				out.ascii(HEX[c & 0xF]);
			}
		}
	}

	/** The keys of an object in UTF-16 code unit order (String's natural order). */
	private static String[] sortedKeys(JsonNode node) {
		String[] keys = new String[node.size()];
		int i = 0;
		for (String name : node.propertyNames()) {
			keys[i++] = name;
		}
		// an event's keys are about a dozen: insertion sort beats the general sort's set-up
		for (int j = 1; j < keys.length; j++) {
			String key = keys[j];
			int k = j - 1;
			while (k >= 0 && keys[k].compareTo(key) > 0) {
				keys[k + 1] = keys[k];
				k--;
			}
			keys[k + 1] = key;
		}
		return keys;
	}

	/** The identity of a value that is not JSON (or no value): its raw bytes. */
	public static byte[] sha256OfBytes(byte[] value) {
		return digest((value != null) ? value : new byte[0]);
	}

	/**
	 * The canonical form as text: the bytes {@link #sha256(JsonNode)} hashes, decoded. They are
	 * valid UTF-8 (a lone surrogate is escaped), so the text and the hashed bytes cannot differ.
	 */
	public static String canonical(JsonNode node) {
		Utf8 out = new Utf8();
		writeUtf8(node, out);
		return new String(out.bytes, 0, out.length, java.nio.charset.StandardCharsets.UTF_8);
	}

	static String number(JsonNode node) {
		if (node.isInt() || node.isLong()) {
			return Long.toString(node.longValue());
		}
		if (node.isIntegralNumber()) {
			return node.bigIntegerValue().toString();
		}
		BigDecimal value = node.decimalValue();
		if (value.signum() == 0) {
			return "0";
		}
		value = value.stripTrailingZeros();
		return (Math.abs(value.scale()) > MAX_PLAIN_EXPONENT) ? value.toString() : value.toPlainString();
	}

	private static byte[] digest(byte[] bytes) {
		return BUFFERS.get().sha256.digest(bytes);
	}

	/** What {@link #sha256(JsonNode)} reuses on one thread. */
	private static final class Buffers {

		private Utf8 utf8 = new Utf8();

		private final MessageDigest sha256 = Sha256.newDigest();

	}

	/** A growable byte buffer of UTF-8. */
	private static final class Utf8 {

		private byte[] bytes = new byte[INITIAL_BUFFER];

		private int length;

		/** Whether a NUL was escaped since {@link #length} was last reset. */
		private boolean nul;

		void ensure(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
			}
		}

		void ascii(char c) {
			ensure(1);
			this.bytes[this.length++] = (byte) c;
		}

		void ascii(String text) {
			int n = text.length();
			ensure(n);
			for (int i = 0; i < n; i++) {
				this.bytes[this.length++] = (byte) text.charAt(i);
			}
		}

	}

}
