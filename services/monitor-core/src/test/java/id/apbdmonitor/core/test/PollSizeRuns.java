package id.apbdmonitor.core.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runs of a batching property test (see GoodsBatchingPropertyIntegrationTests): one stream,
 * already produced to a service's event topic, read by the service with
 * {@code max.poll.records} 500, 1 and 7, each into its own database, and once more by a new
 * consumer group into the first database (a full replay). Each instance is observed once it has
 * counted every record; the dead letters of all are read afterwards.
 */
public final class PollSizeRuns {

	/** The instance names, in the order they run; the last is the replay into the first's database. */
	public static final List<String> INSTANCES = List.of("p500", "p1", "p7", "replay");

	private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]*)\"");

	private PollSizeRuns() {
	}

	/**
	 * Starts each instance in turn on {@code base}'s topics, waits until it counted {@code records}
	 * outcomes of the event topic, and returns what {@code observe} read of it, by instance name
	 * ({@code <prefix>-p500}, …).
	 */
	public static <T> Map<String, T> run(Class<?> application, Map<String, Object> base, String prefix, long records,
			String seedNote, BiFunction<ConfigurableApplicationContext, String, T> observe) {
		Map<String, Object> p500 = TestService.another(base, prefix + "-p500");
		p500.put("spring.kafka.consumer.max-poll-records", "500");
		Map<String, Object> p1 = TestService.another(base, prefix + "-p1");
		p1.put("spring.kafka.consumer.max-poll-records", "1");
		Map<String, Object> p7 = TestService.another(base, prefix + "-p7");
		p7.put("spring.kafka.consumer.max-poll-records", "7");
		Map<String, Object> replay = new HashMap<>(p500);
		replay.put("spring.application.name", prefix + "-replay");
		String events = TestService.events(base);
		Map<String, T> observed = new LinkedHashMap<>();
		for (Map<String, Object> properties : List.of(p500, p1, p7, replay)) {
			try (ConfigurableApplicationContext service = TestService.start(application, properties)) {
				// a bound for a loaded machine, not a timing: max.poll.records 1 commits and refreshes per record
				await().atMost(Duration.ofMinutes(10))
					.untilAsserted(() -> assertThat(
							outcomes(TestService.scrape(service), events).values().stream().mapToLong(Long::longValue).sum())
						.as(seedNote)
						.isEqualTo(records));
				String name = (String) properties.get("spring.application.name");
				observed.put(name.substring(prefix.length() + 1), observe.apply(service, name));
			}
		}
		return observed;
	}

	/** {@code apbd_ingest_events_total} of a topic by outcome. */
	public static Map<String, Long> outcomes(PrometheusScrape scrape, String topic) {
		Map<String, Long> outcomes = new TreeMap<>();
		for (PrometheusScrape.Sample sample : scrape.named("apbd_ingest_events_total")) {
			if (topic.equals(sample.labels().get("topic"))) {
				outcomes.put(sample.labels().get("outcome"), (long) sample.value());
			}
		}
		return outcomes;
	}

	/** (eventId or the malformed value) and reason of each dead letter one consumer published, sorted. */
	public static List<String> deadLetters(List<KafkaTestClient.DeadLetter> dead, String consumer) {
		List<String> letters = new ArrayList<>();
		for (KafkaTestClient.DeadLetter letter : dead) {
			if (consumer.equals(letter.headers().get("apbd-consumer"))) {
				letters.add(idOf(letter.value()) + " " + letter.reason());
			}
		}
		Collections.sort(letters);
		return letters;
	}

	/** The eventId of a JSON value, or the value itself when it has none. */
	public static String idOf(String value) {
		Matcher matcher = EVENT_ID.matcher(value);
		return matcher.find() ? matcher.group(1) : value;
	}

	/** Every sample of the named gauges as name{labels} → value. */
	public static Map<String, Double> gauges(PrometheusScrape scrape, List<String> names) {
		return gauges(scrape, sample -> names.contains(sample.name()));
	}

	/** Every sample {@code which} selects as name{labels} → value. */
	public static Map<String, Double> gauges(PrometheusScrape scrape, Predicate<PrometheusScrape.Sample> which) {
		Map<String, Double> gauges = new TreeMap<>();
		for (PrometheusScrape.Sample sample : scrape.samples()) {
			if (which.test(sample)) {
				gauges.put(sample.name() + new TreeMap<>(sample.labels()), sample.value());
			}
		}
		return gauges;
	}

}
