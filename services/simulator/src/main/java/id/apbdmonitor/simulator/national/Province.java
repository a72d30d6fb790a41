package id.apbdmonitor.simulator.national;

import java.time.ZoneId;
import java.util.List;

/**
 * One of Indonesia's 38 provinces: its Kemendagri code, name, time zone and how many autonomous
 * regencies (kabupaten) and cities (kota) it holds.
 */
public record Province(String code, String name, ZoneId zone, int regencies, int cities) {

	public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

	public static final ZoneId WITA = ZoneId.of("Asia/Makassar");

	public static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

	/**
	 * Source: Kemendagri's kode wilayah administrasi pemerintahan (416 kabupaten and 98 kota, of
	 * which DKI Jakarta's 1 kabupaten and 5 kota are administrative, not autonomous: 508 pemda) and
	 * the time zones of Keppres 41/1987; the four Papua provinces of 2022 as in UU 14, 15, 16 and
	 * 29/2022. Kota Bima (52.72) is one of Nusa Tenggara Barat's 2 cities.
	 */
	public static final List<Province> ALL = List.of(
			new Province("11", "Aceh", WIB, 18, 5),
			new Province("12", "Sumatera Utara", WIB, 25, 8),
			new Province("13", "Sumatera Barat", WIB, 12, 7),
			new Province("14", "Riau", WIB, 10, 2),
			new Province("15", "Jambi", WIB, 9, 2),
			new Province("16", "Sumatera Selatan", WIB, 13, 4),
			new Province("17", "Bengkulu", WIB, 9, 1),
			new Province("18", "Lampung", WIB, 13, 2),
			new Province("19", "Kepulauan Bangka Belitung", WIB, 6, 1),
			new Province("21", "Kepulauan Riau", WIB, 5, 2),
			new Province("31", "DKI Jakarta", WIB, 0, 0),
			new Province("32", "Jawa Barat", WIB, 18, 9),
			new Province("33", "Jawa Tengah", WIB, 29, 6),
			new Province("34", "DI Yogyakarta", WIB, 4, 1),
			new Province("35", "Jawa Timur", WIB, 29, 9),
			new Province("36", "Banten", WIB, 4, 4),
			new Province("51", "Bali", WITA, 8, 1),
			new Province("52", "Nusa Tenggara Barat", WITA, 8, 2),
			new Province("53", "Nusa Tenggara Timur", WITA, 21, 1),
			new Province("61", "Kalimantan Barat", WIB, 12, 2),
			new Province("62", "Kalimantan Tengah", WIB, 13, 1),
			new Province("63", "Kalimantan Selatan", WITA, 11, 2),
			new Province("64", "Kalimantan Timur", WITA, 7, 3),
			new Province("65", "Kalimantan Utara", WITA, 4, 1),
			new Province("71", "Sulawesi Utara", WITA, 11, 4),
			new Province("72", "Sulawesi Tengah", WITA, 12, 1),
			new Province("73", "Sulawesi Selatan", WITA, 21, 3),
			new Province("74", "Sulawesi Tenggara", WITA, 15, 2),
			new Province("75", "Gorontalo", WITA, 5, 1),
			new Province("76", "Sulawesi Barat", WITA, 6, 0),
			new Province("81", "Maluku", WIT, 9, 2),
			new Province("82", "Maluku Utara", WIT, 8, 2),
			new Province("91", "Papua", WIT, 8, 1),
			new Province("92", "Papua Barat", WIT, 7, 0),
			new Province("93", "Papua Selatan", WIT, 4, 0),
			new Province("94", "Papua Tengah", WIT, 8, 0),
			new Province("95", "Papua Pegunungan", WIT, 8, 0),
			new Province("96", "Papua Barat Daya", WIT, 5, 1));

}
