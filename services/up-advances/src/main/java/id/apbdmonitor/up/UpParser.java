package id.apbdmonitor.up;

import java.math.BigDecimal;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.EnvelopeReader;
import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.event.RejectedException;
import id.apbdmonitor.core.ingest.IngestProperties;

import org.springframework.stereotype.Component;

/** Reads UP events and applies the checks that need no database. */
@Component
class UpParser {

	private final EnvelopeReader envelopes;

	private final BigDecimal maxAmount;

	UpParser(EnvelopeReader envelopes, IngestProperties ingest) {
		this.envelopes = envelopes;
		this.maxAmount = ingest.maxAmount();
	}

	UpEvent parse(JsonFields json) {
		Envelope envelope = this.envelopes.read(json, UpEvent.TYPES);
		if (UpEvent.CLOSED.equals(envelope.type())) {
			return new UpEvent(envelope, null, null);
		}
		BigDecimal amount = json.money("amount");
		if (amount.signum() <= 0 || amount.compareTo(this.maxAmount) > 0) {
			throw RejectedException.of(Reason.AMOUNT_OUT_OF_BOUNDS, "amount", amount.toPlainString(),
					"amount must be above 0 and at most " + this.maxAmount.toPlainString() + ", was "
							+ amount.toPlainString());
		}
		String tu = (UpEvent.TU_ACCOUNTED.equals(envelope.type()) || UpEvent.TU_RETURNED.equals(envelope.type()))
				? json.id("tu") : null;
		return new UpEvent(envelope, amount, tu);
	}

}
