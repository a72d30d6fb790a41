package id.apbdmonitor.pad;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pad_receipt_on_zero_target} and the revenue type of a non-standard PAD account, on the
 * revenue types pad-revenue ships (its application.yml).
 */
class ZeroTargetRuleTests {

	private static final PadSnapshot.Key DISHUB_LEVIES = new PadSnapshot.Key("DISHUB", "retribusi");

	@Test
	void shouldFindTheDayAfterWhichReceiptsBreachWhenEveryLineOfTheTypeIsZero() {
		ZeroTargetRule rule = new ZeroTargetRule(shipped(0));
		Map<PadSnapshot.Key, LocalDate> zero = rule.zeroTargets(List.of(
				// DISHUB's parking levy revised to 0 by the APBD-P of 29 September, its terminal levy on 1 October
				line("DISHUB", "4.1.02.01.03.0001", "0.00", "2026-09-29"),
				line("DISHUB", "4.1.02.01.03.0002", "0.00", "2026-10-01"),
				// DLH keeps Rp 2,2 miliar on one line though another is 0
				line("DLH", "4.1.02.01.02.0001", "2200000000.00", "2026-01-02"),
				line("DLH", "4.1.02.01.02.0002", "0.00", "2026-09-29")));
		assertThat(zero).containsExactly(Map.entry(DISHUB_LEVIES, LocalDate.of(2026, 10, 1)));
	}

	@Test
	void shouldCountOnlyReceiptsOfTheTypeAfterTheGrace() {
		ZeroTargetRule rule = new ZeroTargetRule(shipped(3));
		LocalDate after = rule.zeroTargets(List.of(line("DISHUB", "4.1.02.01.03.0001", "0.00", "2026-09-29")))
			.get(DISHUB_LEVIES);
		// 29 September + 3 days of grace: receipts from 3 October breach
		assertThat(after).isEqualTo("2026-10-02");
		// the ledger returns receipts dated after that day; a tax receipt of DISHUB is another type
		int breaches = rule.breaches(DISHUB_LEVIES, List.of(new ZeroTargetRule.Receipt("4.1.02.01.03.0001",
				LocalDate.of(2026, 10, 5)), new ZeroTargetRule.Receipt("4.1.02.01.03.0001", LocalDate.of(2026, 11, 2)),
				new ZeroTargetRule.Receipt("4.1.01.11.01.0001", LocalDate.of(2026, 11, 3))));
		assertThat(breaches).isEqualTo(2);
	}

	@Test
	void shouldGiveANonStandardPadAccountItsOwnRevenueType() {
		PadProperties properties = shipped(0);
		// 4.1.05 is not one of the four jenis of PAD (4.1.01 … 4.1.04)
		assertThat(properties.typeOf("4.1.05.01.01.0001")).isEqualTo("non-standard-pad");
		assertThat(properties.typeOf("4.1.04.16.01.0001")).isEqualTo("other-pad");
		assertThat(properties.typeOf("4.1.01.19.01.0001")).isEqualTo("pbjt");
		assertThat(properties.typeOf("4.1.01.11.01.0001")).as("old parking tax").isEqualTo("pbjt");
		assertThat(properties.typeOf("4.1.02.01.03.0001")).isEqualTo("retribusi");
	}

	private static ZeroTargetRule.TargetLine line(String opd, String account, String target, String revisedOn) {
		return new ZeroTargetRule.TargetLine(opd, account, new BigDecimal(target), LocalDate.parse(revisedOn));
	}

	/** The shipped apbd.pad.* with another grace. */
	private static PadProperties shipped(int graceDays) {
		try {
			var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
			PadProperties properties = new Binder(ConfigurationPropertySources.from(sources))
				.bind("apbd.pad", PadProperties.class)
				.get();
			return new PadProperties(properties.revenueTypes(), properties.collectors(), graceDays);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
