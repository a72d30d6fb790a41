package id.apbdmonitor.core.test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON of events as a source system would send them, written out field by field so that
 * tests do not depend on the classes under test.
 */
public final class TestEvents {

	public static final String PEMDA = "52.72";

	private TestEvents() {
	}

	public static String key(String opd) {
		return PEMDA + "/" + opd;
	}

	public static String realisedEvent(String eventId, String opd, String account, String amount, String date) {
		return """
				{"eventId":"%s","type":"spending-realised","schemaVersion":1,"pemda":"52.72","fiscalYear":%s,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"SP2D","number":"%s/SP2D-LS/2026"},
				 "mechanism":"LS","account":"%s","amount":"%s"}"""
			.formatted(eventId, date.substring(0, 4), opd, date, eventId, account, amount);
	}

	public static String reversedEvent(String eventId, String opd, String reverses, String amount, String date) {
		return """
				{"eventId":"%s","type":"spending-reversed","schemaVersion":1,"pemda":"52.72","fiscalYear":%s,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"SP2D","number":"%s/BATAL"},
				 "reverses":"%s","amount":"%s","reason":"SP2D cancelled"}"""
			.formatted(eventId, date.substring(0, 4), opd, date, reverses, reverses, amount);
	}

	/** A budget line whose 12 months are given; pagu is their sum, computed here with BigDecimal. */
	public static String budgetLine(String eventId, String lineId, String opd, String account, int revision,
			String kind, List<String> cashPlan) {
		BigDecimal pagu = cashPlan.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
		return budgetLine(eventId, lineId, opd, account, revision, kind, pagu.toPlainString(), cashPlan);
	}

	public static String budgetLine(String eventId, String lineId, String opd, String account, int revision,
			String kind, String pagu, List<String> cashPlan) {
		return budgetLine(eventId, lineId, opd, account, revision, kind, pagu, cashPlan, "2026-01-02");
	}

	/** The same, the revision dated {@code occurredOn} (2026), e.g. an APBD-P in September. */
	public static String budgetLine(String eventId, String lineId, String opd, String account, int revision,
			String kind, String pagu, List<String> cashPlan, String occurredOn) {
		String plan = cashPlan.stream().map(amount -> "\"" + amount + "\"").collect(Collectors.joining(","));
		return """
				{"eventId":"%s","type":"budget-line","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
				 "opd":"%s","occurredOn":"%s","document":{"kind":"DPA","number":"DPA/%s/2026"},
				 "lineId":"%s","subActivity":"1.02.02.2.01.0001","account":"%s",
				 "revision":{"number":%d,"kind":"%s"},"pagu":"%s","cashPlan":[%s]}"""
			.formatted(eventId, opd, occurredOn, opd, lineId, account, revision, kind, pagu, plan);
	}

	/** Twelve equal monthly amounts. */
	public static List<String> months(String each) {
		return java.util.Collections.nCopies(12, each);
	}

}
