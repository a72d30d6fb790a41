package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;

/**
 * The generator counts money in whole thousands of rupiah ({@code long}), exactly, and turns it
 * into {@link BigDecimal} rupiah with two decimals at the edges.
 */
final class Money {

	static final long MILLION = 1_000;

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private Money() {
	}

	static BigDecimal rupiah(long thousands) {
		return BigDecimal.valueOf(thousands).multiply(THOUSAND).setScale(2);
	}

	/** The contract's money string: a plain decimal with two decimals, e.g. {@code 12500000.00}. */
	static String format(long thousands) {
		return rupiah(thousands).toPlainString();
	}

	/** Indonesian display form, e.g. {@code 12.500.000,00}: what a careless adapter might send. */
	static String indonesian(long thousands) {
		String plain = String.valueOf(thousands * 1000);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < plain.length(); i++) {
			if (i > 0 && (plain.length() - i) % 3 == 0) {
				grouped.append('.');
			}
			grouped.append(plain.charAt(i));
		}
		return grouped.append(",00").toString();
	}

}
