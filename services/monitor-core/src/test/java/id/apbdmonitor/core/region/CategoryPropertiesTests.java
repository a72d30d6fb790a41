package id.apbdmonitor.core.region;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CategoryPropertiesTests {

	private final CategoryProperties services = CategoryProperties.of("services",
			List.of("5.1.02.02", "5.1.02.03", "5.1.02.04"));

	private final CategoryProperties other = CategoryProperties.several(List.of(
			CategoryProperties.of("personnel", List.of("5.1.01"), List.of("5.1.01.02")),
			CategoryProperties.of("grants", List.of("5.1.05")), CategoryProperties.of("unexpected", List.of("5.3"))));

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
		assertThatIllegalArgumentException().isThrownBy(() -> CategoryProperties.of("goods", List.of()))
			.withMessageContaining("apbd.category.account-prefixes");
	}

	@Test
	void shouldGiveEachAccountTheCategoryOfSeveralThatOwnsIt() {
		assertThat(this.other.categoryOf("5.1.01.01.01.0001")).isEqualTo("personnel");
		assertThat(this.other.categoryOf("5.1.05.05.01.0001")).isEqualTo("grants");
		assertThat(this.other.categoryOf("5.3.01.01.01.0001")).isEqualTo("unexpected");
		assertThat(this.other.names()).containsExactly("personnel", "grants", "unexpected");
	}

	@Test
	void shouldLeaveAnExcludedSubPrefixToItsOwnCategory() {
		// TPP (5.1.01.02) is personnel spending but belongs to tpp-payments
		assertThat(this.other.categoryOf("5.1.01.02.01.0001")).isNull();
		assertThat(this.other.owns("5.1.01.02")).isFalse();
		assertThat(this.other.describe()).contains("personnel [5.1.01 except 5.1.01.02]");
	}

	@Test
	void shouldRefuseTwoCategoriesThatShareAnAccount() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CategoryProperties.several(List.of(CategoryProperties.of("personnel", List.of("5.1.01")),
					CategoryProperties.of("tpp", List.of("5.1.01.02")))))
			.withMessageContaining("5.1.01.02 of tpp also belongs to personnel");
	}

}
