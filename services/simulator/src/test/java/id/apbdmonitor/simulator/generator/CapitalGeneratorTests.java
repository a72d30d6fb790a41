package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capital year, read back from the JSON of the VALID records the way capital-spending reads
 * them: contracts within their lines, progress that never goes down, payments never above the
 * contract, slipping projects, one project handed over but unpaid, one reversal.
 */
class CapitalGeneratorTests {

	private static final GeneratedYear YEAR = YearGenerator.generate(GeneratorSettings.kotaBima(2026));

	private static final List<JsonNode> CAPITAL = valid(YEAR, Topics.CAPITAL);

	private static final Map<String, JsonNode> CONTRACTS = CAPITAL.stream()
		.filter((node) -> type(node).equals("capital-contract-signed"))
		.collect(Collectors.toMap((node) -> node.get("contractId").stringValue(), (node) -> node, (a, b) -> a,
				LinkedHashMap::new));

	static List<JsonNode> valid(GeneratedYear year, String topic) {
		return year.events()
			.stream()
			.filter((event) -> event.kind() == SimEvent.Kind.VALID && event.topic().equals(topic))
			.map(Json::parse)
			.toList();
	}

	private static String type(JsonNode node) {
		return node.get("type").stringValue();
	}

	private static LocalDate date(JsonNode node, String field) {
		return LocalDate.parse(node.get(field).stringValue());
	}

	private static Map<String, BigDecimal> capitalLinePagu() {
		Map<String, JsonNode> newest = new HashMap<>();
		for (JsonNode line : valid(YEAR, Topics.BUDGET)) {
			if (line.get("account").stringValue().startsWith("5.2.")) {
				newest.merge(line.get("lineId").stringValue(), line, (old, now) -> now.get("revision").get("number")
					.intValue() > old.get("revision").get("number").intValue() ? now : old);
			}
		}
		Map<String, BigDecimal> pagu = new HashMap<>();
		newest.values().forEach((line) -> pagu.put(line.get("opd").stringValue() + "/"
				+ line.get("subActivity").stringValue() + "/" + line.get("account").stringValue(), Json.money(line, "pagu")));
		return pagu;
	}

	@Test
	void shouldBudgetThePriorityProjectsUnderTheSubActivitiesCapitalSpendingIsConfiguredWith() {
		List<ServiceConfiguration.Project> projects = ServiceConfiguration.capitalProjects();
		assertThat(projects).hasSizeGreaterThanOrEqualTo(10);
		Set<String> configured = new java.util.HashSet<>();
		for (ServiceConfiguration.Project project : projects) {
			configured.addAll(project.subActivities());
			List<JsonNode> contracts = CONTRACTS.values()
				.stream()
				.filter((node) -> project.subActivities().contains(node.get("subActivity").stringValue()))
				.toList();
			assertThat(contracts).as(project.code()).isNotEmpty()
				.allMatch((node) -> node.get("opd").stringValue().equals(project.opd()));
		}
		// the other works are outside the list: they never become a project label
		assertThat(CONTRACTS.values()).anyMatch((node) -> !configured.contains(node.get("subActivity").stringValue()));

		// DOMAIN §7: RSUD inpatient wing Rp32 bn, NUFReP land Rp10 bn and drainage Rp3 bn, Serasuba Rp5 bn, PKH Rp3 bn, roads Rp5 bn
		Map<String, BigDecimal> pagu = capitalLinePagu();
		assertThat(pagu).containsEntry("RSUD/1.02.02.2.01.0001/5.2.03.01.01.0007", new BigDecimal("32000000000.00"))
			.containsEntry("PUPR/1.03.03.2.01.0001/5.2.01.01.01.0001", new BigDecimal("10000000000.00"))
			.containsEntry("PUPR/1.03.03.2.01.0002/5.2.04.02.01.0001", new BigDecimal("3000000000.00"))
			.containsEntry("PERKIM/1.04.02.2.01.0005/5.2.04.03.01.0001", new BigDecimal("5000000000.00"))
			.containsEntry("DINSOS/1.06.04.2.01.0001/5.2.03.01.01.0013", new BigDecimal("3000000000.00"))
			.containsEntry("PUPR/1.03.10.2.01.0001/5.2.04.01.01.0001", new BigDecimal("5000000000.00"));
		BigDecimal total = pagu.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(total).isBetween(new BigDecimal("90000000000"), new BigDecimal("130000000000"));
		assertThat(pagu.keySet().stream().map((key) -> key.substring(0, key.indexOf('/'))).collect(Collectors.toSet()))
			.contains("PUPR", "PERKIM", "RSUD", "DLH", "DIKPORA", "DINKES", "DISHUB");
	}

	@Test
	void shouldSignContractsInTheFirstHalfYearWithinThePaguOfTheirLine() {
		Map<String, BigDecimal> contracted = new HashMap<>();
		for (JsonNode contract : CONTRACTS.values()) {
			assertThat(date(contract, "occurredOn").getMonthValue()).isLessThanOrEqualTo(6);
			assertThat(date(contract, "plannedEnd")).isAfterOrEqualTo(date(contract, "occurredOn"));
			assertThat(contract.get("account").stringValue()).startsWith("5.2.");
			contracted.merge(contract.get("opd").stringValue() + "/" + contract.get("subActivity").stringValue() + "/"
					+ contract.get("account").stringValue(), Json.money(contract, "value"), BigDecimal::add);
		}
		Map<String, BigDecimal> pagu = capitalLinePagu();
		contracted.forEach((line, value) -> assertThat(value).as(line).isLessThanOrEqualTo(pagu.get(line)));
		// the 2025 carry-overs are signed again in January, due by the end of the first quarter
		assertThat(CONTRACTS.values()).filteredOn((node) -> date(node, "plannedEnd").equals(LocalDate.of(2026, 3, 31)))
			.hasSizeGreaterThanOrEqualTo(5)
			.allMatch((node) -> date(node, "occurredOn").getMonthValue() == 1);
	}

	@Test
	void shouldReportPhysicalProgressThatNeverGoesDown() {
		Map<String, List<JsonNode>> reports = new HashMap<>();
		for (JsonNode node : CAPITAL) {
			if (type(node).equals("capital-progress-reported")) {
				assertThat(node.get("physicalProgress").isNumber()).isTrue();
				assertThat(CONTRACTS).containsKey(node.get("contractId").stringValue());
				reports.computeIfAbsent(node.get("contractId").stringValue(), (id) -> new ArrayList<>()).add(node);
			}
		}
		assertThat(reports).hasSizeGreaterThan(20);
		reports.forEach((contract, list) -> {
			for (int i = 1; i < list.size(); i++) {
				assertThat(date(list.get(i), "occurredOn")).isAfter(date(list.get(i - 1), "occurredOn"));
				assertThat(list.get(i).get("physicalProgress").decimalValue())
					.isGreaterThanOrEqualTo(list.get(i - 1).get("physicalProgress").decimalValue())
					.isLessThanOrEqualTo(BigDecimal.valueOf(100));
			}
			assertThat(date(list.get(0), "occurredOn")).isAfter(date(CONTRACTS.get(contract), "occurredOn"));
		});
	}

	@Test
	void shouldNeverPayMoreThanTheContractValueAndReverseOnePaymentInPart() {
		Map<String, BigDecimal> paid = new HashMap<>();
		Map<String, JsonNode> payments = new HashMap<>();
		Set<String> stages = new java.util.HashSet<>();
		int reversals = 0;
		for (JsonNode node : CAPITAL) {
			switch (type(node)) {
				case "capital-payment" -> {
					String contract = node.get("contractId").stringValue();
					assertThat(CONTRACTS.get(contract).get("opd")).isEqualTo(node.get("opd"));
					assertThat(date(node, "occurredOn")).isAfter(date(CONTRACTS.get(contract), "occurredOn"));
					BigDecimal now = paid.merge(contract, Json.money(node, "amount"), BigDecimal::add);
					assertThat(now).as(contract).isLessThanOrEqualTo(Json.money(CONTRACTS.get(contract), "value"));
					payments.put(node.get("eventId").stringValue(), node);
					stages.add(node.get("stage").stringValue());
				}
				case "capital-payment-reversed" -> {
					reversals++;
					JsonNode payment = payments.get(node.get("reverses").stringValue());
					assertThat(payment).isNotNull();
					assertThat(payment.get("opd")).isEqualTo(node.get("opd"));
					assertThat(Json.money(node, "amount")).isLessThan(Json.money(payment, "amount"));
					assertThat(date(node, "occurredOn")).isAfter(date(payment, "occurredOn"));
					paid.merge(payment.get("contractId").stringValue(), Json.money(node, "amount").negate(),
							BigDecimal::add);
				}
				default -> {
				}
			}
		}
		assertThat(reversals).isEqualTo(1);
		assertThat(stages).containsExactlyInAnyOrder("ADVANCE", "INSTALMENT", "FINAL");
	}

	@Test
	void shouldLeaveTheSerasubaParkHandedOverButUnpaid() {
		Map<String, BigDecimal> paid = new HashMap<>();
		Map<String, LocalDate> handedOver = new HashMap<>();
		for (JsonNode node : CAPITAL) {
			String contract = (node.has("contractId")) ? node.get("contractId").stringValue() : null;
			switch (type(node)) {
				case "capital-payment" -> paid.merge(contract, Json.money(node, "amount"), BigDecimal::add);
				case "capital-handed-over" -> assertThat(handedOver.put(contract, date(node, "occurredOn"))).isNull();
				default -> {
				}
			}
		}
		List<String> unpaid = handedOver.keySet()
			.stream()
			.filter((contract) -> paid.getOrDefault(contract, BigDecimal.ZERO)
				.compareTo(Json.money(CONTRACTS.get(contract), "value")) < 0)
			.toList();
		// besides the park, only contracts handed over in the last weeks still wait for their final payment
		assertThat(unpaid).contains("KONTRAK-PERKIM-2026-0001");
		assertThat(unpaid).filteredOn((contract) -> !contract.equals("KONTRAK-PERKIM-2026-0001"))
			.allMatch((contract) -> handedOver.get(contract).isAfter(LocalDate.of(2026, 11, 30)));
		JsonNode park = CONTRACTS.get("KONTRAK-PERKIM-2026-0001");
		assertThat(park.get("subActivity").stringValue()).isEqualTo("1.04.02.2.01.0005");
		assertThat(handedOver.get("KONTRAK-PERKIM-2026-0001")).isBefore(LocalDate.of(2026, 7, 1));
		BigDecimal parkUnpaid = Json.money(park, "value").subtract(paid.get("KONTRAK-PERKIM-2026-0001"));
		assertThat(parkUnpaid).isPositive();
		assertThat(YEAR.expectedTotals().handedOverUnpaid("PERKIM")).isGreaterThanOrEqualTo(parkUnpaid);
	}

	@Test
	void shouldMakeTheContractsOfLaggingOpdsAndSomeOthersSlipBehindTime() {
		// behind time: the last report before the planned end is well below the usual S-curve of works
		// (3s² − 2s³ of the time share s elapsed since signing)
		Map<String, Boolean> behind = new HashMap<>();
		for (JsonNode node : CAPITAL) {
			if (type(node).equals("capital-progress-reported")) {
				JsonNode contract = CONTRACTS.get(node.get("contractId").stringValue());
				LocalDate signed = date(contract, "occurredOn");
				double share = (double) java.time.temporal.ChronoUnit.DAYS.between(signed, date(node, "occurredOn"))
						/ java.time.temporal.ChronoUnit.DAYS.between(signed, date(contract, "plannedEnd"));
				if (share >= 0.3 && share <= 1) {
					double planned = 100 * share * share * (3 - 2 * share);
					behind.put(node.get("contractId").stringValue(),
							node.get("physicalProgress").doubleValue() < 0.85 * planned);
				}
			}
		}
		List<String> slipping = behind.keySet().stream().filter(behind::get).toList();
		List<String> onTime = behind.keySet().stream().filter((contract) -> !behind.get(contract)).toList();
		assertThat(slipping).hasSizeGreaterThanOrEqualTo(5)
			.anyMatch((contract) -> contract.startsWith("KONTRAK-PUPR-"))
			.anyMatch((contract) -> contract.startsWith("KONTRAK-DISHUB-"));
		assertThat(onTime).hasSizeGreaterThan(slipping.size());
		// every PUPR contract slips: PUPR is a lagging OPD
		assertThat(behind.keySet()).filteredOn((contract) -> contract.startsWith("KONTRAK-PUPR-"))
			.isNotEmpty()
			.allMatch(slipping::contains);
	}

	@Test
	void shouldExpectTheCapitalTotalsRecomputedFromTheRecords() {
		Recomputed recomputed = Recomputed.of(YEAR.events());
		ExpectedTotals expected = YEAR.expectedTotals();
		Map<String, BigDecimal> contracted = new HashMap<>();
		CONTRACTS.values()
			.forEach((node) -> contracted.merge(node.get("opd").stringValue(), Json.money(node, "value"), BigDecimal::add));
		for (String opd : GeneratorSettings.KOTA_BIMA_OPDS) {
			assertThat(expected.realised(opd, Category.CAPITAL)).as(opd)
				.isEqualByComparingTo(recomputed.realised(opd, Category.CAPITAL))
				.isLessThanOrEqualTo(expected.contracted(opd));
			assertThat(expected.pagu(opd, Category.CAPITAL)).isEqualByComparingTo(recomputed.pagu(opd, Category.CAPITAL));
			assertThat(expected.contracted(opd)).isEqualByComparingTo(contracted.getOrDefault(opd, BigDecimal.ZERO))
				.isLessThanOrEqualTo(expected.pagu(opd, Category.CAPITAL));
		}
		assertThat(expected.realised(Category.CAPITAL)).isPositive();
	}

}
