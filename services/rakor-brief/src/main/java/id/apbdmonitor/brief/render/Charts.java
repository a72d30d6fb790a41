package id.apbdmonitor.brief.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import javax.imageio.ImageIO;

import id.apbdmonitor.brief.content.Brief;
import id.apbdmonitor.brief.content.Format;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The brief's two charts, drawn by JFreeChart as PNG and embedded as data URIs. */
public final class Charts {

	private static final Color REALISED = new Color(0x1f, 0x5f, 0xa8);

	private static final Color PLANNED = new Color(0x99, 0x99, 0x99);

	private static final Color LAGGING = new Color(0xc0, 0x39, 0x2b);

	private Charts() {
	}

	/**
	 * The city's absorption against its cash plan, by business date.
	 *
	 * @param realised business date to realised ÷ pagu
	 * @param planned business date to cash plan to date ÷ pagu
	 */
	public static String absorptionCurve(Map<LocalDate, Double> realised, Map<LocalDate, Double> planned, ZoneId zone) {
		XYSeriesCollection data = new XYSeriesCollection();
		data.addSeries(series("Realisasi", realised, zone));
		data.addSeries(series("Rencana (anggaran kas)", planned, zone));
		JFreeChart chart = ChartFactory.createTimeSeriesChart(null, "Tanggal", "Penyerapan dari pagu", data, true, false,
				false);
		XYPlot plot = chart.getXYPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		DateAxis dates = (DateAxis) plot.getDomainAxis();
		SimpleDateFormat format = new SimpleDateFormat("d MMM", Format.INDONESIAN);
		format.setTimeZone(TimeZone.getTimeZone(zone));
		dates.setDateFormatOverride(format);
		dates.setTimeZone(TimeZone.getTimeZone(zone));
		NumberAxis percent = (NumberAxis) plot.getRangeAxis();
		percent.setNumberFormatOverride(NumberFormat.getPercentInstance(Format.INDONESIAN));
		percent.setLowerBound(0);
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, realised.size() < 3);
		renderer.setSeriesPaint(0, REALISED);
		renderer.setSeriesStroke(0, new BasicStroke(3f));
		renderer.setSeriesPaint(1, PLANNED);
		renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
				new float[] { 6f, 4f }, 0f));
		plot.setRenderer(renderer);
		return dataUri(chart, 900, 380);
	}

	/** Every OPD's realised ÷ cash plan to date, best first; the bottom OPDs in red. */
	public static String league(List<Brief.OpdStanding> league, List<Brief.OpdStanding> bottom) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		List<Brief.OpdStanding> ranked = league.stream().filter((standing) -> !Double.isNaN(standing.ratio())).toList();
		for (Brief.OpdStanding standing : ranked) {
			data.addValue(standing.ratio(), "Realisasi / anggaran kas", standing.code());
		}
		JFreeChart chart = ChartFactory.createBarChart(null, null, "Realisasi terhadap anggaran kas s.d. tanggal ini",
				data, PlotOrientation.HORIZONTAL, false, false, false);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
		NumberAxis percent = (NumberAxis) plot.getRangeAxis();
		percent.setNumberFormatOverride(NumberFormat.getPercentInstance(Format.INDONESIAN));
		List<String> lagging = bottom.stream().map(Brief.OpdStanding::code).toList();
		BarRenderer renderer = new BarRenderer() {
			@Override
			public java.awt.Paint getItemPaint(int row, int column) {
				return lagging.contains(ranked.get(column).code()) ? LAGGING : REALISED;
			}
		};
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(false);
		renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
		plot.setRenderer(renderer);
		return dataUri(chart, 900, Math.max(240, 60 + 16 * ranked.size()));
	}

	private static XYSeries series(String name, Map<LocalDate, Double> values, ZoneId zone) {
		XYSeries series = new XYSeries(name);
		values.forEach((date, value) -> series.add(date.atStartOfDay(zone).toInstant().toEpochMilli(), value));
		return series;
	}

	private static String dataUri(JFreeChart chart, int width, int height) {
		chart.setBackgroundPaint(Color.WHITE);
		BufferedImage image = chart.createBufferedImage(width, height);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
	}

}
