package id.apbdmonitor.brief;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The part of the region file ({@code apbd.region.*}, monitor-core's region-kota-bima.yml) the
 * brief needs: the region's name and time zone, its OPDs' names, and whom the brief is mailed to.
 */
@ConfigurationProperties("apbd.region")
public record Region(String pemda, @DefaultValue("") String name, ZoneId zone, @DefaultValue List<Opd> opds,
		@DefaultValue Alerting alerting) {

	public Region {
		Objects.requireNonNull(pemda, "apbd.region.pemda must be set (e.g. 52.72)");
		Objects.requireNonNull(zone, "apbd.region.zone must be set (e.g. Asia/Makassar)");
		opds = List.copyOf(opds);
	}

	/** OPD code to name, in the region file's order. */
	public Map<String, String> opdNames() {
		Map<String, String> names = new LinkedHashMap<>();
		this.opds.forEach((opd) -> names.put(opd.code(), opd.name().isBlank() ? opd.code() : opd.name()));
		return names;
	}

	/** The WITA/WIB/WIT abbreviation of the region's zone, as Indonesians write it. */
	public String zoneAbbreviation() {
		return switch (this.zone.getId()) {
			case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
			case "Asia/Makassar" -> "WITA";
			case "Asia/Jayapura" -> "WIT";
			default -> this.zone.getId();
		};
	}

	public record Opd(String code, @DefaultValue("") String name) {
	}

	/** {@code leadership}: who receives the weekly brief; {@code sender}: the From of every mail. */
	public record Alerting(@DefaultValue List<String> leadership, @DefaultValue("") String sender) {

		public Alerting {
			leadership = List.copyOf(leadership);
		}

	}

}
