package id.apbdmonitor.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * Where the devstack's alerts arrive: a real SMTP server (GreenMail) that accepts mail for any
 * address, and a small web page listing what it received. The same page serves the repository's
 * {@code docs/}, so that the runbook links of the alert mails (Alertmanager's external URL is this
 * page) open in the devstack too, and answers their dashboard links ({@link DashboardPage}).
 */
final class MailServer implements AutoCloseable {

	static final int SMTP_PORT = 2525;

	static final int HTTP_PORT = 8025;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm.ss 'WITA'",
			Locale.forLanguageTag("id"));

	private final GreenMail greenMail;

	private final HttpServer http;

	private final Path docs;

	private final Path dashboards;

	private final ZoneId zone;

	private MailServer(GreenMail greenMail, HttpServer http, Path repoRoot, ZoneId zone) {
		this.greenMail = greenMail;
		this.http = http;
		this.docs = repoRoot.resolve("docs").toAbsolutePath().normalize();
		this.dashboards = repoRoot.resolve("infra/grafana/dashboards").toAbsolutePath().normalize();
		this.zone = zone;
	}

	static MailServer start(int smtpPort, int httpPort, Path repoRoot, ZoneId zone) {
		GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
			MailServer server = new MailServer(greenMail, http, repoRoot, zone);
			http.createContext("/", server::handle);
			http.start();
			return server;
		}
		catch (IOException ex) {
			greenMail.stop();
			throw new StartupException("cannot start the mailbox page on port " + httpPort + ": " + ex.getMessage(), ex);
		}
	}

	static String mailboxUrl() {
		return "http://localhost:" + HTTP_PORT + "/";
	}

	/** The external URL Alertmanager builds its links from: this page serves docs/. */
	static String externalUrl() {
		return "http://localhost:" + HTTP_PORT;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/")) {
				send(exchange, 200, "text/html", listPage());
			}
			else if (path.equals("/api/messages")) {
				send(exchange, 200, "application/json", messagesJson());
			}
			else if (path.startsWith("/mail/")) {
				sendMail(exchange, path.substring("/mail/".length()));
			}
			else if (path.startsWith("/docs/")) {
				sendDoc(exchange, path.substring("/docs/".length()));
			}
			else if (path.startsWith("/grafana/d/")) {
				// the dashboard links of the alert mails: no Grafana here, the page says so
				String page = DashboardPage.html(this.dashboards, path.substring("/grafana/d/".length()).replaceFirst("/.*", ""),
						"http://localhost:" + MonitoringTools.PROMETHEUS_PORT);
				if (page == null) {
					send(exchange, 404, "text/plain", "no such dashboard in infra/grafana/dashboards\n");
				}
				else {
					send(exchange, 200, "text/html", page);
				}
			}
			else {
				send(exchange, 404, "text/plain", "not found\n");
			}
		}
		catch (MessagingException | RuntimeException ex) {
			send(exchange, 500, "text/plain", "cannot read the mailbox: " + ex.getMessage() + "\n");
		}
	}

	private String listPage() throws MessagingException, IOException {
		MimeMessage[] messages = this.greenMail.getReceivedMessages();
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="15">
				<title>Kotak surat devstack apbd-monitor</title>
				<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left;border-bottom:1px solid #ddd}</style>
				</head><body><h1>Kotak surat devstack</h1>
				""");
		html.append("<p>").append(messages.length).append(" surel diterima oleh server SMTP localhost:")
			.append(SMTP_PORT).append(" (terbaru di atas; halaman ini diperbarui tiap 15 detik). ")
			.append("JSON: <a href=\"/api/messages\">/api/messages</a>.</p>\n");
		html.append("<table><tr><th>#</th><th>waktu</th><th>kepada</th><th>perihal</th></tr>\n");
		for (int i = messages.length - 1; i >= 0; i--) {
			MimeMessage message = messages[i];
			html.append("<tr><td>").append(i).append("</td><td>").append(escape(when(message.getSentDate())))
				.append("</td><td>").append(escape(recipients(message))).append("</td><td><a href=\"/mail/").append(i)
				.append("\">").append(escape(String.valueOf(message.getSubject()))).append("</a></td></tr>\n");
		}
		return html.append("</table></body></html>\n").toString();
	}

	private String messagesJson() throws MessagingException, IOException {
		List<String> items = new ArrayList<>();
		MimeMessage[] messages = this.greenMail.getReceivedMessages();
		for (MimeMessage message : messages) {
			items.add("{\"to\":" + json(recipients(message)) + ",\"subject\":" + json(String.valueOf(message.getSubject()))
					+ ",\"sent\":" + json(when(message.getSentDate())) + ",\"text\":" + json(part(message, "text/plain"))
					+ "}");
		}
		return "[" + String.join(",\n", items) + "]\n";
	}

	private void sendMail(HttpExchange exchange, String index) throws IOException, MessagingException {
		MimeMessage[] messages = this.greenMail.getReceivedMessages();
		int i;
		try {
			i = Integer.parseInt(index);
		}
		catch (NumberFormatException ex) {
			send(exchange, 404, "text/plain", "no such mail\n");
			return;
		}
		if (i < 0 || i >= messages.length) {
			send(exchange, 404, "text/plain", "no such mail\n");
			return;
		}
		String html = part(messages[i], "text/html");
		if (!html.isEmpty()) {
			send(exchange, 200, "text/html", html);
		}
		else {
			send(exchange, 200, "text/plain", part(messages[i], "text/plain"));
		}
	}

	private void sendDoc(HttpExchange exchange, String relative) throws IOException {
		Path file = this.docs.resolve(relative).normalize();
		if (!file.startsWith(this.docs) || !Files.isRegularFile(file)) {
			send(exchange, 404, "text/plain", "not found\n");
			return;
		}
		send(exchange, 200, "text/plain", Files.readString(file));
	}

	private String when(Date date) {
		return (date == null) ? "" : WHEN.format(date.toInstant().atZone(this.zone));
	}

	private static String recipients(MimeMessage message) throws MessagingException {
		jakarta.mail.Address[] to = message.getRecipients(Message.RecipientType.TO);
		if (to == null) {
			return "";
		}
		List<String> addresses = new ArrayList<>();
		for (jakarta.mail.Address address : to) {
			addresses.add(address.toString());
		}
		return String.join(", ", addresses);
	}

	/** The first part of the given type: Alertmanager sends multipart/alternative (text and HTML). */
	static String part(jakarta.mail.Part part, String type) throws MessagingException, IOException {
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

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	@Override
	public void close() {
		this.http.stop(0);
		this.greenMail.stop();
	}

}
