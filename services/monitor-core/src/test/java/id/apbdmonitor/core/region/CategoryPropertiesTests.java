package id.apbdmonitor.core.region;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CategoryPropertiesTests {

	private final CategoryProperties services = new CategoryProperties("services",
			List.of("5.1.02.02", "5.1.02.03", "5.1.02.04"));

	@Test
	void shouldOwnAccountsBelowAPrefix() {
		assertThat(this.services.owns("5.1.02.02.01.0013")).isTrue();
		assertThat(this.services.owns("5.1.02.04.01.0001")).isTrue();
	}

	@Test
	void shouldNotOwnAccountsOfAnotherCategory() {
		assertThat(this.services.owns("5.1.02.01.01.0024")).isFalse();
		assertThat(this.services.owns("5.2.02.01.01.0001")).isFalse();
	}

	@Test
	void shouldMatchOnlyAtALevelBoundary() {
		// 5.1.02.021 is not below 5.1.02.02
		assertThat(this.services.owns("5.1.02.021.01.0001")).isFalse();
	}

	@Test
	void shouldRefuseAConfigurationWithoutPrefixes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CategoryProperties("goods", List.of()))
			.withMessageContaining("apbd.category.account-prefixes");
	}

}
