package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * every leftover back by 31 December except one OPD's, and each treasury-control rule broken by
 * exactly its scripted OPD.
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
			// DINSOS gets a second SP2D-UP in April (up_above_ceiling)
			assertThat(ups).as(opd).hasSize(opd.equals("DINSOS") ? 2 : 1);
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
			else if (opd.equals("DLH") || opd.equals("DISNAKER")) {
				// a TU returned or accounted above what it had left: SIPD's books, negative
				assertThat(outstanding).as("over-settled TU of " + opd).isNegative();
				assertThat(closed).as(opd).isTrue();
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
			String opd = tu.get("opd").stringValue();
			if (opd.equals("DLH") || opd.equals("DISNAKER")) {
				// return_above_held and accounted_above_held: more settled than the TU
				assertThat(settled.get(id)).as("over-settled: " + id).isGreaterThan(Json.money(tu, "amount"));
			}
			else {
				assertThat(settled.get(id)).as("settled in full: " + id).isEqualByComparingTo(Json.money(tu, "amount"));
			}
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
		// a settlement above its TU is no defect any more: it happened, up-advances stores and flags it
		assertThat(byReason).containsOnlyKeys("UNKNOWN_OPD", "FISCAL_YEAR_CLOSED", "MALFORMED_AMOUNT",
				"TU_NOT_DISBURSED");
		Map<String, JsonNode> tus = CapitalGeneratorTests.valid(YEAR, Topics.UP)
			.stream()
			.filter((node) -> type(node).equals("tu-disbursed"))
			.collect(Collectors.toMap((node) -> node.get("eventId").stringValue(), (node) -> node));
		List<Boolean> otherOpd = new ArrayList<>();
		byReason.get("TU_NOT_DISBURSED").forEach((event) -> {
			JsonNode node = Json.parse(event);
			JsonNode tu = tus.get(node.get("tu").stringValue());
			assertThat(event.businessDate()).isAfterOrEqualTo(date(tu));
			boolean foreign = !node.get("opd").equals(tu.get("opd"));
			// dated before its TU, or an LPJ-TU of another OPD naming the TU
			assertThat(foreign || date(node).isBefore(date(tu))).as(node.toString()).isTrue();
			otherOpd.add(foreign);
		});
		assertThat(otherOpd).contains(true, false);
		byReason.get("UNKNOWN_OPD")
			.forEach((event) -> assertThat(GeneratorSettings.KOTA_BIMA_OPDS).doesNotContain(Json.text(event, "opd")));
		Set<String> validIds = CapitalGeneratorTests.valid(YEAR, Topics.UP)
			.stream()
			.map((node) -> node.get("eventId").stringValue())
			.collect(Collectors.toSet());
		assertThat(invalid.stream().map((event) -> Json.text(event, "eventId")).toList()).doesNotHaveDuplicates()
			.noneMatch(validIds::contains);
	}


	@Test
	void shouldBreakEachTreasuryRuleOnceForExactlyItsScriptedOpd() {
		Map<String, String> scripted = Map.of("up_above_ceiling", "DINSOS", "gu_above_awaiting", "PERKIM",
				"return_above_held", "DLH", "accounted_above_held", "DISNAKER", "activity_after_closure", "DISPARBUD",
				"tu_while_open", "SATPOLPP");
		assertThat(GeneratorSettings.scriptedUpRules()).containsExactlyInAnyOrderElementsOf(scripted.keySet());
		Map<String, Set<String>> counted = new HashMap<>();
		Map<String, Set<String>> standingMidJuly = new HashMap<>();
		Map<String, Set<String>> standingAtYearEnd = new HashMap<>();
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			Judgement year = judge(valid(opd), LocalDate.of(2026, 12, 31));
			year.counts().forEach((rule, count) -> {
				assertThat(count).as(rule + " of " + opd).isEqualTo(1);
				counted.computeIfAbsent(rule, (r) -> new HashSet<>()).add(opd);
			});
			year.standing().forEach((rule) -> standingAtYearEnd.computeIfAbsent(rule, (r) -> new HashSet<>()).add(opd));
			judge(valid(opd), MID_JULY).standing()
				.forEach((rule) -> standingMidJuly.computeIfAbsent(rule, (r) -> new HashSet<>()).add(opd));
		}
		for (Map.Entry<String, String> rule : scripted.entrySet()) {
			assertThat(counted.get(rule.getKey())).as(rule.getKey()).containsExactly(rule.getValue());
			assertThat(YEAR.settings().upRuleBreachOpds(rule.getKey())).containsExactly(rule.getValue());
		}
		assertThat(counted).hasSize(6);
		// on 16 July the breaches of the first half stand; no UP is closed yet
		assertThat(standingMidJuly).isEqualTo(Map.of("up_above_ceiling", Set.of("DINSOS"), "gu_above_awaiting",
				Set.of("PERKIM"), "return_above_held", Set.of("DLH"), "accounted_above_held", Set.of("DISNAKER"),
				"tu_while_open", Set.of("SATPOLPP")));
		// on 31 December the excess UP is returned, the last SPJ-GU covers the over-refill and both TUs of
		// July are settled; the over-settled TUs and the post-closure SPJ stay
		assertThat(standingAtYearEnd).isEqualTo(Map.of("return_above_held", Set.of("DLH"), "accounted_above_held",
				Set.of("DISNAKER"), "activity_after_closure", Set.of("DISPARBUD")));
	}

	@Test
	void shouldLeaveTheLastSpjGuOfTheYearAwaitingAtLeastHalfTheCeilingOfSomeClosedOpd() {
		// so that up-advances' year-end check sees GU eligibility end with the closure
		List<String> eligibleBeforeClosure = new ArrayList<>();
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			BigDecimal ceiling = BigDecimal.ZERO;
			BigDecimal awaiting = BigDecimal.ZERO;
			boolean closed = false;
			for (JsonNode node : valid(opd)) {
				switch (type(node)) {
					case "up-ceiling-set" -> ceiling = Json.money(node, "amount");
					case "gu-accounted" -> awaiting = awaiting.add(Json.money(node, "amount"));
					case "gu-disbursed" -> awaiting = awaiting.subtract(Json.money(node, "amount"));
					case "up-closed" -> closed = true;
					default -> {
					}
				}
			}
			if (closed && awaiting.compareTo(ceiling.multiply(new BigDecimal("0.50"))) >= 0) {
				eligibleBeforeClosure.add(opd);
			}
		}
		assertThat(eligibleBeforeClosure).isNotEmpty();
	}

	/** Breaching facts per rule, and the rules whose breach stands, after the events up to a date. */
	private record Judgement(Map<String, Integer> counts, Set<String> standing) {
	}

	/**
	 * The treasury-control rules as the README's "UP treasury-control rules" states them, over one
	 * OPD's events in the order they happened: the UP float is UP + GU − SPJ-GU − UP returned, a
	 * TU holds its SP2D-TU − LPJ-TU − TU returned; a pocket stays short
	 * (the rule of the last fact flagged for it stands) until money brings it back to 0. A fact is judged against what was held with any shortfall
	 * already flagged written off, so one mistake is one breach.
	 */
	private static Judgement judge(List<JsonNode> events, LocalDate until) {
		Map<String, Integer> counts = new HashMap<>();
		BigDecimal ceiling = null;
		BigDecimal upHeld = BigDecimal.ZERO;
		BigDecimal awaiting = BigDecimal.ZERO;
		BigDecimal awaitingUnflagged = BigDecimal.ZERO;
		Map<String, BigDecimal> held = new LinkedHashMap<>();
		Map<String, BigDecimal> unflagged = new HashMap<>();
		Map<String, String> shortBy = new HashMap<>();
		held.put("UP", BigDecimal.ZERO);
		unflagged.put("UP", BigDecimal.ZERO);
		boolean closed = false;
		for (JsonNode node : events) {
			if (date(node).isAfter(until)) {
				break;
			}
			String type = type(node);
			if (closed && !type.equals("up-ceiling-set") && !type.equals("up-closed")) {
				counts.merge("activity_after_closure", 1, Integer::sum);
			}
			BigDecimal amount = type.equals("up-closed") ? null : Json.money(node, "amount");
			String pocket = node.has("tu") ? node.get("tu").stringValue() : "UP";
			switch (type) {
				case "up-ceiling-set" -> ceiling = amount;
				case "up-disbursed" -> {
					upHeld = upHeld.add(amount);
					held.merge("UP", amount, BigDecimal::add);
					unflagged.merge("UP", amount, BigDecimal::add);
					if (ceiling != null && upHeld.compareTo(ceiling) > 0) {
						counts.merge("up_above_ceiling", 1, Integer::sum);
					}
				}
				case "gu-disbursed" -> {
					if (amount.compareTo(awaitingUnflagged) > 0) {
						counts.merge("gu_above_awaiting", 1, Integer::sum);
					}
					awaiting = awaiting.subtract(amount);
					awaitingUnflagged = awaitingUnflagged.subtract(amount).max(BigDecimal.ZERO);
					held.merge("UP", amount, BigDecimal::add);
					unflagged.merge("UP", amount, BigDecimal::add);
				}
				case "gu-accounted", "tu-accounted", "up-returned", "tu-returned" -> {
					String rule = type.endsWith("accounted") ? "accounted_above_held" : "return_above_held";
					if (amount.compareTo(unflagged.get(pocket)) > 0) {
						counts.merge(rule, 1, Integer::sum);
						shortBy.put(pocket, rule);
					}
					held.merge(pocket, amount.negate(), BigDecimal::add);
					unflagged.put(pocket, unflagged.get(pocket).subtract(amount).max(BigDecimal.ZERO));
					awaiting = type.equals("gu-accounted") ? awaiting.add(amount) : awaiting;
					awaitingUnflagged = type.equals("gu-accounted") ? awaitingUnflagged.add(amount) : awaitingUnflagged;
					upHeld = type.equals("up-returned") ? upHeld.subtract(amount) : upHeld;
				}
				case "tu-disbursed" -> {
					if (held.entrySet().stream().anyMatch((e) -> !e.getKey().equals("UP") && e.getValue().signum() > 0)) {
						counts.merge("tu_while_open", 1, Integer::sum);
					}
					held.put(node.get("eventId").stringValue(), amount);
					unflagged.put(node.get("eventId").stringValue(), amount);
				}
				case "up-closed" -> closed = true;
				default -> {
				}
			}
		}
		Set<String> standing = new HashSet<>();
		shortBy.forEach((pocket, rule) -> {
			if (held.get(pocket).signum() < 0) {
				standing.add(rule);
			}
		});
		if (ceiling != null && upHeld.compareTo(ceiling) > 0) {
			standing.add("up_above_ceiling");
		}
		if (awaiting.signum() < 0) {
			standing.add("gu_above_awaiting");
		}
		if (counts.containsKey("activity_after_closure")) {
			standing.add("activity_after_closure");
		}
		if (held.entrySet().stream().filter((e) -> !e.getKey().equals("UP") && e.getValue().signum() > 0).count() > 1) {
			standing.add("tu_while_open");
		}
		return new Judgement(counts, standing);
	}

}
