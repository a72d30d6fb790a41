package id.apbdmonitor.core.event;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonFieldsTests {

	@Test
	void shouldReadMoneyFromADecimalStringExactly() {
		assertThat(fields("{\"amount\":\"12500000.05\"}").money("amount")).isEqualByComparingTo("12500000.05");
		assertThat(fields("{\"amount\":\"7\"}").money("amount").toPlainString()).isEqualTo("7.00");
	}

	@Test
	void shouldNameAFieldOfANestedObjectByItsPath() {
		JsonFields document = fields("{\"document\":{\"kind\":\"SP2D\",\"terms\":{\"amount\":\"1.005\"}}}")
			.object("document");
		assertThat(catchThrowableOfType(RejectedException.class, () -> document.text("number", 1, 120)).rejection()
			.field()).isEqualTo("document.number");
		RejectedException amount = catchThrowableOfType(RejectedException.class,
				() -> document.object("terms").money("amount"));
		assertThat(amount.rejection().field()).isEqualTo("document.terms.amount");
		assertThat(amount.rejection().detail()).startsWith("document.terms.amount must be");
	}

	@Test
	void shouldRejectMoneyAsAJsonNumber() {
		assertMalformedAmount("{\"amount\":12.5}", "12.5");
	}

	@Test
	void shouldRejectADecimalCommaAndThreeDecimals() {
		assertMalformedAmount("{\"amount\":\"12,5\"}", "12,5");
		assertMalformedAmount("{\"amount\":\"1.005\"}", "1.005");
		assertMalformedAmount("{\"amount\":\"1e6\"}", "1e6");
	}

	@Test
	void shouldRejectAnAccountCodeThatIsNotSixLevels() {
		RejectedException ex = catchThrowableOfType(RejectedException.class,
				() -> fields("{\"account\":\"5.1.02.01\"}").account("account"));
		assertThat(ex.rejection().reason()).isEqualTo(Reason.INVALID_FIELD);
		assertThat(ex.rejection().value()).isEqualTo("5.1.02.01");
	}

	@Test
	void shouldCountLengthsInCharactersAsTheSchemasDo() {
		String clef = "\uD834\uDD1E"; // one character, two UTF-16 units
		assertThat(fields("{\"number\":\"" + clef.repeat(120) + "\"}").text("number", 1, 120)).hasSize(240);
		assertInvalid("{\"number\":\"" + "a".repeat(121) + "\"}", fields -> fields.text("number", 1, 120), "number");
		assertInvalid("{\"number\":\"\"}", fields -> fields.text("number", 1, 120), "number");
		// no minLength in the schema: an empty reason is a reason
		assertThat(fields("{\"reason\":\"\"}").optionalText("reason", 0, 500)).isEmpty();
	}

	@Test
	void shouldRejectNullForAnOptionalFieldAndReadItAsMissingForARequiredOne() {
		assertInvalid("{\"reason\":null}", fields -> fields.optionalText("reason", 0, 500), "reason");
		assertThat(fields("{}").optionalText("reason", 0, 500)).isNull();
		RejectedException ex = catchThrowableOfType(RejectedException.class,
				() -> fields("{\"number\":null}").text("number", 1, 120));
		assertThat(ex.rejection().reason()).isEqualTo(Reason.MISSING_FIELD);
	}

	@Test
	void shouldReadAnIntegerAsJsonSchemaDoesAndHoldItsBounds() {
		assertThat(fields("{\"n\":2026.0}").integer("n", 2000, 2100)).isEqualTo(2026);
		assertThat(fields("{\"n\":2.026e3}").integer("n", 2000, 2100)).isEqualTo(2026);
		assertThat(fields("{\"n\":2147483647}").integer("n", 0, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
		assertInvalid("{\"n\":2147483648}", fields -> fields.integer("n", 0, Integer.MAX_VALUE), "n");
		assertInvalid("{\"n\":2026.5}", fields -> fields.integer("n", 2000, 2100), "n");
		assertInvalid("{\"n\":\"2026\"}", fields -> fields.integer("n", 2000, 2100), "n");
		assertInvalid("{\"n\":1999}", fields -> fields.integer("n", 2000, 2100), "n");
	}

	@Test
	void shouldRejectANegativeAmountAsOutOfBounds() {
		RejectedException ex = catchThrowableOfType(RejectedException.class,
				() -> fields("{\"amount\":\"-0.00\"}").money("amount"));
		assertThat(ex.rejection().reason()).isEqualTo(Reason.AMOUNT_OUT_OF_BOUNDS);
	}

	private static void assertInvalid(String json, java.util.function.Consumer<JsonFields> read, String field) {
		RejectedException ex = catchThrowableOfType(RejectedException.class, () -> read.accept(fields(json)));
		assertThat(ex).as("rejected: %s", json).isNotNull();
		assertThat(ex.rejection().reason()).isEqualTo(Reason.INVALID_FIELD);
		assertThat(ex.rejection().field()).isEqualTo(field);
	}

	private static void assertMalformedAmount(String json, String value) {
		RejectedException ex = catchThrowableOfType(RejectedException.class, () -> fields(json).money("amount"));
		assertThat(ex.rejection().reason()).isEqualTo(Reason.MALFORMED_AMOUNT);
		assertThat(ex.rejection().field()).isEqualTo("amount");
		assertThat(ex.rejection().value()).isEqualTo(value);
	}

	private static JsonFields fields(String json) {
		return new JsonFields(EventJson.MAPPER.readTree(json));
	}

}
