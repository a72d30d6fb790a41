package id.apbdmonitor.core.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of {@code /actuator/prometheus} in the text format, parsed into samples, so tests
 * check what Prometheus would really see.
 */
public final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final List<Sample> samples;

	private final Map<String, String> types;

	private PrometheusScrape(List<Sample> samples, Map<String, String> types) {
		this.samples = samples;
		this.types = types;
	}

	public static PrometheusScrape of(String baseUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
			.header("Accept", "text/plain; version=0.0.4")
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("scrape of " + baseUrl + " answered " + response.statusCode());
			}
			return parse(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not scrape " + baseUrl, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static PrometheusScrape parse(String text) {
		List<Sample> samples = new ArrayList<>();
		Map<String, String> types = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			if (line.startsWith("# TYPE ")) {
				String[] parts = line.split(" ");
				types.put(parts[2], parts[3]);
			}
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher matcher = SAMPLE.matcher(line.trim());
			if (!matcher.matches()) {
				throw new IllegalArgumentException("not a sample line: " + line);
			}
			Map<String, String> labels = new TreeMap<>();
			if (matcher.group(3) != null) {
				Matcher label = LABEL.matcher(matcher.group(3));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(4))));
		}
		return new PrometheusScrape(samples, types);
	}

	public List<Sample> samples() {
		return this.samples;
	}

	/** Metric family name to type (gauge, counter, histogram …). */
	public Map<String, String> types() {
		return this.types;
	}

	public List<Sample> named(String name) {
		return this.samples.stream().filter(sample -> sample.name().equals(name)).toList();
	}

	/** The value of the one sample with this name whose labels include all of {@code labels}. */
	public double value(String name, Map<String, String> labels) {
		List<Sample> matching = named(name).stream()
			.filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.toList();
		if (matching.size() != 1) {
			// an assertion, not a state error: Awaitility retries it until the series appears
			throw new AssertionError(matching.size() + " samples of " + name + " match " + labels);
		}
		return matching.get(0).value();
	}

	/**
	 * The value of a sparse series, exported only while there is something to say (a rule breached,
	 * a stage stored): that of the one matching sample, 0 when none matches.
	 */
	public double valueOrZero(String name, Map<String, String> labels) {
		long matching = named(name).stream()
			.filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.count();
		return (matching == 0) ? 0 : value(name, labels);
	}

	/** One sample: name, labels, value. */
	public record Sample(String name, Map<String, String> labels, double value) {
	}

}
