package id.apbdmonitor.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.GeneratorSettings;
import id.apbdmonitor.simulator.generator.YearGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class BacklogTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static GeneratedYear year;

	@BeforeAll
	static void generate() {
		// a small region: the copies' rules do not depend on its size
		year = YearGenerator.generate(GeneratorSettings.kotaBima(7).withOpds(List.of("DIKPORA", "PUPR", "PERKIM"))
			.withEventsPerOpdPerMonth(2));
	}

	@Test
	void aSecondCopyRenamesEveryIdAndWhatRefersToIt() {
		Backlog backlog = new Backlog(ServiceUnderTest.named("up"), year);
		int perYear = backlog.eventsPerYear();
		List<Backlog.Record> records = new ArrayList<>();
		backlog.next(2 * perYear, records::add);
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < perYear; i++) {
			JsonNode original = JSON.readTree(records.get(i).value());
			JsonNode copy = JSON.readTree(records.get(perYear + i).value());
			assertThat(copy.get("eventId").asString()).isEqualTo(original.get("eventId").asString() + "-R1");
			if (original.has("tu")) {
				assertThat(copy.get("tu").asString()).isEqualTo(original.get("tu").asString() + "-R1");
			}
			// the facts themselves are those of the year
			assertThat(copy.get("opd")).isEqualTo(original.get("opd"));
			assertThat(copy.get("amount")).isEqualTo(original.get("amount"));
			assertThat(copy.get("occurredOn")).isEqualTo(original.get("occurredOn"));
			assertThat(records.get(perYear + i).key()).isEqualTo(records.get(i).key());
			ids.add(original.get("eventId").asString());
			ids.add(copy.get("eventId").asString());
		}
		assertThat(ids).hasSize(2 * perYear);
		assertThat(backlog.fiscalYears(2L * perYear)).containsExactly(2026);
		assertThat(backlog.extraOpdSets(2L * perYear)).isZero();
	}

	@Test
	void capitalPaymentsFollowTheirRenamedContract() {
		Backlog backlog = new Backlog(ServiceUnderTest.named("capital"), year);
		List<Backlog.Record> records = new ArrayList<>();
		backlog.next(2 * backlog.eventsPerYear(), records::add);
		Set<String> signed = new HashSet<>();
		for (Backlog.Record record : records) {
			JsonNode event = JSON.readTree(record.value());
			if (event.get("type").asString().equals("capital-contract-signed")) {
				signed.add(event.get("contractId").asString());
			}
			else if (event.has("contractId")) {
				assertThat(signed).contains(event.get("contractId").asString());
			}
		}
		assertThat(signed).anyMatch((id) -> id.endsWith("-R1"));
	}

	@Test
	void aTppCopyIsTheSameYearInAnotherFiscalYearThenForRenamedOpds() {
		Backlog backlog = new Backlog(ServiceUnderTest.named("tpp"), year);
		int perYear = backlog.eventsPerYear();
		Backlog.Record first = backlog.copy(year.events().stream()
			.filter((e) -> e.topic().equals("apbd.tpp.v1"))
			.findFirst()
			.orElseThrow(), 1);
		JsonNode moved = JSON.readTree(first.value());
		// copy 1 is 2025, the year before the base year
		assertThat(moved.get("fiscalYear").asInt()).isEqualTo(2025);
		assertThat(moved.get("occurredOn").asString()).startsWith("2025-");
		assertThat(moved.get("eventId").asString()).contains("-2025-").doesNotContain("2026");
		Backlog.Record renamed = backlog.copy(year.events().stream()
			.filter((e) -> e.topic().equals("apbd.tpp.v1"))
			.findFirst()
			.orElseThrow(), 101);
		JsonNode set = JSON.readTree(renamed.value());
		// copy 101 is the base year again, for the first set of renamed OPDs
		assertThat(set.get("fiscalYear").asInt()).isEqualTo(2026);
		assertThat(set.get("opd").asString()).endsWith("-S1");
		assertThat(renamed.key()).isEqualTo("52.72/" + set.get("opd").asString());
		assertThat(backlog.fiscalYears(3L * perYear)).containsExactly(2026, 2025, 2024);
		assertThat(backlog.extraOpdSets(101L * perYear)).isZero();
		assertThat(backlog.extraOpdSets(101L * perYear + 1)).isEqualTo(1);
	}

}
