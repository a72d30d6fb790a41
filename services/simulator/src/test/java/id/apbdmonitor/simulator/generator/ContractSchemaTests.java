package id.apbdmonitor.simulator.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the generated records against the published contract: every VALID record validates
 * against the JSON Schema of its type in {@code docs/events/schemas}, and a malformed amount
 * does not.
 */
class ContractSchemaTests {

	// Surefire runs in the module directory.
	private static final Path SCHEMAS = Path.of("../../docs/events/schemas");

	private static final String SCHEMA_BASE_ID = "https://apbd-monitor.example/events/schemas/";

	private static final GeneratedYear YEAR = YearGenerator
		.generate(GeneratorSettings.kotaBima(11).withEventsPerOpdPerMonth(2).withFaultRate(0.02));

	@Test
	void shouldProduceRecordsThatValidateAgainstTheContractSchemas() throws IOException {
		SchemaRegistry registry = registry();
		int validated = 0;
		java.util.Set<String> typesValidated = new java.util.HashSet<>();
		for (SimEvent event : YEAR.events()) {
			if (event.kind() == SimEvent.Kind.MALFORMED) {
				continue;
			}
			JsonNode node = Json.parse(event);
			String schema = SCHEMA_BASE_ID + node.get("type").stringValue() + ".schema.json";
			var errors = registry.getSchema(SchemaLocation.of(schema)).validate(node);
			if (event.kind() == SimEvent.Kind.VALID || event.kind() == SimEvent.Kind.DUPLICATE) {
				assertThat(errors).as(event.value()).isEmpty();
				validated++;
				typesValidated.add(node.get("type").stringValue());
			}
			else if ("MALFORMED_AMOUNT".equals(event.expectedReason())) {
				assertThat(errors).as(event.value()).isNotEmpty();
			}
			else if (event.topic().equals(Topics.TPP) && "INVALID_FIELD".equals(event.expectedReason())) {
				// month 13 or no employees: the schema rejects them as well
				assertThat(errors).as(event.value()).isNotEmpty();
			}
		}
		assertThat(validated).isGreaterThan(1000);
		// the UP and TPP records too: every type of apbd.up.v1 and apbd.tpp.v1 is generated and validated
		assertThat(typesValidated).contains("up-ceiling-set", "up-disbursed", "gu-accounted", "gu-disbursed",
				"tu-disbursed", "tu-accounted", "tu-returned", "up-returned", "up-closed", "tpp-stage");
	}

	private static SchemaRegistry registry() throws IOException {
		Map<String, String> schemasById = new HashMap<>();
		try (var files = Files.list(SCHEMAS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".schema.json")).toList()) {
				schemasById.put(SCHEMA_BASE_ID + file.getFileName(), Files.readString(file));
			}
		}
		assertThat(schemasById.keySet()).extracting((id) -> id.substring(SCHEMA_BASE_ID.length()))
			.containsAll(List.of("budget-line.schema.json", "spending-realised.schema.json",
					"spending-reversed.schema.json"));
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, (builder) -> builder
			.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
			.schemas(schemasById));
	}

}
