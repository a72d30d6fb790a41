package id.apbdmonitor.simulator.publishing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import id.apbdmonitor.simulator.generator.Category;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.SimEvent;
import id.apbdmonitor.simulator.generator.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app on a real (embedded KRaft) broker: it generates a small year, publishes all of it at
 * once, and reports on {@code /api/expected} and {@code /actuator/prometheus} what it sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "apbd.simulator.pace=false",
				"apbd.simulator.events-per-opd-per-month=1", "apbd.simulator.fault-rate=0.02" })
@EmbeddedKafka(partitions = 3, topics = { Topics.BUDGET, Topics.GOODS, Topics.SERVICES, Topics.CAPITAL, Topics.PAD,
		Topics.UP, Topics.TPP, Topics.OTHER })
class SimulatorApplicationIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	GeneratedYear year;

	@Autowired
	PublishProgress progress;

	@Test
	void shouldPublishTheWholeYearAndReportWhatTheServicesMustShow() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(() -> this.progress.state().finished());
		List<SimEvent> events = this.year.events();

		Map<String, List<String>> valuesByTopic = consumeAll(events.size());
		Map<String, List<String>> expectedByTopic = new HashMap<>();
		events.forEach((event) -> expectedByTopic.computeIfAbsent(event.topic(), (topic) -> new ArrayList<>())
			.add(event.value()));
		expectedByTopic.forEach((topic, values) -> assertThat(valuesByTopic.get(topic)).as(topic)
			.containsExactlyInAnyOrderElementsOf(values));

		JsonNode expected = JSON.readTree(get("/api/expected"));
		assertThat(expected.get("published").intValue()).isEqualTo(events.size());
		assertThat(expected.get("finished").booleanValue()).isTrue();
		assertThat(expected.get("businessDate").stringValue()).isEqualTo(events.get(events.size() - 1).businessDate().toString());
		assertThat(expected.get("counts").get("invalid").longValue())
			.isEqualTo(events.stream().filter((event) -> event.kind() == SimEvent.Kind.INVALID).count());
		assertThat(expected.get("totals").size()).isEqualTo(33 * this.year.categories().size());
		JsonNode dinkesGoods = null;
		for (JsonNode total : expected.get("totals")) {
			if (total.get("opd").stringValue().equals("DINKES") && total.get("category").stringValue().equals("goods")) {
				dinkesGoods = total;
			}
		}
		assertThat(dinkesGoods).isNotNull();
		assertThat(dinkesGoods.get("realised").isString()).isTrue();
		assertThat(dinkesGoods.get("realised").stringValue())
			.isEqualTo(this.year.expectedTotals().realised("DINKES", Category.GOODS).toPlainString());
		assertThat(expected.get("laggingOpds").toString()).contains("PUPR");
		assertThat(expected.get("staleUpOpds").toString()).contains("DKP", "KETAPANG", "KEC-RASANAE-TIMUR");
		assertThat(expected.get("overdueTuOpds").toString()).contains("BPBD");
		assertThat(expected.get("lateTppOpds").toString()).contains("DISTAN", "DP3A", "KEC-ASAKOTA");
		assertThat(expected.get("up").size()).isEqualTo(33);
		for (JsonNode up : expected.get("up")) {
			String opd = up.get("opd").stringValue();
			assertThat(up.get("disbursed").stringValue()).isEqualTo(this.year.expectedTotals().upDisbursed(opd).toPlainString());
			assertThat(up.get("outstanding").stringValue())
				.isEqualTo(this.year.expectedTotals().upOutstanding(opd).toPlainString());
		}

		String metrics = get("/actuator/prometheus");
		long validGoods = events.stream()
			.filter((event) -> event.kind() == SimEvent.Kind.VALID && event.topic().equals(Topics.GOODS))
			.count();
		assertThat(metrics).contains("apbd_simulator_events_published_total{application=\"simulator\",kind=\"valid\",topic=\"apbd.goods.v1\"} "
				+ validGoods + ".0");
		assertThat(metrics).contains("apbd_simulator_business_date_timestamp_seconds{application=\"simulator\"}");
	}

	private Map<String, List<String>> consumeAll(int count) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "simulator-test");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Map<String, List<String>> values = new HashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.BUDGET, Topics.GOODS, Topics.SERVICES, Topics.CAPITAL, Topics.PAD,
					Topics.UP, Topics.TPP, Topics.OTHER));
			int[] received = { 0 };
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					values.computeIfAbsent(record.topic(), (topic) -> new ArrayList<>()).add(record.value());
					received[0]++;
				}
				return received[0] >= count;
			});
		}
		return values;
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
