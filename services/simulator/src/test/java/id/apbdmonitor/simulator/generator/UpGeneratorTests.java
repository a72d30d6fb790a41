package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UP year on {@code apbd.up.v1}, read back from the JSON of the records and held against the
 * rules as the README's "UP and TPP rules" states them (not against up-advances' code): ceilings
 * and first UPs early, GU refills at most 30 days apart except for the stale OPDs, one overdue TU,
 * every leftover back by 31 December except one OPD's.
 */
class UpGeneratorTests {

	private static final GeneratedYear YEAR = YearGenerator.generate(GeneratorSettings.kotaBima(2026).withFaultRate(0.02));

	/** The date at which the integration tests of up-advances look at the rules. */
	private static final LocalDate MID_JULY = LocalDate.of(2026, 7, 16);

	private static List<JsonNode> valid(String opd) {
		return CapitalGeneratorTests.valid(YEAR, Topics.UP)
			.stream()
			.filter((node) -> node.get("opd").stringValue().equals(opd))
			.toList();
	}

	private static LocalDate date(JsonNode node) {
		return LocalDate.parse(node.get("occurredOn").stringValue());
	}

	private static String type(JsonNode node) {
		return node.get("type").stringValue();
	}

	@Test
	void shouldSetEveryCeilingInEarlyJanuaryAndDisburseUpInJanuaryOrFebruaryButForTheLateOpd() {
		assertThat(YEAR.lateUpOpds()).containsExactly("DISPUSIP");
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			List<JsonNode> ceilings = valid(opd).stream().filter((node) -> type(node).equals("up-ceiling-set")).toList();
			assertThat(ceilings).as(opd).hasSize(1);
			assertThat(date(ceilings.get(0))).isBetween(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 9));
			List<JsonNode> ups = valid(opd).stream().filter((node) -> type(node).equals("up-disbursed")).toList();
			assertThat(ups).as(opd).hasSize(1);
			assertThat(Json.money(ups.get(0), "amount")).isLessThanOrEqualTo(Json.money(ceilings.get(0), "amount"));
			if (opd.equals("DISPUSIP")) {
				assertThat(date(ups.get(0)).getMonthValue()).isEqualTo(3);
			}
			else {
				assertThat(date(ups.get(0)).getMonthValue()).as(opd).isIn(1, 2);
			}
		}
	}

	@Test
	void shouldExpectTheUpTotalsTheRecordsAddUpTo() {
		ExpectedTotals expected = YEAR.expectedTotals();
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			BigDecimal disbursed = BigDecimal.ZERO;
			BigDecimal accounted = BigDecimal.ZERO;
			BigDecimal returned = BigDecimal.ZERO;
			for (JsonNode node : valid(opd)) {
				switch (type(node)) {
					case "up-disbursed", "gu-disbursed", "tu-disbursed" -> disbursed = disbursed.add(Json.money(node, "amount"));
					case "gu-accounted", "tu-accounted" -> accounted = accounted.add(Json.money(node, "amount"));
					case "up-returned", "tu-returned" -> returned = returned.add(Json.money(node, "amount"));
					default -> {
					}
				}
			}
			assertThat(expected.upDisbursed(opd)).as(opd).isEqualByComparingTo(disbursed).isPositive();
			assertThat(expected.upAccounted(opd)).as(opd).isEqualByComparingTo(accounted);
			assertThat(expected.upReturned(opd)).as(opd).isEqualByComparingTo(returned);
			BigDecimal outstanding = disbursed.subtract(accounted).subtract(returned);
			assertThat(expected.upOutstanding(opd)).isEqualByComparingTo(outstanding);
			boolean closed = valid(opd).stream().anyMatch((node) -> type(node).equals("up-closed"));
			if (opd.equals("KEC-MPUNDA")) {
				assertThat(outstanding).as("the unreturned UP").isPositive();
				assertThat(closed).isFalse();
			}
			else {
				assertThat(outstanding).as("leftover of " + opd + " back by 31 December").isZero();
				assertThat(closed).as(opd).isTrue();
			}
		}
		assertThat(YEAR.unreturnedUpOpds()).containsExactly("KEC-MPUNDA");
		// UP is a float, never realisation
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			assertThat(expected.realised(opd, Category.UP)).isZero();
		}
	}

	@Test
	void shouldRefillEveryOpdWithin30DaysExceptTheStaleOnes() {
		assertThat(YEAR.staleUpOpds()).containsExactly("DKP", "KETAPANG", "KEC-RASANAE-TIMUR");
		Map<LocalDate, Set<String>> breaching = new HashMap<>();
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			List<JsonNode> events = valid(opd);
			for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
				if (guOverdue(events, day)) {
					breaching.computeIfAbsent(day, (d) -> new HashSet<>()).add(opd);
				}
			}
		}
		Set<String> everBreaching = breaching.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
		assertThat(everBreaching).contains("DKP", "KETAPANG", "KEC-RASANAE-TIMUR")
			.isSubsetOf("DKP", "KETAPANG", "KEC-RASANAE-TIMUR", "KEC-MPUNDA");
		assertThat(breaching.get(MID_JULY)).containsExactlyInAnyOrder("DKP", "KETAPANG", "KEC-RASANAE-TIMUR");
		// the OPD that never returns its leftover breaches only after its last refill of the year
		assertThat(breaching.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains("KEC-MPUNDA"))
			.map(Map.Entry::getKey)).allMatch((day) -> day.isAfter(LocalDate.of(2026, 12, 10)));
	}

	/**
	 * "No GU refill": UP money is outstanding (UP + GU refills − SPJ-GU − UP returned > 0) and more
	 * than 30 days have passed since the last SP2D-GU (or the first UP when there is none).
	 */
	private static boolean guOverdue(List<JsonNode> events, LocalDate today) {
		BigDecimal floatOut = BigDecimal.ZERO;
		LocalDate lastRefill = null;
		for (JsonNode node : events) {
			if (date(node).isAfter(today)) {
				continue;
			}
			switch (type(node)) {
				case "up-disbursed" -> {
					floatOut = floatOut.add(Json.money(node, "amount"));
					lastRefill = (lastRefill == null) ? date(node) : lastRefill;
				}
				case "gu-disbursed" -> {
					floatOut = floatOut.add(Json.money(node, "amount"));
					lastRefill = (lastRefill == null || date(node).isAfter(lastRefill)) ? date(node) : lastRefill;
				}
				case "gu-accounted", "up-returned" -> floatOut = floatOut.subtract(Json.money(node, "amount"));
				default -> {
				}
			}
		}
		return floatOut.signum() > 0 && lastRefill != null && ChronoUnit.DAYS.between(lastRefill, today) > 30;
	}

	@Test
	void shouldSettleEveryTuWithin30DaysButOne() {
		assertThat(YEAR.overdueTuOpds()).containsExactly("BPBD");
		List<JsonNode> all = CapitalGeneratorTests.valid(YEAR, Topics.UP);
		Map<String, JsonNode> tus = all.stream()
			.filter((node) -> type(node).equals("tu-disbursed"))
			.collect(Collectors.toMap((node) -> node.get("eventId").stringValue(), (node) -> node));
		assertThat(tus.size()).isGreaterThan(3);
		Map<String, BigDecimal> settled = new HashMap<>();
		Map<String, LocalDate> settledOn = new HashMap<>();
		for (JsonNode node : all) {
			if (type(node).equals("tu-accounted") || type(node).equals("tu-returned")) {
				JsonNode tu = tus.get(node.get("tu").stringValue());
				assertThat(tu).as(node.toString()).isNotNull();
				assertThat(tu.get("opd")).isEqualTo(node.get("opd"));
				assertThat(date(node)).isAfterOrEqualTo(date(tu));
				settled.merge(node.get("tu").stringValue(), Json.money(node, "amount"), BigDecimal::add);
				settledOn.merge(node.get("tu").stringValue(), date(node), (a, b) -> a.isAfter(b) ? a : b);
			}
		}
		List<String> late = new ArrayList<>();
		List<String> openMidJuly = new ArrayList<>();
		for (JsonNode tu : tus.values()) {
			String id = tu.get("eventId").stringValue();
			assertThat(settled.get(id)).as("settled in full: " + id).isEqualByComparingTo(Json.money(tu, "amount"));
			if (ChronoUnit.DAYS.between(date(tu), settledOn.get(id)) > 30) {
				late.add(tu.get("opd").stringValue());
			}
			if (ChronoUnit.DAYS.between(date(tu), MID_JULY) > 30 && settledOn.get(id).isAfter(MID_JULY)) {
				openMidJuly.add(tu.get("opd").stringValue());
			}
		}
		assertThat(late).containsExactly("BPBD");
		assertThat(openMidJuly).containsExactly("BPBD");
	}

	@Test
	void shouldDeadLetterEachInvalidUpEventWithTheReasonUpAdvancesUses() {
		List<SimEvent> invalid = YEAR.events()
			.stream()
			.filter((event) -> event.topic().equals(Topics.UP) && event.kind() == SimEvent.Kind.INVALID)
			.toList();
		Map<String, List<SimEvent>> byReason = invalid.stream().collect(Collectors.groupingBy(SimEvent::expectedReason));
		assertThat(byReason).containsOnlyKeys("UNKNOWN_OPD", "FISCAL_YEAR_CLOSED", "MALFORMED_AMOUNT",
				"TU_NOT_DISBURSED", "TU_EXCEEDS_DISBURSED");
		Map<String, JsonNode> tus = CapitalGeneratorTests.valid(YEAR, Topics.UP)
			.stream()
			.filter((node) -> type(node).equals("tu-disbursed"))
			.collect(Collectors.toMap((node) -> node.get("eventId").stringValue(), (node) -> node));
		byReason.get("TU_NOT_DISBURSED").forEach((event) -> {
			JsonNode node = Json.parse(event);
			JsonNode tu = tus.get(node.get("tu").stringValue());
			assertThat(date(node)).isBefore(date(tu));
			assertThat(event.businessDate()).isAfterOrEqualTo(date(tu));
		});
		byReason.get("TU_EXCEEDS_DISBURSED").forEach((event) -> {
			JsonNode node = Json.parse(event);
			JsonNode tu = tus.get(node.get("tu").stringValue());
			assertThat(Json.money(node, "amount")).isGreaterThan(Json.money(tu, "amount"));
			assertThat(date(node)).isAfterOrEqualTo(date(tu));
		});
		byReason.get("UNKNOWN_OPD")
			.forEach((event) -> assertThat(GeneratorSettings.KOTA_BIMA_OPDS).doesNotContain(Json.text(event, "opd")));
		Set<String> validIds = CapitalGeneratorTests.valid(YEAR, Topics.UP)
			.stream()
			.map((node) -> node.get("eventId").stringValue())
			.collect(Collectors.toSet());
		assertThat(invalid.stream().map((event) -> Json.text(event, "eventId")).toList()).doesNotHaveDuplicates()
			.noneMatch(validIds::contains);
	}

}
