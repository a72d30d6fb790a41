package id.apbdmonitor.brief;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import id.apbdmonitor.brief.prometheus.PrometheusClient;
import id.apbdmonitor.brief.prometheus.Sample;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A brief for a past date, as in the devstack whose simulated year runs in minutes: the business
 * date advances by one day every three scrapes, and DINKES has realised 10 juta and planned 12
 * juta per elapsed day of a Rp 1 miliar pagu. The brief of 11 January (day 10) must show 10,0 %
 * against a plan of 12,0 %, and +7,0 points since the brief of 4 January (day 3). The date stops
 * at 21 January (day 20), as the simulated clock stops at 31 December; then the service stops, and
 * the brief without a date is that of its last report: 20,0 % against 24,0 %.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "apbd.brief.metrics-urls=" })
class BriefHistoryIntegrationTests {

	private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);

	private static final int LAST_DAY = 20;

	private static final AtomicInteger scrapes = new AtomicInteger();

	private static ScrapedPrometheus prometheus;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startPrometheus() throws IOException {
		Path directory = Files.createTempDirectory("rakor-brief-history");
		prometheus = ScrapedPrometheus.start(directory, BriefHistoryIntegrationTests::page, "goods-spending",
				List.of("pemda:apbd_absorption:ratio"));
		PrometheusClient client = new PrometheusClient(prometheus.url());
		long lastDay = NEW_YEAR.plusDays(LAST_DAY).atStartOfDay(Scenario.WITA).toEpochSecond();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			List<Sample> date = client.query("max(apbd_business_date_timestamp_seconds)", Instant.now());
			return !date.isEmpty() && date.get(0).value() >= lastDay;
		});
	}

	@AfterAll
	static void stopPrometheus() throws InterruptedException {
		if (prometheus != null) {
			prometheus.close();
		}
	}

	@DynamicPropertySource
	static void prometheusUrl(DynamicPropertyRegistry registry) {
		registry.add("apbd.brief.prometheus-url", () -> prometheus.url().toString());
	}

	/** Day n (n = scrapes ÷ 3) is 1 January + n: realised n × 10 juta, cash plan n × 12 juta. */
	private static String page() {
		int day = Math.min(LAST_DAY, scrapes.getAndIncrement() / 3);
		long date = NEW_YEAR.plusDays(day).atStartOfDay(Scenario.WITA).toEpochSecond();
		return """
				apbd_business_date_timestamp_seconds{pemda="52.72"} %d
				apbd_pagu_rupiah{pemda="52.72",opd="DINKES",category="goods"} 1000000000
				apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="DINKES",category="goods"} %d
				apbd_realised_rupiah{pemda="52.72",opd="DINKES",category="goods"} %d
				""".formatted(date, day * 12_000_000L, day * 10_000_000L);
	}

	@Test
	void theBriefOfAPastDateShowsThatDateAndTheChangeSinceTheWeekBefore() throws Exception {
		String text = pdfText("/brief.pdf?date=2026-01-11");

		assertThat(text).contains("Tanggal rakor: 11 Januari 2026 · data per tanggal bisnis 11 Januari 2026");
		assertThat(text).contains("1. Penyerapan seluruh APBD Capaian 10,0% Target s.d. tanggal ini 12,0% "
				+ "Perubahan sejak 4 Januari 2026 +7,0 poin");
		assertThat(text).doesNotContain("Perubahan sejak rakor sebelumnya (4 Januari 2026) belum tersedia");

		String html = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/brief?date=2026-01-11")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		// the absorption curve from 1 January and the league: two charts
		assertThat(html.split("src=\"data:image/png;base64,", -1)).hasSize(3);

		// the service stops: its series go stale, the history stays readable
		prometheus.stopPage();
		PrometheusClient client = new PrometheusClient(prometheus.url());
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
			.until(() -> client.query("max(apbd_business_date_timestamp_seconds)", Instant.now()).isEmpty());
		assertThat(pdfText("/brief.pdf?date=2026-01-11"))
			.contains("Tanggal rakor: 11 Januari 2026 · data per tanggal bisnis 11 Januari 2026")
			.contains("Capaian 10,0% Target s.d. tanggal ini 12,0% Perubahan sejak 4 Januari 2026 +7,0 poin");
		// without a date: the last date reported
		assertThat(pdfText("/brief.pdf")).contains("Tanggal rakor: 21 Januari 2026 · data per tanggal bisnis 21 Januari 2026")
			.contains("Capaian 20,0% Target s.d. tanggal ini 24,0% Perubahan sejak 14 Januari 2026 +7,0 poin");
	}

	private String pdfText(String path) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			return stripper.getText(pdf).replaceAll("\\s+", " ");
		}
	}

}
