package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class YearGeneratorTests {

	private static final Pattern MONEY = Pattern.compile("^(0|[1-9][0-9]{0,15})\\.[0-9]{2}$");

	private static final Pattern EVENT_ID = Pattern.compile("^[A-Za-z0-9._:/-]{1,120}$");

	private static final GeneratorSettings SETTINGS = GeneratorSettings.kotaBima(2026);

	private static final GeneratedYear YEAR = YearGenerator.generate(SETTINGS);

	private static final List<SimEvent> EVENTS = YEAR.events();

	@Test
	void shouldGenerateIdenticalEventsFromTheSameSeed() {
		assertThat(YearGenerator.generate(GeneratorSettings.kotaBima(2026)).events()).isEqualTo(EVENTS);
	}

	@Test
	void shouldGenerateDifferentEventsFromAnotherSeed() {
		List<SimEvent> other = YearGenerator.generate(GeneratorSettings.kotaBima(7)).events();
		assertThat(other).isNotEqualTo(EVENTS);
		assertThat(Recomputed.of(other).realised).isNotEqualTo(Recomputed.of(EVENTS).realised);
	}

	@Test
	void shouldSortEventsByDateWithTheBudgetFirstOnTheSecondOfJanuary() {
		LocalDate budgetDay = LocalDate.of(2026, 1, 2);
		assertThat(EVENTS.get(0).businessDate()).isEqualTo(budgetDay);
		for (int i = 1; i < EVENTS.size(); i++) {
			assertThat(EVENTS.get(i).businessDate()).isAfterOrEqualTo(EVENTS.get(i - 1).businessDate());
		}
		List<SimEvent> firstDay = EVENTS.stream().filter((event) -> event.businessDate().equals(budgetDay)).toList();
		assertThat(firstDay).isNotEmpty().allMatch((event) -> event.topic().equals(Topics.BUDGET));
		// every OPD has goods and services lines from the first day
		Set<String> opdsWithBudget = new HashSet<>();
		firstDay.forEach((event) -> opdsWithBudget.add(Json.text(event, "opd")));
		assertThat(opdsWithBudget).containsExactlyInAnyOrderElementsOf(SETTINGS.opds());
		assertThat(EVENTS).allMatch((event) -> event.businessDate().getYear() == 2026);
	}

	@Test
	void shouldMakeEveryCashPlanAddUpExactlyToItsPagu() {
		List<SimEvent> budget = EVENTS.stream().filter((event) -> event.topic().equals(Topics.BUDGET)).toList();
		assertThat(budget).hasSizeGreaterThan(2 * 2 * SETTINGS.opds().size());
		for (SimEvent event : budget) {
			JsonNode node = Json.parse(event);
			assertThat(MONEY.matcher(node.get("pagu").stringValue()).matches()).isTrue();
			JsonNode cashPlan = node.get("cashPlan");
			assertThat(cashPlan.size()).isEqualTo(12);
			BigDecimal sum = BigDecimal.ZERO;
			for (JsonNode month : cashPlan) {
				assertThat(month.isString()).isTrue();
				assertThat(MONEY.matcher(month.stringValue()).matches()).as(month.stringValue()).isTrue();
				sum = sum.add(new BigDecimal(month.stringValue()));
			}
			assertThat(sum).as(node.get("eventId").stringValue()).isEqualByComparingTo(Json.money(node, "pagu"));
			assertThat(event.key()).isEqualTo(node.get("lineId").stringValue());
		}
	}

	@Test
	void shouldReviseSomeLinesInJulyAndSeptemberAndKeepTheNewestRevision() {
		Map<String, Integer> kinds = new HashMap<>();
		for (SimEvent event : EVENTS) {
			if (event.topic().equals(Topics.BUDGET) && event.kind() == SimEvent.Kind.VALID) {
				JsonNode node = Json.parse(event);
				String kind = node.get("revision").get("kind").stringValue();
				kinds.merge(kind + "@" + event.businessDate().getMonth(), 1, Integer::sum);
			}
		}
		assertThat(kinds).containsKeys("ORIGINAL@JANUARY", "SHIFT@JULY", "AMENDED@SEPTEMBER");

		// the resync: a lower revision after a higher one of the same line, then the current one again
		Map<String, Integer> newest = new HashMap<>();
		Map<String, String> lastValue = new HashMap<>();
		int late = 0;
		for (SimEvent event : EVENTS) {
			if (!event.topic().equals(Topics.BUDGET)) {
				continue;
			}
			int number = Json.parse(event).get("revision").get("number").intValue();
			Integer seen = newest.get(event.key());
			if (event.kind() == SimEvent.Kind.VALID && seen != null && number < seen) {
				late++;
			}
			newest.merge(event.key(), number, Math::max);
			lastValue.put(event.key(), event.value());
		}
		assertThat(late).isEqualTo(1);
		// after compaction the topic must still hold every line's current revision
		lastValue.forEach((lineId, value) -> assertThat(
				Json.parse(new SimEvent(LocalDate.MIN, Topics.BUDGET, lineId, value, SimEvent.Kind.VALID, null))
					.get("revision").get("number").intValue()).isEqualTo(newest.get(lineId)));
	}

	@Test
	void shouldExpectTheTotalsRecomputedFromTheValidEvents() {
		Recomputed recomputed = Recomputed.of(EVENTS);
		ExpectedTotals expected = YEAR.expectedTotals();
		assertThat(expected.totals()).hasSize(SETTINGS.opds().size() * YEAR.categories().size());
		for (ExpectedTotals.Total total : expected.totals()) {
			assertThat(total.pemda()).isEqualTo("52.72");
			assertThat(total.realised()).as("realised %s %s", total.opd(), total.category())
				.isEqualByComparingTo(recomputed.realised(total.opd(), total.category()));
			assertThat(total.pagu()).as("pagu %s %s", total.opd(), total.category())
				.isEqualByComparingTo(recomputed.pagu(total.opd(), total.category()));
			assertThat(total.realised().scale()).isEqualTo(2);
		}
		assertThat(expected.published()).isEqualTo(EVENTS.size());
	}

	@Test
	void shouldExpectTheTotalsOfAnyPrefixOfTheYear() {
		int half = EVENTS.size() / 2;
		Recomputed firstHalf = Recomputed.of(EVENTS.subList(0, half));
		ExpectedTotals asOf = YEAR.asOf(half);
		assertThat(asOf.published()).isEqualTo(half);
		assertThat(asOf.businessDate()).isEqualTo(EVENTS.get(half - 1).businessDate());
		for (ExpectedTotals.Total total : asOf.totals()) {
			assertThat(total.realised()).isEqualByComparingTo(firstHalf.realised(total.opd(), total.category()));
			assertThat(total.pagu()).isEqualByComparingTo(firstHalf.pagu(total.opd(), total.category()));
		}

		LocalDate endOfJune = LocalDate.of(2026, 6, 30);
		List<SimEvent> untilJune = EVENTS.stream().filter((event) -> !event.businessDate().isAfter(endOfJune)).toList();
		Recomputed june = Recomputed.of(untilJune);
		ExpectedTotals upToJune = YEAR.realisedUpTo(endOfJune);
		assertThat(upToJune.published()).isEqualTo(untilJune.size());
		assertThat(upToJune.realised(Category.GOODS)).isPositive();
		for (String opd : SETTINGS.opds()) {
			for (Category category : Category.values()) {
				assertThat(upToJune.realised(opd, category)).isEqualByComparingTo(june.realised(opd, category));
			}
		}
		assertThat(YEAR.asOf(0).totals()).allMatch((total) -> total.realised().signum() == 0 && total.pagu().signum() == 0);
	}

	@Test
	void shouldNeverRealiseMoreThanThePagu() {
		for (int month = 1; month <= 12; month++) {
			LocalDate endOfMonth = LocalDate.of(2026, month, 1).plusMonths(1).minusDays(1);
			Recomputed recomputed = Recomputed.of(
					EVENTS.stream().filter((event) -> !event.businessDate().isAfter(endOfMonth)).toList());
			for (String opd : SETTINGS.opds()) {
				for (Category category : Category.values()) {
					if (category == Category.PAD) {
						// revenue may exceed its target
						continue;
					}
					assertThat(recomputed.realised(opd, category)).as("%s %s at %s", opd, category, endOfMonth)
						.isLessThanOrEqualTo(recomputed.pagu(opd, category))
						.isGreaterThanOrEqualTo(BigDecimal.ZERO);
				}
			}
		}
	}

	@Test
	void shouldMakeLaggingOpdsRealiseClearlyLessOfTheirCashPlanThanOnPlanOpds() {
		Recomputed recomputed = Recomputed.of(EVENTS);
		// at year end the whole cash plan is due: cash plan to date = newest pagu
		Map<String, Double> ratio = new HashMap<>();
		for (String opd : SETTINGS.opds()) {
			BigDecimal realised = recomputed.realised(opd, Category.GOODS).add(recomputed.realised(opd, Category.SERVICES));
			BigDecimal plan = recomputed.pagu(opd, Category.GOODS).add(recomputed.pagu(opd, Category.SERVICES));
			ratio.put(opd, realised.doubleValue() / plan.doubleValue());
		}
		assertThat(YEAR.laggingOpds()).containsExactlyInAnyOrder("PUPR", "DISHUB", "DKP", "KETAPANG");
		assertThat(YEAR.onPlanOpds()).isNotEmpty();
		YEAR.laggingOpds().forEach((opd) -> assertThat(ratio.get(opd)).as(opd).isBetween(0.35, 0.62));
		YEAR.onPlanOpds().forEach((opd) -> assertThat(ratio.get(opd)).as(opd).isBetween(0.93, 1.0));

		// and already by the end of June, against the cash plan due by then
		LocalDate endOfJune = LocalDate.of(2026, 6, 30);
		Recomputed june = Recomputed.of(EVENTS.stream().filter((event) -> !event.businessDate().isAfter(endOfJune)).toList());
		Map<String, Double> juneRatio = new HashMap<>();
		for (String opd : SETTINGS.opds()) {
			BigDecimal plan = BigDecimal.ZERO;
			for (JsonNode line : june.newestLine.values()) {
				Category category = Json.categoryOfAccount(line.get("account").stringValue());
				if (line.get("opd").stringValue().equals(opd)
						&& (category == Category.GOODS || category == Category.SERVICES)) {
					for (int month = 0; month < 6; month++) {
						plan = plan.add(new BigDecimal(line.get("cashPlan").get(month).stringValue()));
					}
				}
			}
			BigDecimal realised = june.realised(opd, Category.GOODS).add(june.realised(opd, Category.SERVICES));
			juneRatio.put(opd, realised.doubleValue() / plan.doubleValue());
		}
		double worstOnPlan = YEAR.onPlanOpds().stream().mapToDouble(juneRatio::get).min().orElseThrow();
		double bestLagging = YEAR.laggingOpds().stream().mapToDouble(juneRatio::get).max().orElseThrow();
		assertThat(bestLagging).isLessThan(0.7).isLessThan(worstOnPlan - 0.25);
	}

	@Test
	void shouldFollowTheSeasonalCurveWithASlowFirstQuarterAndADecemberRush() {
		Map<Month, BigDecimal> byMonth = new HashMap<>();
		BigDecimal year = BigDecimal.ZERO;
		for (SimEvent event : EVENTS) {
			JsonNode node = Json.parse(event);
			// goods and services: salaries, grants and the like of apbd.other.v1 have their own calendar
			if (event.kind() == SimEvent.Kind.VALID && "spending-realised".equals(node.get("type").stringValue())
					&& !event.topic().equals(Topics.OTHER)) {
				BigDecimal amount = Json.money(node, "amount");
				byMonth.merge(LocalDate.parse(node.get("occurredOn").stringValue()).getMonth(), amount, BigDecimal::add);
				year = year.add(amount);
			}
		}
		BigDecimal firstQuarter = byMonth.get(Month.JANUARY).add(byMonth.get(Month.FEBRUARY)).add(byMonth.get(Month.MARCH));
		assertThat(firstQuarter.doubleValue() / year.doubleValue()).isLessThan(0.20);
		BigDecimal december = byMonth.get(Month.DECEMBER);
		byMonth.forEach((month, amount) -> {
			if (month != Month.DECEMBER) {
				assertThat(amount).as(month.toString()).isLessThan(december);
			}
		});
	}

	@Test
	void shouldUseBudgetMagnitudesOfKotaBima2026() {
		ExpectedTotals totals = YEAR.expectedTotals();
		BigDecimal goodsAndServices = totals.pagu(Category.GOODS).add(totals.pagu(Category.SERVICES));
		// about a third of the Rp789.81 bn of spending
		assertThat(goodsAndServices).isBetween(new BigDecimal("230000000000"), new BigDecimal("300000000000"));
		List<BigDecimal> sizes = new ArrayList<>();
		for (String opd : SETTINGS.opds()) {
			sizes.add(totals.pagu(opd, Category.GOODS).add(totals.pagu(opd, Category.SERVICES)));
		}
		BigDecimal median = sizes.stream().sorted().toList().get(sizes.size() / 2);
		for (String big : List.of("DIKPORA", "DINKES", "RSUD", "PUPR")) {
			assertThat(totals.pagu(big, Category.GOODS).add(totals.pagu(big, Category.SERVICES))).as(big)
				.isGreaterThan(median.multiply(BigDecimal.valueOf(2)));
		}
	}

	@Test
	void shouldGiveEveryValidEventTheWholeEnvelope() {
		for (SimEvent event : EVENTS) {
			if (event.kind() != SimEvent.Kind.VALID) {
				continue;
			}
			JsonNode node = Json.parse(event);
			assertThat(node.isObject()).isTrue();
			assertThat(EVENT_ID.matcher(node.get("eventId").stringValue()).matches()).isTrue();
			assertThat(node.get("type").stringValue()).isIn("budget-line", "spending-realised", "spending-reversed",
					"capital-contract-signed", "capital-progress-reported", "capital-handed-over", "capital-payment",
					"capital-payment-reversed", "pad-received", "pad-receipt-reversed", "up-ceiling-set", "up-disbursed",
					"gu-accounted", "gu-disbursed", "tu-disbursed", "tu-accounted", "tu-returned", "up-returned",
					"up-closed", "tpp-stage");
			assertThat(node.get("schemaVersion").isInt()).isTrue();
			assertThat(node.get("schemaVersion").intValue()).isEqualTo(1);
			assertThat(node.get("pemda").stringValue()).isEqualTo("52.72");
			assertThat(node.get("fiscalYear").intValue()).isEqualTo(2026);
			assertThat(node.get("opd").stringValue()).isIn(SETTINGS.opds());
			LocalDate occurredOn = LocalDate.parse(node.get("occurredOn").stringValue());
			assertThat(occurredOn.getYear()).isEqualTo(2026);
			assertThat(occurredOn).isBeforeOrEqualTo(event.businessDate());
			assertThat(node.get("document").get("kind").stringValue()).isIn("DPA", "SP2D", "SPJ", "LPJ", "CONTRACT",
					"OTHER", "BAST", "STS", "SPP", "SPM");
			assertThat(node.get("document").get("number").stringValue()).isNotBlank().hasSizeLessThanOrEqualTo(120);
			if (!event.topic().equals(Topics.BUDGET)) {
				assertThat(event.key()).isEqualTo("52.72/" + node.get("opd").stringValue());
			}
			if (node.has("amount")) {
				assertThat(MONEY.matcher(node.get("amount").stringValue()).matches()).isTrue();
				assertThat(Json.money(node, "amount")).isPositive();
			}
			if (node.get("type").stringValue().equals("spending-realised")) {
				assertThat(node.get("mechanism").stringValue()).isIn("LS", "GU", "TU");
				assertThat(Json.categoryOfAccount(node.get("account").stringValue()).topic()).isEqualTo(event.topic());
			}
		}
	}

	@Test
	void shouldGiveDistinctFactsDistinctEventIds() {
		List<String> ids = EVENTS.stream()
			.filter((event) -> event.kind() == SimEvent.Kind.VALID)
			.map((event) -> Json.text(event, "eventId"))
			.toList();
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(ids).contains("SP2D-2026-DINKES-000001");
	}

	@Test
	void shouldReversePartOfAnEarlierRealisationOfTheSameOpd() {
		Map<String, JsonNode> realised = new HashMap<>();
		Map<String, BigDecimal> reversedSoFar = new HashMap<>();
		int reversals = 0;
		for (SimEvent event : EVENTS) {
			if (event.kind() != SimEvent.Kind.VALID
					|| !(event.topic().equals(Topics.GOODS) || event.topic().equals(Topics.SERVICES))) {
				continue;
			}
			JsonNode node = Json.parse(event);
			if (node.get("type").stringValue().equals("spending-realised")) {
				realised.put(node.get("eventId").stringValue(), node);
				continue;
			}
			reversals++;
			JsonNode original = realised.get(node.get("reverses").stringValue());
			assertThat(original).as("original published before %s", node.get("eventId")).isNotNull();
			assertThat(node.get("opd")).isEqualTo(original.get("opd"));
			assertThat(node.get("occurredOn").stringValue()).isGreaterThan(original.get("occurredOn").stringValue());
			assertThat(node.get("reason").stringValue()).isNotBlank();
			BigDecimal total = reversedSoFar.merge(node.get("reverses").stringValue(), Json.money(node, "amount"),
					BigDecimal::add);
			assertThat(total).isLessThan(Json.money(original, "amount"));
		}
		assertThat(reversals).isGreaterThan(10);
	}

	@Test
	void shouldGenerateASmallYearForFastTests() {
		GeneratorSettings small = GeneratorSettings.kotaBima(1)
			.withOpds(List.of("DINKES", "PUPR", "SETDA"))
			.withEventsPerOpdPerMonth(1);
		GeneratedYear year = YearGenerator.generate(small);
		assertThat(year.events()).filteredOn((event) -> !event.topic().equals(Topics.CAPITAL)
				&& !event.topic().equals(Topics.PAD) && !event.topic().equals(Topics.UP)
				&& !event.topic().equals(Topics.TPP) && !event.topic().equals(Topics.OTHER)).hasSizeLessThan(200);
		// salaries: 14 payments a year on each of 3 lines an OPD (4 for SETDA), and SETDA's grants
		assertThat(year.events()).filteredOn((event) -> event.topic().equals(Topics.OTHER)).hasSizeLessThan(200);
		// a year of UP (about 30 records an OPD) and TPP (12 months × 5 stages an OPD) is the same in any size
		assertThat(year.events()).filteredOn((event) -> event.topic().equals(Topics.UP)).hasSizeLessThan(40 * 3);
		assertThat(year.events()).filteredOn((event) -> event.topic().equals(Topics.TPP)).hasSize(60 * 3);
		assertThat(year.events()).hasSizeLessThan(500 + 200 + 40 * 3 + 60 * 3);
		assertThat(year.laggingOpds()).containsExactly("PUPR");
		assertThat(year.onPlanOpds()).containsExactly("DINKES");
		Recomputed recomputed = Recomputed.of(year.events());
		for (ExpectedTotals.Total total : year.expectedTotals().totals()) {
			assertThat(total.realised()).isEqualByComparingTo(recomputed.realised(total.opd(), total.category()));
			if (total.category() == Category.GOODS || total.category() == Category.SERVICES) {
				assertThat(total.realised()).isPositive();
			}
		}
	}

}
