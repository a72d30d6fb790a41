package id.apbdmonitor.simulator.national;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import id.apbdmonitor.core.calendar.CalendarProperties;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import id.apbdmonitor.core.region.RegionsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

class RegionFilesTests {

	private static final NationalRegions ALL = NationalRegions.of(2026, 546, 2026, 20);

	@Test
	void shouldNameTheFileAfterPemdaAndName() {
		assertThat(region("11.05", "Kabupaten Sintetis 11.05").fileName()).isEqualTo("11.05-kabupaten-sintetis-11-05.yml");
		assertThat(region("34", "Provinsi Sintetis DI Yogyakarta").fileName())
			.isEqualTo("34-provinsi-sintetis-di-yogyakarta.yml");
	}

	@Test
	void shouldWriteARegionFileThatReadsBackFieldByField() throws IOException {
		SyntheticRegion region = new SyntheticRegion("11.05", SyntheticRegion.Kind.REGENCY, "Kabupaten Sintetis 11.05",
				"Aceh", ZoneId.of("Asia/Jakarta"), List.of("SETDA", "BPKAD", "KEC-RABA"), List.of("SETDA"),
				List.of("BPKAD"), new BigDecimal("650000000000.00"), new BigDecimal("660000000000.00"), 16, 42,
				List.of(LocalDate.of(2026, 4, 14)));
		Map<String, Object> parsed = parse(RegionFiles.yaml(region));
		Map<String, Object> apbd = child(parsed, "apbd");
		Map<String, Object> file = child(apbd, "region");
		assertThat(file).containsEntry("pemda", "11.05")
			.containsEntry("name", "Kabupaten Sintetis 11.05")
			.containsEntry("province", "Aceh")
			.containsEntry("zone", "Asia/Jakarta");
		assertThat(file.get("opds")).isEqualTo(List.of(Map.of("code", "SETDA", "name", "Sekretariat Daerah"),
				Map.of("code", "BPKAD", "name", "Badan Pengelolaan Keuangan dan Aset Daerah"),
				Map.of("code", "KEC-RABA", "name", "Kecamatan Raba")));
		assertThat(dates(child(apbd, "calendar").get("regional-holidays"))).containsExactly(LocalDate.of(2026, 4, 14));
	}

	@Test
	void shouldWriteEverySyntheticRegionSoThatItReadsBack(@TempDir Path dir) throws IOException {
		List<Path> files = RegionFiles.write(dir, ALL.synthetic());
		assertThat(files).hasSize(545);
		try (Stream<Path> listed = Files.list(dir)) {
			assertThat(listed.count()).isEqualTo(545);
		}
		for (SyntheticRegion region : ALL.synthetic()) {
			Path file = dir.resolve(region.fileName());
			assertThat(file.getFileName().toString()).startsWith(region.pemda() + "-").endsWith(".yml");
			Map<String, Object> apbd;
			try (Reader reader = Files.newBufferedReader(file)) {
				apbd = child(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader), "apbd");
			}
			Map<String, Object> read = child(apbd, "region");
			assertThat(read.get("pemda")).isEqualTo(region.pemda());
			assertThat(read.get("name")).isEqualTo(region.name());
			assertThat(read.get("province")).isEqualTo(region.province());
			assertThat(read.get("zone")).isEqualTo(region.zone().getId());
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> opds = (List<Map<String, Object>>) read.get("opds");
			assertThat(opds).extracting((opd) -> opd.get("code")).containsExactlyElementsOf(region.opds());
			assertThat(opds).allSatisfy((opd) -> assertThat((String) opd.get("name")).isNotBlank());
			assertThat(dates(child(apbd, "calendar").get("regional-holidays")))
				.containsExactlyElementsOf(region.regionalHolidays());
		}
	}

	@Test
	void shouldBeReadByTheServicesRegionLoader(@TempDir Path dir) {
		RegionFiles.write(dir, ALL.synthetic());
		RegionProperties home = new RegionProperties("52.72", "Kota Bima", "Nusa Tenggara Barat",
				ZoneId.of("Asia/Makassar"), List.of(new RegionProperties.Opd("SETDA", "Sekretariat Daerah")), List.of());
		Regions regions = Regions.load(home, new CalendarProperties(List.of()), new RegionsProperties(dir));
		assertThat(regions.all()).hasSize(546);
		assertThat(regions.all().get(0).pemda()).isEqualTo("52.72");
		for (SyntheticRegion region : ALL.synthetic()) {
			RegionProperties loaded = regions.find(region.pemda()).orElseThrow();
			assertThat(loaded.name()).isEqualTo(region.name());
			assertThat(loaded.province()).isEqualTo(region.province());
			assertThat(loaded.zone()).isEqualTo(region.zone());
			assertThat(loaded.opds()).extracting(RegionProperties.Opd::code).containsExactlyElementsOf(region.opds());
			assertThat(regions.regionalHolidays(region.pemda())).isEqualTo(region.regionalHolidays());
		}
		RegionProperties aceh = regions.find("11").orElseThrow();
		assertThat(aceh.opds()).extracting(RegionProperties.Opd::name).contains("Dinas Pendidikan, Kepemudaan dan Olahraga");
	}

	private static SyntheticRegion region(String pemda, String name) {
		return new SyntheticRegion(pemda, SyntheticRegion.Kind.REGENCY, name, "Aceh", ZoneId.of("Asia/Jakarta"),
				List.of("SETDA"), List.of(), List.of(), BigDecimal.ONE, BigDecimal.ONE, 5, 1, List.of());
	}

	/** SnakeYAML reads an unquoted ISO date as a {@link Date} at midnight UTC. */
	private static List<LocalDate> dates(Object list) {
		return ((List<?>) list).stream()
			.map((date) -> ((Date) date).toInstant().atZone(ZoneOffset.UTC).toLocalDate())
			.toList();
	}

	private static Map<String, Object> parse(String yaml) {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> child(Map<String, Object> map, String key) {
		return (Map<String, Object>) map.get(key);
	}

}
