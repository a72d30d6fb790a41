package id.apbdmonitor.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The figures of one service run, and the Markdown table of all runs. */
record Result(String service, int backlog, double drainSeconds, double rate, double consumerRate, double copyRate,
		double unnestRate, OptionalDouble firstTenth, OptionalDouble lastTenth, double serviceCpu, double brokerCpu,
		double databaseCpu, double peakRssMb, double rssAfterMb, OptionalDouble latencyP50, OptionalDouble latencyP99,
		int markers, Map<String, Long> outcomes, String note) {

	static String table(List<Result> results) {
		StringBuilder out = new StringBuilder();
		out.append("| service | backlog | drain s | events/s | ÷ COPY | ÷ raw consumer | first 10% /s | last 10% /s "
				+ "| CPU s per 1k: service | broker | database | peak RSS MB | RSS after MB | latency p50 | p99 "
				+ "| raw COPY rows/s | raw unnest 500 rows/s | raw consumer rec/s | outcomes |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (Result r : results) {
			out.append(String.format(Locale.ROOT,
					"| %s | %,d | %.1f | %,.0f | %.0f%% | %.0f%% | %s | %s | %.3f | %.3f | %.3f | %.0f | %.0f | %s | %s | %,.0f | %,.0f | %,.0f | %s |%n",
					r.service, r.backlog, r.drainSeconds, r.rate, 100 * r.rate / r.copyRate, 100 * r.rate / r.consumerRate,
					count(r.firstTenth), count(r.lastTenth), r.serviceCpu, r.brokerCpu, r.databaseCpu, r.peakRssMb,
					r.rssAfterMb, millis(r.latencyP50), millis(r.latencyP99), r.copyRate, r.unnestRate,
					r.consumerRate, outcomes(r) + (r.note.isEmpty() ? "" : "; " + r.note)));
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

	private static String count(OptionalDouble value) {
		return value.isPresent() ? String.format(Locale.ROOT, "%,.0f", value.getAsDouble()) : "n/a";
	}

	private static String millis(OptionalDouble seconds) {
		if (seconds.isEmpty()) {
			return "n/a";
		}
		double s = seconds.getAsDouble();
		return (s < 1) ? String.format(Locale.ROOT, "%.0f ms", s * 1000) : String.format(Locale.ROOT, "%.2f s", s);
	}

}
