package id.apbdmonitor.simulator.publishing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.Topics;
import id.apbdmonitor.simulator.national.NationalRegions;
import id.apbdmonitor.simulator.national.NationalYear;
import id.apbdmonitor.simulator.national.SyntheticRegion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The national mode on a real (embedded KRaft) broker: three regions, Kota Bima and two synthetic
 * ones; their region files are written at start-up and every region's year reaches Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "apbd.simulator.pace=false",
				"apbd.simulator.events-per-opd-per-month=1", "apbd.simulator.fault-rate=0",
				"apbd.simulator.regions=3" })
@EmbeddedKafka(partitions = 3, topics = { Topics.BUDGET, Topics.GOODS, Topics.SERVICES, Topics.CAPITAL, Topics.PAD,
		Topics.UP, Topics.TPP, Topics.OTHER })
class NationalSimulationIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path regionsDir;

	@DynamicPropertySource
	static void regionsDir(DynamicPropertyRegistry registry) {
		registry.add("apbd.simulator.regions-dir", () -> regionsDir.toString());
	}

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	NationalPublisher publisher;

	@Test
	void shouldWriteTheRegionFilesAndPublishEveryRegionsYear() throws IOException {
		// the same regions and years as the app's seed (2026 by default) and sizes give
		NationalRegions regions = NationalRegions.of(2026, 3, 2026, 1);
		List<SyntheticRegion> synthetic = regions.synthetic();
		assertThat(synthetic).hasSize(2);
		try (Stream<Path> files = Files.list(regionsDir)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(synthetic.stream().map(SyntheticRegion::fileName).toList());
		}

		Map<String, Integer> expected = new HashMap<>();
		for (GeneratedYear year : new NationalYear(regions, 0)) {
			expected.put(year.settings().pemda(), year.events().size());
		}
		assertThat(expected).containsKeys("52.72", synthetic.get(0).pemda(), synthetic.get(1).pemda());

		await().atMost(Duration.ofSeconds(120)).until(() -> this.publisher.regionsPublished() == 2);
		assertThat(consumeByPemda(expected.values().stream().mapToInt(Integer::intValue).sum())).isEqualTo(expected);
	}

	private Map<String, Integer> consumeByPemda(int count) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "national-test");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Map<String, Integer> byPemda = new HashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.BUDGET, Topics.GOODS, Topics.SERVICES, Topics.CAPITAL, Topics.PAD,
					Topics.UP, Topics.TPP, Topics.OTHER));
			int[] received = { 0 };
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					byPemda.merge(JSON.readTree(record.value()).get("pemda").stringValue(), 1, Integer::sum);
					received[0]++;
				}
				return received[0] >= count;
			});
		}
		return byPemda;
	}

}
