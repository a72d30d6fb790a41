package id.apbdmonitor.brief;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.apbdmonitor.brief.prometheus.PrometheusClient;
import id.apbdmonitor.brief.prometheus.Sample;
import id.apbdmonitor.brief.render.PageImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brief of {@link Scenario} from a real Prometheus that evaluates the repository's rules:
 * its figures (read back from the PDF) equal Prometheus' query results and the values worked out
 * by hand; the bottom five and their reasons are the scenario's; the HTML renders in Chromium
 * without a console error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "apbd.brief.metrics-urls=" })
class RakorBriefIntegrationTests {

	private static Path directory;

	private static ScrapedPrometheus prometheus;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startPrometheus() throws IOException {
		directory = Files.createTempDirectory("rakor-brief-prometheus");
		// one rule of each group the brief reads, so that every group has been evaluated
		prometheus = ScrapedPrometheus.start(directory, Scenario.metrics(), "capital-spending",
				List.of("pemda:apbd_absorption:ratio", "project:apbd_project_time_to_planned_end_seconds:diff",
						"pemda:apbd_tpp_months_late:sum", "pemda:apbd_pad_attainment:ratio"));
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

	@Test
	void thePdfShowsTheFiguresPrometheusGivesForTheDate() throws Exception {
		String text = pdfText("/brief.pdf?date=2026-06-10");
		PrometheusClient client = new PrometheusClient(prometheus.url());

		assertThat(text).contains("Bahan Rakor Pimpinan Kota Bima").contains("Tanggal rakor: 10 Juni 2026 · data per tanggal bisnis 10 Juni 2026 (Prometheus,")
			.contains("WITA").doesNotContain("UTC");
		// 1. whole APBD: 3 835 of 20 040 juta = 19,14 %; cash plan 7 900 of 20 040 = 39,42 %
		String apbd = priority(text, "1. Penyerapan seluruh APBD", "2. Uang Persediaan");
		assertThat(figure(apbd, "Capaian")).isEqualTo("19,1%").isEqualTo(percent(client, "pemda:apbd_absorption:ratio"));
		assertThat(figure(apbd, "Target s.d. tanggal ini")).isEqualTo("39,4%")
			.isEqualTo(percent(client, "pemda:apbd_planned_absorption:ratio"));
		assertThat(apbd).contains("realisasi Rp 3,84 miliar dari pagu Rp 20 miliar")
			.contains("Perubahan sejak 3 Juni 2026 belum tersedia");
		// 2. UP: DKP breaches gu_overdue; Rp 50 + 10 juta outstanding
		String up = priority(text, "2. Uang Persediaan", "3. Tambahan Penghasilan");
		assertThat(up).contains("Capaian 1 OPD melanggar aturan UP").contains("UP beredar Rp 60 juta");
		// 3. TPP: 60 of 240 juta = 25 %; cash plan 100 of 240 = 41,67 %; KETAPANG 2 months late
		String tpp = priority(text, "3. Tambahan Penghasilan Pegawai (TPP)", "4. Belanja barang");
		assertThat(figure(tpp, "Capaian")).isEqualTo("25,0%")
			.isEqualTo(percent(client, "category:apbd_absorption:ratio{category=\"tpp\"}"));
		assertThat(figure(tpp, "Target s.d. tanggal ini")).isEqualTo("41,7%");
		assertThat(tpp).contains("2 bulan-OPD terlambat");
		// 4. goods and services: 3 175 of 9 800 juta = 32,40 %; cash plan 4 800 of 9 800 = 48,98 %
		String goods = priority(text, "4. Belanja barang dan jasa", "5. Belanja modal");
		assertThat(figure(goods, "Capaian")).isEqualTo("32,4%").isEqualTo(percent(client,
				"sum(category:apbd_realised_rupiah:sum{category=\"goods\"}) / sum(category:apbd_pagu_rupiah:sum{category=\"goods\"})"));
		assertThat(figure(goods, "Target s.d. tanggal ini")).isEqualTo("49,0%");
		// 5. capital: 600 of 10 000 juta; contracts 2 of 10 miliar; Rp 1,19 miliar handed over unpaid
		String capital = priority(text, "5. Belanja modal", "6. Pendapatan Asli Daerah");
		assertThat(figure(capital, "Capaian")).isEqualTo("6,0%")
			.isEqualTo(percent(client, "category:apbd_absorption:ratio{category=\"capital\"}"));
		assertThat(figure(capital, "Target s.d. tanggal ini")).isEqualTo("30,0%");
		assertThat(capital).contains("kontrak 20,0% dari pagu; diserahterimakan belum dibayar Rp 1,19 miliar");
		// 6. PAD: 396 of 1 100 juta = 36 %; the seasonal profile expects 440 of 1 100 = 40 %
		String pad = priority(text, "6. Pendapatan Asli Daerah (PAD)", "7. Program kota layak huni");
		assertThat(figure(pad, "Capaian")).isEqualTo("36,0%").isEqualTo(percent(client, "pemda:apbd_pad_attainment:ratio"));
		assertThat(figure(pad, "Target s.d. tanggal ini")).isEqualTo("40,0%");
		assertThat(pad).contains("diterima Rp 396 juta dari target Rp 1,1 miliar");
		// 7. livable city: livable-parks 45 % built, 200 of 800 juta paid
		String livable = priority(text, "7. Program kota layak huni", "Kurva penyerapan");
		assertThat(livable).contains("Capaian fisik 45,0%").contains("keuangan 25,0%");
		assertThat("fisik " + percent(client, "pemda:apbd_livable_project_physical_progress:ratio"))
			.isEqualTo("fisik 45,0%");
		// every projection: what Prometheus has (the projection rules), else "belum tersedia"
		List<Sample> projected = client.query("pemda:apbd_projected_absorption:ratio", Instant.now());
		assertThat(figure(apbd, "Proyeksi akhir tahun"))
			.isEqualTo(projected.isEmpty() ? "belum" : percent(client, "pemda:apbd_projected_absorption:ratio"));

		// the projects by name: 31 March to 10 June is 71 days; 10 June to 30 September 112 days
		assertThat(between(text, "Program banjir", "Program kota layak huni Proyek"))
			.contains("60,0% 40,0% Rp 1 miliar 31 Maret 2026 lewat 71 hari");
		assertThat(between(text, "Kota layak huni:", "Halaman"))
			.contains("45,0% 25,0% Rp 800 juta 30 September 2026 112 hari lagi");
	}

	@Test
	void theBottomFiveAreTheScenariosLaggingOpdsWithTheirReasons() throws Exception {
		String text = pdfText("/brief.pdf?date=2026-06-10");
		String bottom = between(text, "5 OPD terbawah dan penyebabnya", "Peringkat OPD: realisasi");

		List<String> named = new ArrayList<>();
		Matcher heading = Pattern.compile("Peringkat (\\d+): [^(]+ \\(([A-Z-]+)\\)").matcher(bottom);
		while (heading.find()) {
			named.add(heading.group(1) + " " + heading.group(2));
		}
		// eight OPDs ranked, the worst last: ranks 8..4
		assertThat(named).containsExactly("8 PUPR", "7 DISHUB", "6 DKP", "5 KETAPANG", "4 BAPPEDA");

		assertThat(between(bottom, "(PUPR)", "(DISHUB)")).contains("Realisasi 40,0% dari anggaran kas belanja barang dan jasa (Rp 800 juta dari Rp 2 miliar)")
			.contains("kontrak belanja modal baru 20,0% dari pagu modal (Rp 2 miliar dari Rp 10 miliar)")
			.contains("pekerjaan sudah diserahterimakan belum dibayar Rp 1,19 miliar")
			.doesNotContain("TPP").doesNotContain("UP:").doesNotContain("PAD");
		assertThat(between(bottom, "(DISHUB)", "(DKP)")).contains("Realisasi 50,0%")
			.contains("PAD retribusi baru 40,0% dari target musiman")
			.doesNotContain("TPP").doesNotContain("UP:").doesNotContain("kontrak");
		assertThat(between(bottom, "(DKP)", "(KETAPANG)")).contains("Realisasi 60,0%")
			.contains("UP: UP belum dipertanggungjawabkan (GU terlambat); UP beredar Rp 50 juta")
			.doesNotContain("TPP").doesNotContain("PAD").doesNotContain("kontrak");
		assertThat(between(bottom, "(KETAPANG)", "(BAPPEDA)")).contains("Realisasi 70,0%")
			.contains("TPP terlambat 2 bulan")
			.doesNotContain("UP:").doesNotContain("PAD").doesNotContain("kontrak");
		assertThat(bottom.substring(bottom.indexOf("(BAPPEDA)"))).contains("Realisasi 80,0%")
			.contains("data tidak menunjukkan penyebab lain");
		// OPDs on plan are in the league, not among the bottom five
		assertThat(bottom).doesNotContain("DINKES").doesNotContain("RSUD").doesNotContain("DIKPORA");
		assertThat(text).contains("1 Dinas Kesehatan (DINKES) 100,0%");
	}

	@Test
	void theHtmlRendersInChromiumWithoutErrors() {
		Path chromium = LocalTools.require("chromium", "chromium");
		Path chromedriver = LocalTools.require("chromedriver", "chromium-driver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--window-size=1280,2000");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		try {
			browser.get("http://127.0.0.1:" + this.port + "/brief?date=2026-06-10");
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bahan Rakor Pimpinan Kota Bima");
			assertThat(browser.findElements(By.tagName("h2")).stream().map(WebElement::getText).toList()).containsExactly(
					"Tujuh prioritas", "Kurva penyerapan APBD terhadap anggaran kas", "5 OPD terbawah dan penyebabnya",
					"Peringkat OPD: realisasi terhadap anggaran kas", "Proyek luncuran dan prioritas",
					"Program kota layak huni");
			assertThat(browser.findElements(By.cssSelector(".priority h3"))).hasSize(7);
			// both charts decoded by the browser
			Object chartWidths = ((JavascriptExecutor) browser)
				.executeScript("return Array.from(document.querySelectorAll('img.chart')).map(i => i.naturalWidth)");
			assertThat((List<?>) chartWidths).hasSize(2).allSatisfy((width) -> assertThat((Long) width).isEqualTo(900L));
			List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
			assertThat(entries).as("browser console").filteredOn((entry) -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
				.isEmpty();
		}
		finally {
			browser.quit();
		}
	}

	private String pdfText(String path) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		Files.write(directory.resolve("brief.pdf"), response.body());
		// -Drakor.brief.png=<path>: the README's picture, page 1 of this brief (README "rakor brief")
		String png = System.getProperty("rakor.brief.png", "");
		if (!png.isBlank()) {
			PageImage.write(response.body(), Path.of(png));
		}
		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			// one line of words: a reason that wraps in the PDF reads as one sentence
			return stripper.getText(pdf).replaceAll("\\s+", " ");
		}
	}

	private static String priority(String text, String title, String next) {
		return between(text, title, next);
	}

	private static String between(String text, String from, String to) {
		int start = text.indexOf(from);
		assertThat(start).as("'%s' in %s", from, text).isNotNegative();
		int end = text.indexOf(to, start + from.length());
		assertThat(end).as("'%s' after '%s' in %s", to, from, text).isPositive();
		return text.substring(start, end);
	}

	/** The first word after a label, e.g. {@code Capaian 19,1%}. */
	private static String figure(String block, String label) {
		Matcher matcher = Pattern.compile(Pattern.quote(label) + " (\\S+)").matcher(block);
		assertThat(matcher.find()).as("'%s' in %s", label, block).isTrue();
		return matcher.group(1);
	}

	/** Prometheus' own result, written as the test expects a percentage: one decimal, comma. */
	private static String percent(PrometheusClient client, String expr) {
		List<Sample> samples = client.query(expr, Instant.now());
		assertThat(samples).as(expr).hasSize(1);
		return String.format(Locale.ROOT, "%.1f", samples.get(0).value() * 100).replace('.', ',') + "%";
	}


}
