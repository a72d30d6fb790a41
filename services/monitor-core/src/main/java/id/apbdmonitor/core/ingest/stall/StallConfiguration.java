package id.apbdmonitor.core.ingest.stall;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code apbd.ingest.stall.*}; the monitor and the health indicator are found by IngestConfiguration's scan. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StallProperties.class)
class StallConfiguration {

}
