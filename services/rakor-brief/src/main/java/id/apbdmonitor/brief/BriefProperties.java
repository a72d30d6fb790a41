package id.apbdmonitor.brief;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.brief.*}: where the figures come from and what the brief calls lagging.
 *
 * @param prometheusUrl the Prometheus whose HTTP API holds the history
 * @param metricsUrls the services' own metrics endpoints, read when Prometheus cannot be reached
 * @param cadence how far back "the previous brief" lies (the meeting is weekly)
 * @param historyLookback how far back in Prometheus a business date is searched for
 * @param bottomCount how many OPDs the brief names as lagging
 * @param contractedShareBelow a capital contracted share below this is a reason (0..1)
 * @param padBelowExpectation PAD received below this share of its seasonal expectation is a reason
 * @param projects names of the priority projects (the {@code project} label) in Bahasa Indonesia
 */
@ConfigurationProperties("apbd.brief")
public record BriefProperties(@DefaultValue("http://localhost:9090") URI prometheusUrl,
		@DefaultValue List<URI> metricsUrls, @DefaultValue("7d") Duration cadence,
		@DefaultValue("400d") Duration historyLookback, @DefaultValue("5") int bottomCount,
		@DefaultValue("0.5") double contractedShareBelow, @DefaultValue("0.8") double padBelowExpectation,
		@DefaultValue Map<String, String> projects) {

	public BriefProperties {
		metricsUrls = List.copyOf(metricsUrls);
		projects = Map.copyOf(projects);
	}

	/** A project's name, or its code when none is configured. */
	public String projectName(String code) {
		return this.projects.getOrDefault(code, code);
	}

}
