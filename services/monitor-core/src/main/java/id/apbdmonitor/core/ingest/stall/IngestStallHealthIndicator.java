package id.apbdmonitor.core.ingest.stall;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness (contributor {@code ingestStall}): DOWN while a topic has had records waiting without
 * progress for longer than {@code apbd.ingest.stall.readiness-after}, so that an orchestrator and
 * the operators see a service that runs but no longer ingests.
 */
@Component
class IngestStallHealthIndicator implements HealthIndicator {

	private final IngestProgressMonitor monitor;

	private final Duration limit;

	IngestStallHealthIndicator(IngestProgressMonitor monitor, StallProperties properties) {
		this.monitor = monitor;
		this.limit = properties.readinessAfter();
	}

	@Override
	public Health health() {
		Map<String, Duration> stalls = this.monitor.stalls();
		Map<String, Long> lags = this.monitor.lags();
		boolean stalled = stalls.values().stream().anyMatch((stall) -> stall.compareTo(this.limit) > 0);
		Health.Builder health = stalled ? Health.down() : Health.up();
		stalls.forEach((topic, stall) -> health.withDetail(topic,
				Map.of("stalledSeconds", stall.toSeconds(), "lag", lags.get(topic))));
		return health.withDetail("limitSeconds", this.limit.toSeconds()).build();
	}

}
