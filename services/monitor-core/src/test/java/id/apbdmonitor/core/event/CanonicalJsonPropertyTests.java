package id.apbdmonitor.core.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import id.apbdmonitor.core.test.ContractExamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: the payload identity stored in every ledger does not change with the faster
 * canonical writer. Generated trees (nested objects and arrays, keys and strings of quotes,
 * backslashes, control characters, NUL, accented and CJK letters, surrogate pairs and lone
 * surrogates, integers, big integers, decimals with exponents) and the documented examples
 * with a NUL or a lone surrogate put into each string field are hashed by {@link CanonicalJson}
 * and by the implementation before issue 11, kept verbatim below: the digests are equal.
 */
class CanonicalJsonPropertyTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String[] PIECES = { "a", "Z", "0", " ", "\"", "\\", "/", "\u0000", "\u0001", "\u001f", "\n",
			"\t", "\r", "\b", "\f", "\u007f", "é", "\u00ff", "\u0100", "\u07ff", "\u0800", "中", "\u2028", "\uffff",
			"\ud834\udd1e", "\ud83d\ude00", "\ud834", "\udd1e", "\udbff\udfff", "SP2D-LS/2026", "Rp 47,8 juta" };

	@Test
	void shouldHashEveryGeneratedTreeAsTheLegacyWriterDid() {
		long seed = Long.getLong("apbd.property.seed", 11L);
		Random random = new Random(seed);
		for (int i = 0; i < 5000; i++) {
			JsonNode tree = value(random, 0);
			assertThat(CanonicalJson.sha256(tree)).as("seed %d, tree %d: %s", seed, i, tree)
				.isEqualTo(Legacy.sha256(tree));
			// and through the bytes, as the pipeline reads a record (a lone surrogate in a key makes
			// bytes that are not JSON: those are identified by their raw bytes, before and now)
			byte[] bytes = EventJson.MAPPER.writeValueAsBytes(tree);
			JsonNode reread;
			try {
				reread = EventJson.MAPPER.readTree(bytes);
			}
			catch (RuntimeException notJson) {
				reread = null;
			}
			assertThat(CanonicalJson.sha256(bytes))
				.isEqualTo((reread != null) ? Legacy.sha256(reread) : Legacy.digest(bytes));
		}
	}

	@Test
	void shouldHashThePoisonedExamplesAsTheLegacyWriterDid() {
		int checked = 0;
		List<ContractExamples.Example> examples = new ArrayList<>(ContractExamples.allValid());
		examples.addAll(ContractExamples.invalid());
		for (ContractExamples.Example example : examples) {
			JsonNode event;
			try {
				event = EventJson.MAPPER.readTree(example.json());
			}
			catch (RuntimeException notJson) {
				continue;
			}
			if (event == null || !event.isObject()) {
				continue;
			}
			for (String poison : List.of("\u0000", "\ud834", "\"\\\u0001", "é中\ud834\udd1e")) {
				for (String field : stringFields(event, "")) {
					ObjectNode copy = (ObjectNode) event.deepCopy();
					poison(copy, field, poison);
					assertThat(CanonicalJson.sha256(copy)).as(field).isEqualTo(Legacy.sha256(copy));
					checked++;
				}
			}
			assertThat(CanonicalJson.sha256(event)).isEqualTo(Legacy.sha256(event));
		}
		assertThat(checked).isGreaterThan(100);
	}

	/**
	 * Records as producers send them: keys of a few sets, each in several orders, so that the
	 * writer's kept key orders are met again, missed and replaced (and objects of 30 and 70 keys,
	 * sorted by the general sort and the second not kept); most records plain ASCII, whose strings
	 * the writer copies whole, some with a quote, a backslash, a control character or a letter
	 * beyond ASCII in a string or a name. Each is identified from its bytes as the pipeline does.
	 */
	@Test
	void shouldHashRecordsOfRepeatedKeysAndPlainAsciiAsTheLegacyWriterDid() {
		long seed = Long.getLong("apbd.property.seed", 11L);
		Random random = new Random(seed);
		String[] names = { "eventId", "type", "pemda", "opd", "amount", "Amount", "amount2", "a", "document", "kind",
				"number", "occurredOn", "zz", "_x" };
		String[] rare = { "\"", "\\", "\u0000", "\n", "é", "中", "\ud83d\ude00" };
		int plain = 0;
		for (int i = 0; i < 5000; i++) {
			ObjectNode event = NODES.objectNode();
			int keys = switch (random.nextInt(40)) {
				case 0 -> 30;
				case 1 -> 70;
				default -> 1 + random.nextInt(names.length);
			};
			boolean poisoned = random.nextInt(5) == 0;
			for (int k = 0; k < keys; k++) {
				String name = (k < names.length) ? names[(k + i % 3) % names.length] : "key" + k;
				StringBuilder text = new StringBuilder("SP2D-LS/").append(random.nextInt(100_000)).append(" ~ok.");
				if (poisoned && random.nextBoolean()) {
					text.append(rare[random.nextInt(rare.length)]);
				}
				JsonNode value = switch (random.nextInt(6)) {
					case 0 -> NODES.numberNode(random.nextInt(3000));
					case 1 -> NODES.numberNode(new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(6)));
					case 2 -> NODES.objectNode().put("kind", "SP2D").put("number", text.toString());
					default -> NODES.stringNode(text.toString());
				};
				event.set((poisoned && random.nextInt(20) == 0) ? name + rare[random.nextInt(rare.length)] : name, value);
			}
			byte[] bytes = EventJson.MAPPER.writeValueAsBytes(event);
			JsonNode reread = EventJson.MAPPER.readTree(bytes);
			CanonicalJson.Identity identity = CanonicalJson.identify(reread, bytes);
			assertThat(identity.sha256()).as("seed %d, record %d: %s", seed, i, new String(bytes, StandardCharsets.UTF_8))
				.isEqualTo(Legacy.sha256(reread));
			assertThat(identity.holdsNul()).isEqualTo(new String(bytes, StandardCharsets.UTF_8).contains("\\u0000"));
			if (CanonicalJson.plainAscii(bytes)) {
				plain++;
			}
		}
		// both ways of writing a string were taken, often
		assertThat(plain).isBetween(2000, 4900);
	}

	private static List<String> stringFields(JsonNode node, String path) {
		List<String> fields = new ArrayList<>();
		for (String name : node.propertyNames()) {
			JsonNode value = node.get(name);
			if (value.isString()) {
				fields.add(path + name);
			}
			else if (value.isObject()) {
				fields.addAll(stringFields(value, path + name + "."));
			}
		}
		return fields;
	}

	private static void poison(ObjectNode node, String field, String poison) {
		int dot = field.indexOf('.');
		if (dot > 0) {
			poison((ObjectNode) node.get(field.substring(0, dot)), field.substring(dot + 1), poison);
		}
		else {
			node.put(field, node.get(field).asString() + poison);
		}
	}

	private static JsonNode value(Random random, int depth) {
		int kind = random.nextInt((depth < 4) ? 9 : 7);
		return switch (kind) {
			case 0 -> NODES.stringNode(text(random));
			case 1 -> NODES.numberNode(random.nextInt());
			case 2 -> NODES.numberNode(random.nextLong());
			case 3 -> NODES.numberNode(new BigInteger(100, random).negate());
			case 4 -> NODES.numberNode(new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(40) - 20));
			case 5 -> NODES.booleanNode(random.nextBoolean());
			case 6 -> random.nextBoolean() ? NODES.nullNode() : NODES.stringNode(text(random));
			case 7 -> {
				ObjectNode object = NODES.objectNode();
				int n = random.nextInt(14);
				for (int i = 0; i < n; i++) {
					object.set(text(random), value(random, depth + 1));
				}
				yield object;
			}
			default -> {
				ArrayNode array = NODES.arrayNode();
				int n = random.nextInt(6);
				for (int i = 0; i < n; i++) {
					array.add(value(random, depth + 1));
				}
				yield array;
			}
		};
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int n = random.nextInt(random.nextInt(10) == 0 ? 3000 : 12);
		for (int i = 0; i < n; i++) {
			text.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return text.toString();
	}

	/** {@code CanonicalJson.sha256(JsonNode)} before issue 11, verbatim but for names. */
	private static final class Legacy {

		private static final char[] HEX = "0123456789abcdef".toCharArray();

		static byte[] sha256(JsonNode node) {
			StringBuilder text = new StringBuilder(4096);
			write(node, text);
			MessageDigest digest = newDigest();
			CharBuffer chars = CharBuffer.wrap(text);
			CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
			ByteBuffer bytes = ByteBuffer.allocate(4096);
			while (true) {
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
					throw new IllegalStateException("canonical JSON is not encodable: " + result);
				}
			}
			return digest.digest();
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

		private static String number(JsonNode node) {
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
			return (Math.abs(value.scale()) > 1000) ? value.toString() : value.toPlainString();
		}

		private static void string(String text, StringBuilder out) {
			out.append('"');
			int plain = 0;
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
				default -> out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
					.append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
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

		static byte[] digest(byte[] bytes) {
			return newDigest().digest(bytes);
		}

		private static MessageDigest newDigest() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
