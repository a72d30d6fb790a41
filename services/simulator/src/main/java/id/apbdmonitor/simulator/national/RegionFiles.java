package id.apbdmonitor.simulator.national;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.region.RegionProperties;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * Writes the synthetic regions as region files (one per pemda, {@code <pemda>-<slug>.yml}, the
 * shape of monitor-core's {@code region-kota-bima.yml}) into the directory a service reads with
 * {@code apbd.regions.dir}. Kota Bima's own file is not written: it is the services' home region.
 */
public final class RegionFiles {

	/** Kota Bima's OPD names by code, from its region file: the synthetic regions borrow its codes. */
	private static final Map<String, String> OPD_NAMES = kotaBimaOpdNames();

	private RegionFiles() {
	}

	/** Writes one file per region into {@code dir} (created if missing) and returns the files written. */
	public static List<Path> write(Path dir, List<SyntheticRegion> regions) {
		try {
			Files.createDirectories(dir);
			List<Path> files = new ArrayList<>(regions.size());
			for (SyntheticRegion region : regions) {
				Path file = dir.resolve(region.fileName());
				Files.writeString(file, yaml(region), StandardCharsets.UTF_8);
				files.add(file);
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the region files into " + dir, ex);
		}
	}

	static String yaml(SyntheticRegion region) {
		StringBuilder yaml = new StringBuilder();
		yaml.append("# A synthetic region of the national simulation (services/simulator, NationalRegions):\n")
			.append("# not a real pemda's budget. APBD spending Rp ").append(region.apbdSpending().toPlainString())
			.append(", seed ").append(region.seed()).append(".\n");
		yaml.append("apbd:\n  region:\n");
		yaml.append("    pemda: ").append(quoted(region.pemda())).append('\n');
		yaml.append("    name: ").append(quoted(region.name())).append('\n');
		yaml.append("    province: ").append(quoted(region.province())).append('\n');
		yaml.append("    zone: ").append(region.zone().getId()).append('\n');
		yaml.append("    opds:\n");
		for (String opd : region.opds()) {
			yaml.append("      - { code: ").append(quoted(opd)).append(", name: ").append(quoted(opdName(opd)))
				.append(" }\n");
		}
		yaml.append("  calendar:\n    regional-holidays: [");
		yaml.append(String.join(", ", region.regionalHolidays().stream().map(Object::toString).toList()));
		yaml.append("]\n");
		return yaml.toString();
	}

	/** The OPD's name in Kota Bima's file. */
	public static String opdName(String code) {
		String name = OPD_NAMES.get(code);
		if (name == null) {
			throw new IllegalArgumentException("no OPD " + code + " in Kota Bima's region file");
		}
		return name;
	}

	private static String quoted(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	private static Map<String, String> kotaBimaOpdNames() {
		try {
			Binder binder = new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader()
				.load("region-kota-bima.yml", new ClassPathResource("region-kota-bima.yml"))));
			RegionProperties region = binder.bind("apbd.region", Bindable.of(RegionProperties.class)).get();
			Map<String, String> names = new LinkedHashMap<>();
			region.opds().forEach((opd) -> names.put(opd.code(), opd.name()));
			return Map.copyOf(names);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read Kota Bima's region file", ex);
		}
	}

}
