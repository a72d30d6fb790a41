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
	 * before it; {@code latest} when the date is the latest one shown or still ahead. Empty when
	 * Prometheus holds nothing for that date or earlier.
	 *
	 * @param latest the latest instant showing a business date ({@link #latest(Instant)})
	 */
	public Optional<Instant> lastInstantOf(LocalDate date, Instant latest) {
		long dayStart = date.atStartOfDay(this.zone).toEpochSecond();
		if (!after(latest, dayStart)) {
			return Optional.of(latest);
		}
		Instant boundary = firstInstantAfter(dayStart, latest);
		Instant before = boundary.minusSeconds(1);
		return value(before).isPresent() ? Optional.of(before) : Optional.empty();
	}

	/**
	 * The first instant (to the second) whose business date is {@code date} or later: where a
	 * chart of the year starts. Empty when the history does not reach that date.
	 */
	public Optional<Instant> firstInstantFrom(LocalDate date, Instant latest) {
		long previousDayStart = date.minusDays(1).atStartOfDay(this.zone).toEpochSecond();
		if (!after(latest, previousDayStart)) {
			return Optional.empty();
		}
		return Optional.of(firstInstantAfter(previousDayStart, latest));
	}

	/**
	 * The latest instant that shows a business date: {@code now}, or, when no service has reported
	 * for a while (Prometheus forgets a series after 5 minutes), the time of the last report, so
	 * that the history stays readable after the services stopped. Empty when nothing was reported
	 * within the lookback.
	 */
	public Optional<Instant> latest(Instant now) {
		Instant end = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		if (value(end).isPresent()) {
			return Optional.of(end);
		}
		long low = end.minus(this.lookback).getEpochSecond();
		long high = end.getEpochSecond();
		if (!reportedAfter(low, end)) {
			return Optional.empty();
		}
		// invariant: a report in (low, end], none in (high, end]
		while (high - low > 1) {
			long middle = low + (high - low) / 2;
			if (reportedAfter(middle, end)) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return Optional.of(Instant.ofEpochSecond(high));
	}

	private boolean reportedAfter(long since, Instant end) {
		long window = end.getEpochSecond() - since;
		return window > 0 && !this.prometheus
			.query("count(count_over_time(apbd_business_date_timestamp_seconds[" + window + "s]))", end)
			.isEmpty();
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
