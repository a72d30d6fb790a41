package id.apbdmonitor.core.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTests {

	/** {@code printf '%s' '{"a":"é","b":1}' | sha256sum}. */
	private static final String KNOWN_DIGEST = "aa58fba8483623bed37c1b02edfccbdd9a53123837c20bfa4cb4049993a2872e";

	private static final String EVENT = """
			{"eventId":"SP2D-1","type":"spending-realised","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
			 "opd":"DINKES","occurredOn":"2026-03-14","document":{"kind":"SP2D","number":"00123/SP2D-LS/2026"},
			 "mechanism":"LS","account":"5.1.02.01.01.0024","amount":"12500000.00"}""";

	// the same event as another producer writes it: keys in another order, spaces, an escaped letter
	private static final String RESERIALISED = "{ \"amount\" : \"12500000.00\", \"account\":\"5.1.02.01.01.0024\",\n"
			+ "\t\"mechanism\":\"LS\", \"document\":{\"number\":\"00123/SP2D-LS/2026\",\"kind\":\"SP2D\"},"
			+ "\"occurredOn\":\"2026-03-14\",\"opd\":\"DINKE\\u0053\",\"fiscalYear\":2026,\"pemda\":\"52.72\","
			+ "\"schemaVersion\":1,\"type\":\"spending-realised\",\"eventId\":\"SP2D-1\"}";

	@Test
	void shouldWriteKeysSortedWithoutInsignificantWhitespace() {
		assertThat(CanonicalJson.canonical(EventJson.MAPPER.readTree("{ \"b\" : [1, {\"d\":2, \"c\":\"x\"}], \"a\":true }")))
			.isEqualTo("{\"a\":true,\"b\":[1,{\"c\":\"x\",\"d\":2}]}");
	}

	@Test
	void shouldGiveAReserialisedEventTheSameHash() {
		assertThat(CanonicalJson.sha256(bytes(RESERIALISED))).isEqualTo(CanonicalJson.sha256(bytes(EVENT)));
		assertThat(CanonicalJson.sha256(bytes(EVENT))).isNotEqualTo(sha256(bytes(EVENT)));
	}

	@Test
	void shouldTellADifferentValueApart() {
		assertThat(CanonicalJson.sha256(bytes(EVENT.replace("12500000.00", "12500000.01"))))
			.isNotEqualTo(CanonicalJson.sha256(bytes(EVENT)));
		// money is a string: "12500000.0" is another payload, even though it is the same rupiah
		assertThat(CanonicalJson.sha256(bytes(EVENT.replace("12500000.00", "12500000.0"))))
			.isNotEqualTo(CanonicalJson.sha256(bytes(EVENT)));
	}

	@Test
	void shouldWriteANumberAsItsExactValue() {
		assertThat(CanonicalJson.canonical(EventJson.MAPPER.readTree("[40.50, 4.05e1, 40.5, 100, 1E+2, 100.0, -0.0, 0.10]")))
			.isEqualTo("[40.5,40.5,40.5,100,100,100,0,0.1]");
		assertThat(CanonicalJson.canonical(EventJson.MAPPER.readTree("[12345678901234567890123, 0.1000000000000000000001]")))
			.isEqualTo("[12345678901234567890123,0.1000000000000000000001]");
	}

	@Test
	void shouldEscapeOnlyQuotesBackslashesAndControlCharacters() {
		assertThat(CanonicalJson.canonical(EventJson.MAPPER.readTree("[\"a\\\"b\\\\c\\u0001\\n\\u00e9/\\ud834\\udd1e\"]")))
			.isEqualTo("[\"a\\\"b\\\\c\\u0001\\né/\uD834\uDD1E\"]");
	}

	@Test
	void shouldHashARecordThatIsNotJsonByItsRawBytes() {
		byte[] truncated = bytes(EVENT.substring(0, 40));
		assertThat(CanonicalJson.sha256(truncated)).isEqualTo(sha256(truncated));
		byte[] duplicateKey = bytes("{\"amount\":\"1.00\",\"amount\":\"2.00\"}");
		assertThat(CanonicalJson.sha256(duplicateKey)).isEqualTo(sha256(duplicateKey));
		assertThat(CanonicalJson.sha256((byte[]) null)).isEqualTo(sha256(new byte[0]));
	}

	@Test
	void shouldHashTheUtf8BytesOfTheCanonicalFormWhateverTheTextAndItsLength() {
		String big = "Rp ".repeat(3000) + "\u00e9\ud834\udd1e".repeat(500);
		String huge = "x".repeat(70_000) + "\u00e9";
		for (String json : java.util.List.of(EVENT, RESERIALISED, "{\"a\":\"é ü 中 \ud834\udd1e\"}",
				"[\"lone \\ud834 high\", \"lone \\udd1e low\", \"\\u0000\\u001f\\n\"]", "{\"big\":\"" + big + "\"}",
				"{\"huge\":\"" + huge + "\"}", EVENT)) {
			var tree = EventJson.MAPPER.readTree(json);
			// the identity stored in every ledger: SHA-256 of the canonical text's UTF-8 bytes
			assertThat(CanonicalJson.sha256(tree)).as(json.substring(0, Math.min(40, json.length())))
				.isEqualTo(sha256(bytes(CanonicalJson.canonical(tree))));
		}
		// computed outside Java: sha256sum of the canonical text
		assertThat(java.util.HexFormat.of().formatHex(CanonicalJson.sha256(EventJson.MAPPER.readTree("{\"b\":1,\"a\":\"é\"}"))))
			.isEqualTo(KNOWN_DIGEST);
	}

	@Test
	void shouldTellWhetherAStringOrANameAnywhereHoldsANul() {
		for (String json : java.util.List.of("{\"a\":\"x\\u0000y\"}", "{\"a\\u0000\":1}",
				"{\"a\":{\"b\":[\"ok\",\"\\u0000\"]}}", "\"\\u0000\"")) {
			assertThat(CanonicalJson.identify(EventJson.MAPPER.readTree(json)).holdsNul()).as(json).isTrue();
		}
		// a backslash followed by u0000 is six characters, not a NUL; other control characters are no NUL
		for (String json : java.util.List.of(EVENT, "{\"a\":\"\\\\u0000\"}", "{\"a\":\"\\u0001\\n\"}", "0")) {
			assertThat(CanonicalJson.identify(EventJson.MAPPER.readTree(json)).holdsNul()).as(json).isFalse();
		}
		// the same digest either way, and a record with a NUL does not mark the thread's next one
		var withNul = EventJson.MAPPER.readTree("{\"a\":\"\\u0000\"}");
		assertThat(CanonicalJson.identify(withNul).sha256()).isEqualTo(CanonicalJson.sha256(withNul));
		assertThat(CanonicalJson.identify(EventJson.MAPPER.readTree(EVENT)).holdsNul()).isFalse();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sha256(byte[] value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
