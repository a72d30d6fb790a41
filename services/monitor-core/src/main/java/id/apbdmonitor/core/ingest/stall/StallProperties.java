package id.apbdmonitor.core.ingest.stall;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.ingest.stall.*}: how often the consumer group's committed offsets are compared
 * with the topics' end offsets, and how long a stall may last before readiness turns DOWN.
 */
@ConfigurationProperties("apbd.ingest.stall")
public record StallProperties(@DefaultValue("5s") Duration checkInterval, @DefaultValue("2m") Duration readinessAfter) {
}
