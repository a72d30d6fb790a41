package id.apbdmonitor.core.region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import id.apbdmonitor.core.calendar.CalendarProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The home region and the region files of {@code apbd.regions.dir}. */
class RegionsTests {

	static final RegionProperties KOTA_BIMA = new RegionProperties("52.72", "Kota Bima", "Nusa Tenggara Barat",
			ZoneId.of("Asia/Makassar"), List.of(new RegionProperties.Opd("DINKES", "Dinas Kesehatan")), List.of());

	static final String SLEMAN = """
			apbd:
			  region:
			    pemda: "34.04"
			    name: Kabupaten Sleman
			    province: Daerah Istimewa Yogyakarta
			    zone: Asia/Jakarta
			    opds:
			      - { code: DINKES, name: Dinas Kesehatan, contact: dinkes@sleman.example }
			      - { code: DISDIK, name: Dinas Pendidikan }
			  calendar:
			    regional-holidays: [2026-05-15]
			""";

	static final String JAYAPURA = """
			apbd:
			  region:
			    pemda: "91.71"
			    name: Kota Jayapura
			    province: Papua
			    zone: Asia/Jayapura
			    open-fiscal-years: [2026, 2025]
			    opds:
			      - { code: BPKAD }
			""";

	@TempDir
	Path dir;

	@Test
	void shouldReadEveryRegionFileAfterTheHomeRegion() throws IOException {
		Files.writeString(this.dir.resolve("91.71-kota-jayapura.yml"), JAYAPURA);
		Files.writeString(this.dir.resolve("34.04-kabupaten-sleman.yaml"), SLEMAN);
		Files.writeString(this.dir.resolve("README.txt"), "not a region");

		Regions regions = load();

		assertThat(regions.all()).extracting(RegionProperties::pemda).containsExactly("52.72", "34.04", "91.71");
		RegionProperties sleman = regions.find("34.04").orElseThrow();
		assertThat(sleman.displayName()).isEqualTo("Kabupaten Sleman");
		assertThat(sleman.province()).isEqualTo("Daerah Istimewa Yogyakarta");
		assertThat(sleman.zone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
		assertThat(sleman.opdCodes()).containsExactlyInAnyOrder("DINKES", "DISDIK");
		assertThat(regions.regionalHolidays("34.04")).containsExactly(LocalDate.of(2026, 5, 15));
		RegionProperties jayapura = regions.find("91.71").orElseThrow();
		assertThat(jayapura.openFiscalYears()).containsExactly(2026, 2025);
		assertThat(jayapura.opds()).containsExactly(new RegionProperties.Opd("BPKAD", ""));
		assertThat(regions.home()).isSameAs(KOTA_BIMA);
		assertThat(regions.find("52.06")).isEmpty();
		assertThat(regions.contains("91.71")).isTrue();
	}

	@Test
	void shouldBeTheHomeRegionAloneWithoutADirectory() {
		Regions regions = Regions.load(KOTA_BIMA, new CalendarProperties(List.of()), new RegionsProperties(null));
		assertThat(regions.all()).containsExactly(KOTA_BIMA);
		assertThat(regions.home()).isSameAs(KOTA_BIMA);
	}

	@Test
	void shouldRefuseTheSamePemdaTwiceNamingBothSources() throws IOException {
		Files.writeString(this.dir.resolve("a.yml"), SLEMAN);
		Files.writeString(this.dir.resolve("b.yml"), SLEMAN.replace("Kabupaten Sleman", "Sleman lagi"));
		assertThatIllegalStateException().isThrownBy(this::load)
			.withMessageContaining("b.yml gives pemda 34.04")
			.withMessageContaining("a.yml already gives");
		Files.delete(this.dir.resolve("b.yml"));
		Files.writeString(this.dir.resolve("c.yml"), SLEMAN.replace("34.04", "52.72"));
		assertThatIllegalStateException().isThrownBy(this::load)
			.withMessageContaining("c.yml gives pemda 52.72")
			.withMessageContaining("home region");
	}

	@Test
	void shouldNameTheFileThatIsNotAValidRegion() throws IOException {
		Files.writeString(this.dir.resolve("broken.yml"), SLEMAN.replace("    zone: Asia/Jakarta\n", ""));
		assertThatIllegalStateException().isThrownBy(this::load)
			.withMessageContaining("broken.yml is not a valid region")
			.withMessageContaining("apbd.region.zone must be set");
		Files.writeString(this.dir.resolve("broken.yml"), "apbd:\n  something: else\n");
		assertThatIllegalStateException().isThrownBy(this::load)
			.withMessageContaining("broken.yml is not a valid region")
			.withMessageContaining("no apbd.region section");
	}

	@Test
	void shouldRefuseADirectoryThatIsNotThere() {
		Path missing = this.dir.resolve("missing");
		assertThatIllegalStateException()
			.isThrownBy(() -> Regions.load(KOTA_BIMA, new CalendarProperties(List.of()), new RegionsProperties(missing)))
			.withMessageContaining("apbd.regions.dir " + missing + " is not a directory");
	}

	private Regions load() {
		return Regions.load(KOTA_BIMA, new CalendarProperties(List.of()), new RegionsProperties(this.dir));
	}

}
