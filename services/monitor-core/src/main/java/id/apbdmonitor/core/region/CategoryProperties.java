package id.apbdmonitor.core.region;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.category.*}: the indicator category this service owns ({@code goods},
 * {@code services} …), the account-code prefixes that belong to it (DOMAIN §2) and the
 * sub-prefixes below them that belong to another category (personnel owns {@code 5.1.01} but
 * not {@code 5.1.01.02}, which is tpp). A service that serves several categories lists them
 * under {@code apbd.category.categories} instead (other-spending); no account may then belong to
 * two of them.
 */
@ConfigurationProperties("apbd.category")
public record CategoryProperties(String name, List<String> accountPrefixes,
		@DefaultValue List<String> excludedPrefixes, @DefaultValue List<CategoryProperties> categories) {

	public CategoryProperties {
		excludedPrefixes = (excludedPrefixes == null) ? List.of() : List.copyOf(excludedPrefixes);
		categories = (categories == null) ? List.of() : List.copyOf(categories);
		if (categories.isEmpty()) {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException(
						"apbd.category.name must be set (e.g. goods), or apbd.category.categories listed");
			}
			if (accountPrefixes == null || accountPrefixes.isEmpty()) {
				throw new IllegalArgumentException("apbd.category.account-prefixes must list at least one prefix");
			}
			accountPrefixes = List.copyOf(accountPrefixes);
		}
		else {
			if (name != null || (accountPrefixes != null && !accountPrefixes.isEmpty())) {
				throw new IllegalArgumentException(
						"apbd.category: give either name and account-prefixes, or categories, not both");
			}
			accountPrefixes = List.of();
			checkDisjoint(categories);
		}
	}

	/** A single category, as goods-spending or services-spending configure it. */
	public static CategoryProperties of(String name, List<String> accountPrefixes) {
		return new CategoryProperties(name, accountPrefixes, List.of(), List.of());
	}

	/** A single category with sub-prefixes that belong elsewhere. */
	public static CategoryProperties of(String name, List<String> accountPrefixes, List<String> excludedPrefixes) {
		return new CategoryProperties(name, accountPrefixes, excludedPrefixes, List.of());
	}

	/** Several categories served by one service. */
	public static CategoryProperties several(List<CategoryProperties> categories) {
		return new CategoryProperties(null, null, List.of(), categories);
	}

	/** Every category this service serves: itself, or the listed ones. */
	public List<CategoryProperties> all() {
		return this.categories.isEmpty() ? List.of(this) : this.categories;
	}

	/** The names of {@link #all()}. */
	public List<String> names() {
		return all().stream().map(CategoryProperties::name).toList();
	}

	/** Whether an account code belongs to a category of this service. */
	public boolean owns(String account) {
		return categoryOf(account) != null;
	}

	/** The category of this service an account code belongs to, or null. */
	public String categoryOf(String account) {
		for (CategoryProperties category : all()) {
			if (category.ownsItself(account)) {
				return category.name();
			}
		}
		return null;
	}

	/** Human-readable prefixes for rejection messages, e.g. {@code personnel [5.1.01 except 5.1.01.02]}. */
	public String describe() {
		List<String> parts = new ArrayList<>();
		for (CategoryProperties category : all()) {
			String prefixes = String.join(", ", category.accountPrefixes());
			if (!category.excludedPrefixes().isEmpty()) {
				prefixes += " except " + String.join(", ", category.excludedPrefixes());
			}
			parts.add(category.name() + " [" + prefixes + "]");
		}
		return String.join("; ", parts);
	}

	/** Equal to a prefix or below it at a level boundary, and not below an excluded prefix. */
	private boolean ownsItself(String account) {
		return matches(this.accountPrefixes, account) && !matches(this.excludedPrefixes, account);
	}

	/**
	 * Whether an account lies under a prefix: is it, or continues it after a dot (5.1.02 holds
	 * 5.1.02.01.01.0024, not 5.1.021). No prefix and dot are concatenated per event (issue 11).
	 */
	public static boolean isUnder(String account, String prefix) {
		return account.startsWith(prefix)
				&& (account.length() == prefix.length() || account.charAt(prefix.length()) == '.');
	}

	private static boolean matches(List<String> prefixes, String account) {
		for (String prefix : prefixes) {
			if (isUnder(account, prefix)) {
				return true;
			}
		}
		return false;
	}

	private static void checkDisjoint(List<CategoryProperties> categories) {
		for (CategoryProperties a : categories) {
			if (!a.categories().isEmpty()) {
				throw new IllegalArgumentException("apbd.category.categories cannot be nested: " + a.name());
			}
			for (CategoryProperties b : categories) {
				if (a == b) {
					continue;
				}
				if (a.name().equals(b.name())) {
					throw new IllegalArgumentException("apbd.category.categories lists " + a.name() + " twice");
				}
				// a prefix of b owned by a means the two overlap (excluded sub-prefixes are not owned)
				for (String prefix : b.accountPrefixes()) {
					if (a.ownsItself(prefix)) {
						throw new IllegalArgumentException("apbd.category.categories: account " + prefix + " of "
								+ b.name() + " also belongs to " + a.name());
					}
				}
			}
		}
	}

}
