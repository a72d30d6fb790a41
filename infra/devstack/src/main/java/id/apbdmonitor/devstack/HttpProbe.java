package id.apbdmonitor.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** Small HTTP reads of the children's actuator endpoints; any failure is "not yet". */
final class HttpProbe {

	/** Boot's health document starts with the aggregate status: {"status":"UP",...}. */
	private static final Pattern UP = Pattern.compile("^\\s*\\{\\s*\"status\"\\s*:\\s*\"UP\"");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	Optional<String> get(String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? Optional.of(response.body()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	boolean isUp(String baseUrl) {
		return get(baseUrl + "/actuator/health").filter((body) -> UP.matcher(body).find()).isPresent();
	}

	static boolean isUpDocument(String body) {
		return UP.matcher(body).find();
	}

}
