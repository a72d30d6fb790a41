package id.apbdmonitor.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The figures of one service run, and the Markdown table of all runs. */
record Result(String service, int backlog, double drainSeconds, double rate, double consumerRate, double copyRate,
		double unnestRate, OptionalDouble firstTenth, OptionalDouble lastTenth,
		OptionalDouble firstTenthCpu, OptionalDouble lastTenthCpu, double serviceCpu, double brokerCpu,
		double databaseCpu, double peakRssMb, double rssAfterMb, OptionalDouble parseCpu, OptionalDouble storeCpu,
		Stats.Latency latencyP50, Stats.Latency latencyP99,
		int markers, Map<String, Long> outcomes, String note) {

	static String table(List<Result> results) {
		StringBuilder out = new StringBuilder();
		out.append("| service | backlog | drain s | events/s | ÷ COPY | ÷ raw consumer | first 10% /s | last 10% /s "
				+ "| CPU µs/event first 10% | last 10% "
				+ "| CPU s per 1k: service | broker | database | ingest threads µs/event: parse | store "
				+ "| peak RSS MB | RSS after MB | latency p50 | p99 "
				+ "| raw COPY rows/s | raw unnest 500 rows/s | raw consumer rec/s | outcomes |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (Result r : results) {
			out.append(String.format(Locale.ROOT,
					"| %s | %,d | %.1f | %,.0f | %s | %s | %s | %s | %s | %s | %.3f | %.3f | %.3f | %s | %s | %.0f | %.0f | %s | %s | %,.0f | %,.0f | %,.0f | %s |%n",
					r.service, r.backlog, r.drainSeconds, r.rate, percent(r.rate / r.copyRate), percent(r.rate / r.consumerRate),
					count(r.firstTenth), count(r.lastTenth), micros(r.firstTenthCpu), micros(r.lastTenthCpu),
					r.serviceCpu, r.brokerCpu, r.databaseCpu, tenthsOfMicros(r.parseCpu), tenthsOfMicros(r.storeCpu), r.peakRssMb,
					r.rssAfterMb, r.latencyP50, r.latencyP99,
					r.copyRate, r.unnestRate, r.consumerRate, outcomes(r) + (r.note.isEmpty() ? "" : "; " + r.note)));
		}
		return out.toString();
	}

	private static String outcomes(Result r) {
		StringBuilder out = new StringBuilder();
		r.outcomes.forEach((outcome, count) -> {
			if (count > 0) {
				out.append((out.length() == 0) ? "" : ", ").append(String.format(Locale.ROOT, "%s %,d", outcome, count));
			}
		});
		return (out.length() == 0) ? "none" : out.toString();
	}

	static String count(OptionalDouble value) {
		return value.isPresent() ? String.format(Locale.ROOT, "%,.0f", value.getAsDouble()) : "n/a";
	}

	/** Seconds as whole microseconds. */
	static String micros(OptionalDouble seconds) {
		return seconds.isPresent() ? String.format(Locale.ROOT, "%.0f", seconds.getAsDouble() * 1e6) : "n/a";
	}

	/** Seconds as microseconds with one decimal. */
	static String tenthsOfMicros(OptionalDouble seconds) {
		return seconds.isPresent() ? String.format(Locale.ROOT, "%.1f", seconds.getAsDouble() * 1e6) : "n/a";
	}

	/** Whole percent, one decimal below 10 %. */
	private static String percent(double ratio) {
		double percent = 100 * ratio;
		return String.format(Locale.ROOT, (percent < 10) ? "%.1f%%" : "%.0f%%", percent);
	}

}
