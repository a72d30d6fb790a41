package id.apbdmonitor.simulator.national;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import id.apbdmonitor.simulator.generator.GeneratorSettings;
import id.apbdmonitor.simulator.generator.Scenario;

/**
 * One synthetic regional government of the national simulation: what its region file says and
 * what its generated year follows.
 *
 * @param pemda Kemendagri-shaped code: {@code PP} for a province, {@code PP.KK} for a regency or city
 * @param kind province, regency or city
 * @param name e.g. {@code Kabupaten Sintetis 11.05}
 * @param province the real name of its province
 * @param zone its province's time zone
 * @param opds its OPD codes, in Kota Bima's display order
 * @param laggingOpds OPDs scripted to realise about half of their cash plan
 * @param onPlanOpds OPDs scripted to realise on plan
 * @param apbdSpending total spending of the original APBD, rupiah (whole millions)
 * @param amendedApbdSpending total spending after the APBD-Perubahan, rupiah (whole millions)
 * @param eventsPerOpdPerMonth the size of its year, scaled to its APBD
 * @param seed the seed of its year
 * @param regionalHolidays its own days off (empty for 99 % of the regions)
 */
public record SyntheticRegion(String pemda, Kind kind, String name, String province, ZoneId zone, List<String> opds,
		List<String> laggingOpds, List<String> onPlanOpds, BigDecimal apbdSpending, BigDecimal amendedApbdSpending,
		int eventsPerOpdPerMonth, long seed, List<LocalDate> regionalHolidays) {

	public SyntheticRegion {
		opds = List.copyOf(opds);
		laggingOpds = List.copyOf(laggingOpds);
		onPlanOpds = List.copyOf(onPlanOpds);
		regionalHolidays = List.copyOf(regionalHolidays);
	}

	/** The settings of its year: no faults unless {@code faultRate} asks for them. */
	public GeneratorSettings settings(int fiscalYear, double faultRate) {
		return new GeneratorSettings(this.seed, this.pemda, fiscalYear, this.opds, this.laggingOpds, this.onPlanOpds,
				faultRate, faultRate, faultRate, this.eventsPerOpdPerMonth, true);
	}

	/** Its whole APBD: personnel balances the total (the other categories keep Kota Bima's magnitudes). */
	public Scenario scenario(int fiscalYear) {
		return new Scenario("national-" + this.pemda, fiscalYear, this.apbdSpending, this.amendedApbdSpending,
				List.of());
	}

	/** The region file's name: {@code <pemda>-<slug>.yml}, e.g. {@code 11.05-kabupaten-sintetis-11-05.yml}. */
	public String fileName() {
		return this.pemda + "-" + slug(this.name) + ".yml";
	}

	static String slug(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	/** Province (PP), regency (PP.01..) or city (PP.71..). */
	public enum Kind {

		PROVINCE("Provinsi"), REGENCY("Kabupaten"), CITY("Kota");

		private final String title;

		Kind(String title) {
			this.title = title;
		}

		/** The word its name starts with. */
		public String title() {
			return this.title;
		}

	}

}
