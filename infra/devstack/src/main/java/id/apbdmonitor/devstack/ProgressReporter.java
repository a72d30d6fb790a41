package id.apbdmonitor.devstack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, every few seconds, where the simulated year stands and what each service has counted,
 * read from the same {@code /actuator/prometheus} pages Prometheus scrapes: if these lines move,
 * the whole pipeline from simulator to gauges works.
 */
final class ProgressReporter {

	private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");


	private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

	static final String SIMULATED_DATE_METRIC = "apbd_simulator_business_date_timestamp_seconds";

	static final String REALISED_METRIC = "apbd_realised_rupiah";

	/** The headline figure of each kind of service: spending realised, PAD received, UP disbursed. */
	private static final List<String[]> HEADLINES = List.of(new String[] { REALISED_METRIC, "realised" },
			new String[] { "apbd_revenue_realised_rupiah", "received" },
			new String[] { "apbd_up_disbursed_rupiah", "UP disbursed" });

	private final HttpProbe http;

	private final ServiceCatalog.App simulator;

	private final List<ServiceCatalog.App> services;

	private final Instant startedAt;

	private final Duration yearDuration;

	private final int fiscalYear;

	private boolean yearEndAnnounced;

	ProgressReporter(HttpProbe http, ServiceCatalog.App simulator, List<ServiceCatalog.App> services,
			Instant startedAt, Duration yearDuration, int fiscalYear) {
		this.http = http;
		this.simulator = simulator;
		this.services = services;
		this.startedAt = startedAt;
		this.yearDuration = yearDuration;
		this.fiscalYear = fiscalYear;
	}

	/** Logs until interrupted; after the simulated year it says so once and falls silent. */
	void run(Duration interval) {
		try {
			while (!Thread.currentThread().isInterrupted() && !this.yearEndAnnounced) {
				report(Instant.now());
				Thread.sleep(interval.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void report(Instant now) {
		if (now.isBefore(this.startedAt)) {
			log.info("simulated year {} starts in {} s", this.fiscalYear,
					Duration.between(now, this.startedAt).toSeconds() + 1);
			return;
		}
		boolean over = !now.isBefore(this.startedAt.plus(this.yearDuration));
		log.info("simulated date {}", simulatedDate());
		for (ServiceCatalog.App service : this.services) {
			log.info("  {}", serviceLine(service));
		}
		FiringAlerts.describe(this.http)
			.ifPresent((firing) -> log.info("  alerts: {}, {}; e-mails {}", firing, FiringAlerts.PAGE, MailServer.mailboxUrl()));
		if (over && !this.yearEndAnnounced) {
			this.yearEndAnnounced = true;
			log.info("the simulated year {} is over; everything keeps running for you to explore. Press Ctrl-C to stop.",
					this.fiscalYear);
		}
	}

	private String simulatedDate() {
		return this.http.get(this.simulator.baseUrl() + "/actuator/prometheus")
			.map((page) -> PrometheusText.samples(page, SIMULATED_DATE_METRIC).first())
			.filter(OptionalDouble::isPresent)
			.map((seconds) -> describeDate(dateOf(seconds.getAsDouble())))
			.orElse("unknown (the simulator does not export " + SIMULATED_DATE_METRIC + " yet)");
	}

	/**
	 * The region's calendar date of a {@code _timestamp_seconds} value: read in the region's zone,
	 * midnight UTC and midnight WITA both give the intended day.
	 */
	static LocalDate dateOf(double epochSeconds) {
		return Instant.ofEpochSecond((long) epochSeconds).atZone(Options.REGION_ZONE).toLocalDate();
	}

	private String describeDate(LocalDate date) {
		LocalDate first = LocalDate.of(this.fiscalYear, 1, 1);
		long day = ChronoUnit.DAYS.between(first, date) + 1;
		long days = first.lengthOfYear();
		return String.format(Locale.ROOT, "%s (day %d of %d, %d%%)", date, day, days,
				Math.max(0, Math.min(100, Math.round(100.0 * day / days))));
	}

	private String serviceLine(ServiceCatalog.App service) {
		String name = String.format(Locale.ROOT, "%-18s", service.name());
		return this.http.get(service.baseUrl() + "/actuator/prometheus").map((page) -> {
			for (String[] headline : HEADLINES) {
				PrometheusText.Samples samples = PrometheusText.samples(page, headline[0]);
				if (samples.count() > 0) {
					return name + " " + headline[1] + " " + rupiah(samples.sum()) + " over " + samples.count()
							+ " series";
				}
			}
			return name + " no " + REALISED_METRIC + " series yet";
		}).orElse(name + " not answering on " + service.baseUrl() + "/actuator/prometheus");
	}

	/**
	 * "Rp 12,3 miliar": the Indonesian scale words with a decimal comma, as the alerts and the brief
	 * write them; an "m" or "bn" would be misread (M reads as miliar).
	 */
	static String rupiah(double amount) {
		double magnitude = Math.abs(amount);
		if (magnitude >= 1e12) {
			return String.format(INDONESIAN, "Rp %.1f triliun", amount / 1e12);
		}
		if (magnitude >= 1e9) {
			return String.format(INDONESIAN, "Rp %.1f miliar", amount / 1e9);
		}
		if (magnitude >= 1e6) {
			return String.format(INDONESIAN, "Rp %.1f juta", amount / 1e6);
		}
		return String.format(INDONESIAN, "Rp %,.0f", amount);
	}

}
