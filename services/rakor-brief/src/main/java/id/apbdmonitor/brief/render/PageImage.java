package id.apbdmonitor.brief.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders the first page of a brief's PDF to PNG with PDFBox: the picture of the brief in the
 * README ({@code docs/images/rakor-brief.png}). Usage: {@code PageImage <pdf file or URL> <png>}.
 */
public final class PageImage {

	private static final float DPI = 100;

	private PageImage() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("usage: PageImage <brief.pdf | http://localhost:8088/brief.pdf?date=YYYY-MM-DD> <out.png>");
			System.exit(2);
		}
		byte[] pdf;
		if (args[0].startsWith("http://") || args[0].startsWith("https://")) {
			try (InputStream in = URI.create(args[0]).toURL().openStream()) {
				pdf = in.readAllBytes();
			}
		}
		else {
			pdf = Files.readAllBytes(Path.of(args[0]));
		}
		write(pdf, Path.of(args[1]));
		System.out.println("first page written to " + args[1]);
	}

	/** Writes page 1 of {@code pdf} as a PNG. */
	public static void write(byte[] pdf, Path png) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
			if (png.getParent() != null) {
				Files.createDirectories(png.getParent());
			}
			ImageIO.write(image, "png", png.toFile());
		}
	}

}
