package id.apbdmonitor.simulator.generator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTests {

	private static final Pattern MONEY = Pattern.compile("^(0|[1-9][0-9]{0,15})(\\.[0-9]{1,2})?$");

	private static final GeneratorSettings CLEAN = GeneratorSettings.kotaBima(2026);

	private static final GeneratedYear FAULTY = YearGenerator.generate(CLEAN.withFaultRate(0.02));

	private static List<SimEvent> ofKind(GeneratedYear year, SimEvent.Kind kind) {
		return year.events().stream().filter((event) -> event.kind() == kind).toList();
	}

	/**
	 * The records of a kind on the budget, goods and services topics (capital, PAD, UP and TPP:
	 * {@link TopicFaultsTests}; other-spending's: {@link WholeApbdTests}).
	 */
	private static List<SimEvent> spendingOfKind(GeneratedYear year, SimEvent.Kind kind) {
		return ofKind(year, kind).stream()
			.filter((event) -> !event.topic().equals(Topics.CAPITAL) && !event.topic().equals(Topics.PAD)
					&& !event.topic().equals(Topics.UP) && !event.topic().equals(Topics.TPP)
					&& !event.topic().equals(Topics.OTHER))
			.toList();
	}

	@Test
	void shouldLeaveTheValidEventsAndTheTotalsAsWithoutFaults() {
		GeneratedYear clean = YearGenerator.generate(CLEAN);
		assertThat(ofKind(FAULTY, SimEvent.Kind.VALID)).isEqualTo(ofKind(clean, SimEvent.Kind.VALID));
		assertThat(FAULTY.expectedTotals().totals()).isEqualTo(clean.expectedTotals().totals());
		// without faults only the resync's re-sent current revision is not VALID
		assertThat(ofKind(clean, SimEvent.Kind.DUPLICATE)).hasSize(1)
			.allMatch((event) -> event.topic().equals(Topics.BUDGET));
		assertThat(ofKind(clean, SimEvent.Kind.MALFORMED)).isEmpty();
		assertThat(ofKind(clean, SimEvent.Kind.INVALID)).isEmpty();
	}

	@Test
	void shouldInjectAboutTheRequestedShareOfEachFault() {
		long validSpending = spendingOfKind(FAULTY, SimEvent.Kind.VALID).stream()
			.filter((event) -> !event.topic().equals(Topics.BUDGET))
			.count();
		long expected = Math.round(validSpending * 0.02);
		assertThat(spendingOfKind(FAULTY, SimEvent.Kind.DUPLICATE)).hasSize((int) expected + 1);
		assertThat(spendingOfKind(FAULTY, SimEvent.Kind.MALFORMED)).hasSize((int) expected);
		assertThat(spendingOfKind(FAULTY, SimEvent.Kind.INVALID)).hasSize((int) expected);
	}

	@Test
	void shouldRepeatAnEarlierValidRecordExactlyAsADuplicate() {
		Set<String> published = new HashSet<>();
		for (SimEvent event : FAULTY.events()) {
			String record = event.topic() + "|" + event.key() + "|" + event.value();
			if (event.kind() == SimEvent.Kind.DUPLICATE) {
				assertThat(published).contains(record);
			}
			if (event.kind() == SimEvent.Kind.VALID) {
				published.add(record);
			}
		}
	}

	@Test
	void shouldSendMalformedRecordsThatAreNotJson() {
		List<SimEvent> malformed = spendingOfKind(FAULTY, SimEvent.Kind.MALFORMED);
		assertThat(malformed).isNotEmpty().allMatch((event) -> "MALFORMED_JSON".equals(event.expectedReason()));
		for (SimEvent event : malformed) {
			assertThatThrownBy(() -> Json.parse(event)).isInstanceOf(JacksonException.class);
			assertThat(event.topic()).isIn(Topics.GOODS, Topics.SERVICES);
		}
	}

	@Test
	void shouldInjectEveryInvalidKindWithItsReason() {
		List<SimEvent> invalid = spendingOfKind(FAULTY, SimEvent.Kind.INVALID);
		Map<String, List<SimEvent>> byReason = invalid.stream().collect(Collectors.groupingBy(SimEvent::expectedReason));
		assertThat(byReason).containsOnlyKeys("UNKNOWN_OPD", "ACCOUNT_OUTSIDE_CATEGORY", "FISCAL_YEAR_CLOSED",
				"MALFORMED_AMOUNT", "UNKNOWN_REFERENCE");
		Set<String> allIds = FAULTY.events().stream()
			.filter((event) -> event.kind() == SimEvent.Kind.VALID)
			.map((event) -> Json.text(event, "eventId"))
			.collect(Collectors.toSet());

		byReason.get("UNKNOWN_OPD").forEach((event) -> {
			String opd = Json.text(event, "opd");
			assertThat(CLEAN.opds()).doesNotContain(opd);
			assertThat(event.key()).isEqualTo("52.72/" + opd);
		});
		byReason.get("ACCOUNT_OUTSIDE_CATEGORY").forEach((event) -> assertThat(Json.text(event, "account")).startsWith("5.2."));
		byReason.get("FISCAL_YEAR_CLOSED").forEach((event) -> {
			JsonNode node = Json.parse(event);
			assertThat(node.get("fiscalYear").intValue()).isEqualTo(2025);
			assertThat(node.get("occurredOn").stringValue()).startsWith("2025-");
		});
		Function<SimEvent, JsonNode> amount = (event) -> Json.parse(event).get("amount");
		assertThat(byReason.get("MALFORMED_AMOUNT")).allMatch((event) -> amount.apply(event).isNumber()
				|| !MONEY.matcher(amount.apply(event).stringValue()).matches());
		assertThat(byReason.get("MALFORMED_AMOUNT")).anyMatch((event) -> amount.apply(event).isNumber())
			.anyMatch((event) -> amount.apply(event).isString());
		byReason.get("UNKNOWN_REFERENCE").forEach((event) -> {
			JsonNode node = Json.parse(event);
			assertThat(node.get("type").stringValue()).isEqualTo("spending-reversed");
			assertThat(allIds).doesNotContain(node.get("reverses").stringValue());
		});

		// every invalid record is a distinct fact: its own event id, not one of a valid record
		List<String> invalidIds = invalid.stream().map((event) -> Json.text(event, "eventId")).toList();
		assertThat(invalidIds).doesNotHaveDuplicates();
		assertThat(invalidIds).noneMatch(allIds::contains);
	}

	@Test
	void shouldBreakOnlyOneRuleInEachInvalidEvent() {
		for (SimEvent event : spendingOfKind(FAULTY, SimEvent.Kind.INVALID)) {
			JsonNode node = Json.parse(event);
			String reason = event.expectedReason();
			if (!reason.equals("UNKNOWN_OPD")) {
				assertThat(CLEAN.opds()).contains(node.get("opd").stringValue());
			}
			if (!reason.equals("FISCAL_YEAR_CLOSED")) {
				assertThat(node.get("fiscalYear").intValue()).isEqualTo(2026);
				assertThat(node.get("occurredOn").stringValue()).startsWith("2026-");
			}
			if (!reason.equals("MALFORMED_AMOUNT")) {
				assertThat(MONEY.matcher(node.get("amount").stringValue()).matches()).isTrue();
			}
			if (node.has("account") && !reason.equals("ACCOUNT_OUTSIDE_CATEGORY")) {
				assertThat(Json.categoryOfAccount(node.get("account").stringValue()).topic()).isEqualTo(event.topic());
			}
			assertThat(node.get("pemda").stringValue()).isEqualTo("52.72");
			assertThat(node.get("schemaVersion").intValue()).isEqualTo(1);
		}
	}

}
