package id.apbdmonitor.brief.prometheus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of Prometheus' HTTP API the brief uses: {@code /api/v1/query} at a given time (a brief
 * for a past date is the same query at that date's instant) and {@code /api/v1/query_range}.
 */
public class PrometheusClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI base;

	private final HttpClient http;

	public PrometheusClient(URI base) {
		this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
	}

	public URI base() {
		return this.base;
	}

	/** Whether Prometheus answers at all. */
	public boolean reachable() {
		try {
			get("api/v1/status/buildinfo");
			return true;
		}
		catch (PrometheusUnavailableException | IllegalStateException ex) {
			return false;
		}
	}

	/** The instant vector of {@code expr} evaluated at {@code time}; empty when it has no series. */
	public List<Sample> query(String expr, Instant time) {
		JsonNode data = get("api/v1/query?query=" + encode(expr) + "&time=" + seconds(time));
		List<Sample> samples = new ArrayList<>();
		String type = data.path("resultType").asString();
		if ("scalar".equals(type)) {
			samples.add(new Sample(Map.of(), number(data.path("result").get(1))));
			return samples;
		}
		for (JsonNode series : data.path("result")) {
			samples.add(new Sample(labels(series.path("metric")), number(series.path("value").get(1))));
		}
		return samples;
	}

	/**
	 * When each group of recording rules last began an evaluation: a figure is whole once every
	 * group has been evaluated since the data it reads arrived.
	 */
	public List<Instant> recordingRuleEvaluations() {
		List<Instant> evaluations = new ArrayList<>();
		for (JsonNode group : get("api/v1/rules?type=record").path("groups")) {
			evaluations.add(Instant.parse(group.path("lastEvaluation").asString()));
		}
		return evaluations;
	}

	public List<Series> queryRange(String expr, Instant start, Instant end, Duration step) {
		JsonNode data = get("api/v1/query_range?query=" + encode(expr) + "&start=" + seconds(start) + "&end="
				+ seconds(end) + "&step=" + Math.max(1, step.toSeconds()));
		List<Series> result = new ArrayList<>();
		for (JsonNode series : data.path("result")) {
			List<Series.Point> points = new ArrayList<>();
			for (JsonNode value : series.path("values")) {
				points.add(new Series.Point(Instant.ofEpochMilli(Math.round(value.get(0).asDouble() * 1000)),
						number(value.get(1))));
			}
			result.add(new Series(labels(series.path("metric")), points));
		}
		return result;
	}

	private JsonNode get(String pathAndQuery) {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve(pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new PrometheusUnavailableException("Prometheus at " + this.base + " cannot be reached: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PrometheusUnavailableException("interrupted while asking Prometheus", ex);
		}
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Prometheus answered " + response.statusCode() + " without JSON: "
					+ response.body(), ex);
		}
		if (!"success".equals(body.path("status").asString())) {
			throw new IllegalStateException("Prometheus rejected " + pathAndQuery + ": " + body.path("error").asString());
		}
		return body.path("data");
	}

	private static Map<String, String> labels(JsonNode metric) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : metric.properties()) {
			labels.put(entry.getKey(), entry.getValue().asString());
		}
		return labels;
	}

	/** Prometheus writes values as strings, infinities as {@code +Inf}/{@code -Inf}. */
	private static double number(JsonNode value) {
		String text = value.asString();
		return switch (text) {
			case "+Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(text);
		};
	}

	private static String seconds(Instant time) {
		return time.getEpochSecond() + "." + String.format("%03d", time.getNano() / 1_000_000);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
