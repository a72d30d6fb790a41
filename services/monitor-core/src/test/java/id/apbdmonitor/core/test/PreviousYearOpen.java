package id.apbdmonitor.core.test;

import java.util.List;
import java.util.stream.Collectors;

import id.apbdmonitor.core.test.TestInfrastructure.TestTopics;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The January scene every service is tested in (issue 13): the business date is Wednesday
 * 14 January 2026 and only fiscal year 2025 is still open for booking, so the newest open year,
 * the one the gauges watch, is 2025. Late facts of December 2025 arrive now and must be visible.
 */
public final class PreviousYearOpen {

	/** The business date of the scene. */
	public static final String TODAY = "2026-01-14";

	/** The year still open. */
	public static final int YEAR = 2025;

	private PreviousYearOpen() {
	}

	/** A fresh database and topics, the clock on {@link #TODAY}, only {@link #YEAR} open. */
	public static TestTopics register(DynamicPropertyRegistry registry, String service) {
		TestTopics topics = TestInfrastructure.register(registry, service, TODAY);
		registry.add("apbd.region.open-fiscal-years", () -> Integer.toString(YEAR));
		return topics;
	}

	/** A 2025 budget line, original DPA of 2 January 2025; pagu is the sum of the 12 months. */
	public static String budgetLine(String lineId, String opd, String account, List<String> cashPlan) {
		String plan = cashPlan.stream().map(amount -> "\"" + amount + "\"").collect(Collectors.joining(","));
		String pagu = cashPlan.stream()
			.map(java.math.BigDecimal::new)
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
			.toPlainString();
		return """
				{"eventId":"DPA-%s","type":"budget-line","schemaVersion":1,"pemda":"52.72","fiscalYear":2025,
				 "opd":"%s","occurredOn":"2025-01-02","document":{"kind":"DPA","number":"DPA/%s/2025"},
				 "lineId":"%s","subActivity":"1.02.02.2.01.0001","account":"%s",
				 "revision":{"number":0,"kind":"ORIGINAL"},"pagu":"%s","cashPlan":[%s]}"""
			.formatted(lineId, opd, opd, lineId, account, pagu, plan);
	}

	/** A 2025 spending-realised event of a late December date, arriving in January. */
	public static String realisedEvent(String eventId, String opd, String account, String amount, String date) {
		return TestEvents.realisedEvent(eventId, opd, account, amount, date);
	}

}
