package id.apbdmonitor.goods;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.KafkaTestClient.DeadLetter;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestService;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static id.apbdmonitor.core.test.TestEvents.key;
import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters can never block a topic: a rejected record just under the broker's 1 MB limit
 * goes to the DLT as a bounded envelope, headers are escaped and capped, and a key that is not
 * UTF-8 comes out byte for byte.
 */
class GoodsDeadLetterBoundsIntegrationTests {

	private static final String ACCOUNT = "5.1.02.01.01.0052";

	/** Just under the broker's default message.max.bytes (1,048,588) with key and overhead. */
	private static final int NEAR_LIMIT = 1_038_000;

	@Test
	void shouldDeadLetterARecordJustUnderTheBrokerLimitAsAnEnvelopeAndCommitTheRecordsAfterIt() {
		Map<String, Object> properties = TestService.fresh("goods", "2026-12-31");
		String events = TestService.events(properties);
		byte[] notUtf8 = { (byte) 0xff, (byte) 0xfe, 'D', 'K', 'P', (byte) 0xc3 };
		String huge = invalid("BIG-1", NEAR_LIMIT);
		String large = invalid("LARGE-1", 800_000);
		String forged = realisedEvent("FORGED-1", "DKP", ACCOUNT, "1.00", "2026-02-10").replace("\"DKP\"",
				"\"DKP\\nWARN forged log line\"");
		try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
			kafka.send(events, key("DKP"), realisedEvent("R-1", "DKP", ACCOUNT, "1000.00", "2026-02-10"));
			kafka.send(events, key("DKP"), huge);
			kafka.send(events, key("DKP"), large);
			kafka.send(events, notUtf8, forged.getBytes(StandardCharsets.UTF_8));
			kafka.send(events, key("DKP"), realisedEvent("R-2", "DKP", ACCOUNT, "234.50", "2026-02-11"));
			try (ConfigurableApplicationContext service = TestService.start(GoodsSpendingApplication.class, properties)) {
				JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
				// 1,000.00 + 234.50
				await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc
					.queryForObject("select sum(amount) from spending_ledger", java.math.BigDecimal.class))
					.isEqualByComparingTo("1234.50"));
				List<DeadLetter> dead = kafka.readAll(events + "-dlt", 3, Duration.ofSeconds(60));
				assertThat(dead).hasSize(3);

				// three keys, three DLT partitions: found by content, not by position
				DeadLetter envelope = dead.stream().filter(d -> d.headers().containsKey("apbd-truncated")).findFirst().orElseThrow();
				assertThat(envelope.headers()).containsEntry("apbd-truncated", "true")
					.containsEntry("apbd-original-size", Integer.toString(huge.getBytes(StandardCharsets.UTF_8).length))
					.containsEntry("apbd-source-topic", events)
					.containsEntry("apbd-source-offset", "1");
				assertThat(envelope.reason()).isEqualTo("INVALID_FIELD");
				assertThat(envelope.size()).isLessThan(4_096);
				assertThat(envelope.value()).contains("\"truncated\":true", "\"originalSize\":" + huge.length(),
						"\"prefix\":\"{\\\"eventId\\\":\\\"BIG-1\\\"");
				assertThat(envelope.key()).isEqualTo(key("DKP"));
				// the offending value (a 1 MB document number) is cut, escaped, in the headers
				assertThat(envelope.headers().get("apbd-value")).hasSizeLessThan(230);
				assertThat(envelope.headers().get("apbd-detail")).hasSizeLessThan(530);

				DeadLetter copied = dead.stream().filter(d -> d.value().equals(large)).findFirst().orElseThrow();
				assertThat(copied.headers()).doesNotContainKey("apbd-truncated");
				assertThat(copied.reason()).isEqualTo("INVALID_FIELD");

				DeadLetter forgedLetter = dead.stream().filter(d -> d.value().equals(forged)).findFirst().orElseThrow();
				assertThat(forgedLetter.rawKey()).isEqualTo(notUtf8);
				assertThat(forgedLetter.headers().get("apbd-value")).doesNotContain("\n").contains("DKP\\nWARN");
			}
		}
	}

	/** A realisation whose document number, far longer than allowed, pads it to {@code size} bytes. */
	private static String invalid(String eventId, int size) {
		String template = realisedEvent(eventId, "DKP", ACCOUNT, "1.00", "2026-02-10");
		String number = eventId + "/SP2D-LS/2026";
		String padding = "9".repeat(size - template.length());
		return template.replace(number, number + padding);
	}

}
