package id.apbdmonitor.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailbox page on free ports: the links of an alert mail open, the runbook from docs/ and a
 * dashboard link (no Grafana in the devstack) as a page that says so and links each panel's
 * query to Prometheus.
 */
class MailServerTests {

	private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void shouldOpenTheRunbookAndSayThatGrafanaIsNotInTheDevstack() throws Exception {
		int httpPort = freePort();
		try (MailServer mail = MailServer.start(freePort(), httpPort, REPO, ZoneId.of("Asia/Makassar"))) {
			HttpResponse<String> runbook = get(httpPort, "/docs/runbook.md");
			assertThat(runbook.statusCode()).isEqualTo(200);
			assertThat(runbook.body()).contains("## ApbdOpdBehindCashPlan");

			HttpResponse<String> dashboard = get(httpPort, "/grafana/d/apbd-city-overview");
			assertThat(dashboard.statusCode()).isEqualTo(200);
			assertThat(dashboard.body()).contains("Grafana tidak termasuk devstack")
				.contains("<h1>APBD: ringkasan kota (city overview)</h1>")
				.contains("href=\"http://localhost:9090/classic/alerts\"")
				// pemda:apbd_absorption:ratio{pemda=~".+"}, URL-encoded by hand
				.contains("href=\"http://localhost:9090/classic/graph?g0.tab=1&amp;g0.expr="
						+ "pemda%3Aapbd_absorption%3Aratio%7Bpemda%3D%7E%22.%2B%22%7D\"");

			assertThat(get(httpPort, "/grafana/d/no-such-dashboard").statusCode()).isEqualTo(404);
			assertThat(get(httpPort, "/grafana/d/..%2F..%2Fpom").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void shouldMatchEveryValueOfADashboardVariable() {
		assertThat(DashboardPage.anyValue("sum by (pemda) (x{pemda=\"$pemda\",opd=\"${opd}\"}[$__range])"))
			.isEqualTo("sum by (pemda) (x{pemda=~\".+\",opd=~\".+\"}[1d])");
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
