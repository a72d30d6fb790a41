package id.apbdmonitor.simulator.national;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import id.apbdmonitor.simulator.generator.Category;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.SimEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class NationalYearTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A small base size keeps each region's year quick to generate. */
	private static final NationalRegions REGIONS = NationalRegions.of(2026, 546, 2026, 5);

	@Test
	void shouldYieldKotaBimaFirstThenTheSyntheticRegionsInOrder() {
		NationalYear year = new NationalYear(NationalRegions.of(3, 4, 2026, 5), 0);
		assertThat(year.size()).isEqualTo(4);
		List<String> pemdas = year.stream().map((generated) -> generated.settings().pemda()).toList();
		assertThat(pemdas).hasSize(4).first().isEqualTo("52.72");
		assertThat(pemdas.subList(1, 4))
			.containsExactlyElementsOf(NationalRegions.of(3, 4, 2026, 5).synthetic().stream().map(SyntheticRegion::pemda).toList());
	}

	@Test
	void shouldGenerateTheSameEventsForTheSameSeed() {
		GeneratedYear first = new NationalYear(NationalRegions.of(11, 30, 2026, 5), 0.01).generate(7);
		GeneratedYear again = new NationalYear(NationalRegions.of(11, 30, 2026, 5), 0.01).generate(7);
		assertThat(again.events()).hasSameSizeAs(first.events());
		assertThat(again.events().subList(0, 500)).isEqualTo(first.events().subList(0, 500));
		assertThat(again.events().get(again.events().size() - 1)).isEqualTo(first.events().get(first.events().size() - 1));
	}

	@Test
	void shouldNameOnlyItsOwnPemdaAndOpdsInEveryEventOfASyntheticRegion() {
		NationalYear year = new NationalYear(REGIONS, 0);
		// a province (no kecamatan, WIB), a regency and a city
		for (String pemda : List.of("14", "53.05", "73.72")) {
			int index = REGIONS.synthetic().stream().map(SyntheticRegion::pemda).toList().indexOf(pemda) + 1;
			SyntheticRegion region = REGIONS.synthetic().get(index - 1);
			GeneratedYear generated = year.generate(index);
			Set<String> opds = Set.copyOf(region.opds());
			assertThat(generated.events()).isNotEmpty();
			for (SimEvent event : generated.events()) {
				JsonNode node = JSON.readTree(event.value());
				assertThat(node.get("pemda").stringValue()).as(event.value()).isEqualTo(pemda);
				assertThat(node.get("opd").stringValue()).as(event.value()).isIn(opds);
			}
			// the other categories keep Kota Bima's magnitudes; personnel completes the region's APBD-P total
			BigDecimal pagu = BigDecimal.ZERO;
			for (Category category : generated.categories()) {
				if (category != Category.PAD && category != Category.UP) {
					pagu = pagu.add(generated.expectedTotals().pagu(category));
				}
			}
			assertThat(pagu).as(pemda).isEqualByComparingTo(region.amendedApbdSpending());
		}
	}

	@Test
	void shouldBalanceTheSmallestApbdWithEveryOpd() {
		// the worst case of the ranges: all 33 of Kota Bima's OPDs on Rp 0,65 triliun
		SyntheticRegion largest = REGIONS.synthetic()
			.stream()
			.filter((region) -> region.opds().size() == 33)
			.findFirst()
			.orElseThrow();
		for (long seed = 1; seed <= 3; seed++) {
			SyntheticRegion smallest = new SyntheticRegion(largest.pemda(), largest.kind(), largest.name(),
					largest.province(), largest.zone(), largest.opds(), largest.laggingOpds(), largest.onPlanOpds(),
					new BigDecimal("650000000000.00"), new BigDecimal("650000000000.00"), 5, seed, List.of());
			GeneratedYear generated = new NationalYear(REGIONS, 0).generate(smallest);
			assertThat(generated.expectedTotals().pagu(Category.PERSONNEL))
				.isGreaterThan(new BigDecimal("65000000000.00"));
		}
	}

}
