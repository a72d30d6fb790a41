package id.apbdmonitor.brief.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Finds the moment in Prometheus' history that shows a business date: the last instant at which
 * the services' business date ({@code apbd_business_date_timestamp_seconds}, the start of the day
 * in the region's zone) was still that date. On the wall clock that is the end of the day; in the
 * devstack, whose simulated year lasts minutes, it is wherever the simulated clock passed the
 * date. The business date only moves forward, so a binary search over the history finds it.
 */
public class BusinessTime {

	static final String BUSINESS_DATE = "max(apbd_business_date_timestamp_seconds)";

	private final PrometheusClient prometheus;

	private final ZoneId zone;

	private final Duration lookback;

	public BusinessTime(PrometheusClient prometheus, ZoneId zone, Duration lookback) {
		this.prometheus = prometheus;
		this.zone = zone;
		this.lookback = lookback;
	}

	/** The business date Prometheus shows at {@code time}, if any service reports one. */
	public Optional<LocalDate> dateAt(Instant time) {
		return value(time).map((seconds) -> Instant.ofEpochSecond(seconds).atZone(this.zone).toLocalDate());
	}

	/**
	 * The last instant (to the second) whose business date is {@code date}, or the latest instant
	 * before it; {@code now} when the date is today's or still ahead. Empty when Prometheus holds
	 * nothing for that date or earlier.
	 */
	public Optional<Instant> lastInstantOf(LocalDate date, Instant now) {
		long dayStart = date.atStartOfDay(this.zone).toEpochSecond();
		Instant end = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		if (!after(end, dayStart)) {
			return value(end).isPresent() ? Optional.of(end) : Optional.empty();
		}
		Instant boundary = firstInstantAfter(dayStart, end);
		Instant before = boundary.minusSeconds(1);
		return value(before).isPresent() ? Optional.of(before) : Optional.empty();
	}

	/**
	 * The first instant (to the second) whose business date is {@code date} or later: where a
	 * chart of the year starts. Empty when the history does not reach that date.
	 */
	public Optional<Instant> firstInstantFrom(LocalDate date, Instant now) {
		long previousDayStart = date.minusDays(1).atStartOfDay(this.zone).toEpochSecond();
		Instant end = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		if (!after(end, previousDayStart)) {
			return Optional.empty();
		}
		return Optional.of(firstInstantAfter(previousDayStart, end));
	}

	/** The first instant in the lookback window whose business date lies after {@code dayStart}. */
	private Instant firstInstantAfter(long dayStart, Instant end) {
		long low = end.minus(this.lookback).getEpochSecond();
		long high = end.getEpochSecond();
		if (after(Instant.ofEpochSecond(low), dayStart)) {
			return Instant.ofEpochSecond(low);
		}
		// invariant: not after at low, after at high
		while (high - low > 1) {
			long middle = low + (high - low) / 2;
			if (after(Instant.ofEpochSecond(middle), dayStart)) {
				high = middle;
			}
			else {
				low = middle;
			}
		}
		return Instant.ofEpochSecond(high);
	}

	private boolean after(Instant time, long dayStart) {
		return value(time).filter((seconds) -> seconds > dayStart).isPresent();
	}

	private Optional<Long> value(Instant time) {
		List<Sample> samples = this.prometheus.query(BUSINESS_DATE, time);
		return samples.stream().filter((sample) -> Double.isFinite(sample.value())).findFirst()
			.map((sample) -> Math.round(sample.value()));
	}

}
