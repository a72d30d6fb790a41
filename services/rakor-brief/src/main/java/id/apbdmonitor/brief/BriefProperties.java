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
 * @param leagueCategories the spending categories the OPD league ranks by (empty: all, the
 * {@code opd:} rules); by default goods and services, which an OPD spends at its own pace against
 * its cash plan: salaries, TPP, grants and transfers follow payrolls and decrees and would hide a
 * lagging OPD, capital follows its contracts (shown as a reason and as priority 5)
 * @param contractedShareBelow a capital contracted share below this is a reason (0..1)
 * @param padBelowExpectation PAD received below this share of its seasonal expectation is a reason
 * @param projects names of the priority projects (the {@code project} label) in Bahasa Indonesia
 */
@ConfigurationProperties("apbd.brief")
public record BriefProperties(@DefaultValue("http://localhost:9090") URI prometheusUrl,
		@DefaultValue List<URI> metricsUrls, @DefaultValue("7d") Duration cadence,
		@DefaultValue("400d") Duration historyLookback, @DefaultValue("5") int bottomCount,
		@DefaultValue({ "goods", "services" }) List<String> leagueCategories,
		@DefaultValue("0.5") double contractedShareBelow, @DefaultValue("0.8") double padBelowExpectation,
		@DefaultValue Map<String, String> projects) {

	public BriefProperties {
		metricsUrls = List.copyOf(metricsUrls);
		leagueCategories = List.copyOf(leagueCategories);
		projects = Map.copyOf(projects);
	}

	/** The league's categories in Bahasa Indonesia, e.g. {@code belanja barang dan jasa}; empty: all. */
	public String leagueCategoriesText() {
		if (this.leagueCategories.isEmpty()) {
			return "seluruh belanja";
		}
		List<String> names = this.leagueCategories.stream()
			.map((category) -> switch (category) {
				case "goods" -> "barang";
				case "services" -> "jasa";
				case "capital" -> "modal";
				case "personnel" -> "pegawai";
				default -> category;
			})
			.toList();
		return "belanja " + (names.size() == 1 ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " dan " + names.get(names.size() - 1));
	}

	/** A project's name, or its code when none is configured. */
	public String projectName(String code) {
		return this.projects.getOrDefault(code, code);
	}

}
