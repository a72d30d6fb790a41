package id.apbdmonitor.core.event;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTests {

	@Test
	void shouldEscapeLineBreaksAndControlCharactersSoAFieldCannotForgeALogLine() {
		assertThat(LogSafe.of("DKP\nWARN forged\r\tx\u0000y\u001b[31m\\")).isEqualTo("DKP\\nWARN forged\\r\\tx\\u0000y\\u001b[31m\\\\");
		assertThat(LogSafe.of("a\u2028b\u202ec")).isEqualTo("a\\u2028b\\u202ec");
	}

	@Test
	void shouldCutLongValuesAndSayHowLongTheyWere() {
		String cut = LogSafe.of("x".repeat(10_240));
		assertThat(cut).isEqualTo("x".repeat(200) + "…(10240 chars)");
		assertThat(LogSafe.of("abcdef", 3)).isEqualTo("abc…(6 chars)");
		assertThat(LogSafe.of("abc", 3)).isEqualTo("abc");
	}

	@Test
	void shouldNeverSplitACharacterOutsideTheBasicPlane() {
		// 3 characters, 6 UTF-16 units: the cut counts characters
		assertThat(LogSafe.of("😀😀😀", 2)).isEqualTo("😀😀…(3 chars)");
		assertThat(LogSafe.of(null)).isEqualTo("null");
	}

}
