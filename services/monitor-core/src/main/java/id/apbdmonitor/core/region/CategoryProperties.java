package id.apbdmonitor.core.region;

import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code apbd.category.*}: the indicator category this service owns ({@code goods},
 * {@code services} …) and the account-code prefixes that belong to it (DOMAIN §2).
 */
@ConfigurationProperties("apbd.category")
public record CategoryProperties(String name, List<String> accountPrefixes) {

	public CategoryProperties {
		Objects.requireNonNull(name, "apbd.category.name must be set (e.g. goods)");
		if (accountPrefixes == null || accountPrefixes.isEmpty()) {
			throw new IllegalArgumentException("apbd.category.account-prefixes must list at least one prefix");
		}
		accountPrefixes = List.copyOf(accountPrefixes);
	}

	/** Whether an account code belongs here: equal to a prefix, or below it at a level boundary. */
	public boolean owns(String account) {
		for (String prefix : this.accountPrefixes) {
			if (account.equals(prefix) || account.startsWith(prefix + ".")) {
				return true;
			}
		}
		return false;
	}

}
