package id.apbdmonitor.up;

import java.math.BigDecimal;
import java.util.Set;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Enveloped;

/**
 * One fact of {@code apbd.up.v1}: a ceiling set, a disbursement (UP, GU refill, TU), an
 * accounting (SPJ-GU, LPJ-TU), a return of leftovers, or the year-end closure. {@code amount}
 * is null only for the closure; {@code tu} names the TU disbursement a TU accounting or return
 * settles.
 */
record UpEvent(Envelope envelope, BigDecimal amount, String tu) implements Enveloped {

	static final String CEILING_SET = "up-ceiling-set";

	static final String UP_DISBURSED = "up-disbursed";

	static final String GU_ACCOUNTED = "gu-accounted";

	static final String GU_DISBURSED = "gu-disbursed";

	static final String TU_DISBURSED = "tu-disbursed";

	static final String TU_ACCOUNTED = "tu-accounted";

	static final String TU_RETURNED = "tu-returned";

	static final String UP_RETURNED = "up-returned";

	static final String CLOSED = "up-closed";

	static final Set<String> TYPES = Set.of(CEILING_SET, UP_DISBURSED, GU_ACCOUNTED, GU_DISBURSED, TU_DISBURSED,
			TU_ACCOUNTED, TU_RETURNED, UP_RETURNED, CLOSED);

	String type() {
		return this.envelope.type();
	}

	boolean settlesTu() {
		return TU_ACCOUNTED.equals(type()) || TU_RETURNED.equals(type());
	}

}
