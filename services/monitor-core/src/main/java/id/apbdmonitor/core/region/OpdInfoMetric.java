package id.apbdmonitor.core.region;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Exports {@code apbd_opd_info{pemda,opd,opd_name} 1} for every OPD of every region, and
 * {@code apbd_region_info{pemda,region_name,province} 1} for every region, from start-up, so that
 * alerts and dashboards can show names next to codes with a {@code group_left} join instead of
 * repeating the region files in Prometheus.
 */
@Component
class OpdInfoMetric {

	OpdInfoMetric(Regions regions, MeterRegistry registry) {
		for (RegionProperties region : regions.all()) {
			Gauge.builder("apbd.region.info", () -> 1)
				.description("1 for every region monitored; region_name and province are its names (join on pemda)")
				.tag("pemda", region.pemda())
				.tag("region_name", region.displayName())
				.tag("province", region.province())
				.register(registry);
			for (RegionProperties.Opd opd : region.opds()) {
				String name = opd.name().isBlank() ? opd.code() : opd.name();
				Gauge.builder("apbd.opd.info", () -> 1)
					.description("1 for every OPD of the region file; opd_name is its name (join on pemda and opd)")
					.tag("pemda", region.pemda())
					.tag("opd", opd.code())
					.tag("opd_name", name)
					.register(registry);
			}
		}
	}

}
