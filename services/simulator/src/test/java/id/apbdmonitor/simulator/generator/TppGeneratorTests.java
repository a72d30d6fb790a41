package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TPP year on {@code apbd.tpp.v1} and its budget lines, read back from the JSON of the
 * records: about Rp6 bn a month for more than 3,000 civil servants, the five stages of every OPD
 * and month in order, the first quarter paid as a lump sum in April, and the late OPDs past the
 * deadline of 10 working days (weekends and the 2026 SKB's holidays and cuti bersama, written out
 * here), and DISPUSIP's May SP2D below its SPM.
 */
class TppGeneratorTests {

	private static final GeneratedYear YEAR = YearGenerator.generate(GeneratorSettings.kotaBima(2026).withFaultRate(0.02));

	private static final List<String> STAGES = List.of("PERFORMANCE_CLOSED", "VERIFIED", "SPP", "SPM", "SP2D");

	/** The national holidays and cuti bersama of 2026 (SKB 1497/2/5 of 2025), as tpp-payments counts them. */
	private static final Set<LocalDate> HOLIDAYS = Stream
		.of("01-01", "01-16", "02-16", "02-17", "03-18", "03-19", "03-20", "03-21", "03-22", "03-23", "03-24", "04-03",
				"04-05", "05-01", "05-14", "05-15", "05-27", "05-28", "05-31", "06-01", "06-16", "08-17", "08-25",
				"12-24", "12-25")
		.map((day) -> LocalDate.parse("2026-" + day))
		.collect(Collectors.toSet());

	private static final List<JsonNode> STAGE_EVENTS = CapitalGeneratorTests.valid(YEAR, Topics.TPP);

	private static LocalDate date(JsonNode node) {
		return LocalDate.parse(node.get("occurredOn").stringValue());
	}

	/** The 10th working day after the month's last day. */
	private static LocalDate deadline(int month) {
		LocalDate day = LocalDate.of(2026, month, 1).plusMonths(1).minusDays(1);
		int counted = 0;
		while (counted < 10) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
					&& !HOLIDAYS.contains(day)) {
				counted++;
			}
		}
		return day;
	}

	private static Map<String, Map<Integer, Map<String, JsonNode>>> byOpdMonthStage() {
		Map<String, Map<Integer, Map<String, JsonNode>>> result = new HashMap<>();
		for (JsonNode node : STAGE_EVENTS) {
			JsonNode previous = result.computeIfAbsent(node.get("opd").stringValue(), (opd) -> new HashMap<>())
				.computeIfAbsent(node.get("month").intValue(), (month) -> new HashMap<>())
				.put(node.get("stage").stringValue(), node);
			assertThat(previous).as("each stage once: " + node).isNull();
		}
		return result;
	}

	@Test
	void shouldBudgetAboutSixBillionAMonthForMoreThanThreeThousandCivilServants() {
		List<JsonNode> lines = CapitalGeneratorTests.valid(YEAR, Topics.BUDGET)
			.stream()
			.filter((node) -> node.get("account").stringValue().startsWith("5.1.01.02."))
			.toList();
		assertThat(lines).hasSize(33).allMatch((node) -> node.get("revision").get("number").intValue() == 0);
		BigDecimal pagu = lines.stream().map((node) -> Json.money(node, "pagu")).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(pagu).isBetween(new BigDecimal("66000000000"), new BigDecimal("80000000000"));
		int employees = STAGE_EVENTS.stream()
			.filter((node) -> node.get("month").intValue() == 1 && node.get("stage").stringValue().equals("SP2D"))
			.mapToInt((node) -> node.get("employees").intValue())
			.sum();
		assertThat(employees).isGreaterThan(3000);
		BigDecimal january = STAGE_EVENTS.stream()
			.filter((node) -> node.get("month").intValue() == 1 && node.get("stage").stringValue().equals("SP2D"))
			.map((node) -> Json.money(node, "amount"))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(january).isBetween(new BigDecimal("5500000000"), new BigDecimal("6500000000"));
	}

	@Test
	void shouldSendTheFiveStagesOfEveryMonthInOrderAndRealiseAtSp2d() {
		ExpectedTotals expected = YEAR.expectedTotals();
		Map<String, Map<Integer, Map<String, JsonNode>>> stages = byOpdMonthStage();
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			BigDecimal realised = BigDecimal.ZERO;
			for (int month = 1; month <= 12; month++) {
				Map<String, JsonNode> reached = stages.get(opd).get(month);
				assertThat(reached.keySet()).as(opd + " " + month).containsExactlyInAnyOrderElementsOf(STAGES);
				for (int i = 1; i < STAGES.size(); i++) {
					assertThat(date(reached.get(STAGES.get(i)))).isAfterOrEqualTo(date(reached.get(STAGES.get(i - 1))));
				}
				assertThat(date(reached.get("SP2D")).getYear()).isEqualTo(2026);
				realised = realised.add(Json.money(reached.get("SP2D"), "amount"));
			}
			assertThat(expected.realised(opd, Category.TPP)).as(opd).isEqualByComparingTo(realised);
			assertThat(realised).isLessThanOrEqualTo(expected.pagu(opd, Category.TPP));
		}
		// the publishing order keeps every OPD's stages of a month in order too
		Map<String, String> reachedSoFar = new HashMap<>();
		for (JsonNode node : STAGE_EVENTS) {
			String key = node.get("opd").stringValue() + "|" + node.get("month").intValue();
			String stage = node.get("stage").stringValue();
			int index = STAGES.indexOf(stage);
			assertThat(reachedSoFar.get(key)).as(node.toString()).isEqualTo((index == 0) ? null : STAGES.get(index - 1));
			reachedSoFar.put(key, stage);
		}
	}

	@Test
	void shouldPayMayOfTheScriptedOpdBelowItsSpm() {
		assertThat(YEAR.tppSp2dBelowSpmOpds()).containsExactly("DISPUSIP");
		Map<String, Map<Integer, Map<String, JsonNode>>> stages = byOpdMonthStage();
		List<String> below = new java.util.ArrayList<>();
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			for (int month = 1; month <= 12; month++) {
				BigDecimal spm = Json.money(stages.get(opd).get(month).get("SPM"), "amount");
				BigDecimal sp2d = Json.money(stages.get(opd).get(month).get("SP2D"), "amount");
				if (sp2d.compareTo(spm) < 0) {
					below.add(opd + " " + month + " " + spm.subtract(sp2d).toPlainString());
				}
			}
		}
		// Rp 250.000 short, in May only
		assertThat(below).containsExactly("DISPUSIP 5 250000.00");
	}

	@Test
	void shouldPayTheFirstQuarterAsALumpSumInApril() {
		Map<String, Map<Integer, Map<String, JsonNode>>> stages = byOpdMonthStage();
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			Set<LocalDate> sp2d = new HashSet<>();
			for (int month = 1; month <= 3; month++) {
				sp2d.add(date(stages.get(opd).get(month).get("SP2D")));
				assertThat(date(stages.get(opd).get(month).get("SPM"))).isAfter(deadline(month));
			}
			assertThat(sp2d).as(opd).hasSize(1);
			assertThat(sp2d.iterator().next().getMonthValue()).isEqualTo(4);
		}
	}

	@Test
	void shouldSubmitOnTimeFromAprilExceptTheLateOpds() {
		assertThat(YEAR.lateTppOpds()).containsExactly("DISTAN", "DP3A", "KEC-ASAKOTA");
		Map<String, Map<Integer, Map<String, JsonNode>>> stages = byOpdMonthStage();
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			for (int month = 4; month <= 11; month++) {
				LocalDate spm = date(stages.get(opd).get(month).get("SPM"));
				if (YEAR.lateTppOpds().contains(opd)) {
					assertThat(spm).as(opd + " " + month).isAfter(deadline(month));
				}
				else {
					assertThat(spm).as(opd + " " + month).isBeforeOrEqualTo(deadline(month));
				}
			}
		}
		// on 16 July the late OPDs have June (deadline 14 July) without SPM; every other OPD has submitted
		LocalDate midJuly = LocalDate.of(2026, 7, 16);
		Set<String> lateMidJuly = new HashSet<>();
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			for (int month = 1; month <= 12; month++) {
				LocalDate spm = date(stages.get(opd).get(month).get("SPM"));
				if (midJuly.isAfter(deadline(month)) && spm.isAfter(midJuly)) {
					lateMidJuly.add(opd);
				}
			}
		}
		assertThat(lateMidJuly).containsExactlyInAnyOrder("DISTAN", "DP3A", "KEC-ASAKOTA");
	}

	@Test
	void shouldDeadLetterEachInvalidTppEventWithTheReasonTppPaymentsUses() {
		List<SimEvent> invalid = YEAR.events()
			.stream()
			.filter((event) -> event.topic().equals(Topics.TPP) && event.kind() == SimEvent.Kind.INVALID)
			.toList();
		Map<String, List<SimEvent>> byReason = invalid.stream().collect(Collectors.groupingBy(SimEvent::expectedReason));
		assertThat(byReason).containsOnlyKeys("UNKNOWN_OPD", "FISCAL_YEAR_CLOSED", "INVALID_FIELD", "MALFORMED_AMOUNT",
				"STAGE_OUT_OF_ORDER");
		assertThat(byReason.get("INVALID_FIELD")).anyMatch((event) -> Json.parse(event).get("month").intValue() == 13)
			.anyMatch((event) -> Json.parse(event).get("employees").intValue() == 0);
		Map<String, Map<Integer, Map<String, JsonNode>>> stages = byOpdMonthStage();
		byReason.get("STAGE_OUT_OF_ORDER").forEach((event) -> {
			JsonNode node = Json.parse(event);
			JsonNode paid = stages.get(node.get("opd").stringValue()).get(node.get("month").intValue()).get("SP2D");
			// sent after the month's SP2D, dated no earlier: out of order and for no other reason
			assertThat(event.businessDate()).isAfterOrEqualTo(date(paid));
			assertThat(date(node)).isAfterOrEqualTo(date(paid));
		});
		Set<String> validIds = STAGE_EVENTS.stream().map((node) -> node.get("eventId").stringValue()).collect(Collectors.toSet());
		assertThat(invalid.stream().map((event) -> Json.text(event, "eventId")).toList()).doesNotHaveDuplicates()
			.noneMatch(validIds::contains);
	}

}
