package id.apbdmonitor.brief;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import id.apbdmonitor.brief.mail.BriefMailer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly brief reaches the leadership's address of the region file through a real SMTP server
 * (GreenMail), as a PDF. No Prometheus runs here: the brief is built from a service's own metrics
 * page ({@link Scenario}) and says that history needs Prometheus; its figures are the same sums.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BriefMailIntegrationTests {

	private static GreenMail smtp;

	private static HttpServer page;

	private static int closedPort;

	@Autowired
	BriefMailer mailer;

	@BeforeAll
	static void start() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			smtp = new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		}
		smtp.start();
		page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		page.createContext("/actuator/prometheus", (exchange) -> {
			byte[] body = Scenario.metrics().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		page.start();
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
	}

	@AfterAll
	static void stop() {
		smtp.stop();
		page.stop(0);
	}

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("apbd.brief.prometheus-url", () -> "http://127.0.0.1:" + closedPort);
		registry.add("apbd.brief.metrics-urls",
				() -> "http://127.0.0.1:" + page.getAddress().getPort() + "/actuator/prometheus");
	}

	@Test
	void theBriefIsMailedAsPdfToTheLeadership() throws Exception {
		this.mailer.send();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly("pimpinan@kota-bima.example");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("apbd-monitor@kota-bima.example");
		assertThat(mail.getSubject()).isEqualTo("[Kota Bima] Bahan rakor pimpinan 10 Juni 2026");

		Multipart parts = (Multipart) mail.getContent();
		String body = "";
		byte[] pdf = null;
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (part.isMimeType("application/pdf")) {
				assertThat(part.getFileName()).isEqualTo("rakor-2026-06-10.pdf");
				try (InputStream in = part.getInputStream()) {
					pdf = in.readAllBytes();
				}
			}
			else if (part.isMimeType("multipart/*") || part.isMimeType("text/plain")) {
				body += textOf(part);
			}
		}
		assertThat(body).contains("Penyerapan seluruh APBD: 19,1% (target s.d. tanggal ini 39,4%)")
			.contains("- Dinas Pekerjaan Umum dan Penataan Ruang (PUPR): 40,0% dari anggaran kas");
		assertThat(pdf).isNotNull();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			String text = stripper.getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Prometheus tidak dapat dihubungi")
				.contains("Riwayat (perubahan sejak rakor sebelumnya, kurva penyerapan) memerlukan Prometheus")
				.contains("Capaian 19,1% Target s.d. tanggal ini 39,4%")
				.contains("Capaian 36,0% Target s.d. tanggal ini 40,0%")
				.containsSubsequence("Peringkat 8: Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)",
						"Peringkat 7: Dinas Perhubungan (DISHUB)", "Peringkat 6: Dinas Kelautan dan Perikanan (DKP)",
						"Peringkat 5: Dinas Ketahanan Pangan (KETAPANG)",
						"Peringkat 4: Badan Perencanaan Pembangunan Daerah (BAPPEDA)")
				.contains("TPP terlambat 2 bulan")
				.contains("UP: UP belum dipertanggungjawabkan (GU terlambat); UP beredar Rp 50 juta");
		}
	}

	private static String textOf(BodyPart part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		Multipart inner = (Multipart) part.getContent();
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < inner.getCount(); i++) {
			text.append(textOf(inner.getBodyPart(i)));
		}
		return text.toString();
	}

}
