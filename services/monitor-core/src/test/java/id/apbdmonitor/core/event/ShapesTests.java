package id.apbdmonitor.core.event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written shape checks accept exactly what the schemas' patterns accept: each is
 * compared with the schema's regular expression on the schema's own examples, on every edge a
 * pattern has (lengths, first characters, leading zeros, decimals) and on 200,000 random
 * strings drawn from the characters that matter.
 */
class ShapesTests {

	private static final String ALPHABET = "0123456789.-_:/Xaz AZ\u00e9\n+e";

	private final Random random = new Random(20261130);

	@Test
	void shouldAcceptEventIdsAsTheSchemaPatternDoes() {
		same(Pattern.compile("^[A-Za-z0-9._:/-]{1,120}$"), Shapes::eventId, "SP2D-LS/0001:2026", "a".repeat(120),
				"a".repeat(121), "", "a b", "é");
	}

	@Test
	void shouldAcceptCodesAndOpdsAsTheSchemaPatternsDo() {
		same(Pattern.compile("^[A-Za-z0-9._-]{1,60}$"), Shapes::code, "BPKAD", "x".repeat(60), "x".repeat(61), "",
				"a/b", "-a");
		same(Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"), Shapes::opd, "DINKES", "D".repeat(40),
				"D".repeat(41), "-DINKES", ".A", "_", "A-b.c_d", "");
	}

	@Test
	void shouldAcceptPemdaAndAccountsAsTheSchemaPatternsDo() {
		same(Pattern.compile("^[0-9]{2}(\\.[0-9]{2})?$"), Shapes::pemda, "52.72", "52", "5", "520", "52.", "52-72",
				"5.272", "52.7", "52.722");
		same(Pattern.compile("^[4-6]\\.[1-9]\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$"), Shapes::account,
				"5.1.02.01.01.0024", "4.1.01.01.01.0001", "6.9.99.99.99.9999", "7.1.02.01.01.0024",
				"3.1.02.01.01.0024", "5.0.02.01.01.0024", "5.1.02.01.01.002", "5.1.02.01.01.00245",
				"5.1.0a.01.01.0024", "5-1.02.01.01.0024");
	}

	@Test
	void shouldAcceptDatesAsTheSchemaPatternDoes() {
		Pattern date = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
		same(date, text -> Shapes.date(text) >= 0, "2026-01-01", "2026-12-31", "2026-00-10", "2026-13-01",
				"2026-02-31", "2026-02-00", "2026-02-32", "2026-1-01", "26-01-01", "2026/01/01", "20260-1-01");
		assertThat(Shapes.date("2026-02-29")).isEqualTo(20260229);
		assertThat(Shapes.date("0001-10-31")).isEqualTo(11031);
	}

	@Test
	void shouldReadMoneyAsTheSchemaPatternAcceptsItInHundredthsOfARupiah() {
		Pattern money = Pattern.compile("^-?(0|[1-9][0-9]{0,15})(\\.[0-9]{1,2})?$");
		same(money, text -> Shapes.money(text) != Long.MIN_VALUE, "0", "0.5", "0.50", "12500000.00", "-0",
				"-12.5", "9999999999999999.99", "10000000000000000", "00", "01", "1.", ".5", "1.234", "--1", "1e5",
				"+1", "", "-", "1.5-");
		assertThat(Shapes.money("12500000.5")).isEqualTo(1_250_000_050L);
		assertThat(Shapes.money("9999999999999999.99")).isEqualTo(999_999_999_999_999_999L);
		assertThat(Shapes.money("-0.07")).isEqualTo(-7L);
		for (int i = 0; i < 20_000; i++) {
			String text = randomMoney();
			long cents = Shapes.money(text);
			if (money.matcher(text).matches()) {
				assertThat(BigDecimal.valueOf(cents, 2)).as(text).isEqualByComparingTo(new BigDecimal(text));
			}
		}
	}

	private void same(Pattern pattern, Predicate<String> shape, String... examples) {
		List<String> texts = new ArrayList<>(List.of(examples));
		for (String example : examples) {
			// every one-character change of an example, and random strings around its length
			for (int i = 0; i < example.length(); i++) {
				for (char c : ALPHABET.toCharArray()) {
					texts.add(example.substring(0, i) + c + example.substring(i + 1));
				}
				texts.add(example.substring(0, i) + example.substring(i + 1));
			}
		}
		for (int i = 0; i < 200_000; i++) {
			texts.add(randomText(1 + this.random.nextInt(22)));
		}
		for (String text : texts) {
			assertThat(shape.test(text)).as("'%s'", text).isEqualTo(pattern.matcher(text).matches());
		}
	}

	private String randomText(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

	private String randomMoney() {
		StringBuilder text = new StringBuilder();
		if (this.random.nextInt(4) == 0) {
			text.append('-');
		}
		int digits = 1 + this.random.nextInt(17);
		for (int i = 0; i < digits; i++) {
			text.append((char) ('0' + this.random.nextInt(10)));
		}
		if (this.random.nextBoolean()) {
			text.append('.');
			int decimals = this.random.nextInt(4);
			for (int i = 0; i < decimals; i++) {
				text.append((char) ('0' + this.random.nextInt(10)));
			}
		}
		return text.toString();
	}

}
