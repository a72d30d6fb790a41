package id.apbdmonitor.core.region;

import id.apbdmonitor.core.export.GaugeFamily;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.stereotype.Component;

/**
 * Exports {@code apbd_opd_info{pemda,opd,opd_name} 1} for every OPD of every region, and
 * {@code apbd_region_info{pemda,region_name,province,zone} 1} for every region, from start-up, so
 * that alerts and dashboards can show names next to codes with a {@code group_left} join instead of
 * repeating the region files in Prometheus. {@code zone} (WIB, WITA, WIT) lets Alertmanager print
 * an alert's times in its region's zone; a region in any other zone fails the start-up.
 * {@link GaugeFamily} rows: 14 thousand OPDs nationally.
 */
@Component
class OpdInfoMetric {

	OpdInfoMetric(Regions regions, PrometheusRegistry registry) {
		GaugeFamily regionInfo = GaugeFamily.info(registry, "apbd_region",
				"1 for every region monitored; region_name and province are its names, zone its time zone (join on pemda)");
		GaugeFamily opdInfo = GaugeFamily.info(registry, "apbd_opd",
				"1 for every OPD of the region file; opd_name is its name (join on pemda and opd)");
		for (RegionProperties region : regions.all()) {
			regionInfo.put("pemda", region.pemda(), "region_name", region.displayName(), "province", region.province(),
					"zone", region.zoneName());
			for (RegionProperties.Opd opd : region.opds()) {
				String name = opd.name().isBlank() ? opd.code() : opd.name();
				opdInfo.put("pemda", region.pemda(), "opd", opd.code(), "opd_name", name);
			}
		}
	}

}
