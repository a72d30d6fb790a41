package id.apbdmonitor.core.ingest;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.ingest.*}: the service's event topic, the shared budget topic, topic layout for
 * creation at start-up, the back-off of transient failures and the largest accepted amount.
 * <p>
 * One consumer by default, in every service: its writer stores a poll while the consumer
 * parses the next ({@link WriteBehind}), which keeps two cores busy. Three consumers drained as
 * fast on the 2 shared cores of the benchmark, with a fifth more CPU an event and 40 MB more
 * memory (issue 11); raise {@code concurrency} up to the topic's partitions where there are
 * more cores.
 */
@ConfigurationProperties("apbd.ingest")
public record IngestProperties(String topic, @DefaultValue("apbd.budget.v1") String budgetTopic,
		@DefaultValue("3") int partitions, @DefaultValue("1") short replicas, @DefaultValue("1") int concurrency,
		@DefaultValue("1s") Duration retryInitialInterval, @DefaultValue("1m") Duration retryMaxInterval,
		@DefaultValue("100000000000000.00") BigDecimal maxAmount) {

	public static String deadLetterTopic(String topic) {
		return topic + "-dlt";
	}

}
