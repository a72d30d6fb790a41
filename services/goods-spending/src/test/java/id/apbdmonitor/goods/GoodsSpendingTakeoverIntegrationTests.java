package id.apbdmonitor.goods;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import id.apbdmonitor.core.test.KafkaTestClient;
import id.apbdmonitor.core.test.TestInfrastructure;
import id.apbdmonitor.core.test.TestInfrastructure.TestDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static id.apbdmonitor.core.test.TestEvents.key;
import static id.apbdmonitor.core.test.TestEvents.realisedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance frozen in the middle of a batch past {@code max.poll.interval.ms} loses its
 * partitions to a second instance of the same group; when it wakes up, it finishes its batch
 * (the ledger's idempotency absorbs it), its offset commit fails with CommitFailedException and
 * it rejoins. Five rounds, records sent before, during and after each freeze: every record ends
 * stored exactly once, the group's committed offsets reach the end offsets of every partition,
 * and both instances' progress monitors agree that nothing is waiting.
 */
class GoodsSpendingTakeoverIntegrationTests {

	private static final String ACCOUNT = "5.1.02.01.01.0052";

	private static final List<String> OPDS = List.of("SETDA", "SETWAN", "INSPEKTORAT", "BAPPEDA", "BPKAD", "BKPSDM",
			"KESBANGPOL", "BPBD", "DIKPORA", "DINKES", "RSUD", "PUPR");

	private static final int ROUNDS = 5;

	/** The gate of the frozen instance: its listener thread blocks on its next database connection. */
	static final class Freeze {

		static volatile CountDownLatch armed = new CountDownLatch(0);

		static volatile CountDownLatch entered = new CountDownLatch(1);

		static volatile CountDownLatch released = new CountDownLatch(0);

		static void arm() {
			entered = new CountDownLatch(1);
			released = new CountDownLatch(1);
			armed = new CountDownLatch(1);
		}

		static void blockIfArmed() {
			if (armed.getCount() > 0 && Thread.currentThread().getName().startsWith("events-")) {
				armed.countDown();
				entered.countDown();
				try {
					released.await(2, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

	/** Added to the instance that is frozen: wraps its DataSource with the gate. */
	@Configuration(proxyBeanMethods = false)
	static class FreezableDataSource {

		@Bean
		static BeanPostProcessor freezableDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof DataSource dataSource)) {
						return bean;
					}
					return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
							(proxy, method, args) -> {
								if (method.getName().equals("getConnection")) {
									Freeze.blockIfArmed();
								}
								try {
									return method.invoke(dataSource, args);
								}
								catch (java.lang.reflect.InvocationTargetException ex) {
									throw ex.getCause();
								}
							});
				}
			};
		}

	}

	@Test
	void shouldStoreEveryRecordOnceAndCommitToTheEndAfterAFrozenInstanceLosesItsPartitions() throws Exception {
		String suffix = TestInfrastructure.uniqueName("f");
		TestDatabase database = TestInfrastructure.newDatabaseWithRoles("db" + suffix);
		String events = "apbd.goods" + suffix;
		String group = "goods-takeover" + suffix;
		String brokers = TestInfrastructure.kafka().getBrokersAsString();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
			admin.createTopics(List.of(new NewTopic(events, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		Map<String, Object> properties = new HashMap<>(database.properties());
		properties.put("spring.application.name", group);
		properties.put("server.port", "0");
		properties.put("spring.kafka.bootstrap-servers", brokers);
		properties.put("spring.kafka.consumer.properties.max.poll.interval.ms", "6000");
		properties.put("spring.kafka.consumer.max-poll-records", "20");
		properties.put("apbd.ingest.topic", events);
		properties.put("apbd.ingest.budget-topic", "apbd.budget" + suffix);
		properties.put("apbd.ingest.retry-initial-interval", "200ms");
		properties.put("apbd.ingest.retry-max-interval", "1s");
		properties.put("apbd.ingest.stall.check-interval", "500ms");
		// joins, assignments and revocations of both instances, for the record of a failure
		properties.put("logging.level.org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "INFO");
		properties.put("apbd.clock.mode", "fixed");
		properties.put("apbd.clock.start-date", "2026-02-28");

		Map<String, BigDecimal> expected = new HashMap<>();
		int sent = 0;
		try (KafkaTestClient kafka = new KafkaTestClient(brokers);
				ConfigurableApplicationContext frozen = start(properties, true);
				ConfigurableApplicationContext other = start(properties, false)) {
			for (int round = 1; round <= ROUNDS; round++) {
				Freeze.arm();
				// until the frozen instance gets a batch: right after rejoining it may own no partition yet
				int attempt = 0;
				do {
					sent += send(kafka, events, round, "before" + (++attempt), expected);
				}
				while (!Freeze.entered.await(20, TimeUnit.SECONDS) && attempt < 4);
				assertThat(Freeze.entered.getCount())
					.as("round %d: the instance froze; group: %s", round, describe(brokers, group)).isZero();
				// past max.poll.interval.ms the other instance takes every partition and stores everything
				sent += send(kafka, events, round, "during", expected);
				int storedSoFar = sent;
				await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(ledgerRows(database)).isEqualTo(storedSoFar));
				Freeze.released.countDown();
				sent += send(kafka, events, round, "after", expected);
				int total = sent;
				await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
					assertThat(ledgerRows(database)).isEqualTo(total);
					assertThat(committedLag(brokers, group, events)).as("records after the committed offsets")
						.isZero();
				});
			}
			assertThat(ledgerRows(database)).isEqualTo(sent);
			assertThat(distinctEvents(database)).isEqualTo(sent);
			assertThat(sums(database)).isEqualTo(expected);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				for (ConfigurableApplicationContext instance : List.of(frozen, other)) {
					assertThat(instance.getBean(id.apbdmonitor.core.ingest.stall.IngestProgressMonitor.class).lags())
						.containsEntry(events, 0L);
				}
			});
		}
		finally {
			Freeze.released.countDown();
		}
	}

	/** One event per OPD (twelve keys over three partitions), amounts that differ per round and phase. */
	private static int send(KafkaTestClient kafka, String topic, int round, String phase, Map<String, BigDecimal> expected) {
		int phaseIndex = phase.hashCode() & 0x7;
		for (int i = 0; i < OPDS.size(); i++) {
			String opd = OPDS.get(i);
			BigDecimal amount = new BigDecimal(round * 1000 + phaseIndex * 100 + i + ".25");
			kafka.send(topic, key(opd), realisedEvent("R-" + round + "-" + phase + "-" + opd, opd, ACCOUNT,
					amount.toPlainString(), "2026-02-" + (10 + round)));
			expected.merge(opd, amount, BigDecimal::add);
		}
		return OPDS.size();
	}

	private static long committedLag(String brokers, String group, String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (int partition = 0; partition < 3; partition++) {
				latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
			}
			long lag = 0;
			for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
				OffsetAndMetadata offset = committed.get(end.getKey());
				lag += end.getValue().offset() - ((offset != null) ? offset.offset() : 0);
			}
			return lag;
		}
	}

	private static String describe(String brokers, String group) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
			return admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).toString();
		}
	}

	private static int ledgerRows(TestDatabase database) throws Exception {
		return count(database, "select count(*) from goods_spending.spending_ledger");
	}

	private static int distinctEvents(TestDatabase database) throws Exception {
		return count(database, "select count(distinct event_id) from goods_spending.spending_ledger");
	}

	private static int count(TestDatabase database, String sql) throws Exception {
		try (Connection connection = database.connectAsOwner(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static Map<String, BigDecimal> sums(TestDatabase database) throws Exception {
		Map<String, BigDecimal> sums = new HashMap<>();
		try (Connection connection = database.connectAsOwner(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select opd, sum(amount) from goods_spending.spending_ledger group by opd")) {
			while (rows.next()) {
				sums.put(rows.getString(1), rows.getBigDecimal(2));
			}
		}
		return sums;
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties, boolean freezable) {
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		List<Class<?>> sources = new ArrayList<>(List.of(GoodsSpendingApplication.class));
		if (freezable) {
			sources.add(FreezableDataSource.class);
		}
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(args);
	}

}
