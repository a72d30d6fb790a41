package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The PAD year, read back from the JSON of the VALID records and classified with pad-revenue's
 * own configuration: Kota Bima's 2026 targets, the seasonal receipts, DISHUB far behind, old tax
 * codes counted as PBJT, one refund at least.
 */
class PadGeneratorTests {

	private static final GeneratedYear YEAR = YearGenerator.generate(GeneratorSettings.kotaBima(2026));

	private static final List<ServiceConfiguration.RevenueType> TYPES = ServiceConfiguration.revenueTypes();

	private static final List<JsonNode> PAD = CapitalGeneratorTests.valid(YEAR, Topics.PAD);

	private static final List<JsonNode> TARGET_LINES = CapitalGeneratorTests.valid(YEAR, Topics.BUDGET)
		.stream()
		.filter((line) -> line.get("account").stringValue().startsWith("4.1."))
		.toList();

	private static String typeOf(JsonNode node) {
		return ServiceConfiguration.revenueTypeOf(TYPES, node.get("account").stringValue());
	}

	/** Receipts net of refunds per collecting OPD and revenue type (pad-revenue's classification). */
	private static Map<String, BigDecimal> realisedUpTo(LocalDate date) {
		Map<String, JsonNode> receipts = new HashMap<>();
		Map<String, BigDecimal> realised = new HashMap<>();
		for (JsonNode node : PAD) {
			if (LocalDate.parse(node.get("occurredOn").stringValue()).isAfter(date)) {
				continue;
			}
			if (node.get("type").stringValue().equals("pad-received")) {
				receipts.put(node.get("eventId").stringValue(), node);
				realised.merge(node.get("opd").stringValue() + "/" + typeOf(node), Json.money(node, "amount"),
						BigDecimal::add);
			}
			else {
				JsonNode receipt = receipts.get(node.get("reverses").stringValue());
				realised.merge(node.get("opd").stringValue() + "/" + typeOf(receipt),
						Json.money(node, "amount").negate(), BigDecimal::add);
			}
		}
		return realised;
	}

	/** The target in force per collecting OPD and revenue type, and the original one. */
	private static Map<String, BigDecimal> targets(boolean original) {
		Map<String, JsonNode> newest = new HashMap<>();
		for (JsonNode line : TARGET_LINES) {
			int number = line.get("revision").get("number").intValue();
			if (original && number > 0) {
				continue;
			}
			newest.merge(line.get("lineId").stringValue(), line,
					(old, now) -> (number > old.get("revision").get("number").intValue()) ? now : old);
		}
		Map<String, BigDecimal> targets = new HashMap<>();
		newest.values()
			.forEach((line) -> targets.merge(line.get("opd").stringValue() + "/" + typeOf(line), Json.money(line, "pagu"),
					BigDecimal::add));
		return targets;
	}

	@Test
	void shouldSetTheTargetsOfKotaBima2026CollectedMostlyByBpkadAndRsud() {
		Map<String, BigDecimal> original = targets(true);
		BigDecimal total = original.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(total).isEqualByComparingTo("106650000000.00");
		BigDecimal bpkad = sum(original, "BPKAD/");
		BigDecimal rsud = sum(original, "RSUD/");
		// DOMAIN §7: BPKAD collects about two thirds of PAD, RSUD about a sixth
		assertThat(bpkad.doubleValue() / total.doubleValue()).isCloseTo(2.0 / 3, within(0.02));
		assertThat(rsud.doubleValue() / total.doubleValue()).isCloseTo(1.0 / 6, within(0.02));
		// the APBD-Perubahan revises some targets in September
		assertThat(TARGET_LINES).anyMatch((line) -> line.get("revision").get("kind").stringValue().equals("AMENDED")
				&& line.get("occurredOn").stringValue().startsWith("2026-09"));
		assertThat(targets(false)).isNotEqualTo(original);
	}

	@Test
	void shouldKeepReceivingTheScriptedLevyAfterItsTargetIsRevisedToZero() {
		assertThat(YEAR.zeroTargetCollectors()).containsExactly("DISPARBUD");
		Map<String, BigDecimal> inForce = targets(false);
		List<String> zero = inForce.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().signum() == 0)
			.map(Map.Entry::getKey)
			.toList();
		assertThat(zero).containsExactly("DISPARBUD/retribusi");
		LocalDate revisedOn = TARGET_LINES.stream()
			.filter((line) -> line.get("opd").stringValue().equals("DISPARBUD")
					&& Json.money(line, "pagu").signum() == 0)
			.map((line) -> LocalDate.parse(line.get("occurredOn").stringValue()))
			.findFirst()
			.orElseThrow();
		long after = PAD.stream()
			.filter((node) -> node.get("type").stringValue().equals("pad-received")
					&& node.get("opd").stringValue().equals("DISPARBUD")
					&& LocalDate.parse(node.get("occurredOn").stringValue()).isAfter(revisedOn))
			.count();
		// October to December at least: one receipt a month or more
		assertThat(after).isGreaterThanOrEqualTo(3);
		assertThat(realisedUpTo(LocalDate.of(2026, 12, 31)).get("DISPARBUD/retribusi")).isPositive();
	}

	@Test
	void shouldUseOnlyTheRevenueTypesAndCollectorsPadRevenueIsConfiguredWith() {
		Map<String, List<String>> collectors = ServiceConfiguration.collectors();
		for (JsonNode node : TARGET_LINES) {
			String type = typeOf(node);
			assertThat(type).isNotEqualTo("unclassified");
			assertThat(collectors.get(node.get("opd").stringValue())).as(node.get("lineId").stringValue()).contains(type);
		}
		for (JsonNode node : PAD) {
			if (node.has("account")) {
				assertThat(targets(false)).containsKey(node.get("opd").stringValue() + "/" + typeOf(node));
			}
		}
		// the generator's monthly shares are pad-revenue's profiles
		for (ServiceConfiguration.RevenueType type : TYPES) {
			double[] profile = PadGenerator.profile(type.code());
			double sum = java.util.Arrays.stream(profile).sum();
			for (int month = 0; month < 12; month++) {
				double configured = (type.profile() == null || type.profile().isEmpty()) ? 100.0 / 12
						: type.profile().get(month).doubleValue();
				assertThat(100 * profile[month] / sum).as("%s month %d", type.code(), month + 1)
					.isCloseTo(configured, within(1e-9));
			}
		}
	}

	@Test
	void shouldExpectTheRevenueTotalsRecomputedWithPadRevenuesClassification() {
		Map<String, BigDecimal> realised = realisedUpTo(LocalDate.of(2026, 12, 31));
		Map<String, BigDecimal> targets = targets(false);
		List<ExpectedTotals.RevenueTotal> rows = YEAR.expectedTotals().revenueTotals();
		assertThat(rows).hasSize(targets.size());
		for (ExpectedTotals.RevenueTotal row : rows) {
			String key = row.opd() + "/" + row.revenueType();
			assertThat(row.realised()).as(key).isEqualByComparingTo(realised.get(key));
			assertThat(row.target()).as(key).isEqualByComparingTo(targets.get(key));
		}
		Recomputed recomputed = Recomputed.of(YEAR.events());
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			assertThat(YEAR.expectedTotals().realised(opd, Category.PAD)).isEqualByComparingTo(recomputed.realised(opd,
					Category.PAD));
			assertThat(YEAR.expectedTotals().pagu(opd, Category.PAD)).isEqualByComparingTo(recomputed.pagu(opd,
					Category.PAD));
		}
	}

	@Test
	void shouldReceiveAlongTheSeasonalProfileOfEachRevenueType() {
		Map<String, double[]> byMonth = new HashMap<>();
		for (JsonNode node : PAD) {
			if (node.get("type").stringValue().equals("pad-received")) {
				int month = LocalDate.parse(node.get("occurredOn").stringValue()).getMonthValue() - 1;
				byMonth.computeIfAbsent(typeOf(node), (type) -> new double[12])[month] += Json.money(node, "amount")
					.doubleValue();
			}
		}
		for (ServiceConfiguration.RevenueType type : TYPES) {
			double[] months = byMonth.get(type.code());
			if (months == null) {
				continue;
			}
			double year = java.util.Arrays.stream(months).sum();
			for (int month = 0; month < 12; month++) {
				double expected = (type.profile() == null || type.profile().isEmpty()) ? 1.0 / 12
						: type.profile().get(month).doubleValue() / 100;
				// within a fifth of the profile's share (the receipts are noisy), and nothing where it expects nothing
				assertThat(months[month] / year).as("%s month %d", type.code(), month + 1)
					.isCloseTo(expected, within(expected * 0.2 + 1e-12));
			}
		}
		// PBB-P2 around its due date in August, mineral tax at year end, PBJT every month
		double[] pbb = byMonth.get("pbb-p2");
		assertThat(pbb[7]).isGreaterThan(3 * pbb[6]).isGreaterThan(3 * pbb[8]);
		double[] mblb = byMonth.get("mblb");
		for (int month = 0; month < 11; month++) {
			assertThat(mblb[11]).isGreaterThan(mblb[month]);
		}
		assertThat(java.util.Arrays.stream(byMonth.get("pbjt")).min().orElseThrow()).isPositive();
	}

	@Test
	void shouldLeaveDishubFarBehindItsParkingLevyTarget() {
		ExpectedTotals expected = YEAR.expectedTotals();
		double dishub = expected.revenueRealised("DISHUB", "retribusi").doubleValue()
				/ expected.revenueTarget("DISHUB", "retribusi").doubleValue();
		assertThat(dishub).isBetween(0.35, 0.45);
		for (ExpectedTotals.RevenueTotal row : expected.revenueTotals()) {
			if (!row.opd().equals(PadGenerator.LAGGING_COLLECTOR)) {
				assertThat(row.realised().doubleValue() / row.target().doubleValue()).as(row.toString())
					.isGreaterThan(0.75);
			}
		}
		// already at mid-year, against the seasonal expectation (retribusi comes evenly)
		Map<String, BigDecimal> june = realisedUpTo(LocalDate.of(2026, 6, 30));
		double expectedByJune = targets(true).get("DISHUB/retribusi").doubleValue() / 2;
		assertThat(june.get("DISHUB/retribusi").doubleValue() / expectedByJune).isBetween(0.3, 0.5);
	}

	@Test
	void shouldCountOldTaxCodesAsPbjtAndRefundSomeReceiptsInPart() {
		Set<String> oldCodes = Set.of("4.1.01.06", "4.1.01.07", "4.1.01.08", "4.1.01.11");
		List<JsonNode> old = PAD.stream()
			.filter((node) -> node.has("account")
					&& oldCodes.contains(node.get("account").stringValue().substring(0, 9)))
			.toList();
		assertThat(old).hasSizeGreaterThanOrEqualTo(4).allMatch((node) -> typeOf(node).equals("pbjt"));
		assertThat(old.stream().map((node) -> node.get("account").stringValue().substring(0, 9)).distinct())
			.containsExactlyInAnyOrderElementsOf(oldCodes);

		Map<String, JsonNode> receipts = new HashMap<>();
		int refunds = 0;
		for (JsonNode node : PAD) {
			if (node.get("type").stringValue().equals("pad-received")) {
				receipts.put(node.get("eventId").stringValue(), node);
				continue;
			}
			refunds++;
			JsonNode receipt = receipts.get(node.get("reverses").stringValue());
			assertThat(receipt).isNotNull();
			assertThat(receipt.get("opd")).isEqualTo(node.get("opd"));
			assertThat(Json.money(node, "amount")).isLessThan(Json.money(receipt, "amount"));
			assertThat(node.get("occurredOn").stringValue()).isGreaterThan(receipt.get("occurredOn").stringValue());
		}
		assertThat(refunds).isGreaterThanOrEqualTo(1);
	}

	private static BigDecimal sum(Map<String, BigDecimal> amounts, String prefix) {
		return amounts.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(prefix))
			.map(Map.Entry::getValue)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
