package id.apbdmonitor.core.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import id.apbdmonitor.core.test.ContractExamples;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: {@link PlainJson} reads a value only when Jackson reads it too, into an equal tree
 * (same node types, same names in the same order and as the same interned instances, same
 * payload identity), and leaves every other value to Jackson. Values are generated text (objects
 * nested up to ten deep, names repeated, strings plain or with an escape, a control character, a
 * letter beyond ASCII or a DEL, integers of every form JSON allows or refuses, fractions,
 * exponents, literals, arrays, odd whitespace, trailing bytes), the documented examples with bytes
 * inserted, deleted, replaced or cut, and plain events with their keys shuffled and whitespace
 * between every token, which must all be read.
 */
class PlainJsonPropertyTests {

	private static final JsonNodeFactory NODES = EventJson.MAPPER.getNodeFactory();

	private static final String PLAIN_CHARS = " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

	private static final String[] ODD_PIECES = { "\\\"", "\\\\", "\\n", "\\u0041", "\\u0000", "\\/", "\u0001", "\t",
			"\u007f", "é", "中", "\ud83d\ude00", "\\x", "\"" };

	private static final String[] NUMBERS = { "0", "-0", "7", "-12", "123456789", "-999999999", "1234567890",
			"-2147483648", "2147483648", "00", "01", "-01", "-", "1.5", "1.0", "1e3", "1E3", "-1e-3", "0.000",
			"12345678901234567890", "+1", ".5", "1.", "0x10", "Infinity", "NaN" };

	private static final String[] NAMES = { "eventId", "type", "pemda", "opd", "amount", "document", "kind", "number",
			"", "a", "A" };

	private static final String[] ODD_NAMES = { "am\\u006fount", "é", "n\\\"ame", "x".repeat(65), "tab\there" };

	private static final String[] WHITESPACE = { "", "", "", " ", "\n", "\t", "\r\n", "  \n\t" };

	private static final String[] ODD_WHITESPACE = { "\u000b", "\u00a0", "\f", "/* */" };

	@Test
	void shouldReadOnlyWhatJacksonReadsAndReadItAlike() {
		long seed = Long.getLong("apbd.property.seed", 11L);
		Random random = new Random(seed);
		List<ContractExamples.Example> examples = new ArrayList<>(ContractExamples.allValid());
		examples.addAll(ContractExamples.invalid());
		int plain = 0;
		int cases = 30_000;
		for (int i = 0; i < cases; i++) {
			byte[] value = switch (random.nextInt(3)) {
				case 0 -> document(random).getBytes(StandardCharsets.UTF_8);
				case 1 -> mutated(examples.get(random.nextInt(examples.size())).json(), random);
				default -> plainEvent(random).getBytes(StandardCharsets.UTF_8);
			};
			if (readAlike(value, "seed " + seed + ", case " + i)) {
				plain++;
			}
		}
		// both ways were taken often
		assertThat(plain).isBetween(cases / 4, cases * 3 / 4);
	}

	@Test
	void shouldReadEveryPlainEventItself() {
		Random random = new Random(Long.getLong("apbd.property.seed", 11L));
		for (int i = 0; i < 5_000; i++) {
			String event = plainEvent(random);
			assertThat(readAlike(event.getBytes(StandardCharsets.UTF_8), event)).as(event).isTrue();
		}
	}

	@Test
	void shouldReadTheDocumentedExamplesAlike() {
		int plain = 0;
		List<ContractExamples.Example> examples = new ArrayList<>(ContractExamples.allValid());
		examples.addAll(ContractExamples.invalid());
		for (ContractExamples.Example example : examples) {
			if (readAlike(example.json().getBytes(StandardCharsets.UTF_8), example.name())) {
				plain++;
			}
		}
		// the events without arrays, literals or escapes (most of them) are read plain
		assertThat(plain).isGreaterThan(examples.size() / 2);
	}

	/** Whether {@link PlainJson} read the value, asserting that it then read it as Jackson does. */
	private static boolean readAlike(byte[] value, String description) {
		ObjectNode plain = PlainJson.read(value, NODES);
		if (plain == null) {
			return false;
		}
		JsonNode jackson;
		try {
			jackson = EventJson.MAPPER.readTree(value);
		}
		catch (JacksonException ex) {
			throw new AssertionError(description + ": read plain, refused by Jackson: " + ex.getOriginalMessage());
		}
		assertThat(plain).as(description).isEqualTo(jackson);
		assertSameNames(plain, jackson, description);
		assertThat(CanonicalJson.identify(plain, value).sha256()).as(description)
			.isEqualTo(CanonicalJson.identify(jackson, value).sha256());
		return true;
	}

	private static void assertSameNames(JsonNode plain, JsonNode jackson, String description) {
		if (!plain.isObject()) {
			assertThat(plain.getClass()).as(description).isEqualTo(jackson.getClass());
			return;
		}
		Iterator<String> expected = jackson.propertyNames().iterator();
		for (String name : plain.propertyNames()) {
			String same = expected.next();
			assertThat(name).as(description).isSameAs(same);
			assertSameNames(plain.get(name), jackson.get(same), description);
		}
		assertThat(expected.hasNext()).as(description).isFalse();
	}

	private static String document(Random random) {
		String body = switch (random.nextInt(20)) {
			case 0 -> value(random, 0);
			case 1 -> "[" + object(random, 1) + "]";
			default -> object(random, 0);
		};
		String tail = switch (random.nextInt(15)) {
			case 0 -> "x";
			case 1 -> "{}";
			case 2 -> ",";
			default -> "";
		};
		return whitespace(random) + body + whitespace(random) + tail;
	}

	private static String object(Random random, int depth) {
		StringBuilder object = new StringBuilder("{").append(whitespace(random));
		int n = random.nextInt(10);
		for (int i = 0; i < n; i++) {
			if (i > 0) {
				object.append(whitespace(random)).append(',').append(whitespace(random));
			}
			String name = (random.nextInt(25) == 0) ? ODD_NAMES[random.nextInt(ODD_NAMES.length)]
					: NAMES[random.nextInt(NAMES.length)];
			object.append('"').append(name).append('"').append(whitespace(random)).append(':').append(whitespace(random));
			object.append(value(random, depth + 1));
		}
		if (n > 0 && random.nextInt(30) == 0) {
			object.append(',');
		}
		return object.append(whitespace(random)).append(random.nextInt(60) == 0 ? "" : "}").toString();
	}

	private static String value(Random random, int depth) {
		int kind = random.nextInt((depth < 10) ? 12 : 9);
		return switch (kind) {
			case 0, 1, 2 -> '"' + plainText(random) + '"';
			case 3 -> '"' + plainText(random) + ODD_PIECES[random.nextInt(ODD_PIECES.length)] + plainText(random) + '"';
			case 4, 5 -> NUMBERS[random.nextInt(NUMBERS.length)];
			case 6 -> switch (random.nextInt(5)) {
				case 0 -> "true";
				case 1 -> "false";
				case 2 -> "null";
				case 3 -> "tru";
				default -> "'x'";
			};
			case 7 -> "[" + value(random, depth + 1) + "]";
			case 8 -> '"' + "y".repeat(random.nextBoolean() ? 4096 : 4097) + '"';
			default -> object(random, depth);
		};
	}

	private static String plainText(Random random) {
		int n = random.nextInt(random.nextInt(8) == 0 ? 300 : 16);
		StringBuilder text = new StringBuilder(n);
		for (int i = 0; i < n; i++) {
			text.append(PLAIN_CHARS.charAt(random.nextInt(PLAIN_CHARS.length())));
		}
		return text.toString();
	}

	private static String whitespace(Random random) {
		return (random.nextInt(200) == 0) ? ODD_WHITESPACE[random.nextInt(ODD_WHITESPACE.length)]
				: WHITESPACE[random.nextInt(WHITESPACE.length)];
	}

	/** A goods event as a producer might write it: keys in any order, whitespace anywhere JSON allows it. */
	private static String plainEvent(Random random) {
		List<String> fields = new ArrayList<>(List.of("\"eventId\":\"SP2D-2026-DINKES-" + random.nextInt(1_000_000) + "\"",
				"\"type\":\"spending-realised\"", "\"schemaVersion\":1", "\"pemda\":\"52.72\"",
				"\"fiscalYear\":" + (2000 + random.nextInt(101)), "\"opd\":\"DINKES\"", "\"occurredOn\":\"2026-03-14\"",
				"\"document\":{\"kind\":\"SP2D\",\"number\":\"" + random.nextInt(100_000) + "/SP2D-LS/DINKES/2026\"}",
				"\"mechanism\":\"LS\"", "\"account\":\"5.1.02.01.01.0024\"",
				"\"amount\":\"" + random.nextInt(1_000_000_000) + "." + random.nextInt(10) + random.nextInt(10) + "\"",
				"\"offset\":" + (random.nextInt(2_000_000_000) - 1_000_000_000)));
		java.util.Collections.shuffle(fields, random);
		String[] spaced = { "", " ", "\n  ", "\t", "\r\n" };
		StringBuilder event = new StringBuilder(spaced[random.nextInt(spaced.length)]).append('{');
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				event.append(spaced[random.nextInt(spaced.length)]).append(',');
			}
			String field = fields.get(i).replace(":", spaced[random.nextInt(spaced.length)] + ":");
			event.append(spaced[random.nextInt(spaced.length)]).append(field);
		}
		return event.append(spaced[random.nextInt(spaced.length)]).append('}').append(spaced[random.nextInt(spaced.length)])
			.toString();
	}

	/** The example's bytes with one to three bytes inserted, deleted or replaced, or cut short. */
	private static byte[] mutated(String json, Random random) {
		List<Byte> bytes = new ArrayList<>();
		for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
			bytes.add(b);
		}
		byte[] pool = "{}[]\":,\\ \n0-9.eE\u007f".getBytes(StandardCharsets.UTF_8);
		int changes = 1 + random.nextInt(3);
		for (int c = 0; c < changes && !bytes.isEmpty(); c++) {
			int at = random.nextInt(bytes.size());
			byte b = (random.nextInt(4) == 0) ? (byte) random.nextInt(256) : pool[random.nextInt(pool.length)];
			switch (random.nextInt(4)) {
				case 0 -> bytes.add(at, b);
				case 1 -> bytes.remove(at);
				case 2 -> bytes.set(at, b);
				default -> bytes.subList(at, bytes.size()).clear();
			}
		}
		byte[] value = new byte[bytes.size()];
		for (int i = 0; i < value.length; i++) {
			value[i] = bytes.get(i);
		}
		return value;
	}

}
