package id.apbdmonitor.pad;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import id.apbdmonitor.core.projection.YearEndProjection;

/**
 * Immutable PAD figures per collecting OPD and revenue type, as of one business date, and the
 * receipts of the year breaching {@code pad_receipt_on_zero_target} (absent: none).
 */
record PadSnapshot(LocalDate businessDate, Map<Key, Figures> figures, Map<Key, Integer> zeroTargetBreaches) {

	static final Figures NONE = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null);

	static PadSnapshot empty() {
		return new PadSnapshot(null, Map.of(), Map.of());
	}

	Figures of(Key key) {
		return this.figures.getOrDefault(key, NONE);
	}

	int zeroTargetBreaches(Key key) {
		return this.zeroTargetBreaches.getOrDefault(key, 0);
	}

	/** A collecting OPD and a revenue type: the labels of one series. */
	record Key(String opd, String revenueType) {
	}

	/**
	 * Target in force, the seasonal expectation up to the business date, realised net of
	 * reversals, and the date of the last receipt (null before the first).
	 */
	record Figures(BigDecimal target, BigDecimal expectedToDate, BigDecimal realised, LocalDate lastReceiptOn) {

		/** Received at 31 December if the rest of the seasonal expectation comes at the pace so far. */
		BigDecimal projectedYearEnd() {
			return YearEndProjection.revenue(this.target, this.expectedToDate, this.realised);
		}

		Figures plus(Figures other) {
			LocalDate last = (this.lastReceiptOn == null || (other.lastReceiptOn != null
					&& other.lastReceiptOn.isAfter(this.lastReceiptOn))) ? other.lastReceiptOn : this.lastReceiptOn;
			return new Figures(this.target.add(other.target), this.expectedToDate.add(other.expectedToDate),
					this.realised.add(other.realised), last);
		}

	}

}
