package id.apbdmonitor.pad;

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

/** Reads PAD events and applies the checks that need no database. */
@Component
class PadParser {

	private static final Set<String> TYPES = Set.of(PadEvent.RECEIVED, PadEvent.REVERSED);

	static final Set<String> CHANNELS = Set.of("TELLER", "BANK_TRANSFER", "VIRTUAL_ACCOUNT", "QRIS", "EDC", "TREASURER");

	private final EnvelopeReader envelopes;

	private final CategoryProperties category;

	private final BigDecimal maxAmount;

	PadParser(EnvelopeReader envelopes, CategoryProperties category, IngestProperties ingest) {
		this.envelopes = envelopes;
		this.category = category;
		this.maxAmount = ingest.maxAmount();
	}

	PadEvent parse(JsonFields json) {
		Envelope envelope = this.envelopes.read(json, TYPES);
		if (PadEvent.REVERSED.equals(envelope.type())) {
			PadEvent reversal = new PadEvent(envelope, null, null, positive(json.money("amount")), json.id("reverses"));
			json.optionalText("reason", 0, 500);
			return reversal;
		}
		String account = json.account("account");
		if (!this.category.owns(account)) {
			throw RejectedException.of(Reason.ACCOUNT_OUTSIDE_CATEGORY, "account", account,
					"account " + account + " is not in category " + this.category.name() + " (prefixes "
							+ this.category.accountPrefixes() + ")");
		}
		String channel = json.oneOf("channel", CHANNELS);
		return new PadEvent(envelope, account, channel, positive(json.money("amount")), null);
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
