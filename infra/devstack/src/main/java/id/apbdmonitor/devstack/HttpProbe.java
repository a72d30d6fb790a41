package id.apbdmonitor.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small HTTP reads of the children's actuator endpoints; any failure is "not yet". */
final class HttpProbe {

	private static final Pattern STRING_VALUE = Pattern.compile("\\s*:\\s*\"([A-Z_]+)\"");

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
		return get(baseUrl + "/actuator/health").filter(HttpProbe::isUpDocument).isPresent();
	}

	/**
	 * Whether the aggregate (top-level) {@code status} of a Boot health document is UP. Key order
	 * is not fixed ({@code {"groups":[…],"status":"UP"}}) and components have a status of their
	 * own, so the key is looked for at nesting depth one only.
	 */
	static boolean isUpDocument(String body) {
		int depth = 0;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c == '"') {
				int end = endOfString(body, i);
				if (depth == 1 && body.startsWith("\"status\"", i)) {
					Matcher value = STRING_VALUE.matcher(body).region(end + 1, body.length());
					if (value.lookingAt()) {
						return value.group(1).equals("UP");
					}
				}
				i = end;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if (c == '}' || c == ']') {
				depth--;
			}
		}
		return false;
	}

	/** Index of the quote closing the string that opens at {@code start}. */
	private static int endOfString(String text, int start) {
		for (int i = start + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				return i;
			}
		}
		return text.length() - 1;
	}

}
