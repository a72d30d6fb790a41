package id.apbdmonitor.up;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** JSON of {@code apbd.up.v1} events as the treasury sends them, written out field by field. */
final class UpEvents {

	private UpEvents() {
	}

	static String key(String opd) {
		return "52.72/" + opd;
	}

	static String ceiling(String eventId, String opd, String amount, String date) {
		return event(eventId, "up-ceiling-set", opd, date, "OTHER", amount, null);
	}

	static String up(String eventId, String opd, String amount, String date) {
		return event(eventId, "up-disbursed", opd, date, "SP2D", amount, null);
	}

	static String guAccounted(String eventId, String opd, String amount, String date) {
		return event(eventId, "gu-accounted", opd, date, "SPJ", amount, null);
	}

	static String guDisbursed(String eventId, String opd, String amount, String date) {
		return event(eventId, "gu-disbursed", opd, date, "SP2D", amount, null);
	}

	static String tu(String eventId, String opd, String amount, String date) {
		return event(eventId, "tu-disbursed", opd, date, "SP2D", amount, null);
	}

	static String tuAccounted(String eventId, String opd, String tu, String amount, String date) {
		return event(eventId, "tu-accounted", opd, date, "LPJ", amount, tu);
	}

	static String tuReturned(String eventId, String opd, String tu, String amount, String date) {
		return event(eventId, "tu-returned", opd, date, "STS", amount, tu);
	}

	static String upReturned(String eventId, String opd, String amount, String date) {
		return event(eventId, "up-returned", opd, date, "STS", amount, null);
	}

	static String closed(String eventId, String opd, String date) {
		return event(eventId, "up-closed", opd, date, "OTHER", null, null);
	}

	static String event(String eventId, String type, String opd, String date, String kind, String amount, String tu) {
		StringBuilder json = new StringBuilder("""
				{"eventId":"%s","type":"%s","schemaVersion":1,"pemda":"52.72","fiscalYear":%s,"opd":"%s",
				 "occurredOn":"%s","document":{"kind":"%s","number":"%s/%s/%s"}"""
			.formatted(eventId, type, date.substring(0, 4), opd, date, kind, eventId, kind, opd));
		if (amount != null) {
			json.append(",\"amount\":\"").append(amount).append('"');
		}
		if (tu != null) {
			json.append(",\"tu\":\"").append(tu).append('"');
		}
		return json.append('}').toString();
	}

	/** Start of a day in WITA (UTC+8, Kota Bima), as an epoch second. */
	static double wita(String date) {
		return LocalDate.parse(date).atStartOfDay(ZoneOffset.ofHours(8)).toEpochSecond();
	}

}
