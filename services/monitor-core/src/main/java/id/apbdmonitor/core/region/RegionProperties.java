package id.apbdmonitor.core.region;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.region.*}, the shape of a region file: one regional government (pemda), its
 * province, time zone and OPDs. The one bound from the service's own configuration is the home
 * region (Kota Bima by default); {@link Regions} adds those of {@code apbd.regions.dir}.
 * {@code open-fiscal-years} empty means: the current year of the region's business date only.
 */
@ConfigurationProperties("apbd.region")
public record RegionProperties(String pemda, @DefaultValue("") String name, @DefaultValue("") String province,
		ZoneId zone, List<Opd> opds, @DefaultValue List<Integer> openFiscalYears) {

	public RegionProperties {
		Objects.requireNonNull(pemda, "apbd.region.pemda must be set (e.g. 52.72)");
		Objects.requireNonNull(zone, "apbd.region.zone must be set (e.g. Asia/Makassar)");
		if (opds == null || opds.isEmpty()) {
			throw new IllegalArgumentException("apbd.region.opds must list the region's OPDs");
		}
		opds = List.copyOf(opds);
		openFiscalYears = List.copyOf(openFiscalYears);
	}

	/** The name people read: the region's name, its code when the file gives none. */
	public String displayName() {
		return this.name.isBlank() ? this.pemda : this.name;
	}

	/**
	 * The zone's Indonesian name (WIB, WITA, WIT), which the alert messages print: Alertmanager's
	 * templates cannot convert zones, so it travels on {@code apbd_region_info}. Any zone that is
	 * not one of Indonesia's three fixed offsets is refused: its alerts would show a wrong time.
	 */
	public String zoneName() {
		ZoneRules rules = this.zone.getRules();
		Instant now = Instant.now();
		String name = (rules.nextTransition(now) != null) ? null
				: switch (rules.getOffset(now).getTotalSeconds()) {
					case 7 * 3600 -> "WIB";
					case 8 * 3600 -> "WITA";
					case 9 * 3600 -> "WIT";
					default -> null;
				};
		if (name == null) {
			throw new IllegalStateException("apbd.region.zone of " + this.pemda + " is " + this.zone + ": a region's zone "
					+ "must be Asia/Jakarta or Asia/Pontianak (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)");
		}
		return name;
	}

	public Set<String> opdCodes() {
		return this.opds.stream().map(Opd::code).collect(Collectors.toUnmodifiableSet());
	}

	/** One agency: its short code (the {@code opd} of events and metrics) and its name. */
	public record Opd(String code, @DefaultValue("") String name) {
	}

}
