package id.apbdmonitor.core.region;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Exports {@code apbd_opd_info{pemda,opd,opd_name} 1} for every OPD of the region file, from
 * start-up, so that alerts and dashboards can show an OPD's name next to its code with a
 * {@code group_left (opd_name)} join instead of repeating the region file in Prometheus.
 */
@Component
class OpdInfoMetric {

	OpdInfoMetric(RegionProperties region, MeterRegistry registry) {
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
