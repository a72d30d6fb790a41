package id.apbdmonitor.core.spending;

import java.math.BigDecimal;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Enveloped;

/**
 * A realisation ({@code spending-realised}: account, mechanism, positive amount) or a reversal
 * ({@code spending-reversed}: the original's id and the positive amount taken back). A
 * realisation's category is the one of the service's categories its account belongs to; a
 * reversal's is its original's, read from the ledger.
 */
record SpendingEvent(Envelope envelope, String mechanism, String account, String category, BigDecimal amount,
		String reverses, String reason) implements Enveloped {

	static final String REALISED = "spending-realised";

	static final String REVERSED = "spending-reversed";

	boolean isReversal() {
		return this.reverses != null;
	}

}
