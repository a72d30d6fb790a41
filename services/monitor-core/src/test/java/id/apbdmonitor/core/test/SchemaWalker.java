package id.apbdmonitor.core.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Lists every constraint of an event schema as the instance sees it: {@code $ref} and
 * {@code allOf} are followed (so the envelope's constraints count for every event type, once per
 * place they apply), {@code properties} and {@code items} descend into the instance. A keyword
 * this walker does not know fails the walk, so that a constraint added to a schema later is
 * either covered by {@link SchemaContract} or stops the build until it is.
 */
final class SchemaWalker {

	/** Keywords that describe and never reject. */
	private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
			"examples", "default", "deprecated", "readOnly", "writeOnly", "$defs");

	/** Keywords that reject an instance on their own; {@link SchemaContract} derives a violation of each. */
	static final Set<String> ASSERTIONS = Set.of("type", "const", "enum", "pattern", "format", "minLength", "maxLength",
			"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
			"required", "additionalProperties", "not");

	private static final int MAX_DEPTH = 20;

	private final Map<String, JsonNode> schemasByFile;

	SchemaWalker(Map<String, JsonNode> schemasByFile) {
		this.schemasByFile = schemasByFile;
	}

	/** One constraint: a keyword at a schema location, applied at an instance path. */
	record Constraint(String keyword, String schemaLocation, List<String> path, JsonNode value, JsonNode schema) {

		/** The instance location; a required constraint points at the property it requires. */
		String pointer() {
			StringBuilder pointer = new StringBuilder();
			for (String segment : this.path) {
				pointer.append('/').append(segment.equals(ITEM) ? "0" : segment);
			}
			return pointer.toString();
		}

		@Override
		public String toString() {
			return this.keyword + " " + this.schemaLocation + " at '" + pointer() + "'";
		}

	}

	/** Marks an array element in a path; violations are derived in the first element. */
	static final String ITEM = "[]";

	List<Constraint> constraints(String file) {
		List<Constraint> constraints = new ArrayList<>();
		walk(file, "", schema(file), List.of(), constraints, 0);
		return constraints;
	}

	private void walk(String file, String pointer, JsonNode schema, List<String> path, List<Constraint> out, int depth) {
		if (depth > MAX_DEPTH) {
			throw new IllegalStateException("schema recursion deeper than " + MAX_DEPTH + " at " + file + "#" + pointer);
		}
		for (var entry : schema.properties()) {
			String keyword = entry.getKey();
			JsonNode value = entry.getValue();
			String location = file + "#" + pointer + "/" + keyword;
			if (ANNOTATIONS.contains(keyword)) {
				continue;
			}
			switch (keyword) {
				case "$ref" -> {
					String ref = value.asString();
					String target = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
					String targetFile = target.isEmpty() ? file : target;
					String fragment = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
					JsonNode resolved = schema(targetFile).at(fragment);
					if (resolved.isMissingNode()) {
						throw new IllegalStateException(location + ": unresolved $ref " + ref);
					}
					walk(targetFile, fragment, resolved, path, out, depth + 1);
				}
				case "allOf" -> {
					for (int i = 0; i < value.size(); i++) {
						walk(file, pointer + "/allOf/" + i, value.get(i), path, out, depth + 1);
					}
				}
				case "properties" -> {
					for (var property : value.properties()) {
						List<String> child = new ArrayList<>(path);
						child.add(property.getKey());
						walk(file, pointer + "/properties/" + property.getKey(), property.getValue(), List.copyOf(child),
								out, depth + 1);
					}
				}
				case "items" -> {
					List<String> child = new ArrayList<>(path);
					child.add(ITEM);
					walk(file, pointer + "/items", value, List.copyOf(child), out, depth + 1);
				}
				case "required" -> {
					for (JsonNode name : value) {
						List<String> child = new ArrayList<>(path);
						child.add(name.asString());
						out.add(new Constraint(keyword, location, List.copyOf(child), name, schema));
					}
				}
				case "additionalProperties" -> {
					if (!value.isBoolean() || value.booleanValue()) {
						throw new IllegalStateException(location + ": only additionalProperties false is understood");
					}
					out.add(new Constraint(keyword, location, path, value, schema));
				}
				case "not" -> {
					if (value.size() != 1 || !value.has("pattern")) {
						throw new IllegalStateException(location + ": only not { pattern } is understood");
					}
					out.add(new Constraint(keyword, location, path, value, schema));
				}
				default -> {
					if (!ASSERTIONS.contains(keyword)) {
						throw new IllegalStateException(location + ": keyword '" + keyword
								+ "' is not understood by the schema walker; teach SchemaWalker and SchemaContract "
								+ "to derive its violation");
					}
					out.add(new Constraint(keyword, location, path, value, schema));
				}
			}
		}
	}

	private JsonNode schema(String file) {
		JsonNode schema = this.schemasByFile.get(file);
		if (schema == null) {
			throw new IllegalStateException("no schema file " + file);
		}
		return schema;
	}

}
