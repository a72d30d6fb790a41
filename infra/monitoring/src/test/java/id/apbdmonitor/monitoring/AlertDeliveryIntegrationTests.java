package id.apbdmonitor.monitoring;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert on a lagging OPD, from a scraped gauge to an e-mail: a real Prometheus (Debian's 2.42)
 * evaluates the repository's rules on a page of gauges, a real Alertmanager (0.25) routes with the
 * repository's generated configuration and templates, and a real SMTP server (GreenMail) receives
 * the mails. PUPR has realised Rp 47,8 juta of a cash plan to date of Rp 119 juta (40.17 %, below
 * 50 %: critical, so office hours do not hold it back); DINKES is on plan (Rp 700 juta of Rp 700
 * juta, 70 % of its pagu: above every quarter's target in force).
 * <p>
 * The second test does the same for two more regions with the configuration generated from their
 * region files. Only the rules' {@code for:} durations are shortened to 1 s (a production 14 days cannot pass
 * in a test); ports are free ones, so this test never collides with a running devstack.
 */
class AlertDeliveryIntegrationTests {

	private static final String PUPR_NAME = "Dinas Pekerjaan Umum dan Penataan Ruang";

	/** What goods-spending would export: the OPD names of the region file and the goods figures. */
	private static final String METRICS = """
			# TYPE apbd_opd_info gauge
			apbd_opd_info{pemda="52.72",opd="PUPR",opd_name="Dinas Pekerjaan Umum dan Penataan Ruang"} 1
			apbd_opd_info{pemda="52.72",opd="DINKES",opd_name="Dinas Kesehatan"} 1
			# TYPE apbd_region_info gauge
			apbd_region_info{pemda="52.72",region_name="Kota Bima",province="Nusa Tenggara Barat",zone="WITA"} 1
			# TYPE apbd_pagu_rupiah gauge
			apbd_pagu_rupiah{pemda="52.72",opd="PUPR",category="goods"} 1190000000
			apbd_pagu_rupiah{pemda="52.72",opd="DINKES",category="goods"} 1000000000
			# TYPE apbd_cash_plan_to_date_rupiah gauge
			apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="PUPR",category="goods"} 119000000
			apbd_cash_plan_to_date_rupiah{pemda="52.72",opd="DINKES",category="goods"} 700000000
			# TYPE apbd_realised_rupiah gauge
			apbd_realised_rupiah{pemda="52.72",opd="PUPR",category="goods"} 47800000
			apbd_realised_rupiah{pemda="52.72",opd="DINKES",category="goods"} 700000000
			# TYPE apbd_business_date_timestamp_seconds gauge
			apbd_business_date_timestamp_seconds{pemda="52.72"} %d
			""";

	@TempDir
	Path temp;

	private final List<Process> processes = new ArrayList<>();

	private GreenMail mail;

	private HttpServer metrics;

	@AfterEach
	void stopEverything() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroy();
			if (!process.waitFor(15, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		if (this.metrics != null) {
			this.metrics.stop(0);
		}
		if (this.mail != null) {
			this.mail.stop();
		}
	}

	@Test
	void aLaggingOpdsAlertReachesItsContactAndTheBpkadDigestByEMail() throws Exception {
		int alertmanagerPort = startStack(RepoFiles.ALERTMANAGER_CONFIG, () -> {
			// today in WITA, as a service on the wall clock exports it (a stalled date would inhibit)
			return METRICS.formatted(startOfToday("Asia/Makassar"));
		});

		// the OPD's own message: group_wait 30 s; the digest: group_wait 1 min
		MimeMessage toPupr = awaitMail("pupr@kota-bima.example", "Realisasi di bawah anggaran kas", Duration.ofMinutes(3));
		assertThat(toPupr.getSubject())
			.isEqualTo("[Kota Bima] KRITIS: Realisasi di bawah anggaran kas — " + PUPR_NAME + " (PUPR)");
		String text = part(toPupr, "text/plain");
		// 47.8e6 ÷ 119e6 = 0.40168…: 40.17 %, written with a decimal comma
		assertThat(text).contains(PUPR_NAME + " (PUPR) Kota Bima baru merealisasikan 40,17% dari anggaran kas belanja barang "
				+ "sampai hari ini: Rp 47,8 juta dari Rp 119 juta (di bawah 50 % selama 14 hari).")
			.contains("Mulai: " + startOf(alertmanagerPort, "52.72", "Asia/Makassar") + " WITA")
			.contains("Panduan: https://apbd.kota-bima.example/docs/runbook.md#apbdopdbehindcashplan")
			.doesNotContain("UTC");

		for (String leader : List.of("bpkad@kota-bima.example", "pimpinan@kota-bima.example")) {
			MimeMessage digest = awaitMail(leader, "Ringkasan harian", Duration.ofMinutes(3));
			assertThat(part(digest, "text/plain")).contains("- " + PUPR_NAME + " (PUPR): Realisasi di bawah anggaran kas [KRITIS]")
				.contains("Rp 47,8 juta dari Rp 119 juta");
		}
		// on plan: neither its own message nor a line in the digest
		assertThat(mailsTo("dinkes@kota-bima.example")).extracting(MimeMessage::getSubject).isEmpty();
		assertThat(part(awaitMail("bpkad@kota-bima.example", "Ringkasan harian", Duration.ofSeconds(1)), "text/plain"))
			.doesNotContain("DINKES");
	}

	/**
	 * The example configuration generated with two more region files (infra/alertmanager/examples):
	 * Kabupaten Sleman (34.04, WIB) names its DINKES's contact, Kota Jayapura (91.71, WIT) none, as
	 * the simulator's synthetic regions. Both DINKES lag as PUPR above (40.17 %: critical). Sleman's
	 * alert reaches Sleman's DINKES with its start in WIB; Jayapura's reaches the operators, in WIT.
	 */
	@Test
	void anotherRegionsOpdAlertReachesItsOwnContactInItsZoneAndOneWithoutContactsTheOperators() throws Exception {
		int alertmanagerPort = startStack(RepoFiles.ALERTMANAGER_REGIONS_EXAMPLE,
				() -> REGIONS_METRICS.formatted(startOfToday("Asia/Jakarta"), startOfToday("Asia/Jayapura")));

		MimeMessage toSleman = awaitMail("dinkes@slemankab.example", "KRITIS: Realisasi di bawah anggaran kas",
				Duration.ofMinutes(3));
		assertThat(toSleman.getSubject())
			.isEqualTo("[Kabupaten Sleman] KRITIS: Realisasi di bawah anggaran kas — Dinas Kesehatan Sleman (DINKES)");
		// the start as Alertmanager holds it (UTC), written independently of the templates in WIB
		assertThat(part(toSleman, "text/plain")).startsWith("Kabupaten Sleman: 1 peringatan aktif")
			.contains("Dinas Kesehatan Sleman (DINKES) Kabupaten Sleman baru merealisasikan 40,17%")
			.contains("Mulai: " + startOf(alertmanagerPort, "34.04", "Asia/Jakarta") + " WIB")
			.doesNotContain("WITA");

		MimeMessage toOperators = awaitMail("operator@kota-bima.example",
				"[Kota Jayapura] KRITIS: Realisasi di bawah anggaran kas", Duration.ofMinutes(3));
		assertThat(toOperators.getSubject())
			.isEqualTo("[Kota Jayapura] KRITIS: Realisasi di bawah anggaran kas — Dinas Kesehatan (DINKES)");
		assertThat(part(toOperators, "text/plain"))
			.contains("Mulai: " + startOf(alertmanagerPort, "91.71", "Asia/Jayapura") + " WIT");
		// nobody of Kota Bima hears of the other regions' OPDs
		assertThat(mailsTo("dinkes@kota-bima.example")).isEmpty();
	}

	/** Two regions' figures, as goods-spending exports them with apbd.regions.dir. */
	private static final String REGIONS_METRICS = """
			# TYPE apbd_opd_info gauge
			apbd_opd_info{pemda="34.04",opd="DINKES",opd_name="Dinas Kesehatan Sleman"} 1
			apbd_opd_info{pemda="91.71",opd="DINKES",opd_name="Dinas Kesehatan"} 1
			# TYPE apbd_region_info gauge
			apbd_region_info{pemda="34.04",region_name="Kabupaten Sleman",province="Daerah Istimewa Yogyakarta",zone="WIB"} 1
			apbd_region_info{pemda="91.71",region_name="Kota Jayapura",province="Papua",zone="WIT"} 1
			# TYPE apbd_pagu_rupiah gauge
			apbd_pagu_rupiah{pemda="34.04",opd="DINKES",category="goods"} 1190000000
			apbd_pagu_rupiah{pemda="91.71",opd="DINKES",category="goods"} 1190000000
			# TYPE apbd_cash_plan_to_date_rupiah gauge
			apbd_cash_plan_to_date_rupiah{pemda="34.04",opd="DINKES",category="goods"} 119000000
			apbd_cash_plan_to_date_rupiah{pemda="91.71",opd="DINKES",category="goods"} 119000000
			# TYPE apbd_realised_rupiah gauge
			apbd_realised_rupiah{pemda="34.04",opd="DINKES",category="goods"} 47800000
			apbd_realised_rupiah{pemda="91.71",opd="DINKES",category="goods"} 47800000
			# TYPE apbd_business_date_timestamp_seconds gauge
			apbd_business_date_timestamp_seconds{pemda="34.04"} %d
			apbd_business_date_timestamp_seconds{pemda="91.71"} %d
			""";

	/**
	 * Starts the mail server, a page of gauges, Alertmanager with {@code config} and Prometheus
	 * with the rules; returns Alertmanager's port.
	 */
	private int startStack(Path config, Supplier<String> page) throws IOException {
		Path prometheusBinary = binary("prometheus", "prometheus");
		Path alertmanagerBinary = binary("prometheus-alertmanager", "prometheus-alertmanager");
		int smtpPort = freePort();
		int metricsPort = freePort();
		int prometheusPort = freePort();
		int alertmanagerPort = freePort();

		this.mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.mail.start();
		this.metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", metricsPort), 0);
		this.metrics.createContext("/actuator/prometheus", (exchange) -> {
			byte[] body = page.get().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.metrics.start();

		Path alertmanagerConfig = alertmanagerConfig(config, smtpPort);
		start("alertmanager", alertmanagerBinary.toString(), "--config.file=" + alertmanagerConfig,
				"--web.listen-address=127.0.0.1:" + alertmanagerPort, "--cluster.listen-address=",
				"--storage.path=" + this.temp.resolve("alertmanager-data"),
				"--web.external-url=https://apbd.kota-bima.example", "--web.route-prefix=/");
		start("prometheus", prometheusBinary.toString(),
				"--config.file=" + prometheusConfig(metricsPort, alertmanagerPort),
				"--storage.tsdb.path=" + this.temp.resolve("prometheus-data"),
				"--web.listen-address=127.0.0.1:" + prometheusPort);
		return alertmanagerPort;
	}

	private static long startOfToday(String zone) {
		ZoneId id = ZoneId.of(zone);
		return LocalDate.now(id).atStartOfDay(id).toEpochSecond();
	}

	/**
	 * The start of the region's critical ApbdOpdBehindCashPlan as Alertmanager's API gives it, in
	 * {@code zone} as Indonesian readers write it ("2 Maret 2026 09.30").
	 */
	private static String startOf(int alertmanagerPort, String pemda, String zone) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts?filter="
				+ URLEncoder.encode("pemda=\"" + pemda + "\"", StandardCharsets.UTF_8) + "&filter="
				+ URLEncoder.encode("alertname=\"ApbdOpdBehindCashPlan\"", StandardCharsets.UTF_8) + "&filter="
				+ URLEncoder.encode("severity=\"critical\"", StandardCharsets.UTF_8));
		String body = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		JsonNode alerts = new ObjectMapper().readTree(body);
		assertThat(alerts.size()).as(body).isEqualTo(1);
		Instant startsAt = Instant.parse(alerts.get(0).get("startsAt").asString());
		return DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", Locale.forLanguageTag("id"))
			.format(startsAt.atZone(ZoneId.of(zone)));
	}

	private Path alertmanagerConfig(Path source, int smtpPort) throws IOException {
		Path directory = Files.createDirectories(this.temp.resolve("alertmanager"));
		Path templates = Files.createDirectories(directory.resolve("templates"));
		try (Stream<Path> files = Files.list(RepoFiles.ROOT.resolve("infra/alertmanager/templates"))) {
			for (Path file : files.toList()) {
				Files.copy(file, templates.resolve(file.getFileName()));
			}
		}
		String config = Files.readString(source);
		assertThat(config).contains("smtp_smarthost: localhost:2525");
		Path written = directory.resolve("alertmanager.yml");
		// the copy sits beside a copy of the templates, wherever the source's path points to them
		Files.writeString(written, config.replace("smtp_smarthost: localhost:2525", "smtp_smarthost: 127.0.0.1:" + smtpPort)
			.replaceAll("(?m)^  - \\S*templates/\\*\\.tmpl$", "  - templates/*.tmpl"));
		return written;
	}

	private Path prometheusConfig(int metricsPort, int alertmanagerPort) throws IOException {
		Path rules = Files.createDirectories(this.temp.resolve("rules"));
		try (Stream<Path> files = Files.list(RepoFiles.ROOT.resolve("infra/prometheus/rules"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".yml")).toList()) {
				Files.writeString(rules.resolve(file.getFileName()),
						Files.readString(file).replaceAll("(?m)^(\\s*for:\\s*)\\S+\\s*$", "$11s"));
			}
		}
		Path config = this.temp.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				alerting:
				  alertmanagers:
				    - static_configs:
				        - targets: ['127.0.0.1:%d']
				rule_files:
				  - %s/*.yml
				scrape_configs:
				  - job_name: goods-spending
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(alertmanagerPort, rules.toAbsolutePath(), metricsPort));
		return config;
	}

	private MimeMessage awaitMail(String to, String subjectPart, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			for (MimeMessage message : mailsTo(to)) {
				if (String.valueOf(message.getSubject()).contains(subjectPart)) {
					return message;
				}
			}
			for (Process process : this.processes) {
				assertThat(process.isAlive()).as("%s is running; its output is in %s", process.info().command().orElse("?"),
						this.temp).isTrue();
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no mail to " + to + " with '" + subjectPart + "' within " + timeout
						+ "; received: " + subjects() + "; logs in " + this.temp);
			}
			Thread.sleep(1000);
		}
	}

	private List<MimeMessage> mailsTo(String to) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			jakarta.mail.Address[] recipients = message.getRecipients(Message.RecipientType.TO);
			if (recipients != null && Stream.of(recipients).anyMatch((address) -> address.toString().equals(to))) {
				found.add(message);
			}
		}
		return found;
	}

	private List<String> subjects() throws Exception {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			subjects.add(message.getRecipients(Message.RecipientType.TO)[0] + ": " + message.getSubject());
		}
		return subjects;
	}

	private static String part(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String found = part(body, type);
				if (!found.isEmpty()) {
					return found;
				}
			}
		}
		return "";
	}

	private void start(String name, String... command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.temp.resolve(name + ".log").toFile())
			.start();
		this.processes.add(process);
	}

	private static Path binary(String program, String debianPackage) {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(directory, program);
			if (!directory.isEmpty() && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return MissingTool.handle(program, debianPackage);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
