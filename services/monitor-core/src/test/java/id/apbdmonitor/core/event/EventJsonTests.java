package id.apbdmonitor.core.event;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventJsonTests {

	@Test
	void shouldRejectAnObjectThatRepeatsAKeyNamingTheKey() {
		Rejection rejection = rejection("{\"eventId\":\"A-1\",\"amount\":\"1.00\",\"amount\":\"1000000.00\"}");
		assertThat(rejection.reason()).isEqualTo(Reason.MALFORMED_JSON);
		assertThat(rejection.detail()).contains("amount");
	}

	@Test
	void shouldRejectARepeatedKeyInANestedObject() {
		Rejection rejection = rejection("{\"document\":{\"kind\":\"SP2D\",\"kind\":\"DPA\",\"number\":\"1\"}}");
		assertThat(rejection.reason()).isEqualTo(Reason.MALFORMED_JSON);
		assertThat(rejection.detail()).contains("\"kind\"").doesNotContain("FAIL_ON").doesNotContain("ObjectNode");
	}

	@Test
	void shouldRejectWhatIsNotOneJsonObject() {
		assertThat(rejection("[1,2]").reason()).isEqualTo(Reason.MALFORMED_JSON);
		assertThat(rejection("{\"a\":1} {\"a\":2}").reason()).isEqualTo(Reason.MALFORMED_JSON);
		assertThat(rejection("{\"a\":1").reason()).isEqualTo(Reason.MALFORMED_JSON);
		assertThat(rejection("null").reason()).isEqualTo(Reason.MALFORMED_JSON);
	}

	@Test
	void shouldKeepDecimalsExact() {
		JsonFields fields = EventJson.fields("{\"p\":0.1000000000000000000001}".getBytes(StandardCharsets.UTF_8));
		assertThat(fields.node("p").decimalValue().toPlainString()).isEqualTo("0.1000000000000000000001");
	}

	@Test
	void shouldInternPropertyNamesSoTheChecksFindThemByIdentity() {
		for (int i = 0; i < 2; i++) {
			var tree = EventJson.MAPPER.readTree("{\"eventId\":\"A-" + i + "\",\"document\":{\"kind\":\"SP2D\"}}");
			assertThat(tree.propertyNames().iterator().next()).isSameAs("eventId");
			assertThat(tree.get("document").propertyNames().iterator().next()).isSameAs("kind");
		}
	}

	private static Rejection rejection(String json) {
		RejectedException ex = catchThrowableOfType(RejectedException.class,
				() -> EventJson.fields(json.getBytes(StandardCharsets.UTF_8)));
		assertThat(ex).as("rejected: %s", json).isNotNull();
		return ex.rejection();
	}

}
