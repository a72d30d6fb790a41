package id.apbdmonitor.brief.mail;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

import id.apbdmonitor.brief.BriefService;
import id.apbdmonitor.brief.Region;
import id.apbdmonitor.brief.content.Brief;
import id.apbdmonitor.brief.render.BriefDocuments;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails the brief of the current business date as PDF to the leadership ({@code
 * apbd.region.alerting.leadership}) before every meeting, through the SMTP server the alerts use.
 */
@Component
public class BriefMailer {

	private static final Logger log = LoggerFactory.getLogger(BriefMailer.class);

	private final BriefService briefs;

	private final BriefDocuments documents;

	private final JavaMailSender mail;

	private final Region region;

	private final MailProperties properties;

	private final TaskScheduler scheduler;

	public BriefMailer(BriefService briefs, BriefDocuments documents, JavaMailSender mail, Region region,
			MailProperties properties, TaskScheduler scheduler) {
		this.briefs = briefs;
		this.documents = documents;
		this.mail = mail;
		this.region = region;
		this.properties = properties;
		this.scheduler = scheduler;
	}

	@Scheduled(cron = "${apbd.brief.mail.cron:0 0 7 * * MON}", zone = "${apbd.region.zone}")
	void weekly() {
		sendQuietly();
	}

	@EventListener(ApplicationReadyEvent.class)
	void onceAfterStart() {
		if (this.properties.sendAfterStart() != null) {
			this.scheduler.schedule(this::sendQuietly, Instant.now().plus(this.properties.sendAfterStart()));
		}
	}

	/** Builds and sends the brief; returns it (for the log and the tests). */
	public Brief send() throws MessagingException {
		if (this.region.alerting().leadership().isEmpty()) {
			throw new IllegalStateException("apbd.region.alerting.leadership lists nobody to mail the brief to");
		}
		Brief brief = this.briefs.brief(Optional.empty());
		byte[] pdf = this.documents.pdf(brief);
		MimeMessage message = this.mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		if (!this.region.alerting().sender().isBlank()) {
			helper.setFrom(this.region.alerting().sender());
		}
		helper.setTo(this.region.alerting().leadership().toArray(String[]::new));
		helper.setSubject("[" + brief.regionName() + "] Bahan rakor pimpinan " + brief.dateText());
		helper.setText(text(brief));
		helper.addAttachment("rakor-" + brief.date() + ".pdf", new ByteArrayResource(pdf), "application/pdf");
		this.mail.send(message);
		log.info("Brief of {} mailed to {}", brief.date(), this.region.alerting().leadership());
		return brief;
	}

	private void sendQuietly() {
		try {
			send();
		}
		catch (MessagingException | RuntimeException ex) {
			log.error("The brief could not be mailed: {}", ex.toString());
		}
	}

	private static String text(Brief brief) {
		String bottom = brief.bottom()
			.stream()
			.map((standing) -> "- " + standing.name() + " (" + standing.code() + "): " + standing.vsCashPlan()
					+ " dari anggaran kas")
			.collect(Collectors.joining("\n"));
		Brief.Priority apbd = brief.priorities().get(0);
		return """
				Yth. Pimpinan %s,

				terlampir bahan rakor untuk %s (data per tanggal bisnis %s).

				Penyerapan seluruh APBD: %s (target s.d. tanggal ini %s).
				OPD terbawah menurut realisasi terhadap anggaran kas:
				%s

				Pesan ini dikirim otomatis oleh apbd-monitor.
				""".formatted(brief.regionName(), brief.dateText(), brief.dataDateText(), apbd.figure(), apbd.target(),
				bottom.isEmpty() ? "- belum tersedia" : bottom);
	}

}
