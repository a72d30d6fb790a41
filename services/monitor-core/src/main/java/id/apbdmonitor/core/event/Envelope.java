package id.apbdmonitor.core.event;

import java.time.LocalDate;

/** The fields every event carries (docs/events/README.md). */
public record Envelope(String eventId, String type, int schemaVersion, String pemda, int fiscalYear, String opd,
		LocalDate occurredOn, DocumentRef document) {

	public String describe() {
		return this.type + " " + this.eventId + " of " + this.opd + " (" + this.document.kind() + " "
				+ this.document.number() + ")";
	}

}
