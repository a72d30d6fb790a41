package id.apbdmonitor.capital;

import java.math.BigDecimal;
import java.time.LocalDate;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Enveloped;

/**
 * One event of {@code apbd.capital.v1}. Fields not carried by the event's type are null:
 * a contract has sub-kegiatan, account, supplier, value and planned end; a progress report its
 * percentage; a payment its stage and amount; a reversal the payment it takes back and amount.
 */
record CapitalEvent(Envelope envelope, String contractId, String subActivity, String account, String supplier,
		BigDecimal value, LocalDate plannedEnd, BigDecimal progress, String stage, BigDecimal amount,
		String reverses) implements Enveloped {

	static final String SIGNED = "capital-contract-signed";

	static final String PROGRESS = "capital-progress-reported";

	static final String HANDED_OVER = "capital-handed-over";

	static final String PAYMENT = "capital-payment";

	static final String REVERSED = "capital-payment-reversed";

	String type() {
		return this.envelope.type();
	}

}
