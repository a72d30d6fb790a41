package id.apbdmonitor.brief.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import id.apbdmonitor.brief.BriefProperties;
import id.apbdmonitor.brief.content.Brief;
import id.apbdmonitor.brief.content.Format;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/** The brief as an HTML page (Thymeleaf, templates/brief.html) and as PDF (openhtmltopdf). */
@Component
public class BriefDocuments {

	private final ITemplateEngine templates;

	private final BriefProperties properties;

	public BriefDocuments(ITemplateEngine templates, BriefProperties properties) {
		this.templates = templates;
		this.properties = properties;
	}

	public String html(Brief brief) {
		Context context = new Context(Format.INDONESIAN);
		context.setVariable("brief", brief);
		context.setVariable("leagueScope", this.properties.leagueCategoriesText());
		return this.templates.process("brief", context);
	}

	public byte[] pdf(Brief brief) {
		// jsoup turns the HTML5 page into the XML document openhtmltopdf lays out
		org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html(brief)));
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withW3cDocument(document, "/");
			builder.toStream(pdf);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pdf.toByteArray();
	}

}
