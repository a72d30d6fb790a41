package id.apbdmonitor.core.spending;

import java.math.BigDecimal;
import java.util.Set;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.EnvelopeReader;
import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.event.RejectedException;
import id.apbdmonitor.core.ingest.IngestProperties;
import id.apbdmonitor.core.region.CategoryProperties;

import org.springframework.stereotype.Component;

/** Reads spending events and applies the checks that need no database. */
@Component
class SpendingParser {

	private static final Set<String> TYPES = Set.of(SpendingEvent.REALISED, SpendingEvent.REVERSED);

	private static final Set<String> MECHANISMS = Set.of("LS", "GU", "TU");

	private final EnvelopeReader envelopes;

	private final CategoryProperties category;

	private final BigDecimal maxAmount;

	SpendingParser(EnvelopeReader envelopes, CategoryProperties category, IngestProperties ingest) {
		this.envelopes = envelopes;
		this.category = category;
		this.maxAmount = ingest.maxAmount();
	}

	SpendingEvent parse(JsonFields json) {
		Envelope envelope = this.envelopes.read(json, TYPES);
		if (SpendingEvent.REVERSED.equals(envelope.type())) {
			String reverses = json.id("reverses");
			return new SpendingEvent(envelope, null, null, null, positive(json.money("amount")), reverses,
					json.optionalText("reason", 0, 500));
		}
		String mechanism = json.oneOf("mechanism", MECHANISMS);
		String account = json.account("account");
		String owner = this.category.categoryOf(account);
		if (owner == null) {
			throw RejectedException.of(Reason.ACCOUNT_OUTSIDE_CATEGORY, "account", account,
					"account " + account + " is in no category of this service: " + this.category.describe());
		}
		return new SpendingEvent(envelope, mechanism, account, owner, positive(json.money("amount")), null, null);
	}

	private BigDecimal positive(BigDecimal amount) {
		if (amount.signum() <= 0 || amount.compareTo(this.maxAmount) > 0) {
			throw RejectedException.of(Reason.AMOUNT_OUT_OF_BOUNDS, "amount", amount.toPlainString(),
					"amount must be above 0 and at most " + this.maxAmount.toPlainString() + ", was "
							+ amount.toPlainString());
		}
		return amount;
	}

}
