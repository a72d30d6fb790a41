package id.apbdmonitor.core.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import id.apbdmonitor.core.clock.FixedBusinessClock;
import id.apbdmonitor.core.event.EnvelopeReader;
import id.apbdmonitor.core.event.RejectedException;
import id.apbdmonitor.core.event.Rejection;
import id.apbdmonitor.core.ingest.IngestProperties;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.test.SchemaWalker.Constraint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves a service's hand-written checks equal to the JSON Schemas of docs/events: from every
 * constraint of every schema of a topic ({@link SchemaWalker}) it derives records that violate
 * that constraint and nothing else (starting from a valid example and changing one value; an
 * independent validator, networknt's, confirms which constraints each record breaks), feeds
 * them to the service's parser and requires the rejection reason and field that
 * docs/events/README.md documents for that constraint. It also requires every valid example,
 * and strings of exactly {@code maxLength} characters outside the Basic Multilingual Plane, to
 * be accepted.
 */
public final class SchemaContract {

	private static final Path EVENTS = Path.of("../../docs/events");

	private static final Path SCHEMAS = EVENTS.resolve("schemas");

	private static final String SCHEMA_BASE_ID = "https://apbd-monitor.example/events/schemas/";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** A negative amount that is otherwise well-formed money: documented as AMOUNT_OUT_OF_BOUNDS. */
	private static final Pattern NEGATIVE_MONEY = Pattern.compile("^-(0|[1-9][0-9]{0,15})(\\.[0-9]{1,2})?$");

	/** A character outside the BMP: one character for JSON Schema, two UTF-16 units for Java. */
	private static final String ASTRAL = "\uD834\uDD1E";

	private static final Map<String, JsonNode> SCHEMAS_BY_FILE = loadSchemas();

	private static final SchemaRegistry REGISTRY = registry();

	private SchemaContract() {
	}

	/** A service's parser: the rejection of a record value, or {@code null} when it is accepted. */
	@FunctionalInterface
	public interface Parser {

		Rejection parse(byte[] value);

	}

	/** The envelope checks of Kota Bima (the examples' region) with fiscal year 2026 open. */
	@SuppressWarnings("unchecked")
	public static EnvelopeReader envelopeReader() {
		try (var in = SchemaContract.class.getClassLoader().getResourceAsStream("region-kota-bima.yml")) {
			Map<String, Object> root = new org.yaml.snakeyaml.Yaml().load(in);
			Map<String, Object> region = (Map<String, Object>) ((Map<String, Object>) root.get("apbd")).get("region");
			List<RegionProperties.Opd> opds = new ArrayList<>();
			for (Map<String, Object> opd : (List<Map<String, Object>>) region.get("opds")) {
				opds.add(new RegionProperties.Opd(String.valueOf(opd.get("code")), String.valueOf(opd.get("name"))));
			}
			ZoneId zone = ZoneId.of(String.valueOf(region.get("zone")));
			return EnvelopeReader.of(new RegionProperties(String.valueOf(region.get("pemda")), "", "", zone, opds,
					List.of(2026)), new FixedBusinessClock(LocalDate.of(2026, 6, 30), zone));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Ingest settings with the default amount maximum. */
	public static IngestProperties ingestProperties(String topic) {
		return new IngestProperties(topic, "apbd.budget.v1", 1, (short) 1, 1, Duration.ofSeconds(1), Duration.ofMinutes(1),
				new BigDecimal("100000000000000.00"));
	}

	/** Runs a parse and turns its rejection back into a value: the shape every service parser has. */
	public static Rejection rejectionOf(Runnable parse) {
		try {
			parse.run();
			return null;
		}
		catch (RejectedException ex) {
			return ex.rejection();
		}
	}

	/** What the check of one schema covered. */
	public record Report(String schema, int constraints, int isolated, int withSibling, int violations,
			int boundaryAccepted, int examplesAccepted, Map<String, Integer> constraintsByKeyword, List<String> failures) {

		@Override
		public String toString() {
			return "%s: %d constraints (%d violated alone, %d only together with a constraint at the same place), %d violating records rejected, %d boundary records and %d valid examples accepted; constraints by keyword %s"
				.formatted(this.schema, this.constraints, this.isolated, this.withSibling, this.violations,
						this.boundaryAccepted, this.examplesAccepted, this.constraintsByKeyword);
		}

	}

	/**
	 * Checks the parser of a topic against the schema of every event type the topic carries
	 * (docs/events/README.md), prints what each covered and fails on the first schema with a
	 * disagreement, listing all of that schema's disagreements.
	 */
	public static List<Report> verifyTopic(String topic, Parser parser) {
		List<String> types = typesOfTopic(topic);
		assertThat(types).as("event types of %s in docs/events/README.md", topic).isNotEmpty();
		List<Report> reports = new ArrayList<>();
		for (String type : types) {
			List<JsonNode> examples = examplesOfType(topic, type);
			Report report = verify(schemaFileOfType(type), examples, parser);
			System.out.println("[schema contract] " + topic + " " + report);
			report.failures().forEach(failure -> System.out.println("[schema contract]   DISAGREES " + failure));
			reports.add(report);
		}
		for (Report report : reports) {
			assertThat(report.failures()).as("disagreements between %s and the parser of %s", report.schema(), topic)
				.isEmpty();
			assertThat(report.constraints()).as(report.schema()).isPositive();
		}
		return reports;
	}

	/** A record that breaks one constraint of a schema, with the reasons and the field documented for it. */
	public record Violation(String schema, String constraint, String keyword, boolean alone, JsonNode candidate,
			byte[] value, Set<String> reasons, String field) {

		@Override
		public String toString() {
			return this.constraint + " violated by " + shown(this.candidate);
		}

	}

	/** The derived violations of every schema of a topic, for an end-to-end sample. */
	public static List<Violation> violations(String topic) {
		List<Violation> violations = new ArrayList<>();
		for (String type : typesOfTopic(topic)) {
			String schemaFile = schemaFileOfType(type);
			List<JsonNode> examples = examplesOfType(topic, type);
			for (Constraint constraint : new SchemaWalker(SCHEMAS_BY_FILE).constraints(schemaFile)) {
				violations.addAll(derive(schemaFile, examples, constraint));
			}
		}
		return violations;
	}

	private static List<Violation> derive(String schemaFile, List<JsonNode> examples, Constraint constraint) {
		JsonNode base = examples.stream().filter(example -> reaches(example, constraint)).findFirst().orElse(null);
		if (base == null) {
			return List.of();
		}
		List<Violation> derived = new ArrayList<>();
		for (JsonNode candidate : candidates(constraint, base)) {
			JsonNode record = withValue(base, constraint, candidate);
			List<Error> errors = errors(schemaFile, record);
			Set<String> reasons = new LinkedHashSet<>();
			boolean hit = false;
			boolean onlyThis = !errors.isEmpty();
			boolean samePlace = !errors.isEmpty();
			for (Error error : errors) {
				String location = location(error);
				String place = pointer(error.getInstanceLocation())
						+ ("required".equals(error.getKeyword()) ? "/" + error.getProperty() : "");
				boolean target = location.equals(constraint.schemaLocation()) && place.equals(constraint.pointer());
				hit |= target;
				onlyThis &= target;
				samePlace &= place.equals(constraint.pointer());
				reasons.add(reason(error.getKeyword(), location, place, valueAt(record, place), schemaFile, record));
			}
			// a record that misses the constraint, or breaks something elsewhere too, proves nothing about it
			if (hit && samePlace) {
				derived.add(new Violation(schemaFile, constraint.toString(), constraint.keyword(), onlyThis, candidate,
						bytes(record), reasons, field(constraint.pointer())));
			}
		}
		return derived;
	}

	static Report verify(String schemaFile, List<JsonNode> examples, Parser parser) {
		assertThat(examples).as("valid examples for %s", schemaFile).isNotEmpty();
		List<String> failures = new ArrayList<>();
		int examplesAccepted = 0;
		for (JsonNode example : examples) {
			assertThat(errors(schemaFile, example)).as("example %s is valid", example.path("eventId")).isEmpty();
			Rejection rejection = parser.parse(bytes(example));
			if (rejection == null) {
				examplesAccepted++;
			}
			else {
				failures.add("valid example " + example.path("eventId").asString() + " rejected: " + rejection);
			}
		}
		List<Constraint> constraints = new SchemaWalker(SCHEMAS_BY_FILE).constraints(schemaFile);
		Map<String, Integer> byKeyword = new TreeMap<>();
		int isolated = 0;
		int withSibling = 0;
		int violations = 0;
		int boundaryAccepted = 0;
		for (Constraint constraint : constraints) {
			byKeyword.merge(constraint.keyword(), 1, Integer::sum);
			JsonNode base = examples.stream().filter(example -> reaches(example, constraint)).findFirst().orElse(null);
			if (base == null) {
				failures.add(constraint + ": no valid example carries this place; add one that does");
				continue;
			}
			List<Violation> derived = derive(schemaFile, examples, constraint);
			for (Violation violation : derived) {
				violations++;
				Rejection rejection = parser.parse(violation.value());
				if (rejection == null) {
					failures.add(violation + ": accepted, expected " + violation.reasons() + " " + violation.field());
				}
				else if (!violation.reasons().contains(rejection.reason().name())
						|| !violation.field().equals(rejection.field())) {
					failures.add(violation + ": rejected " + rejection.reason() + " '" + rejection.field() + "', expected "
							+ violation.reasons() + " '" + violation.field() + "' (" + rejection.detail() + ")");
				}
			}
			if (derived.isEmpty()) {
				failures.add(constraint + ": no record violating it could be derived; teach SchemaContract a candidate");
			}
			else if (derived.stream().anyMatch(Violation::alone)) {
				isolated++;
			}
			else {
				withSibling++;
				System.out.println("[schema contract]   " + schemaFile + ": " + constraint
						+ " cannot be broken alone; its records break a constraint at the same place too");
			}
			for (JsonNode accepted : boundary(constraint)) {
				JsonNode record = withValue(base, constraint, accepted);
				if (!errors(schemaFile, record).isEmpty()) {
					continue;
				}
				Rejection rejection = parser.parse(bytes(record));
				if (rejection == null) {
					boundaryAccepted++;
				}
				else {
					failures.add(constraint + " at its bound " + shown(accepted) + ": valid for the schema but rejected "
							+ rejection);
				}
			}
		}
		return new Report(schemaFile, constraints.size(), isolated, withSibling, violations, boundaryAccepted,
				examplesAccepted, byKeyword, failures);
	}

	/**
	 * The reason docs/events/README.md ("How the checks are held equal to the schemas") gives
	 * a violated constraint.
	 */
	static String reason(String keyword, String location, String place, JsonNode value, String schemaFile,
			JsonNode record) {
		if ("required".equals(keyword)) {
			return "MISSING_FIELD";
		}
		if ("type".equals(keyword) && place.isEmpty()) {
			return "MALFORMED_JSON";
		}
		if ("type".equals(keyword) && value != null && value.isNull() && isRequired(schemaFile, record, place)) {
			return "MISSING_FIELD"; // null counts as absent where a value is required
		}
		if (location.contains("#/$defs/money/")) {
			boolean negative = value != null && value.isString() && NEGATIVE_MONEY.matcher(value.asString()).matches();
			return negative ? "AMOUNT_OUT_OF_BOUNDS" : "MALFORMED_AMOUNT";
		}
		if ("not".equals(keyword) && location.contains("#/$defs/positiveMoney/")) {
			return "AMOUNT_OUT_OF_BOUNDS";
		}
		if ("const".equals(keyword) && "/type".equals(place)) {
			return "UNSUPPORTED_TYPE";
		}
		if ("const".equals(keyword) && "/schemaVersion".equals(place)) {
			return "UNSUPPORTED_SCHEMA_VERSION";
		}
		return "INVALID_FIELD";
	}

	/** Whether a field is required where it sits: a schema says so, checked by removing it. */
	private static boolean isRequired(String schemaFile, JsonNode record, String place) {
		int slash = place.lastIndexOf('/');
		JsonNode copy = record.deepCopy();
		if (!(copy.at(place.substring(0, slash)) instanceof ObjectNode parent)) {
			return false;
		}
		parent.remove(place.substring(slash + 1));
		return errors(schemaFile, copy).stream().anyMatch(error -> "required".equals(error.getKeyword()));
	}

	/** Values that break the constraint (the validator then keeps those that break nothing else). */
	static List<JsonNode> candidates(Constraint constraint, JsonNode base) {
		JsonNode current = base.at(constraint.pointer());
		JsonNode value = constraint.value();
		List<JsonNode> out = new ArrayList<>();
		switch (constraint.keyword()) {
			case "required" -> out.add(null); // null here means: leave the field out
			case "type" -> {
				out.add(NODES.stringNode("12"));
				out.add(NODES.numberNode(12));
				out.add(NODES.numberNode(new BigDecimal("12.5")));
				out.add(NODES.booleanNode(true));
				out.add(NODES.arrayNode());
				out.add(NODES.objectNode());
				out.add(NODES.nullNode());
			}
			case "const" -> {
				if (value.isString()) {
					out.add(NODES.stringNode(value.asString() + "-x"));
					out.add(NODES.stringNode(value.asString().toLowerCase(java.util.Locale.ROOT)));
					out.add(NODES.stringNode(value.asString().toUpperCase(java.util.Locale.ROOT)));
					out.add(NODES.stringNode(""));
					out.add(NODES.stringNode(" " + value.asString()));
					// values other places allow, e.g. another document kind where one is fixed
					ENUM_STRINGS.stream().filter(other -> !other.equals(value.asString())).forEach(other -> out.add(NODES.stringNode(other)));
				}
				else if (value.isNumber()) {
					out.add(NODES.numberNode(value.decimalValue().add(BigDecimal.ONE).toBigInteger()));
					out.add(NODES.numberNode(value.decimalValue().subtract(BigDecimal.ONE).toBigInteger()));
				}
				out.add(NODES.stringNode("something-else"));
			}
			case "enum" -> {
				String first = value.get(0).asString();
				out.add(NODES.stringNode(first.toLowerCase(java.util.Locale.ROOT)));
				out.add(NODES.stringNode(first + "X"));
				out.add(NODES.stringNode(""));
				out.add(NODES.stringNode(first + " "));
				out.add(NODES.numberNode(1));
			}
			case "pattern" -> {
				String text = current.isString() ? current.asString() : "";
				out.add(NODES.stringNode(text + " "));
				out.add(NODES.stringNode(" " + text));
				out.add(NODES.stringNode(text + "\n"));
				out.add(NODES.stringNode(""));
				out.add(NODES.stringNode("#" + text));
				out.add(NODES.stringNode(text.isEmpty() ? "#" : "#" + text.substring(1)));
				out.add(NODES.stringNode(text + "é"));
				out.add(NODES.stringNode(text + "\u0000"));
				out.add(NODES.stringNode(text.replaceFirst("[0-9]", "\uFF10"))); // a full-width digit
				out.add(NODES.stringNode(text.replaceFirst("[0-9]", "\u0663"))); // an Arabic-Indic digit
				out.add(NODES.stringNode(text + "0".repeat(250)));
				out.add(NODES.stringNode(text + ".001"));
				out.add(NODES.stringNode("-" + text));
				out.add(NODES.stringNode("+" + text));
				out.add(NODES.stringNode(text.replace(".", ",")));
				out.add(NODES.stringNode(text + "e3"));
			}
			case "format" -> {
				switch (value.asString()) {
					case "date" -> List.of("2026-02-30", "2025-02-29", "2026-04-31", "2026-06-31")
						.forEach(date -> out.add(NODES.stringNode(date)));
					case "date-time" -> List.of("2026-02-30T10:00:00Z", "2026-03-14T25:00:00Z")
						.forEach(date -> out.add(NODES.stringNode(date)));
					case "uuid" -> List.of("123e4567-e89b-12d3-a456-42661417400", "123e4567e89b12d3a456426614174000z")
						.forEach(uuid -> out.add(NODES.stringNode(uuid)));
					default -> throw new IllegalStateException(constraint + ": format '" + value.asString()
							+ "' is not understood; teach SchemaContract a violating value");
				}
			}
			case "minLength" -> {
				if (value.intValue() > 0) {
					out.add(NODES.stringNode("a".repeat(value.intValue() - 1)));
				}
			}
			case "maxLength" -> {
				int max = value.intValue();
				out.add(NODES.stringNode("a".repeat(max + 1)));
				out.add(NODES.stringNode("é".repeat(max + 1)));
				out.add(NODES.stringNode(ASTRAL.repeat(max + 1)));
			}
			case "minimum", "exclusiveMinimum" -> {
				BigDecimal bound = value.decimalValue();
				BigDecimal below = "minimum".equals(constraint.keyword()) ? bound.subtract(BigDecimal.ONE) : bound;
				out.add(NODES.numberNode(below.toBigInteger()));
				out.add(NODES.numberNode(bound.subtract(new BigDecimal("0.01"))));
				out.add(NODES.numberNode(new BigInteger("-100000000000000000000")));
			}
			case "maximum", "exclusiveMaximum" -> {
				BigDecimal bound = value.decimalValue();
				BigDecimal above = "maximum".equals(constraint.keyword()) ? bound.add(BigDecimal.ONE) : bound;
				out.add(NODES.numberNode(above.toBigInteger()));
				out.add(NODES.numberNode(bound.add(new BigDecimal("0.01"))));
				out.add(NODES.numberNode(new BigInteger("100000000000000000000")));
			}
			case "multipleOf" -> {
				BigDecimal step = value.decimalValue();
				BigDecimal number = current.isNumber() ? current.decimalValue() : BigDecimal.ZERO;
				out.add(NODES.numberNode(number.add(step.divide(BigDecimal.valueOf(2)))));
				out.add(NODES.numberNode(number.add(step.divide(BigDecimal.valueOf(10)))));
			}
			case "minItems" -> {
				if (current.isArray() && current.size() > 0) {
					ArrayNode shorter = (ArrayNode) current.deepCopy();
					while (shorter.size() >= value.intValue()) {
						shorter.remove(shorter.size() - 1);
					}
					out.add(shorter);
				}
			}
			case "maxItems" -> {
				if (current.isArray() && current.size() > 0) {
					ArrayNode longer = (ArrayNode) current.deepCopy();
					while (longer.size() <= value.intValue()) {
						longer.add(longer.get(longer.size() - 1).deepCopy());
					}
					out.add(longer);
				}
			}
			case "additionalProperties" -> {
				ObjectNode wider = current.isObject() ? (ObjectNode) current.deepCopy() : NODES.objectNode();
				wider.put("unexpectedField", "x");
				out.add(wider);
			}
			case "not" -> {
				Pattern forbidden = Pattern.compile(value.path("pattern").asString());
				for (String text : List.of("0", "0.0", "0.00", "00", "", "-", "a")) {
					if (forbidden.matcher(text).find()) {
						out.add(NODES.stringNode(text));
					}
				}
			}
			default -> throw new IllegalStateException(constraint + ": no candidates for keyword " + constraint.keyword());
		}
		return out;
	}

	/** Values exactly at a length bound in characters that Java counts twice: the schema accepts them. */
	private static List<JsonNode> boundary(Constraint constraint) {
		if ("maxLength".equals(constraint.keyword())) {
			return List.of(NODES.stringNode(ASTRAL.repeat(constraint.value().intValue())));
		}
		return List.of();
	}

	private static boolean reaches(JsonNode example, Constraint constraint) {
		String pointer = constraint.pointer();
		if ("required".equals(constraint.keyword()) || pointer.isEmpty()) {
			return pointer.isEmpty() || !example.at(pointer).isMissingNode()
					|| !example.at(pointer.substring(0, pointer.lastIndexOf('/'))).isMissingNode();
		}
		return !example.at(pointer).isMissingNode();
	}

	/** A copy of the record with the value at the constraint's place replaced ({@code null}: removed). */
	private static JsonNode withValue(JsonNode base, Constraint constraint, JsonNode value) {
		String pointer = constraint.pointer();
		if (pointer.isEmpty()) {
			return (value == null) ? NODES.objectNode() : value;
		}
		JsonNode copy = base.deepCopy();
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = copy.at(pointer.substring(0, slash));
		String name = pointer.substring(slash + 1);
		if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(name), value);
		}
		else if (value == null) {
			((ObjectNode) parent).remove(name);
		}
		else {
			((ObjectNode) parent).set(name, value);
		}
		return copy;
	}

	private static JsonNode valueAt(JsonNode record, String pointer) {
		JsonNode value = record.at(pointer);
		return value.isMissingNode() ? null : value;
	}

	/** The field name the services report: {@code document.kind}, {@code cashPlan[0]}. */
	static String field(String pointer) {
		StringBuilder field = new StringBuilder();
		for (String segment : pointer.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			if (segment.matches("[0-9]+")) {
				field.append('[').append(segment).append(']');
			}
			else {
				field.append(field.length() > 0 ? "." : "").append(segment);
			}
		}
		return field.toString();
	}

	private static String pointer(NodePath path) {
		StringBuilder pointer = new StringBuilder();
		for (int i = 0; i < path.getNameCount(); i++) {
			pointer.append('/').append(path.getElement(i));
		}
		return pointer.toString();
	}

	private static String location(Error error) {
		return error.getSchemaLocation().toString().replace(SCHEMA_BASE_ID, "");
	}

	private static String shown(JsonNode value) {
		String text = (value == null) ? "(left out)" : value.toString();
		text = text.replace("\n", "\\n");
		return (text.length() > 60) ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
	}

	private static byte[] bytes(JsonNode record) {
		return JSON.writeValueAsBytes(record);
	}

	private static List<Error> errors(String schemaFile, JsonNode record) {
		return REGISTRY.getSchema(SchemaLocation.of(SCHEMA_BASE_ID + schemaFile)).validate(record);
	}

	private static final Map<String, String> SCHEMA_FILE_BY_TYPE = schemaFileByType();

	/** Every string of every enum of the schemas. */
	private static final Set<String> ENUM_STRINGS = enumStrings();

	private static Set<String> enumStrings() {
		Set<String> strings = new java.util.TreeSet<>();
		SCHEMAS_BY_FILE.values().forEach(schema -> schema.findValues("enum")
			.forEach(values -> values.forEach(value -> strings.add(value.asString()))));
		return strings;
	}

	static String schemaFileOfType(String type) {
		String file = SCHEMA_FILE_BY_TYPE.get(type);
		assertThat(file).as("schema of type %s", type).isNotNull();
		return file;
	}

	private static Map<String, String> schemaFileByType() {
		Map<String, String> byType = new HashMap<>();
		SCHEMAS_BY_FILE.forEach((file, schema) -> {
			JsonNode type = schema.path("properties").path("type").path("const");
			if (type.isString()) {
				byType.put(type.asString(), file);
			}
		});
		return byType;
	}

	/** The topic's examples of a type, or, where the topic's story has none, those of other topics. */
	private static List<JsonNode> examplesOfType(String topic, String type) {
		List<JsonNode> ofTopic = examplesOfType(ContractExamples.valid(topic), type);
		return ofTopic.isEmpty() ? examplesOfType(ContractExamples.allValid(), type) : ofTopic;
	}

	private static List<JsonNode> examplesOfType(List<ContractExamples.Example> examples, String type) {
		return examples.stream()
			.map(example -> JSON.readTree(example.json()))
			.filter(example -> type.equals(example.path("type").asString()))
			.toList();
	}

	/** The event types of a topic, from the topics table of docs/events/README.md. */
	static List<String> typesOfTopic(String topic) {
		Pattern code = Pattern.compile("`([^`]+)`");
		try {
			for (String row : Files.readAllLines(EVENTS.resolve("README.md"))) {
				String[] cells = row.split("\\|");
				if (cells.length > 3 && cells[1].trim().startsWith("`" + topic + "`")) {
					List<String> types = new ArrayList<>();
					Matcher type = code.matcher(cells[2]);
					while (type.find()) {
						types.add(type.group(1));
					}
					return types;
				}
			}
			return List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, JsonNode> loadSchemas() {
		try (Stream<Path> files = Files.list(SCHEMAS)) {
			Map<String, JsonNode> schemas = new LinkedHashMap<>();
			for (Path file : files.filter(file -> file.toString().endsWith(".schema.json")).sorted().toList()) {
				schemas.put(file.getFileName().toString(), JSON.readTree(Files.readString(file)));
			}
			return schemas;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SchemaRegistry registry() {
		Map<String, String> schemasById = new HashMap<>();
		SCHEMAS_BY_FILE.forEach((file, schema) -> schemasById.put(SCHEMA_BASE_ID + file, schema.toString()));
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
			.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
			.schemas(schemasById));
	}

}
