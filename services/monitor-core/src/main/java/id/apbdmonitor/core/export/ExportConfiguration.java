package id.apbdmonitor.core.export;

import id.apbdmonitor.core.ingest.IngestProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry Prometheus scrapes: every series, or with {@code apbd.export.owned-series-only}
 * those of the partitions this instance consumes. Defined here, Spring Boot's own
 * {@code PrometheusRegistry} bean (conditional on none) steps aside.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportProperties.class)
public class ExportConfiguration {

	@Bean
	SeriesOwnership seriesOwnership(IngestProperties ingest) {
		return new SeriesOwnership(ingest.topic());
	}

	@Bean
	PrometheusRegistry prometheusRegistry(ExportProperties properties, SeriesOwnership ownership) {
		return properties.ownedSeriesOnly() ? new OwnedSeriesRegistry(ownership) : new PrometheusRegistry();
	}

}
