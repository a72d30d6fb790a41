package id.apbdmonitor.faults;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventGeneratorTests {

	private static final Pattern FIELD = Pattern.compile("\"(eventId|type|opd|amount|reverses)\":\"([^\"]*)\"");

	@Test
	void shouldGiveTheSameEventsForTheSameSeed() {
		List<Planned> first = new EventGenerator(7, "t", LocalDate.of(2026, 11, 30)).baseLoad(200);
		List<Planned> second = new EventGenerator(7, "t", LocalDate.of(2026, 11, 30)).baseLoad(200);

		assertThat(first).hasSameSizeAs(second);
		for (int i = 0; i < first.size(); i++) {
			assertThat(first.get(i).value()).isEqualTo(second.get(i).value());
		}
	}

	@Test
	void shouldPlanReversalsAfterTheirOriginalsAndNeverAboveWhatIsLeft() {
		List<Planned> events = new EventGenerator(11, "t", LocalDate.of(2026, 11, 30)).baseLoad(2000);

		// read back from the JSON text, independently of the amounts the generator planned
		Map<String, BigDecimal> left = new HashMap<>();
		Map<String, BigDecimal> sums = new HashMap<>();
		Set<String> ids = new HashSet<>();
		int reversals = 0;
		for (Planned planned : events) {
			Map<String, String> fields = fields(planned.value());
			assertThat(ids.add(fields.get("eventId"))).as("event ids are unique").isTrue();
			BigDecimal amount = new BigDecimal(fields.get("amount"));
			assertThat(amount.scale()).isEqualTo(2);
			assertThat(new String(planned.key(), StandardCharsets.UTF_8)).isEqualTo("52.72/" + fields.get("opd"));
			if (fields.get("type").equals("spending-reversed")) {
				reversals++;
				String original = fields.get("reverses");
				assertThat(left).as("original %s before its reversal", original).containsKey(original);
				left.merge(original, amount.negate(), BigDecimal::add);
				assertThat(left.get(original).signum()).isNotNegative();
				sums.merge(fields.get("opd"), amount.negate(), BigDecimal::add);
			}
			else {
				left.put(fields.get("eventId"), amount);
				sums.merge(fields.get("opd"), amount, BigDecimal::add);
			}
		}
		assertThat(reversals).isBetween(100, 300);

		Map<String, BigDecimal> planned = new HashMap<>();
		events.forEach((p) -> planned.merge(p.opd(), p.ledgerAmount(), BigDecimal::add));
		assertThat(planned.keySet()).isEqualTo(sums.keySet());
		sums.forEach((opd, sum) -> assertThat(planned.get(opd)).isEqualByComparingTo(sum));
	}

	@Test
	void shouldCompareEveryGaugeWithTheLedgerToTheCent() {
		String prometheus = """
				# TYPE apbd_realised_rupiah gauge
				apbd_realised_rupiah{category="goods",opd="DINKES",pemda="52.72"} 1.25000001E7
				apbd_realised_rupiah{category="goods",opd="DLH",pemda="52.72"} 0.0
				apbd_realised_rupiah{category="goods",opd="PUPR",pemda="52.72"} 300.0
				""";

		assertThat(Checker.gaugesAgainst(prometheus,
				Map.of("DINKES", new BigDecimal("12500000.10"), "PUPR", new BigDecimal("300.00")))).isEmpty();
		assertThat(Checker.gaugesAgainst(prometheus,
				Map.of("DINKES", new BigDecimal("12500000.11"), "PUPR", new BigDecimal("300.00"))))
			.containsExactly("DINKES gauge 1.25000001E7 ledger 12500000.11");
		assertThat(Checker.gaugesAgainst(prometheus, Map.of("DINKES", new BigDecimal("12500000.10"))))
			.containsExactly("PUPR gauge 300.0 ledger 0");
	}

	@Test
	void shouldShowFailedInvariantsInTheTable() {
		FaultTable table = new FaultTable();
		table.add(new FaultTable.Row("poison records", Map.of(), 0, 0, Optional.of(3.25), 3010, ""));
		table.add(new FaultTable.Row("service killed", Map.of("OPD sums", "DINKES expected 1.00 stored 2.00"), 0, 1,
				Optional.empty(), 4000, ""));

		String markdown = table.markdown(java.time.ZonedDateTime.parse("2026-11-30T06:00:00Z"), "abc123", "fast");

		assertThat(markdown).contains("run on 2026-11-30 14:00 WITA at commit abc123")
			.contains("| poison records | yes | 0 | 0 | 3.3 | 3010 |")
			.contains("| service killed | **no**: OPD sums | 0 | 1 | not caught up | 4000 |")
			.contains("- service killed, OPD sums: DINKES expected 1.00 stored 2.00");
		assertThat(table.allHeld()).isFalse();
	}

	private static Map<String, String> fields(byte[] value) {
		Map<String, String> fields = new HashMap<>();
		Matcher matcher = FIELD.matcher(new String(value, StandardCharsets.UTF_8));
		while (matcher.find()) {
			fields.put(matcher.group(1), matcher.group(2));
		}
		return fields;
	}

}
