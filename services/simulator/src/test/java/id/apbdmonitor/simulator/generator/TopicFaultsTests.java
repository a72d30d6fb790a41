package id.apbdmonitor.simulator.generator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults on the capital, PAD, UP and TPP topics: the requested share of duplicates, non-JSON records and
 * rule-breaking events, each with the reason code capital-spending, pad-revenue, up-advances or tpp-payments dead-letters it
 * with (the codes of {@code docs/events/README.md}).
 */
class TopicFaultsTests {

	private static final GeneratedYear FAULTY = YearGenerator.generate(GeneratorSettings.kotaBima(2026).withFaultRate(0.02));

	private static List<SimEvent> of(String topic, SimEvent.Kind kind) {
		return FAULTY.events().stream().filter((event) -> event.topic().equals(topic) && event.kind() == kind).toList();
	}

	@Test
	void shouldInjectTheRequestedShareOfFaultsOnEachTopic() {
		for (String topic : List.of(Topics.CAPITAL, Topics.PAD, Topics.UP, Topics.TPP)) {
			int valid = of(topic, SimEvent.Kind.VALID).size();
			long expected = Math.round(valid * 0.02);
			assertThat(of(topic, SimEvent.Kind.DUPLICATE)).as(topic).hasSize((int) Math.max(1, expected));
			assertThat(of(topic, SimEvent.Kind.MALFORMED)).as(topic).hasSize((int) Math.max(1, expected));
			assertThat(of(topic, SimEvent.Kind.INVALID).size()).as(topic).isGreaterThanOrEqualTo((int) expected);
			assertThat(FAULTY.expectedTotals().count(topic, SimEvent.Kind.INVALID))
				.isEqualTo(of(topic, SimEvent.Kind.INVALID).size());
		}
	}

	@Test
	void shouldDeadLetterEachInvalidCapitalEventWithTheReasonCapitalSpendingUses() {
		Map<String, List<SimEvent>> byReason = of(Topics.CAPITAL, SimEvent.Kind.INVALID).stream()
			.collect(Collectors.groupingBy(SimEvent::expectedReason));
		assertThat(byReason).containsOnlyKeys("UNKNOWN_OPD", "ACCOUNT_OUTSIDE_CATEGORY", "FISCAL_YEAR_CLOSED",
				"MALFORMED_AMOUNT", "UNKNOWN_REFERENCE", "PAYMENT_EXCEEDS_CONTRACT", "PROGRESS_NOT_MONOTONIC",
				"CONTRACT_CONFLICT", "INVALID_FIELD");
		Map<String, JsonNode> contracts = CapitalGeneratorTests.valid(FAULTY, Topics.CAPITAL)
			.stream()
			.filter((node) -> node.get("type").stringValue().equals("capital-contract-signed"))
			.collect(Collectors.toMap((node) -> node.get("contractId").stringValue(), (node) -> node));
		byReason.get("PAYMENT_EXCEEDS_CONTRACT").forEach((event) -> {
			JsonNode node = Json.parse(event);
			JsonNode contract = contracts.get(node.get("contractId").stringValue());
			assertThat(Json.money(node, "amount")).isGreaterThan(Json.money(contract, "value"));
			assertThat(event.businessDate().toString()).isGreaterThanOrEqualTo(contract.get("occurredOn").stringValue());
		});
		byReason.get("UNKNOWN_REFERENCE")
			.forEach((event) -> assertThat(contracts).doesNotContainKey(Json.text(event, "contractId")));
		byReason.get("CONTRACT_CONFLICT").forEach((event) -> assertThat(contracts).containsKey(Json.text(event, "contractId")));
		byReason.get("ACCOUNT_OUTSIDE_CATEGORY").forEach((event) -> assertThat(Json.text(event, "account")).startsWith("5.1."));
		byReason.get("PROGRESS_NOT_MONOTONIC").forEach((event) -> {
			JsonNode node = Json.parse(event);
			// an accepted report of the same contract, dated no later, was higher
			assertThat(CapitalGeneratorTests.valid(FAULTY, Topics.CAPITAL)).anyMatch((valid) -> valid.get("type")
				.stringValue()
				.equals("capital-progress-reported") && valid.get("contractId").equals(node.get("contractId"))
					&& valid.get("occurredOn").stringValue().compareTo(node.get("occurredOn").stringValue()) <= 0
					&& valid.get("physicalProgress").doubleValue() > node.get("physicalProgress").doubleValue());
		});
		assertDistinctFacts(Topics.CAPITAL);
	}

	@Test
	void shouldDeadLetterEachInvalidPadEventWithTheReasonPadRevenueUses() {
		Map<String, List<SimEvent>> byReason = of(Topics.PAD, SimEvent.Kind.INVALID).stream()
			.collect(Collectors.groupingBy(SimEvent::expectedReason));
		assertThat(byReason).containsOnlyKeys("UNKNOWN_OPD", "ACCOUNT_OUTSIDE_CATEGORY", "FISCAL_YEAR_CLOSED",
				"MALFORMED_AMOUNT", "UNKNOWN_REFERENCE", "INVALID_FIELD");
		byReason.get("ACCOUNT_OUTSIDE_CATEGORY").forEach((event) -> assertThat(Json.text(event, "account")).startsWith("4.2."));
		byReason.get("INVALID_FIELD").forEach((event) -> assertThat(Json.text(event, "channel")).isEqualTo("CASH"));
		byReason.get("FISCAL_YEAR_CLOSED")
			.forEach((event) -> assertThat(Json.parse(event).get("fiscalYear").intValue()).isEqualTo(2025));
		assertThat(byReason.get("MALFORMED_AMOUNT")).anyMatch((event) -> Json.parse(event).get("amount").isNumber())
			.anyMatch((event) -> Json.parse(event).get("amount").isString());
		assertDistinctFacts(Topics.PAD);
	}

	@Test
	void shouldResendValidRecordsAsDuplicatesAndCutOthersAsMalformed() {
		for (String topic : List.of(Topics.CAPITAL, Topics.PAD, Topics.UP, Topics.TPP)) {
			Set<String> valid = of(topic, SimEvent.Kind.VALID).stream()
				.map((event) -> event.key() + "|" + event.value())
				.collect(Collectors.toSet());
			assertThat(of(topic, SimEvent.Kind.DUPLICATE)).allMatch((event) -> valid.contains(event.key() + "|" + event.value()));
			for (SimEvent event : of(topic, SimEvent.Kind.MALFORMED)) {
				assertThat(event.expectedReason()).isEqualTo("MALFORMED_JSON");
				assertThatThrownBy(() -> Json.parse(event)).isInstanceOf(JacksonException.class);
			}
		}
	}

	/** Every invalid record is a distinct fact: its own event id, never one of a valid record. */
	private static void assertDistinctFacts(String topic) {
		Set<String> validIds = new HashSet<>();
		of(topic, SimEvent.Kind.VALID).forEach((event) -> validIds.add(Json.text(event, "eventId")));
		List<String> invalidIds = of(topic, SimEvent.Kind.INVALID).stream().map((event) -> Json.text(event, "eventId")).toList();
		assertThat(invalidIds).doesNotHaveDuplicates().noneMatch(validIds::contains);
	}

}
