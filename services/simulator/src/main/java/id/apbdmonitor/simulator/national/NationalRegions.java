package id.apbdmonitor.simulator.national;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import id.apbdmonitor.core.calendar.HolidayCalendar;
import id.apbdmonitor.simulator.generator.GeneratorSettings;
import id.apbdmonitor.simulator.generator.Scenario;

/**
 * The regions of a national simulation, deterministically from a seed: Kota Bima (52.72, its real
 * region file) is region 0, the others are synthetic regions of real provinces with
 * Kemendagri-shaped codes, varied sizes and paces. The same seed and count always give the same
 * regions, and a larger count only adds regions (each region's own values depend on the seed and
 * its code, not on the count; only which 1 % of them have a regional holiday depends on the count).
 */
public final class NationalRegions {

	/** Every regional government: 38 provinces and 508 regencies and cities. */
	public static final int ALL_REGIONS = 546;

	public static final String KOTA_BIMA = "52.72";

	/**
	 * OPDs every synthetic region keeps. The generators script Kota Bima's OPD codes (their
	 * weights, capital works, PAD targets and UP rule breaches are keyed by them), so a synthetic
	 * region draws its OPDs among Kota Bima's codes; these are the agencies every pemda has
	 * (secretariats, inspectorate, planning, finance, staff, education, health, public works; BPKAD
	 * also holds the grants, BTT, transfers and the local taxes) plus the OPD of each scripted UP
	 * rule breach, so that every region exercises every UP rule.
	 */
	static final List<String> REQUIRED_OPDS = List.of("SETDA", "SETWAN", "INSPEKTORAT", "BAPPEDA", "BPKAD", "BKPSDM",
			"DIKPORA", "DINKES", "PUPR", "DINSOS", "PERKIM", "DLH", "DISNAKER", "DISPARBUD", "SATPOLPP");

	/** A province has no kecamatan: its OPDs are drawn among the others. */
	private static final String KECAMATAN = "KEC-";

	static final int MIN_OPDS = 20;

	static final int MIN_PROVINCE_OPDS = 18;

	/**
	 * Regency and city APBD spending, whole millions of rupiah: Rp 0,65 to 5 triliun. The goods,
	 * services, capital, TPP and other categories keep Kota Bima's magnitudes per OPD (about
	 * Rp 0,53 triliun with all 33 of its OPDs) and personnel balances the total, which must leave
	 * personnel at least a tenth of it: below Rp 0,6 triliun a region with many OPDs does not balance.
	 */
	static final long MIN_REGENCY_MILLIONS = 650_000L;

	static final long MAX_REGENCY_MILLIONS = 5_000_000L;

	/** Province APBD spending, whole millions of rupiah: Rp 2 to 40 triliun. */
	static final long MIN_PROVINCE_MILLIONS = 2_000_000L;

	static final long MAX_PROVINCE_MILLIONS = 40_000_000L;

	static final int MIN_EVENTS_PER_OPD_PER_MONTH = 5;

	static final int MAX_EVENTS_PER_OPD_PER_MONTH = 60;

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final long seed;

	private final int fiscalYear;

	private final int baseEventsPerOpdPerMonth;

	private final List<SyntheticRegion> synthetic;

	private NationalRegions(long seed, int regions, int fiscalYear, int baseEventsPerOpdPerMonth) {
		if (regions < 1 || regions > ALL_REGIONS) {
			throw new IllegalArgumentException("regions must be within 1.." + ALL_REGIONS + ", was " + regions);
		}
		this.seed = seed;
		this.fiscalYear = fiscalYear;
		this.baseEventsPerOpdPerMonth = baseEventsPerOpdPerMonth;
		this.synthetic = draw(regions - 1);
	}

	/**
	 * {@code regions} regions in all (1: Kota Bima alone, 546: every pemda), their years of
	 * {@code fiscalYear} sized from Kota Bima's {@code baseEventsPerOpdPerMonth} by their APBD.
	 */
	public static NationalRegions of(long seed, int regions, int fiscalYear, int baseEventsPerOpdPerMonth) {
		return new NationalRegions(seed, regions, fiscalYear, baseEventsPerOpdPerMonth);
	}

	/** The synthetic regions (every region but Kota Bima), by code. */
	public List<SyntheticRegion> synthetic() {
		return this.synthetic;
	}

	/** How many regions in all, Kota Bima included. */
	public int count() {
		return this.synthetic.size() + 1;
	}

	public long seed() {
		return this.seed;
	}

	public int fiscalYear() {
		return this.fiscalYear;
	}

	public int baseEventsPerOpdPerMonth() {
		return this.baseEventsPerOpdPerMonth;
	}

	/** Every pemda code but Kota Bima's: 38 provinces, then each province's regencies and cities. */
	static List<String> codes() {
		List<String> codes = new ArrayList<>();
		for (Province province : Province.ALL) {
			codes.add(province.code());
			for (int i = 1; i <= province.regencies(); i++) {
				codes.add(String.format("%s.%02d", province.code(), i));
			}
			for (int i = 71; i < 71 + province.cities(); i++) {
				codes.add(String.format("%s.%02d", province.code(), i));
			}
		}
		codes.remove(KOTA_BIMA);
		return codes;
	}

	private List<SyntheticRegion> draw(int count) {
		// the order of choice depends on the seed only: a larger count adds regions
		List<String> codes = new ArrayList<>(codes());
		Collections.shuffle(codes, random(this.seed, "choice"));
		List<String> chosen = codes.subList(0, count);
		// 1 % of the regions have a regional holiday; which ones depends on the chosen set
		List<String> shuffled = new ArrayList<>(chosen);
		Collections.shuffle(shuffled, random(this.seed, "holidays-" + count));
		Set<String> withHoliday = Set.copyOf(shuffled.subList(0, (int) Math.round(count * 0.01)));
		return chosen.stream()
			.sorted(Comparator.naturalOrder())
			.map((code) -> region(code, withHoliday.contains(code)))
			.toList();
	}

	private SyntheticRegion region(String pemda, boolean holiday) {
		Random random = random(this.seed, "region-" + pemda);
		Province province = province(pemda);
		SyntheticRegion.Kind kind = kind(pemda);
		String name = (kind == SyntheticRegion.Kind.PROVINCE) ? "Provinsi Sintetis " + province.name()
				: kind.title() + " Sintetis " + pemda;

		List<String> candidates = GeneratorSettings.KOTA_BIMA_OPDS.stream()
			.filter((opd) -> kind != SyntheticRegion.Kind.PROVINCE || !opd.startsWith(KECAMATAN))
			.toList();
		int min = (kind == SyntheticRegion.Kind.PROVINCE) ? MIN_PROVINCE_OPDS : MIN_OPDS;
		int size = min + random.nextInt(candidates.size() - min + 1);
		List<String> optional = new ArrayList<>(candidates.stream().filter((opd) -> !REQUIRED_OPDS.contains(opd)).toList());
		Collections.shuffle(optional, random);
		Set<String> picked = new HashSet<>(REQUIRED_OPDS);
		picked.addAll(optional.subList(0, size - REQUIRED_OPDS.size()));
		List<String> opds = candidates.stream().filter(picked::contains).toList();

		// paces: 1 to 4 OPDs lag, 1 to 5 others realise on plan
		List<String> paced = new ArrayList<>(opds);
		Collections.shuffle(paced, random);
		int lagging = 1 + random.nextInt(4);
		int onPlan = 1 + random.nextInt(5);
		List<String> laggingOpds = opds.stream().filter(paced.subList(0, lagging)::contains).toList();
		List<String> onPlanOpds = opds.stream().filter(paced.subList(lagging, lagging + onPlan)::contains).toList();

		long millions = (kind == SyntheticRegion.Kind.PROVINCE)
				? logUniform(random, MIN_PROVINCE_MILLIONS, MAX_PROVINCE_MILLIONS)
				: logUniform(random, MIN_REGENCY_MILLIONS, MAX_REGENCY_MILLIONS);
		// the APBD-P adds 0 to 5 %
		long amendedMillions = millions + Math.round(millions * 0.05 * random.nextDouble());
		BigDecimal spending = BigDecimal.valueOf(millions).multiply(MILLION).setScale(2);
		int events = eventsPerOpdPerMonth(spending);
		List<LocalDate> holidays = holiday ? List.of(holiday(random)) : List.of();
		return new SyntheticRegion(pemda, kind, name, province.name(), province.zone(), opds, laggingOpds, onPlanOpds,
				spending, BigDecimal.valueOf(amendedMillions).multiply(MILLION).setScale(2), events,
				mix(this.seed, "year-" + pemda), holidays);
	}

	/** Kota Bima's size scaled by the region's APBD, within 5..60 (a province would otherwise dwarf the rest). */
	int eventsPerOpdPerMonth(BigDecimal spending) {
		double scaled = this.baseEventsPerOpdPerMonth * spending.doubleValue()
				/ Scenario.KOTA_BIMA_SPENDING.doubleValue();
		return (int) Math.max(MIN_EVENTS_PER_OPD_PER_MONTH, Math.min(MAX_EVENTS_PER_OPD_PER_MONTH, Math.round(scaled)));
	}

	/** A working day of March to November: a regional anniversary declared a day off. */
	private LocalDate holiday(Random random) {
		HolidayCalendar calendar = HolidayCalendar.national();
		LocalDate day = LocalDate.of(this.fiscalYear, 3, 1).plusDays(random.nextInt(270));
		while (!calendar.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	static Province province(String pemda) {
		String code = pemda.substring(0, 2);
		return Province.ALL.stream()
			.filter((province) -> province.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no province " + code));
	}

	static SyntheticRegion.Kind kind(String pemda) {
		if (pemda.length() == 2) {
			return SyntheticRegion.Kind.PROVINCE;
		}
		return (Integer.parseInt(pemda.substring(3)) >= 71) ? SyntheticRegion.Kind.CITY : SyntheticRegion.Kind.REGENCY;
	}

	private static long logUniform(Random random, long min, long max) {
		return Math.round(Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min))));
	}

	private static Random random(long seed, String part) {
		return new Random(mix(seed, part));
	}

	/** SplitMix64's finaliser over the seed and the part's hash: independent streams per part. */
	static long mix(long seed, String part) {
		long z = seed ^ (part.hashCode() * 0x9E3779B97F4A7C15L);
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
