package id.apbdmonitor.core.event;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;

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
		return (node == null) ? digest(value) : identify(node, value).sha256();
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
		return identify(node, false);
	}

	/**
	 * The same, for a tree parsed from {@code value}: when those bytes hold no backslash and no
	 * byte beyond ASCII, every string and name of the tree is printable ASCII that needs no
	 * escape (JSON refuses a raw control character, a quote inside a string needs a backslash,
	 * and so does any character written as an escape). Such strings are copied into the
	 * canonical form whole instead of character by character, a sixth of its cost under C1
	 * (issue 11); the form is the same.
	 */
	public static Identity identify(JsonNode node, byte[] value) {
		return identify(node, value != null && plainAscii(value));
	}

	private static Identity identify(JsonNode node, boolean plain) {
		Buffers buffers = BUFFERS.get();
		Utf8 out = buffers.utf8;
		out.length = 0;
		out.nul = false;
		writeUtf8(node, out, plain, buffers.keyOrders);
		// the thread's own digest: digest() resets it; a clone per record allocated its state (issue 11)
		buffers.sha256.update(out.bytes, 0, out.length);
		boolean nul = out.nul;
		if (out.bytes.length > MAX_KEPT_BUFFER) {
			buffers.utf8 = new Utf8();
		}
		return new Identity(buffers.sha256.digest(), nul);
	}

	/** Whether {@code value} holds neither a backslash nor a byte beyond ASCII. */
	static boolean plainAscii(byte[] value) {
		for (byte b : value) {
			if (b < 0 || b == '\\') {
				return false;
			}
		}
		return true;
	}

	/** What {@link #identify} finds: the payload's SHA-256, and whether it holds a NUL anywhere. */
	public record Identity(byte[] sha256, boolean holdsNul) {
	}

	private static void writeUtf8(JsonNode node, Utf8 out, boolean plain, KeyOrders orders) {
		if (node.isObject()) {
			int size = node.size();
			String[] names = new String[size];
			JsonNode[] values = new JsonNode[size];
			int i = 0;
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				names[i] = property.getKey();
				values[i++] = property.getValue();
			}
			int[] order = orders.of(names);
			out.ascii('{');
			for (int k = 0; k < size; k++) {
				if (k > 0) {
					out.ascii(',');
				}
				string(names[order[k]], out, plain);
				out.ascii(':');
				writeUtf8(values[order[k]], out, plain, orders);
			}
			out.ascii('}');
		}
		else if (node.isArray()) {
			out.ascii('[');
			for (int i = 0; i < node.size(); i++) {
				if (i > 0) {
					out.ascii(',');
				}
				writeUtf8(node.get(i), out, plain, orders);
			}
			out.ascii(']');
		}
		else if (node.isString()) {
			string(node.asString(), out, plain);
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

	/**
	 * A string of printable ASCII without quote or backslash ({@code plain}) copied whole: for
	 * such a string, Latin-1 inside, the deprecated {@code getBytes} is one array copy.
	 */
	@SuppressWarnings("deprecation")
	private static void string(String text, Utf8 out, boolean plain) {
		if (!plain) {
			utf8String(text, out);
			return;
		}
		int n = text.length();
		out.ensure(n + 2);
		out.bytes[out.length++] = '"';
		text.getBytes(0, n, out.bytes, out.length);
		out.length += n;
		out.bytes[out.length++] = '"';
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
		writeUtf8(node, out, false, new KeyOrders());
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

		private final KeyOrders keyOrders = new KeyOrders();

	}

	/**
	 * The order in which an object's keys are written, UTF-16 code unit order (String's), kept
	 * for the last few key sequences met: the events of one producer repeat their keys in one
	 * order, and sorting them again for every record was a sixth of the canonical form's cost
	 * under C1 (issue 11). A sequence is recognised by the identity of its names, which the
	 * event mapper interns; names that are not interned are sorted every time, and so is an
	 * object of many keys, which is not kept.
	 */
	static final class KeyOrders {

		private static final int KEPT = 8;

		private static final int MAX_KEPT_KEYS = 64;

		// below this, an insertion sort beats the general sort's set-up
		private static final int INSERTION_SORT_MAX = 24;

		private final String[][] names = new String[KEPT][];

		private final int[][] orders = new int[KEPT][];

		private int next;

		/** For each place in the canonical form, the index in {@code keys} of the key written there. */
		int[] of(String[] keys) {
			for (int c = 0; c < KEPT; c++) {
				if (sameInstances(this.names[c], keys)) {
					return this.orders[c];
				}
			}
			int[] order = sorted(keys);
			if (keys.length <= MAX_KEPT_KEYS) {
				int slot = this.next;
				this.next = (slot + 1) % KEPT;
				this.names[slot] = keys.clone();
				this.orders[slot] = order;
			}
			return order;
		}

		private static boolean sameInstances(String[] kept, String[] keys) {
			if (kept == null || kept.length != keys.length) {
				return false;
			}
			for (int i = 0; i < keys.length; i++) {
				if (kept[i] != keys[i]) {
					return false;
				}
			}
			return true;
		}

		private static int[] sorted(String[] keys) {
			int n = keys.length;
			int[] order = new int[n];
			if (n > INSERTION_SORT_MAX) {
				Integer[] boxed = new Integer[n];
				for (int i = 0; i < n; i++) {
					boxed[i] = i;
				}
				Arrays.sort(boxed, (a, b) -> keys[a].compareTo(keys[b]));
				for (int i = 0; i < n; i++) {
					order[i] = boxed[i];
				}
				return order;
			}
			for (int j = 0; j < n; j++) {
				int k = j - 1;
				while (k >= 0 && keys[order[k]].compareTo(keys[j]) > 0) {
					order[k + 1] = order[k];
					k--;
				}
				order[k + 1] = j;
			}
			return order;
		}

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
