package id.apbdmonitor.core.event;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

	private static final MessageDigest SHA_256 = sha256Prototype();

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
	 * form is written into a buffer of the thread and encoded into another, both reused: growing
	 * a fresh builder and copying it to a String and to bytes cost a tenth of the hashing.
	 */
	public static byte[] sha256(JsonNode node) {
		Buffers buffers = BUFFERS.get();
		StringBuilder text = buffers.text;
		text.setLength(0);
		write(node, text);
		MessageDigest digest = newDigest();
		CharBuffer chars = CharBuffer.wrap(text);
		CharsetEncoder encoder = buffers.encoder.reset();
		while (true) {
			ByteBuffer bytes = buffers.bytes;
			bytes.clear();
			CoderResult result = encoder.encode(chars, bytes, true);
			if (result.isUnderflow()) {
				result = encoder.flush(bytes);
			}
			bytes.flip();
			digest.update(bytes);
			if (result.isUnderflow()) {
				break;
			}
			if (result.isError()) {
				// cannot happen: the canonical form escapes every lone surrogate
				throw new IllegalStateException("canonical JSON is not encodable: " + result);
			}
		}
		if (text.length() > MAX_KEPT_BUFFER) {
			buffers.text = new StringBuilder(INITIAL_BUFFER);
		}
		return digest.digest();
	}

	/** The identity of a value that is not JSON (or no value): its raw bytes. */
	public static byte[] sha256OfBytes(byte[] value) {
		return digest((value != null) ? value : new byte[0]);
	}

	public static String canonical(JsonNode node) {
		// an event is some hundred characters: one allocation, no growth
		StringBuilder out = new StringBuilder(1024);
		write(node, out);
		return out.toString();
	}

	private static void write(JsonNode node, StringBuilder out) {
		if (node.isObject()) {
			String[] keys = node.propertyNames().toArray(String[]::new);
			Arrays.sort(keys);
			out.append('{');
			for (int i = 0; i < keys.length; i++) {
				if (i > 0) {
					out.append(',');
				}
				string(keys[i], out);
				out.append(':');
				write(node.get(keys[i]), out);
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			for (int i = 0; i < node.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(node.get(i), out);
			}
			out.append(']');
		}
		else if (node.isString()) {
			string(node.asString(), out);
		}
		else if (node.isNumber()) {
			out.append(number(node));
		}
		else if (node.isBoolean()) {
			out.append(node.booleanValue());
		}
		else {
			out.append("null");
		}
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

	private static void string(String text, StringBuilder out) {
		out.append('"');
		int plain = 0; // start of the run of characters copied as they are
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\' || c < 0x20 || (Character.isSurrogate(c) && isLoneSurrogate(text, i))) {
				out.append(text, plain, i);
				escape(c, out);
				plain = i + 1;
			}
		}
		out.append(text, plain, text.length()).append('"');
	}

	private static void escape(char c, StringBuilder out) {
		switch (c) {
			case '"' -> out.append("\\\"");
			case '\\' -> out.append("\\\\");
			case '\b' -> out.append("\\b");
			case '\f' -> out.append("\\f");
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			// other control characters, and a lone surrogate, which has no UTF-8 form
			default -> out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
				.append(HEX[c & 0xF]);
		}
	}

	private static boolean isLoneSurrogate(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
		}
		if (Character.isLowSurrogate(c)) {
			return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
		}
		return false;
	}

	private static byte[] digest(byte[] bytes) {
		return newDigest().digest(bytes);
	}

	private static MessageDigest newDigest() {
		try {
			// a clone skips the provider look-up of getInstance, measurable per record
			return (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What {@link #sha256(JsonNode)} reuses on one thread. */
	private static final class Buffers {

		private StringBuilder text = new StringBuilder(INITIAL_BUFFER);

		private final ByteBuffer bytes = ByteBuffer.allocate(INITIAL_BUFFER);

		private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();

	}

	private static MessageDigest sha256Prototype() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
