package id.apbdmonitor.goods;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.ContractExamples;
import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.KafkaTestClient.DeadLetter;
import id.apbdmonitor.core.test.PrometheusScrape;
import id.apbdmonitor.core.test.SchemaContract;
import id.apbdmonitor.core.test.SchemaContract.Violation;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract end to end, through Kafka and PostgreSQL: a sample of the schema-derived
 * violations (the first record of each keyword of each schema of the topic) lands on the
 * dead-letter topic unchanged with the documented {@code apbd-reason} and {@code apbd-field};
 * a repeated key is dead-lettered; the same event re-serialised with another key order and
 * spacing is a duplicate, while another amount under the same eventId is a conflict.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the sample counts the whole dead-letter topic: it goes first
class GoodsSchemaContractIntegrationTests {

	private static final String KEY = "52.72/DINKES";

	private static TestTopics topics;

	private static KafkaTestClient kafka;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		topics = TestInfrastructure.register(registry, "goods-spending", "2026-03-31");
	}

	@BeforeAll
	static void connect() {
		kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());
	}

	@AfterAll
	static void disconnect() {
		kafka.close();
	}

	@Test
	@Order(1)
	void shouldDeadLetterASampleOfTheSchemaDerivedViolationsWithTheDocumentedReasonAndField() {
		Map<String, Violation> sample = new LinkedHashMap<>();
		for (Violation violation : SchemaContract.violations("apbd.goods.v1")) {
			sample.putIfAbsent(violation.schema() + " " + violation.keyword(), violation);
		}
		assertThat(sample).hasSizeGreaterThanOrEqualTo(20);
		for (Violation violation : sample.values()) {
			kafka.send(topics.events(), KEY, violation.value());
		}
		List<DeadLetter> dead = kafka.readAll(topics.eventsDlt(), sample.size(), Duration.ofSeconds(60));
		assertThat(dead).hasSize(sample.size());
		for (Violation violation : sample.values()) {
			String sent = new String(violation.value(), StandardCharsets.UTF_8);
			DeadLetter letter = dead.stream().filter(each -> each.value().equals(sent)).findFirst().orElse(null);
			assertThat(letter).as("%s on the DLT unchanged", violation).isNotNull();
			assertThat(letter.key()).isEqualTo(KEY);
			assertThat(violation.reasons()).as("%s: reason", violation).contains(letter.reason());
			assertThat(letter.headers().get("apbd-field")).as("%s: field", violation).isEqualTo(violation.field());
		}
		System.out.println("[schema contract] end to end: " + sample.size() + " derived violations dead-lettered on "
				+ topics.eventsDlt() + " with their documented reason and field");
		assertThat(this.jdbc.queryForObject("select count(*) from spending_ledger", Integer.class)).isZero();
	}

	@Test
	@Order(2)
	void shouldDeadLetterARepeatedKeyAndTellAReserialisedEventFromAConflict() {
		String event = """
				{"eventId":"E2E-CANONICAL-1","type":"spending-realised","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
				 "opd":"DINKES","occurredOn":"2026-03-14","document":{"kind":"SP2D","number":"00777/SP2D-LS/2026"},
				 "mechanism":"LS","account":"5.1.02.01.01.0024","amount":"12500000.00"}""";
		String reserialised = "{\"amount\": \"12500000.00\", \"account\": \"5.1.02.01.01.0024\", \"mechanism\": \"LS\","
				+ " \"document\": {\"number\": \"00777/SP2D-LS/2026\", \"kind\": \"SP2D\"}, \"occurredOn\": \"2026-03-14\","
				+ " \"opd\": \"DINKES\", \"fiscalYear\": 2026.0, \"pemda\": \"52.72\", \"schemaVersion\": 1,"
				+ " \"type\": \"spending-realised\", \"eventId\": \"E2E-CANONICAL-1\"}";
		String conflicting = event.replace("12500000.00", "12500000.01");
		String repeatedKey = event.replace("E2E-CANONICAL-1", "E2E-REPEATED-KEY-1")
			.replace("\"amount\":\"12500000.00\"", "\"amount\":\"12500000.00\",\"amount\":\"99000000.00\"");
		for (String value : List.of(event, reserialised, conflicting, repeatedKey)) {
			kafka.send(topics.events(), KEY, value);
		}
		DeadLetter repeated = kafka.find(topics.eventsDlt(), "E2E-REPEATED-KEY-1", Duration.ofSeconds(60));
		assertThat(repeated.reason()).isEqualTo("MALFORMED_JSON");
		assertThat(repeated.headers().get("apbd-detail")).contains("amount");
		DeadLetter conflict = kafka.find(topics.eventsDlt(), "12500000.01", Duration.ofSeconds(30));
		assertThat(conflict.reason()).isEqualTo("EVENT_ID_CONFLICT");
		List<DeadLetter> dead = new ArrayList<>(kafka.readAll(topics.eventsDlt(), Integer.MAX_VALUE, Duration.ofSeconds(3)));
		assertThat(dead).as("the re-serialised event is not dead-lettered").noneMatch(each -> each.value().equals(reserialised));
		assertThat(this.jdbc.queryForObject("select count(*) from spending_ledger where event_id = 'E2E-CANONICAL-1'",
				Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select amount from spending_ledger where event_id = 'E2E-CANONICAL-1'",
				java.math.BigDecimal.class)).isEqualByComparingTo("12500000.00");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(PrometheusScrape.of("http://localhost:" + this.port)
			.value("apbd_ingest_events_total", Map.of("topic", topics.events(), "outcome", "duplicate"))).isEqualTo(1.0));
	}

	static {
		// the examples are the base of every derived violation: fail early and clearly if they moved
		assertThat(ContractExamples.valid("apbd.goods.v1")).isNotEmpty();
	}

}
