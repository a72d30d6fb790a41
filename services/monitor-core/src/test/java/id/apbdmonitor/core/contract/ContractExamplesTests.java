package id.apbdmonitor.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the event contract in {@code docs/events} together: the schemas are valid JSON Schemas,
 * every example validates (or, under {@code invalid/}, fails), the examples tell a story a service
 * accepts, and the expected figures written by hand in the examples' README match that story.
 */
class ContractExamplesTests {

	// Surefire runs in the module directory.
	private static final Path EVENTS = Path.of("../../docs/events");

	private static final Path SCHEMAS = EVENTS.resolve("schemas");

	private static final Path EXAMPLES = EVENTS.resolve("examples");

	private static final Path INVALID = EXAMPLES.resolve("invalid");

	private static final Path REGION = Path.of("src/main/resources/region-kota-bima.yml");

	private static final String SCHEMA_BASE_ID = "https://apbd-monitor.example/events/schemas/";

	private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

	private static final Pattern VALID_NAME = Pattern.compile("^(apbd\\.[a-z]+\\.v[0-9]+)--([0-9]{2})-[a-z0-9-]+\\.json$");

	private static final Pattern INVALID_NAME = Pattern.compile("^([A-Z_]+)--[a-z0-9-]+\\.json$");

	// The default category mapping of DOMAIN.md, written out independently of any service's configuration.
	private static final Map<String, List<String>> ACCOUNT_PREFIXES_BY_TOPIC = Map.of(
			"apbd.goods.v1", List.of("5.1.02.01."),
			"apbd.services.v1", List.of("5.1.02.02.", "5.1.02.03.", "5.1.02.04."),
			"apbd.tpp.v1", List.of("5.1.01.02."),
			"apbd.other.v1", List.of("5.1.01.01.", "5.1.01.03.", "5.1.01.04.", "5.1.01.05.", "5.1.01.06.", "5.1.01.07.",
					"5.1.01.08.", "5.1.01.99.", "5.1.03.", "5.1.04.", "5.1.05.", "5.1.06.", "5.3.", "5.4."));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static SchemaRegistry registry;

	/** Event type to the schema file that fixes it with {@code "type": {"const": ...}}. */
	private static Map<String, String> schemaFileByType;

	@BeforeAll
	static void loadSchemas() throws IOException {
		// the $ids are names, not addresses: each resolves to the file of that name, nothing is fetched
		Map<String, String> schemasById = new HashMap<>();
		for (String file : schemaFiles()) {
			schemasById.put(SCHEMA_BASE_ID + file, Files.readString(SCHEMAS.resolve(file)));
		}
		registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
			.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
			.schemas(schemasById));
		schemaFileByType = new TreeMap<>();
		for (String file : schemaFiles()) {
			JsonNode type = read(SCHEMAS.resolve(file)).path("properties").path("type").path("const");
			if (type.isString()) {
				schemaFileByType.put(type.asString(), file);
			}
		}
	}

	@Test
	void shouldPublishEverySchemaAsAValidDraft202012Schema() throws IOException {
		Schema metaSchema = registry.getSchema(SchemaLocation.of(DRAFT_2020_12));
		assertThat(schemaFiles()).contains("envelope.schema.json", "budget-line.schema.json",
				"spending-realised.schema.json", "spending-reversed.schema.json");
		for (String file : schemaFiles()) {
			JsonNode schema = read(SCHEMAS.resolve(file));
			assertThat(schema.path("$schema").asString()).as(file).isEqualTo(DRAFT_2020_12);
			assertThat(schema.path("$id").asString()).as(file).isEqualTo(SCHEMA_BASE_ID + file);
			assertThat(metaSchema.validate(schema)).as(file).isEmpty();
		}
	}

	@Test
	void shouldHaveASchemaForEveryEventTypeOfEveryTopic() {
		Set<String> typesOfTopics = new HashSet<>();
		topicsFromReadme().values().forEach(typesOfTopics::addAll);
		assertThat(typesOfTopics).isNotEmpty();
		assertThat(schemaFileByType.keySet()).containsExactlyInAnyOrderElementsOf(typesOfTopics);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validExamples")
	void shouldAcceptEveryValidExample(String file) {
		JsonNode event = read(EXAMPLES.resolve(file));
		String type = event.path("type").asString();
		assertThat(schemaFileByType).as("schema for type '%s'", type).containsKey(type);
		assertThat(errors(schemaFileByType.get(type), event)).as(file).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidExamples")
	void shouldRejectEveryInvalidExample(String file) {
		Matcher name = INVALID_NAME.matcher(file);
		assertThat(name.matches()).as("%s is named <REASON>--<what>.json", file).isTrue();
		assertThat(reasonsFromReadme()).as("reason of %s", file).contains(name.group(1));

		JsonNode event;
		try {
			event = JSON.readTree(Files.readString(INVALID.resolve(file)));
		}
		catch (JacksonException | IOException notJson) {
			return; // a poison record is rejected before any schema
		}
		String type = event.path("type").asString("");
		List<String> schemasToFail = schemaFileByType.containsKey(type) ? List.of(schemaFileByType.get(type))
				: List.copyOf(schemaFileByType.values());
		for (String schema : schemasToFail) {
			assertThat(errors(schema, event)).as("%s against %s", file, schema).isNotEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validExamples")
	void shouldNameForEachExampleATopicThatCarriesItsType(String file) {
		Matcher name = VALID_NAME.matcher(file);
		assertThat(name.matches()).as("%s is named <topic>--<nn>-<what>.json", file).isTrue();
		Map<String, List<String>> topics = topicsFromReadme();
		assertThat(topics).containsKey(name.group(1));
		assertThat(topics.get(name.group(1))).contains(read(EXAMPLES.resolve(file)).path("type").asString());
	}

	@Test
	void shouldTellAStoryThatAServiceAcceptsInFileNameOrder() {
		Set<String> opds = regionOpds();
		Set<String> eventIds = new HashSet<>();
		Set<String> contractIds = new HashSet<>();
		Map<String, JsonNode> realisedById = new HashMap<>();
		Map<String, BigDecimal> reversedById = new HashMap<>();
		for (String file : validExamples().toList()) {
			String topic = topicOf(file);
			JsonNode event = read(EXAMPLES.resolve(file));
			assertThat(event.path("pemda").asString()).as(file).isEqualTo("52.72");
			assertThat(event.path("fiscalYear").asInt()).as(file).isEqualTo(2026);
			assertThat(event.path("occurredOn").asString()).as(file).startsWith("2026-");
			assertThat(opds).as(file).contains(event.path("opd").asString());
			assertThat(eventIds.add(event.path("eventId").asString())).as("%s has a new eventId", file).isTrue();
			switch (event.path("type").asString()) {
				case "budget-line" -> assertThat(sum(event.path("cashPlan"), 12)).as("%s cash plan", file)
					.isEqualByComparingTo(money(event, "pagu"));
				case "spending-realised" -> {
					String account = event.path("account").asString();
					assertThat(ACCOUNT_PREFIXES_BY_TOPIC.get(topic)).as("%s account %s is of its topic's category", file, account)
						.anyMatch(account::startsWith);
					realisedById.put(topic + " " + event.path("eventId").asString(), event);
				}
				case "spending-reversed" -> {
					String original = topic + " " + event.path("reverses").asString();
					assertThat(realisedById).as("%s reverses an earlier event of its topic", file).containsKey(original);
					assertThat(event.path("opd").asString()).as(file)
						.isEqualTo(realisedById.get(original).path("opd").asString());
					BigDecimal reversed = reversedById.merge(original, money(event, "amount"), BigDecimal::add);
					assertThat(reversed).as(file).isLessThanOrEqualTo(money(realisedById.get(original), "amount"));
				}
				case "up-ceiling-set", "up-disbursed", "gu-accounted", "gu-disbursed", "tu-disbursed", "tu-accounted",
						"tu-returned", "up-returned", "up-closed" -> {
					assertThat(topic).as(file).isEqualTo("apbd.up.v1");
					if (event.has("tu")) {
						assertThat(eventIds).as("%s settles an earlier TU", file).contains(event.path("tu").asString());
					}
				}
				case "tpp-stage" -> assertThat(topic).as(file).isEqualTo("apbd.tpp.v1");
				case "capital-contract-signed", "capital-progress-reported", "capital-handed-over", "capital-payment",
						"capital-payment-reversed" -> {
					assertThat(topic).as(file).isEqualTo("apbd.capital.v1");
					if (event.has("contractId") && !"capital-contract-signed".equals(event.path("type").asString())) {
						assertThat(contractIds).as("%s names an earlier contract", file).contains(event.path("contractId").asString());
					}
					if (event.has("account")) {
						assertThat(event.path("account").asString()).as(file).startsWith("5.2.");
						contractIds.add(event.path("contractId").asString());
					}
					if (event.has("reverses")) {
						assertThat(eventIds).as("%s reverses an earlier payment", file).contains(event.path("reverses").asString());
					}
				}
				case "pad-received", "pad-receipt-reversed" -> {
					assertThat(topic).as(file).isEqualTo("apbd.pad.v1");
					if (event.has("account")) {
						assertThat(event.path("account").asString()).as(file).startsWith("4.1.");
					}
					if (event.has("reverses")) {
						assertThat(eventIds).as("%s reverses an earlier receipt", file).contains(event.path("reverses").asString());
					}
				}
				default -> throw new AssertionError(file + " has an unknown type");
			}
		}
	}

	@Test
	void shouldMatchTheExpectedFiguresWrittenInTheExamplesReadme() throws IOException {
		Map<String, Figures> expected = expectedFiguresFromReadme();
		assertThat(expected).isNotEmpty();
		assertThat(recomputeFigures()).isEqualTo(expected);
	}

	/** Pagu after revisions, cash plan January to March, realised after reversals, of one topic and OPD. */
	record Figures(BigDecimal pagu, BigDecimal cashPlanToMarch, BigDecimal realised) {

		Figures {
			pagu = pagu.setScale(2);
			cashPlanToMarch = cashPlanToMarch.setScale(2);
			realised = realised.setScale(2);
		}

		static final Figures ZERO = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

		Figures plus(Figures other) {
			return new Figures(pagu.add(other.pagu), cashPlanToMarch.add(other.cashPlanToMarch),
					realised.add(other.realised));
		}

	}

	private static Map<String, Figures> recomputeFigures() {
		// the line as a service keeps it: the highest revision number seen first wins
		Map<String, JsonNode> currentLine = new LinkedHashMap<>();
		Map<String, Figures> figures = new TreeMap<>();
		for (String file : validExamples().toList()) {
			String topic = topicOf(file);
			JsonNode event = read(EXAMPLES.resolve(file));
			String opd = event.path("opd").asString();
			switch (event.path("type").asString()) {
				case "budget-line" -> currentLine.merge(event.path("lineId").asString(), event,
						(kept, late) -> late.path("revision").path("number").asInt() > kept.path("revision")
							.path("number")
							.asInt() ? late : kept);
				case "spending-realised" -> figures.merge(topic + " " + opd,
						new Figures(BigDecimal.ZERO, BigDecimal.ZERO, money(event, "amount")), Figures::plus);
				case "spending-reversed" -> figures.merge(topic + " " + opd,
						new Figures(BigDecimal.ZERO, BigDecimal.ZERO, money(event, "amount").negate()), Figures::plus);
				// UP is a float: it changes no absorption figure
				case "up-ceiling-set", "up-disbursed", "gu-accounted", "gu-disbursed", "tu-disbursed", "tu-accounted",
						"tu-returned", "up-returned", "up-closed" -> {
				}
				case "tpp-stage" -> {
					if ("SP2D".equals(event.path("stage").asString())) {
						figures.merge(topic + " " + opd, new Figures(BigDecimal.ZERO, BigDecimal.ZERO, money(event, "amount")),
								Figures::plus);
					}
				}
				// capital and PAD figures are on capital.md and pad.md, checked by their services' tests
				case "capital-contract-signed", "capital-progress-reported", "capital-handed-over", "capital-payment",
						"capital-payment-reversed", "pad-received", "pad-receipt-reversed" -> {
				}
				default -> throw new AssertionError(file);
			}
		}
		for (JsonNode line : currentLine.values()) {
			String account = line.path("account").asString();
			ACCOUNT_PREFIXES_BY_TOPIC.forEach((topic, prefixes) -> {
				if (prefixes.stream().anyMatch(account::startsWith)) {
					figures.merge(topic + " " + line.path("opd").asString(),
							new Figures(money(line, "pagu"), sum(line.path("cashPlan"), 3), BigDecimal.ZERO),
							Figures::plus);
				}
			});
		}
		return figures;
	}

	private static Map<String, Figures> expectedFiguresFromReadme() throws IOException {
		Map<String, Figures> expected = new TreeMap<>();
		for (String row : Files.readAllLines(EXAMPLES.resolve("README.md"))) {
			List<String> cells = cells(row);
			if (cells.size() >= 5 && cells.get(0).matches("apbd\\.[a-z]+\\.v[0-9]+")) {
				expected.put(cells.get(0) + " " + cells.get(1), new Figures(rupiah(cells.get(2)),
						rupiah(cells.get(3)), rupiah(cells.get(4))));
			}
		}
		return expected;
	}

	/** Topic to the event types it carries, from the topics table of docs/events/README.md. */
	private static Map<String, List<String>> topicsFromReadme() {
		Map<String, List<String>> topics = new TreeMap<>();
		Pattern code = Pattern.compile("`([^`]+)`");
		for (String row : readmeLines()) {
			String[] cells = row.split("\\|");
			if (cells.length > 3 && cells[1].trim().startsWith("`apbd.")) {
				Matcher topic = code.matcher(cells[1]);
				topic.find();
				List<String> types = new ArrayList<>();
				Matcher type = code.matcher(cells[2]);
				while (type.find()) {
					types.add(type.group(1));
				}
				topics.put(topic.group(1), types);
			}
		}
		return topics;
	}

	/** Reason codes of the rejection table of docs/events/README.md. */
	private static Set<String> reasonsFromReadme() {
		Set<String> reasons = new HashSet<>();
		Pattern reasonRow = Pattern.compile("^\\|\\s*`([A-Z_]+)`\\s*\\|.*");
		for (String row : readmeLines()) {
			Matcher reason = reasonRow.matcher(row);
			if (reason.matches()) {
				reasons.add(reason.group(1));
			}
		}
		return reasons;
	}

	@SuppressWarnings("unchecked")
	private static Set<String> regionOpds() {
		try (InputStream in = Files.newInputStream(REGION)) {
			Map<String, Object> root = new Yaml().load(in);
			Map<String, Object> region = (Map<String, Object>) ((Map<String, Object>) root.get("apbd")).get("region");
			Set<String> codes = new HashSet<>();
			for (Map<String, Object> opd : (List<Map<String, Object>>) region.get("opds")) {
				codes.add(String.valueOf(opd.get("code")));
			}
			return codes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Stream<String> validExamples() {
		return list(EXAMPLES);
	}

	static Stream<String> invalidExamples() {
		return list(INVALID);
	}

	private static List<String> schemaFiles() throws IOException {
		return list(SCHEMAS).filter(name -> name.endsWith(".schema.json")).toList();
	}

	private static Stream<String> list(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			List<String> names = files.filter(Files::isRegularFile)
				.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(".json"))
				.sorted()
				.toList();
			assertThat(names).as("json files in %s", dir).isNotEmpty();
			return names.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Error> errors(String schemaFile, JsonNode event) {
		return registry.getSchema(SchemaLocation.of(SCHEMA_BASE_ID + schemaFile)).validate(event);
	}

	private static String topicOf(String file) {
		return file.substring(0, file.indexOf("--"));
	}

	private static BigDecimal money(JsonNode event, String field) {
		return new BigDecimal(event.path(field).asString());
	}

	private static BigDecimal sum(JsonNode amounts, int months) {
		BigDecimal total = BigDecimal.ZERO;
		for (int month = 0; month < months; month++) {
			total = total.add(new BigDecimal(amounts.get(month).asString()));
		}
		return total;
	}

	private static BigDecimal rupiah(String text) {
		return new BigDecimal(text.replace(",", "").replace("`", "").trim());
	}

	private static List<String> cells(String row) {
		if (!row.startsWith("|")) {
			return List.of();
		}
		List<String> cells = new ArrayList<>();
		for (String cell : row.substring(1).split("\\|")) {
			cells.add(cell.replace("`", "").trim());
		}
		return cells;
	}

	private static List<String> readmeLines() {
		try {
			return Files.readAllLines(EVENTS.resolve("README.md"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode read(Path file) {
		try {
			return JSON.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
