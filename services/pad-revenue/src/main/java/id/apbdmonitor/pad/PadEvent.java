package id.apbdmonitor.pad;

import java.math.BigDecimal;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Enveloped;

/**
 * A receipt ({@code pad-received}: account, channel, positive amount) or its reversal
 * ({@code pad-receipt-reversed}: the receipt's id and the positive amount taken back).
 */
record PadEvent(Envelope envelope, String account, String channel, BigDecimal amount, String reverses)
		implements Enveloped {

	static final String RECEIVED = "pad-received";

	static final String REVERSED = "pad-receipt-reversed";

	boolean isReversal() {
		return this.reverses != null;
	}

}
