package id.apbdmonitor.pad;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule {@code pad_receipt_on_zero_target}: receipts keep arriving for a revenue type of a
 * collecting OPD whose target in force is 0 (every target line of the type revised to 0, usually
 * by the APBD-P). A receipt breaches when it is dated more than the grace days after the latest
 * of those revisions; the receipt itself is stored and counted as realised like any other.
 */
final class ZeroTargetRule {

	static final String RULE = "pad_receipt_on_zero_target";

	private final PadProperties properties;

	ZeroTargetRule(PadProperties properties) {
		this.properties = properties;
	}

	/**
	 * For each OPD and revenue type whose target lines are all 0: the last day on which a receipt
	 * does not breach (the latest revision's date plus the grace days).
	 */
	Map<PadSnapshot.Key, LocalDate> zeroTargets(List<TargetLine> lines) {
		Map<PadSnapshot.Key, BigDecimal> targets = new HashMap<>();
		Map<PadSnapshot.Key, LocalDate> revised = new HashMap<>();
		for (TargetLine line : lines) {
			PadSnapshot.Key key = new PadSnapshot.Key(line.opd(), this.properties.typeOf(line.account()));
			targets.merge(key, line.target(), BigDecimal::add);
			revised.merge(key, line.revisedOn(), (a, b) -> a.isAfter(b) ? a : b);
		}
		Map<PadSnapshot.Key, LocalDate> zero = new HashMap<>();
		targets.forEach((key, target) -> {
			if (target.signum() == 0) {
				zero.put(key, revised.get(key).plusDays(this.properties.zeroTargetGraceDays()));
			}
		});
		return zero;
	}

	/** How many of an OPD's receipts (dated after {@code after}) are of the revenue type. */
	int breaches(PadSnapshot.Key key, List<Receipt> receiptsAfter) {
		long count = 0;
		for (Receipt receipt : receiptsAfter) {
			if (this.properties.typeOf(receipt.account()).equals(key.revenueType())) {
				count += receipt.count();
			}
		}
		return Math.toIntExact(count);
	}

	/** A target line in force and the date of its revision. */
	record TargetLine(String opd, String account, BigDecimal target, LocalDate revisedOn) {
	}

	/** {@code count} receipts not reversed in full of one account and date. */
	record Receipt(String account, LocalDate receivedOn, long count) {

		Receipt(String account, LocalDate receivedOn) {
			this(account, receivedOn, 1);
		}

	}

}
