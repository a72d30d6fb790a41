package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.EnvelopeReader;
import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.event.RejectedException;
import id.apbdmonitor.core.ingest.IngestProperties;

import org.springframework.stereotype.Component;

/** Reads {@code tpp-stage} events and applies the checks that need no database. */
@Component
class TppParser {

	private static final Set<String> STAGES = Arrays.stream(Stage.values()).map(Stage::name).collect(Collectors.toSet());

	private static final int MAX_EMPLOYEES = 100_000;

	private final EnvelopeReader envelopes;

	private final BigDecimal maxAmount;

	private final int decemberGraceDays;

	TppParser(EnvelopeReader envelopes, IngestProperties ingest, TppProperties rules) {
		this.envelopes = envelopes;
		this.maxAmount = ingest.maxAmount();
		this.decemberGraceDays = rules.decemberGraceDays();
	}

	TppEvent parse(JsonFields json) {
		// December's TPP is paid in January: any stage may carry a January date here, and all but
		// December's are held to the fiscal year below
		Envelope envelope = this.envelopes.read(json, Set.of(TppEvent.TYPE), this.decemberGraceDays);
		int month = json.integer("month");
		if (month < 1 || month > 12) {
			throw RejectedException.of(Reason.INVALID_FIELD, "month", month,
					"month must be a month of the fiscal year, 1 to 12, was " + month);
		}
		if (month != 12 && envelope.occurredOn().getYear() != envelope.fiscalYear()) {
			throw RejectedException.of(Reason.DATE_OUTSIDE_FISCAL_YEAR, "occurredOn", envelope.occurredOn(),
					"occurredOn " + envelope.occurredOn() + " is outside fiscal year " + envelope.fiscalYear()
							+ "; only December's TPP may be dated up to " + this.decemberGraceDays
							+ " days after 31 December");
		}
		Stage stage = Stage.valueOf(json.oneOf("stage", STAGES));
		BigDecimal amount = json.money("amount");
		if (amount.signum() <= 0 || amount.compareTo(this.maxAmount) > 0) {
			throw RejectedException.of(Reason.AMOUNT_OUT_OF_BOUNDS, "amount", amount.toPlainString(),
					"amount must be above 0 and at most " + this.maxAmount.toPlainString() + ", was "
							+ amount.toPlainString());
		}
		int employees = json.integer("employees");
		if (employees < 1 || employees > MAX_EMPLOYEES) {
			throw RejectedException.of(Reason.INVALID_FIELD, "employees", employees,
					"employees must be 1 to " + MAX_EMPLOYEES + ", was " + employees);
		}
		return new TppEvent(envelope, month, stage, amount, employees);
	}

}
