package id.apbdmonitor.core.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.apbdmonitor.core.event.CanonicalJson;
import id.apbdmonitor.core.test.ContractExamples.Example;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The documented example events with a NUL character ({@code \u0000}, which PostgreSQL text
 * cannot hold) put into each of their string fields in turn. Each poisoned copy is sent just
 * before its valid example, same key and eventId, so that both meet in one poll: the copy must
 * be dead-lettered with a reason and the valid example stored as if the copy had never been
 * sent (had the copy been stored, the valid one would be an EVENT_ID_CONFLICT or out of order).
 */
public final class PoisonFields {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Sent> sent = new ArrayList<>();

	/**
	 * The whole check for one service: the budget lines of its category and the examples of its
	 * topic, each with its poisoned copies, are produced before the service starts (so they meet
	 * in its first polls); then every copy must be dead-lettered with a reason and exactly the
	 * valid examples stored in {@code budget_revision} and the service's {@code ledger}. Returns
	 * the reason of each copy, e.g. {@code apbd.goods.v1--01-sp2d-ls.json document.number} →
	 * {@code UNSTORABLE_VALUE}.
	 */
	public static Map<String, String> check(Class<?> application, String examples, String ledger, String date,
			String budgetAccountPrefix) {
		Map<String, Object> properties = TestService.fresh("poison", date);
		String events = TestService.events(properties);
		String budget = TestService.budget(properties);
		PoisonFields poison = new PoisonFields()
			.add(budget, ContractExamples.valid("apbd.budget.v1")
				.stream()
				.filter(example -> example.field("account").startsWith(budgetAccountPrefix))
				.toList(), example -> example.field("lineId"))
			.add(events, ContractExamples.valid(examples), example -> TestEvents.key(example.field("opd")));
		Map<String, String> reasons = new TreeMap<>();
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			poison.sendAll(kafka);
			try (var service = TestService.start(application, properties)) {
				JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
				reasons.putAll(poison.assertDeadLetteredAndRestStored(budget, kafka, jdbc, "budget_revision"));
				reasons.putAll(poison.assertDeadLetteredAndRestStored(events, kafka, jdbc, ledger));
			}
		}
		reasons.forEach((label, reason) -> System.out.println("NUL in " + label + " -> " + reason));
		return reasons;
	}

	/** The examples of a topic, each preceded by its poisoned copies. */
	public PoisonFields add(String topic, List<Example> examples, Function<Example, String> key) {
		for (Example example : examples) {
			for (Map.Entry<String, String> variant : nulInEachString(example.json()).entrySet()) {
				this.sent.add(new Sent(topic, key.apply(example), variant.getValue(), false,
						example.name() + " " + variant.getKey()));
			}
			this.sent.add(new Sent(topic, key.apply(example), example.json(), true, example.name()));
		}
		return this;
	}

	public void sendAll(KafkaTestClient kafka) {
		for (Sent each : this.sent) {
			kafka.sendAsync(each.topic(), each.key(), each.json());
		}
		kafka.flush();
	}

	/** How many poisoned copies of a topic were sent. */
	public long poisoned(String topic) {
		return this.sent.stream().filter(each -> each.topic().equals(topic) && !each.valid()).count();
	}

	/**
	 * Holds that every poisoned copy sent to {@code topic} is on its dead-letter topic with a
	 * reason, and that {@code table} (any ledger with a {@code payload_sha256}) holds exactly the
	 * valid examples of the topic. Returns the reason of each copy, for the report.
	 */
	public Map<String, String> assertDeadLetteredAndRestStored(String topic, KafkaTestClient kafka, JdbcTemplate jdbc,
			String table) {
		List<Sent> ofTopic = this.sent.stream().filter(each -> each.topic().equals(topic)).toList();
		Set<String> valid = ofTopic.stream().filter(Sent::valid).map(each -> sha256(each.json())).collect(Collectors.toSet());
		await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(stored(jdbc, table))
			.as("payloads stored in " + table).containsExactlyInAnyOrderElementsOf(valid));
		long expected = poisoned(topic);
		List<KafkaTestClient.DeadLetter> dead = kafka.readAll(topic + "-dlt", (int) Math.max(expected, 1),
				Duration.ofSeconds((expected > 0) ? 60 : 3));
		Map<String, String> reasons = new TreeMap<>();
		for (Sent each : ofTopic) {
			if (each.valid()) {
				assertThat(dead).as(each.label()).noneMatch(letter -> letter.value().equals(each.json()));
				continue;
			}
			List<KafkaTestClient.DeadLetter> copies = dead.stream().filter(letter -> letter.value().equals(each.json())).toList();
			assertThat(copies).as("dead letter of " + each.label()).isNotEmpty();
			assertThat(copies.get(0).reason()).as(each.label()).isNotBlank();
			reasons.put(each.label(), copies.get(0).reason());
		}
		assertThat(dead).hasSize((int) expected);
		return reasons;
	}

	private static Set<String> stored(JdbcTemplate jdbc, String table) {
		return Set.copyOf(jdbc.query("select payload_sha256 from " + table,
				(rs, row) -> HexFormat.of().formatHex(rs.getBytes(1))));
	}

	/** Path of each string leaf (e.g. {@code document.number}, {@code cashPlan[3]}) to a copy with a NUL in it. */
	public static Map<String, String> nulInEachString(String json) {
		JsonNode root = JSON.readTree(json);
		List<String> paths = new ArrayList<>();
		collect(root, "", paths);
		Map<String, String> variants = new java.util.LinkedHashMap<>();
		for (String path : paths) {
			JsonNode copy = root.deepCopy();
			poison(copy, path);
			variants.put(path, JSON.writeValueAsString(copy));
		}
		return variants;
	}

	private static void collect(JsonNode node, String path, List<String> paths) {
		if (node.isString()) {
			paths.add(path);
		}
		else if (node.isObject()) {
			for (String name : node.propertyNames()) {
				collect(node.get(name), path.isEmpty() ? name : path + "." + name, paths);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(node.get(i), path + "[" + i + "]", paths);
			}
		}
	}

	private static void poison(JsonNode root, String path) {
		JsonNode parent = root;
		String[] steps = path.split("\\.");
		for (int s = 0; s < steps.length; s++) {
			String step = steps[s];
			boolean last = s == steps.length - 1;
			int bracket = step.indexOf('[');
			String name = (bracket >= 0) ? step.substring(0, bracket) : step;
			if (bracket < 0) {
				if (last) {
					((ObjectNode) parent).put(name, withNul(parent.get(name).asString()));
					return;
				}
				parent = parent.get(name);
				continue;
			}
			int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
			ArrayNode array = (ArrayNode) parent.get(name);
			if (last) {
				array.set(index, JSON.getNodeFactory().stringNode(withNul(array.get(index).asString())));
				return;
			}
			parent = array.get(index);
		}
	}

	private static String withNul(String text) {
		int middle = text.length() / 2;
		return text.substring(0, middle) + '\u0000' + text.substring(middle);
	}

	/**
	 * The payload identity the ledgers store: SHA-256 of the canonical JSON (docs/events, "Payload
	 * identity"), whose canonical form {@code CanonicalJsonTests} holds against hand-written cases.
	 */
	public static String sha256(String json) {
		return HexFormat.of().formatHex(CanonicalJson.sha256(json.getBytes(StandardCharsets.UTF_8)));
	}

	/** One record sent: a valid example or a poisoned copy of one. */
	public record Sent(String topic, String key, String json, boolean valid, String label) {
	}

}
