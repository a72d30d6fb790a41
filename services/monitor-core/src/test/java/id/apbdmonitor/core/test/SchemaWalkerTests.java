package id.apbdmonitor.core.test;

import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.SchemaWalker.Constraint;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SchemaWalkerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SHARED = """
			{"$id":"shared.json","$defs":{
			  "code":{"type":"string","pattern":"^[A-Z]+$","description":"a code"},
			  "money":{"type":"string","pattern":"^[0-9]+$"}}}""";

	@Test
	void shouldListEachConstraintOncePerPlaceItAppliesThroughRefsAndAllOf() {
		String event = """
				{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"t",
				 "allOf":[{"$ref":"shared.json#/$defs/code"}],
				 "type":"object","required":["a","b"],
				 "properties":{
				   "a":{"$ref":"shared.json#/$defs/code"},
				   "b":{"type":"array","minItems":2,"items":{"$ref":"shared.json#/$defs/money"}},
				   "c":{"type":"object","properties":{"d":{"enum":["X","Y"]}}}}}""";
		List<Constraint> constraints = walker(event).constraints("event.json");
		assertThat(constraints).extracting(Constraint::toString)
			.containsExactly("type shared.json#/$defs/code/type at ''", "pattern shared.json#/$defs/code/pattern at ''",
					"type event.json#/type at ''", "required event.json#/required at '/a'",
					"required event.json#/required at '/b'", "type shared.json#/$defs/code/type at '/a'",
					"pattern shared.json#/$defs/code/pattern at '/a'", "type event.json#/properties/b/type at '/b'",
					"minItems event.json#/properties/b/minItems at '/b'", "type shared.json#/$defs/money/type at '/b/0'",
					"pattern shared.json#/$defs/money/pattern at '/b/0'", "type event.json#/properties/c/type at '/c'",
					"enum event.json#/properties/c/properties/d/enum at '/c/d'");
	}

	@Test
	void shouldFailOnAKeywordItDoesNotUnderstand() {
		String event = """
				{"type":"object","properties":{"tags":{"type":"array","uniqueItems":true}}}""";
		assertThatIllegalStateException().isThrownBy(() -> walker(event).constraints("event.json"))
			.withMessageContaining("uniqueItems");
		String anyOf = """
				{"anyOf":[{"type":"string"},{"type":"null"}]}""";
		assertThatIllegalStateException().isThrownBy(() -> walker(anyOf).constraints("event.json"))
			.withMessageContaining("anyOf");
	}

	private static SchemaWalker walker(String event) {
		Map<String, JsonNode> schemas = Map.of("shared.json", JSON.readTree(SHARED), "event.json", JSON.readTree(event));
		return new SchemaWalker(schemas);
	}

}
