package id.apbdmonitor.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.apbdmonitor.devstack.DevstackParts;

/** One drain of the national goods year by a number of instances in one consumer group. */
record Drain(int instances, long events, double seconds, double rate, double serviceCpu, double brokerCpu,
		double databaseCpu, double peakRssMb, Map<String, Long> outcomes, List<Scrape> scrapes, String note,
		List<DevstackParts.Child> children, List<String> hosts) {

	/** The drains and, per instance, its scrape; {@code opds} is the national OPD count each set must cover once. */
	static String table(List<Drain> drains, int opds) {
		StringBuilder table = new StringBuilder("""
				## Ingest, goods-spending

				| instances | events | drain s | events/s | CPU s per 1k: services | broker | database | peak RSS MB (largest instance) | outcomes | note |
				|---:|---:|---:|---:|---:|---:|---:|---:|---|---|
				""");
		for (Drain drain : drains) {
			table.append(String.format(Locale.ROOT, "| %d | %,d | %.1f | %,.0f | %.3f | %.3f | %.3f | %.0f | %s | %s |%n",
					drain.instances, drain.events, drain.seconds, drain.rate, drain.serviceCpu, drain.brokerCpu,
					drain.databaseCpu, drain.peakRssMb, drain.outcomes, drain.note));
		}
		table.append("""

				## Scrapes of /actuator/prometheus after each drain

				| instances | instance | bytes | samples | `apbd_opd_info` samples | median ms | slowest ms |
				|---:|---|---:|---:|---:|---:|---:|
				""");
		for (Drain drain : drains) {
			long exported = 0;
			for (Scrape scrape : drain.scrapes) {
				exported += scrape.opdInfo();
				table.append(String.format(Locale.ROOT, "| %d | %s | %,d | %,d | %,d | %.0f | %.0f |%n", drain.instances,
						scrape.host(), scrape.bytes(), scrape.samples(), scrape.opdInfo(), scrape.medianMillis(),
						scrape.maxMillis()));
			}
			table.append(String.format(Locale.ROOT, "| %d | all | | | %,d of %,d OPDs%s | | |%n", drain.instances, exported,
					opds, (exported == opds) ? ", each once" : " — NOT each once"));
		}
		return table.toString();
	}

}
