package id.apbdmonitor.capital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.EnvelopeReader;
import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.event.RejectedException;
import id.apbdmonitor.core.ingest.IngestProperties;
import id.apbdmonitor.core.region.CategoryProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/** Reads capital events and applies the checks that need no database. */
@Component
class CapitalParser {

	private static final Set<String> TYPES = Set.of(CapitalEvent.SIGNED, CapitalEvent.PROGRESS,
			CapitalEvent.HANDED_OVER, CapitalEvent.PAYMENT, CapitalEvent.REVERSED);

	static final Set<String> STAGES = Set.of("ADVANCE", "INSTALMENT", "FINAL");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final EnvelopeReader envelopes;

	private final CategoryProperties category;

	private final BigDecimal maxAmount;

	CapitalParser(EnvelopeReader envelopes, CategoryProperties category, IngestProperties ingest) {
		this.envelopes = envelopes;
		this.category = category;
		this.maxAmount = ingest.maxAmount();
	}

	CapitalEvent parse(JsonFields json) {
		Envelope envelope = this.envelopes.read(json, TYPES);
		documentKind(json, envelope.type());
		if (CapitalEvent.REVERSED.equals(envelope.type())) {
			CapitalEvent reversal = new CapitalEvent(envelope, null, null, null, null, null, null, null, null,
					positive("amount", json.money("amount")), json.id("reverses"));
			json.optionalText("reason", 0, 500);
			return reversal;
		}
		String contractId = json.id("contractId");
		return switch (envelope.type()) {
			case CapitalEvent.SIGNED -> signed(json, envelope, contractId);
			case CapitalEvent.PROGRESS -> new CapitalEvent(envelope, contractId, null, null, null, null, null,
					progress(json), null, null, null);
			case CapitalEvent.PAYMENT -> new CapitalEvent(envelope, contractId, null, null, null, null, null, null,
					json.oneOf("stage", STAGES), positive("amount", json.money("amount")), null);
			default -> new CapitalEvent(envelope, contractId, null, null, null, null, null, null, null, null, null);
		};
	}

	/** The schemas fix the document of a signing (CONTRACT) and of a hand-over (BAST). */
	private static void documentKind(JsonFields json, String type) {
		String kind = switch (type) {
			case CapitalEvent.SIGNED -> "CONTRACT";
			case CapitalEvent.HANDED_OVER -> "BAST";
			default -> null;
		};
		if (kind != null) {
			json.object("document").constant("kind", kind);
		}
	}

	private CapitalEvent signed(JsonFields json, Envelope envelope, String contractId) {
		String subActivity = json.subActivity("subActivity");
		String account = json.account("account");
		if (!this.category.owns(account)) {
			throw RejectedException.of(Reason.ACCOUNT_OUTSIDE_CATEGORY, "account", account,
					"account " + account + " is not in category " + this.category.name() + " (prefixes "
							+ this.category.accountPrefixes() + ")");
		}
		String supplier = json.text("supplier", 1, 200);
		BigDecimal value = positive("value", json.money("value"));
		LocalDate plannedEnd = json.date("plannedEnd");
		if (plannedEnd.isBefore(envelope.occurredOn())) {
			throw RejectedException.of(Reason.INVALID_FIELD, "plannedEnd", plannedEnd,
					"plannedEnd " + plannedEnd + " is before the signing date " + envelope.occurredOn());
		}
		return new CapitalEvent(envelope, contractId, subActivity, account, supplier, value, plannedEnd, null, null,
				null, null);
	}

	/** Physical progress: a JSON number of percent, 0 to 100, at most two decimals. */
	private static BigDecimal progress(JsonFields json) {
		JsonNode node = json.node("physicalProgress");
		if (!node.isNumber()) {
			throw RejectedException.of(Reason.INVALID_FIELD, "physicalProgress", node,
					"physicalProgress must be a number of percent from 0 to 100, was " + node);
		}
		BigDecimal percent = node.decimalValue().stripTrailingZeros();
		if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0 || percent.scale() > 2) {
			throw RejectedException.of(Reason.INVALID_FIELD, "physicalProgress", percent.toPlainString(),
					"physicalProgress must be from 0 to 100 with at most two decimals, was " + percent.toPlainString());
		}
		return percent.setScale(2);
	}

	private BigDecimal positive(String field, BigDecimal amount) {
		if (amount.signum() <= 0 || amount.compareTo(this.maxAmount) > 0) {
			throw RejectedException.of(Reason.AMOUNT_OUT_OF_BOUNDS, field, amount.toPlainString(),
					field + " must be above 0 and at most " + this.maxAmount.toPlainString() + ", was "
							+ amount.toPlainString());
		}
		return amount;
	}

}
