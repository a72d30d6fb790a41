package id.apbdmonitor.brief;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import id.apbdmonitor.brief.content.Brief;
import id.apbdmonitor.brief.content.BriefBuilder;
import id.apbdmonitor.brief.content.Figures;
import id.apbdmonitor.brief.content.PrometheusFigures;
import id.apbdmonitor.brief.content.ScrapedFigures;
import id.apbdmonitor.brief.prometheus.BusinessTime;
import id.apbdmonitor.brief.prometheus.PrometheusClient;
import id.apbdmonitor.brief.prometheus.Series;
import id.apbdmonitor.brief.render.Charts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Makes the brief of a business date: from Prometheus (any date it holds), or, when Prometheus
 * cannot be reached, from the services' own metrics endpoints (today only, no history).
 */
@Service
public class BriefService {

	private static final Logger log = LoggerFactory.getLogger(BriefService.class);

	private final Region region;

	private final BriefProperties properties;

	private final PrometheusClient prometheus;

	private final BusinessTime businessTime;

	private final BriefBuilder builder;

	public BriefService(Region region, BriefProperties properties) {
		this.region = region;
		this.properties = properties;
		this.prometheus = new PrometheusClient(properties.prometheusUrl());
		this.businessTime = new BusinessTime(this.prometheus, region.zone(), properties.historyLookback());
		this.builder = new BriefBuilder(region, properties);
	}

	/** The brief of {@code date}, or of the current business date when empty. */
	public Brief brief(Optional<LocalDate> date) {
		// whole seconds, as Prometheus is asked: the date shown now is the date of the brief
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		if (!this.prometheus.reachable()) {
			log.warn("Prometheus at {} cannot be reached: the brief is built from the services' metrics endpoints",
					this.prometheus.base());
			return scraped(now);
		}
		Optional<Instant> latest = this.businessTime.latest(now);
		LocalDate day = date.or(() -> latest.flatMap(this.businessTime::dateAt))
			.orElseGet(() -> LocalDate.now(this.region.zone()));
		LocalDate previousDate = day.minusDays(Math.max(1, this.properties.cadence().toDays()));
		Optional<Instant> at = latest.flatMap((end) -> this.businessTime.lastInstantOf(day, end));
		List<String> notes = new ArrayList<>();
		if (at.isEmpty()) {
			notes.add("Prometheus tidak menyimpan data untuk " + id.apbdmonitor.brief.content.Format.date(day)
					+ ": semua angka belum tersedia.");
			return this.builder.build(day, now, Optional.empty(), "Prometheus", Figures.NONE, Optional.empty(),
					previousDate, notes);
		}
		Optional<Figures> previous = this.businessTime.lastInstantOf(previousDate, latest.get())
			.filter((instant) -> instant.isBefore(at.get()))
			.map((instant) -> new PrometheusFigures(this.prometheus, instant, this.region.pemda(),
					this.properties.leagueCategories()));
		Brief brief = this.builder.build(day, at.get(), this.businessTime.dateAt(at.get()), "Prometheus",
				new PrometheusFigures(this.prometheus, at.get(), this.region.pemda(),
						this.properties.leagueCategories()), previous, previousDate, notes);
		return brief.withCharts(absorptionCurve(day, at.get(), latest.get()),
				Charts.league(brief.league(), brief.bottom()));
	}

	private Brief scraped(Instant now) {
		ScrapedFigures figures = ScrapedFigures.read(this.properties.metricsUrls(), this.properties.leagueCategories());
		LocalDate day = figures.businessDate(this.region.zone()).orElseGet(() -> LocalDate.now(this.region.zone()));
		List<String> notes = new ArrayList<>();
		notes.add("Prometheus tidak dapat dihubungi: angka diambil langsung dari endpoint metrik layanan untuk tanggal "
				+ "bisnis saat ini. Riwayat (perubahan sejak rakor sebelumnya, kurva penyerapan) memerlukan Prometheus.");
		notes.addAll(figures.problems());
		Brief brief = this.builder.build(day, now, Optional.of(day), "endpoint metrik layanan", figures, Optional.empty(),
				day.minusDays(Math.max(1, this.properties.cadence().toDays())), notes);
		return brief.withCharts(null, Charts.league(brief.league(), brief.bottom()));
	}

	/** The year-to-date curve, each point placed at the business date Prometheus showed then. */
	private String absorptionCurve(LocalDate day, Instant at, Instant latest) {
		Optional<Instant> start = this.businessTime.firstInstantFrom(LocalDate.of(day.getYear(), 1, 1), latest)
			.filter((instant) -> !instant.isAfter(at));
		if (start.isEmpty()) {
			return null;
		}
		Duration step = Duration.ofSeconds(Math.max(1, Duration.between(start.get(), at).toSeconds() / 300));
		Map<Instant, LocalDate> dates = new TreeMap<>();
		for (Series series : this.prometheus.queryRange("max(apbd_business_date_timestamp_seconds)", start.get(), at,
				step)) {
			series.points().forEach((point) -> dates.put(point.time(),
					Instant.ofEpochSecond(Math.round(point.value())).atZone(this.region.zone()).toLocalDate()));
		}
		Map<LocalDate, Double> realised = byDate("pemda:apbd_absorption:ratio", start.get(), at, step, dates);
		Map<LocalDate, Double> planned = byDate("pemda:apbd_planned_absorption:ratio", start.get(), at, step, dates);
		return realised.isEmpty() ? null : Charts.absorptionCurve(realised, planned, this.region.zone());
	}

	private Map<LocalDate, Double> byDate(String expr, Instant start, Instant end, Duration step,
			Map<Instant, LocalDate> dates) {
		Map<LocalDate, Double> values = new TreeMap<>();
		for (Series series : this.prometheus.queryRange(expr, start, end, step)) {
			if (!series.labels().getOrDefault("pemda", this.region.pemda()).equals(this.region.pemda())) {
				continue;
			}
			for (Series.Point point : series.points()) {
				LocalDate date = dates.get(point.time());
				if (date != null && Double.isFinite(point.value())) {
					values.put(date, point.value());
				}
			}
		}
		return values;
	}

}
