package id.apbdmonitor.brief.content;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UP figure read straight from up-advances: its rule flags exist only while breached, so
 * the region's counts of breaching OPDs tell "no breach" (0) from "up-advances not read".
 */
class ScrapedFiguresTests {

	@Test
	void shouldCountNoBreachingOpdAsZeroWhenUpAdvancesReportsNone() {
		ScrapedFigures figures = figures("""
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="gu_overdue"} 0
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="up_not_requested"} 0
				""");
		assertThat(figures.region(RegionFigure.UP_BREACHING_OPDS)).hasValue(0);
		assertThat(figures.upRulesBreached()).isEmpty();
	}

	@Test
	void shouldCountEachBreachingOpdOnce() {
		// DKP breaches two rules, RSUD one: two OPDs
		ScrapedFigures figures = figures("""
				apbd_up_rule_breached{pemda="52.72",opd="DKP",category="up",rule="gu_overdue"} 1
				apbd_up_rule_breached{pemda="52.72",opd="DKP",category="up",rule="tu_overdue"} 1
				apbd_up_rule_breached{pemda="52.72",opd="RSUD",category="up",rule="up_not_requested"} 1
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="gu_overdue"} 1
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="tu_overdue"} 1
				apbd_up_rule_breaching_opds{pemda="52.72",category="up",rule="up_not_requested"} 1
				""");
		assertThat(figures.region(RegionFigure.UP_BREACHING_OPDS)).hasValue(2);
		assertThat(figures.upRulesBreached()).isEqualTo(
				Map.of("DKP", Set.of("gu_overdue", "tu_overdue"), "RSUD", Set.of("up_not_requested")));
	}

	@Test
	void shouldHaveNoUpFigureWithoutUpAdvances() {
		ScrapedFigures figures = figures("""
				apbd_realised_rupiah{pemda="52.72",opd="DKP",category="goods"} 180000000
				""");
		assertThat(figures.region(RegionFigure.UP_BREACHING_OPDS)).isEmpty();
	}

	private static ScrapedFigures figures(String text) {
		return new ScrapedFigures(ScrapedFigures.parse(text), List.of(), List.of());
	}

}
