package id.apbdmonitor.simulator.generator;

import java.util.Map;

/**
 * The bidang urusan (first two levels of SIPD's classification) of Kota Bima's OPDs, used to make
 * sub-kegiatan codes look real. Other OPDs get a generic code.
 */
final class OpdProfiles {

	private static final Map<String, String> BIDANG = Map.ofEntries(Map.entry("SETDA", "4.01"),
			Map.entry("SETWAN", "4.02"), Map.entry("INSPEKTORAT", "6.01"), Map.entry("BAPPEDA", "5.01"),
			Map.entry("BPKAD", "5.02"), Map.entry("BKPSDM", "5.03"), Map.entry("KESBANGPOL", "8.01"),
			Map.entry("BPBD", "1.05"), Map.entry("DIKPORA", "1.01"), Map.entry("DINKES", "1.02"),
			Map.entry("RSUD", "1.02"), Map.entry("PUPR", "1.03"), Map.entry("PERKIM", "1.04"),
			Map.entry("SATPOLPP", "1.05"), Map.entry("DINSOS", "1.06"), Map.entry("DISNAKER", "2.07"),
			Map.entry("DP3A", "2.08"), Map.entry("KETAPANG", "2.09"), Map.entry("DLH", "2.11"),
			Map.entry("DUKCAPIL", "2.12"), Map.entry("DISHUB", "2.15"), Map.entry("DISKOMINFOTIK", "2.16"),
			Map.entry("DPMPTSP", "2.18"), Map.entry("DISPUSIP", "2.23"), Map.entry("DKP", "3.25"),
			Map.entry("DISPARBUD", "3.26"), Map.entry("DISTAN", "3.27"), Map.entry("KOPERINDAG", "3.30"));

	private OpdProfiles() {
	}

	static String bidang(String opd) {
		return BIDANG.getOrDefault(opd, "7.01");
	}

	static boolean isHealth(String opd) {
		return "DINKES".equals(opd) || "RSUD".equals(opd);
	}

}
