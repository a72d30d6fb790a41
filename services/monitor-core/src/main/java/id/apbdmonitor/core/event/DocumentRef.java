package id.apbdmonitor.core.event;

import java.util.Set;

/** The source document of an event (SP2D, SPJ, DPA …) and its number. */
public record DocumentRef(String kind, String number) {

	public static final Set<String> KINDS = Set.of("DPA", "SPP", "SPM", "SP2D", "SPJ", "LPJ", "STS", "BAST",
			"CONTRACT", "OTHER");

}
