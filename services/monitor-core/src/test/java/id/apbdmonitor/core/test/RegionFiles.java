package id.apbdmonitor.core.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Region files for tests of a service that monitors more than its home region: a directory to
 * pass as {@code apbd.regions.dir}, holding Kabupaten Sleman (34.04, WIB) with an OPD DINKES
 * (as Kota Bima has) and DISDIK, and optionally days off of Sleman only.
 */
public final class RegionFiles {

	/** Sleman's pemda code. */
	public static final String SLEMAN = "34.04";

	private RegionFiles() {
	}

	/** Kabupaten Sleman's region file; {@code regionalHolidays} as ISO dates. */
	public static String sleman(String... regionalHolidays) {
		String holidays = Arrays.stream(regionalHolidays)
			.map(date -> "\"" + date + "\"")
			.collect(Collectors.joining(", ", "[", "]"));
		return """
				apbd:
				  region:
				    pemda: "34.04"
				    name: Kabupaten Sleman
				    province: Daerah Istimewa Yogyakarta
				    zone: Asia/Jakarta
				    opds:
				      - { code: DINKES, name: Dinas Kesehatan Sleman }
				      - { code: DISDIK, name: Dinas Pendidikan }
				  calendar:
				    regional-holidays: %s
				""".formatted(holidays);
	}

	/** A new temporary directory holding Sleman's region file, for {@code apbd.regions.dir}. */
	public static String slemanDir(String... regionalHolidays) {
		return dir("34.04-kabupaten-sleman.yml", sleman(regionalHolidays));
	}

	/** A new temporary directory holding one region file. */
	public static String dir(String fileName, String content) {
		try {
			Path dir = Files.createTempDirectory("apbd-regions");
			Path file = Files.writeString(dir.resolve(fileName), content);
			dir.toFile().deleteOnExit();
			file.toFile().deleteOnExit();
			return dir.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The event with Sleman's pemda instead of Kota Bima's. */
	public static String inSleman(String event) {
		return event.replace("\"pemda\":\"52.72\"", "\"pemda\":\"34.04\"");
	}

}
