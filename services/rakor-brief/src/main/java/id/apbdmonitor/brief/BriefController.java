package id.apbdmonitor.brief;

import java.time.LocalDate;
import java.util.Optional;

import id.apbdmonitor.brief.content.Brief;
import id.apbdmonitor.brief.render.BriefDocuments;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /brief?date=YYYY-MM-DD} (HTML) and {@code GET /brief.pdf?date=...}; no date: today's business date. */
@RestController
class BriefController {

	private final BriefService briefs;

	private final BriefDocuments documents;

	BriefController(BriefService briefs, BriefDocuments documents) {
		this.briefs = briefs;
		this.documents = documents;
	}

	@GetMapping(path = "/brief", produces = MediaType.TEXT_HTML_VALUE)
	String html(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return this.documents.html(this.briefs.brief(Optional.ofNullable(date)));
	}

	@GetMapping(path = "/brief.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		Brief brief = this.briefs.brief(Optional.ofNullable(date));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("rakor-" + brief.date() + ".pdf").build().toString())
			.contentType(MediaType.APPLICATION_PDF)
			.body(this.documents.pdf(brief));
	}

}
