package id.apbdmonitor.core.event;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonFieldsTests {

	@Test
	void shouldReadMoneyFromADecimalStringExactly() {
		assertThat(fields("{\"amount\":\"12500000.05\"}").money("amount")).isEqualByComparingTo("12500000.05");
		assertThat(fields("{\"amount\":\"7\"}").money("amount").toPlainString()).isEqualTo("7.00");
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

	private static void assertMalformedAmount(String json, String value) {
		RejectedException ex = catchThrowableOfType(RejectedException.class, () -> fields(json).money("amount"));
		assertThat(ex.rejection().reason()).isEqualTo(Reason.MALFORMED_AMOUNT);
		assertThat(ex.rejection().field()).isEqualTo("amount");
		assertThat(ex.rejection().value()).isEqualTo(value);
	}

	private static JsonFields fields(String json) {
		return new JsonFields(JsonMapper.builder().build().readTree(json));
	}

}
