package id.apbdmonitor.pad;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import id.apbdmonitor.core.region.CategoryProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.pad.*}: the revenue types (the bounded {@code revenue_type} label), the account
 * prefixes of each, their monthly seasonal profile, the collecting OPDs whose series exist
 * from start-up, and the grace of the rule {@code pad_receipt_on_zero_target}: receipts dated
 * more than {@code zeroTargetGraceDays} days after the revision that set a target to 0.
 */
@ConfigurationProperties("apbd.pad")
public record PadProperties(List<RevenueType> revenueTypes, @DefaultValue Map<String, List<String>> collectors,
		@DefaultValue("0") int zeroTargetGraceDays) {

	/** The type of accounts that no configured prefix covers. */
	public static final String UNCLASSIFIED = "unclassified";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public PadProperties {
		if (revenueTypes == null || revenueTypes.isEmpty()) {
			throw new IllegalArgumentException("apbd.pad.revenue-types must list at least one revenue type");
		}
		revenueTypes = List.copyOf(revenueTypes);
		Set<String> codes = new HashSet<>();
		for (RevenueType type : revenueTypes) {
			if (!codes.add(type.code())) {
				throw new IllegalArgumentException("apbd.pad.revenue-types lists '" + type.code() + "' twice");
			}
		}
		collectors.forEach((opd, types) -> types.forEach(type -> {
			if (!codes.contains(type)) {
				throw new IllegalArgumentException("apbd.pad.collectors." + opd + " names unknown revenue type " + type);
			}
		}));
		collectors = Map.copyOf(collectors);
		if (zeroTargetGraceDays < 0) {
			throw new IllegalArgumentException("apbd.pad.zero-target-grace-days must be 0 or more");
		}
	}

	/** The revenue type of an account: the type with the longest prefix the account lies under. */
	public String typeOf(String account) {
		String best = UNCLASSIFIED;
		int bestLength = -1;
		for (RevenueType type : this.revenueTypes) {
			for (String prefix : type.accounts()) {
				if (CategoryProperties.isUnder(account, prefix) && prefix.length() > bestLength) {
					best = type.code();
					bestLength = prefix.length();
				}
			}
		}
		return best;
	}

	/**
	 * A year's target spread over the months by the type's profile (a twelfth each without one),
	 * rounded to the sen, December taking the rounding remainder so the months add up exactly.
	 */
	public List<BigDecimal> monthly(String typeCode, BigDecimal target) {
		List<BigDecimal> profile = this.revenueTypes.stream()
			.filter(type -> type.code().equals(typeCode))
			.findFirst()
			.map(RevenueType::profile)
			.orElse(List.of());
		List<BigDecimal> months = new ArrayList<>(12);
		BigDecimal allocated = BigDecimal.ZERO;
		for (int month = 0; month < 11; month++) {
			BigDecimal amount = profile.isEmpty() ? target.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_EVEN)
					: target.multiply(profile.get(month)).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
			months.add(amount);
			allocated = allocated.add(amount);
		}
		months.add(target.subtract(allocated).setScale(2, RoundingMode.HALF_EVEN));
		return months;
	}

	/** One revenue type: label code, account prefixes, optional 12 monthly percentages adding up to 100. */
	public record RevenueType(String code, List<String> accounts, @DefaultValue List<BigDecimal> profile) {

		public RevenueType {
			Objects.requireNonNull(code, "apbd.pad.revenue-types[].code must be set");
			if (!code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
				throw new IllegalArgumentException("revenue type code must be lower-case letters, digits and '-': " + code);
			}
			if (accounts == null || accounts.isEmpty()) {
				throw new IllegalArgumentException("revenue type " + code + " must list account prefixes");
			}
			accounts = List.copyOf(accounts);
			profile = List.copyOf(profile);
			if (!profile.isEmpty() && (profile.size() != 12
					|| profile.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(HUNDRED) != 0)) {
				throw new IllegalArgumentException("the profile of " + code + " must be 12 monthly percentages adding up to 100");
			}
		}

	}

}
