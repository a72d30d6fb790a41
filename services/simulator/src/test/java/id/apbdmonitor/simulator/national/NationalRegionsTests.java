package id.apbdmonitor.simulator.national;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NationalRegionsTests {

	private static final NationalRegions ALL = NationalRegions.of(2026, 546, 2026, 20);

	private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

	private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

	private static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

	@Test
	void shouldGiveTheSameRegionsForTheSameSeedAndCount() {
		assertThat(NationalRegions.of(2026, 546, 2026, 20).synthetic()).isEqualTo(ALL.synthetic());
		assertThat(NationalRegions.of(7, 60, 2026, 20).synthetic())
			.isEqualTo(NationalRegions.of(7, 60, 2026, 20).synthetic());
		assertThat(NationalRegions.of(8, 60, 2026, 20).synthetic())
			.isNotEqualTo(NationalRegions.of(7, 60, 2026, 20).synthetic());
	}

	@Test
	void shouldOnlyAddRegionsWhenTheCountGrows() {
		Map<String, SyntheticRegion> all = byCode(ALL.synthetic());
		List<SyntheticRegion> some = NationalRegions.of(2026, 100, 2026, 20).synthetic();
		assertThat(some).hasSize(99);
		for (SyntheticRegion region : some) {
			SyntheticRegion same = all.get(region.pemda());
			assertThat(same).as(region.pemda()).isNotNull();
			// the holidays fall on 1 % of the chosen regions, so only they may differ
			assertThat(region.opds()).isEqualTo(same.opds());
			assertThat(region.apbdSpending()).isEqualTo(same.apbdSpending());
			assertThat(region.seed()).isEqualTo(same.seed());
		}
	}

	@Test
	void shouldCountKotaBimaAsRegionZero() {
		assertThat(NationalRegions.of(1, 1, 2026, 20).synthetic()).isEmpty();
		assertThat(NationalRegions.of(1, 2, 2026, 20).synthetic()).hasSize(1);
		assertThat(ALL.count()).isEqualTo(546);
		assertThat(ALL.synthetic()).extracting(SyntheticRegion::pemda).doesNotContain("52.72");
		assertThatIllegalArgumentException().isThrownBy(() -> NationalRegions.of(1, 0, 2026, 20));
		assertThatIllegalArgumentException().isThrownBy(() -> NationalRegions.of(1, 547, 2026, 20));
	}

	@Test
	void shouldGiveEveryPemdaOnceWithAllRegions() {
		List<SyntheticRegion> regions = ALL.synthetic();
		assertThat(regions).hasSize(545);
		assertThat(regions.stream().map(SyntheticRegion::pemda).distinct().count()).isEqualTo(545);
		// 38 provinces; 415 kabupaten and 93 kota (Kemendagri's 416 and 98 without DKI's
		// administrative ones), Kota Bima not among the synthetic ones
		assertThat(count(regions, SyntheticRegion.Kind.PROVINCE)).isEqualTo(38);
		assertThat(count(regions, SyntheticRegion.Kind.REGENCY)).isEqualTo(415);
		assertThat(count(regions, SyntheticRegion.Kind.CITY)).isEqualTo(92);
		// Aceh: 18 kabupaten, 5 kota and the province; Jawa Timur 29 + 9 + 1; NTB 8 + 2 + 1 less Kota Bima;
		// DKI Jakarta only the province
		assertThat(inProvince(regions, "11")).hasSize(24);
		assertThat(inProvince(regions, "35")).hasSize(39);
		assertThat(inProvince(regions, "52")).hasSize(10).contains("52.01", "52.08", "52.71", "52");
		assertThat(inProvince(regions, "31")).containsExactly("31");
		assertThat(inProvince(regions, "11")).contains("11", "11.01", "11.18", "11.71", "11.75")
			.doesNotContain("11.19", "11.76");
	}

	@Test
	void shouldPutEveryRegionInItsProvincesTimeZone() {
		Map<String, SyntheticRegion> regions = byCode(ALL.synthetic());
		// by hand from the table: WIT Maluku, Maluku Utara and the six Papua provinces (8 + 63 regencies
		// and cities); WITA Bali, NTB, NTT, South/East/North Kalimantan and the six Sulawesi provinces
		// (12 + 149, NTB's 9 without Kota Bima); WIB the rest (18 + 295)
		Map<ZoneId, Long> zones = ALL.synthetic()
			.stream()
			.collect(Collectors.groupingBy(SyntheticRegion::zone, Collectors.counting()));
		assertThat(zones).containsOnly(Map.entry(WIB, 313L), Map.entry(WITA, 161L), Map.entry(WIT, 71L));
		assertThat(regions.get("11").zone()).isEqualTo(WIB);
		assertThat(regions.get("19.01").zone()).isEqualTo(WIB);
		assertThat(regions.get("62.01").zone()).isEqualTo(WIB);
		assertThat(regions.get("61.71").zone()).isEqualTo(WIB);
		assertThat(regions.get("63.01").zone()).isEqualTo(WITA);
		assertThat(regions.get("64").zone()).isEqualTo(WITA);
		assertThat(regions.get("65.71").zone()).isEqualTo(WITA);
		assertThat(regions.get("51.71").zone()).isEqualTo(WITA);
		assertThat(regions.get("76.06").zone()).isEqualTo(WITA);
		assertThat(regions.get("81.01").zone()).isEqualTo(WIT);
		assertThat(regions.get("96.71").zone()).isEqualTo(WIT);
		assertThat(regions.get("93.04").zone()).isEqualTo(WIT);
	}

	@Test
	void shouldNameRegionsAfterTheirCodeAndRealProvince() {
		Map<String, SyntheticRegion> regions = byCode(ALL.synthetic());
		assertThat(regions.get("11.05").name()).isEqualTo("Kabupaten Sintetis 11.05");
		assertThat(regions.get("11.05").province()).isEqualTo("Aceh");
		assertThat(regions.get("11.71").name()).isEqualTo("Kota Sintetis 11.71");
		assertThat(regions.get("11").name()).isEqualTo("Provinsi Sintetis Aceh");
		assertThat(regions.get("93.02").province()).isEqualTo("Papua Selatan");
		assertThat(regions.get("52.71").province()).isEqualTo("Nusa Tenggara Barat");
		assertThat(regions.get("34.71").kind()).isEqualTo(SyntheticRegion.Kind.CITY);
		assertThat(regions.get("34.04").kind()).isEqualTo(SyntheticRegion.Kind.REGENCY);
	}

	@Test
	void shouldVaryTheSizesWithinTheirRanges() {
		BigDecimal halfTrillion = new BigDecimal("650000000000.00");
		BigDecimal fiveTrillion = new BigDecimal("5000000000000.00");
		BigDecimal twoTrillion = new BigDecimal("2000000000000.00");
		BigDecimal fortyTrillion = new BigDecimal("40000000000000.00");
		for (SyntheticRegion region : ALL.synthetic()) {
			boolean province = region.kind() == SyntheticRegion.Kind.PROVINCE;
			assertThat(region.opds()).as(region.pemda()).hasSizeBetween(province ? 18 : 20, province ? 28 : 33)
				.containsAll(List.of("SETDA", "BPKAD", "DIKPORA", "DINKES", "PUPR", "DINSOS", "PERKIM", "DLH",
						"DISNAKER", "DISPARBUD", "SATPOLPP"));
			if (province) {
				assertThat(region.opds()).noneMatch((opd) -> opd.startsWith("KEC-"));
			}
			assertThat(region.apbdSpending()).as(region.pemda())
				.isBetween(province ? twoTrillion : halfTrillion, province ? fortyTrillion : fiveTrillion);
			assertThat(region.apbdSpending().remainder(BigDecimal.valueOf(1_000_000)).signum()).isZero();
			assertThat(region.amendedApbdSpending()).isBetween(region.apbdSpending(),
					region.apbdSpending().multiply(new BigDecimal("1.05")));
			assertThat(region.laggingOpds()).hasSizeBetween(1, 4).doesNotContainAnyElementsOf(region.onPlanOpds());
			assertThat(region.onPlanOpds()).hasSizeBetween(1, 5);
			assertThat(region.opds()).containsAll(region.laggingOpds()).containsAll(region.onPlanOpds());
			assertThat(region.eventsPerOpdPerMonth()).isBetween(5, 60);
		}
		// varied, not one size for all
		assertThat(ALL.synthetic().stream().map((region) -> region.opds().size()).distinct().count())
			.isGreaterThan(10);
		assertThat(ALL.synthetic().stream().map(SyntheticRegion::laggingOpds).distinct().count()).isGreaterThan(400);
		// log-uniform on Rp 0,65..5 triliun: ln(1.5/0.65) / ln(5/0.65) = 0.41 of the 507 below Rp 1,5 triliun, ~208
		assertThat(ALL.synthetic()
			.stream()
			.filter((region) -> region.kind() != SyntheticRegion.Kind.PROVINCE)
			.filter((region) -> region.apbdSpending().compareTo(new BigDecimal("1500000000000")) < 0)
			.count()).isBetween(150L, 270L);
	}

	@Test
	void shouldScaleTheEventsToTheApbd() {
		// Kota Bima's Rp 789,81 miliar gives the base 20; Rp 1,5 triliun 20 x 1500 / 789.81 = 37.98;
		// Rp 0,65 triliun 16.46; Rp 10 triliun 253 is capped at 60, Rp 0,1 triliun 2.5 raised to 5
		assertThat(ALL.eventsPerOpdPerMonth(new BigDecimal("789810000000.00"))).isEqualTo(20);
		assertThat(ALL.eventsPerOpdPerMonth(new BigDecimal("1500000000000.00"))).isEqualTo(38);
		assertThat(ALL.eventsPerOpdPerMonth(new BigDecimal("650000000000.00"))).isEqualTo(16);
		assertThat(ALL.eventsPerOpdPerMonth(new BigDecimal("10000000000000.00"))).isEqualTo(60);
		assertThat(ALL.eventsPerOpdPerMonth(new BigDecimal("100000000000.00"))).isEqualTo(5);
	}

	@Test
	void shouldGiveOnePercentOfTheRegionsARegionalHoliday() {
		// 1 % of 545 synthetic regions: 5.45, rounded to 5
		List<SyntheticRegion> withHoliday = ALL.synthetic()
			.stream()
			.filter((region) -> !region.regionalHolidays().isEmpty())
			.toList();
		assertThat(withHoliday).hasSize(5);
		for (SyntheticRegion region : withHoliday) {
			assertThat(region.regionalHolidays()).hasSize(1);
			assertThat(region.regionalHolidays().get(0).getYear()).isEqualTo(2026);
			assertThat(region.regionalHolidays().get(0).getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		}
		// 1 % of 99: 0.99, rounded to 1
		assertThat(NationalRegions.of(2026, 100, 2026, 20).synthetic())
			.filteredOn((region) -> !region.regionalHolidays().isEmpty())
			.hasSize(1);
	}

	private static long count(List<SyntheticRegion> regions, SyntheticRegion.Kind kind) {
		return regions.stream().filter((region) -> region.kind() == kind).count();
	}

	private static List<String> inProvince(List<SyntheticRegion> regions, String province) {
		return regions.stream().map(SyntheticRegion::pemda).filter((code) -> code.startsWith(province)).toList();
	}

	private static Map<String, SyntheticRegion> byCode(List<SyntheticRegion> regions) {
		return regions.stream().collect(Collectors.toMap(SyntheticRegion::pemda, Function.identity()));
	}

}
