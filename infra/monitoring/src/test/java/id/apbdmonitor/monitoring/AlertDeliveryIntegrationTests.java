package id.apbdmonitor.monitoring;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert on a lagging OPD, from a scraped gauge to an e-mail: a real Prometheus (Debian's 2.42)
 * evaluates the repository's rules on a page of gauges, a real Alertmanager (0.25) routes with the
 * repository's generated configuration and templates, and a real SMTP server (GreenMail) receives
 * the mails. PUPR has realised Rp 47,8 juta of a cash plan to date of Rp 119 juta (40.17 %, below
 * 50 %: critical, so office hours do not hold it back); DINKES is on plan (Rp 700 juta of Rp 700
 * juta, 70 % of its pagu: above every quarter's target in force).
 * <p>
 * Only the rules' {@code for:} durations are shortened to 1 s (a production 14 days cannot pass
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
			apbd_region_info{pemda="52.72",region_name="Kota Bima",province="Nusa Tenggara Barat"} 1
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
			// today in WITA, as a service on the wall clock exports it (a stalled date would inhibit)
			java.time.ZoneId wita = java.time.ZoneId.of("Asia/Makassar");
			long today = java.time.LocalDate.now(wita).atStartOfDay(wita).toEpochSecond();
			byte[] body = METRICS.formatted(today).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.metrics.start();

		Path alertmanagerConfig = alertmanagerConfig(smtpPort);
		start("alertmanager", alertmanagerBinary.toString(), "--config.file=" + alertmanagerConfig,
				"--web.listen-address=127.0.0.1:" + alertmanagerPort, "--cluster.listen-address=",
				"--storage.path=" + this.temp.resolve("alertmanager-data"),
				"--web.external-url=https://apbd.kota-bima.example", "--web.route-prefix=/");
		start("prometheus", prometheusBinary.toString(),
				"--config.file=" + prometheusConfig(metricsPort, alertmanagerPort),
				"--storage.tsdb.path=" + this.temp.resolve("prometheus-data"),
				"--web.listen-address=127.0.0.1:" + prometheusPort);

		// the OPD's own message: group_wait 30 s; the digest: group_wait 1 min
		MimeMessage toPupr = awaitMail("pupr@kota-bima.example", "Realisasi di bawah anggaran kas", Duration.ofMinutes(3));
		assertThat(toPupr.getSubject())
			.isEqualTo("[Kota Bima] KRITIS: Realisasi di bawah anggaran kas — " + PUPR_NAME + " (PUPR)");
		String text = part(toPupr, "text/plain");
		// 47.8e6 ÷ 119e6 = 0.40168…: 40.17 %, written with a decimal comma
		assertThat(text).contains(PUPR_NAME + " (PUPR) Kota Bima baru merealisasikan 40,17% dari anggaran kas belanja barang "
				+ "sampai hari ini: Rp 47,8 juta dari Rp 119 juta (di bawah 50 % selama 14 hari).")
			.containsPattern("Mulai: \\d{1,2} \\p{L}+ \\d{4} \\d{2}\\.\\d{2} WITA")
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

	private Path alertmanagerConfig(int smtpPort) throws IOException {
		Path directory = Files.createDirectories(this.temp.resolve("alertmanager"));
		Path templates = Files.createDirectories(directory.resolve("templates"));
		try (Stream<Path> files = Files.list(RepoFiles.ROOT.resolve("infra/alertmanager/templates"))) {
			for (Path file : files.toList()) {
				Files.copy(file, templates.resolve(file.getFileName()));
			}
		}
		String config = Files.readString(RepoFiles.ALERTMANAGER_CONFIG);
		assertThat(config).contains("smtp_smarthost: localhost:2525");
		Path written = directory.resolve("alertmanager.yml");
		Files.writeString(written, config.replace("smtp_smarthost: localhost:2525", "smtp_smarthost: 127.0.0.1:" + smtpPort));
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
