package id.apbdmonitor.simulator.generator;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Belanja jasa (accounts 5.1.02.02, maintenance 5.1.02.03, official travel 5.1.02.04):
 * contract staff, utilities, maintenance and travel. About Rp113 bn, so that goods and services
 * together are about a third of Kota Bima's 2026 spending.
 */
final class ServicesGenerator extends SpendingGenerator {

	/** Relative sizes: the hospital, the secretariats (council travel), environment (waste collection). */
	private static final Map<String, Double> WEIGHTS = Map.ofEntries(Map.entry("SETDA", 7.0),
			Map.entry("SETWAN", 7.0), Map.entry("INSPEKTORAT", 1.5), Map.entry("BAPPEDA", 1.5),
			Map.entry("BPKAD", 3.0), Map.entry("BKPSDM", 1.5), Map.entry("KESBANGPOL", 0.8), Map.entry("BPBD", 1.0),
			Map.entry("DIKPORA", 10.0), Map.entry("DINKES", 9.0), Map.entry("RSUD", 12.0), Map.entry("PUPR", 6.0),
			Map.entry("PERKIM", 2.5), Map.entry("SATPOLPP", 1.5), Map.entry("DINSOS", 1.5), Map.entry("DISNAKER", 0.8),
			Map.entry("DP3A", 0.8), Map.entry("KETAPANG", 0.8), Map.entry("DLH", 6.0), Map.entry("DUKCAPIL", 1.0),
			Map.entry("DISHUB", 2.0), Map.entry("DISKOMINFOTIK", 2.5), Map.entry("DPMPTSP", 0.8),
			Map.entry("DISPUSIP", 0.6), Map.entry("DKP", 0.8), Map.entry("DISPARBUD", 1.2), Map.entry("DISTAN", 1.0),
			Map.entry("KOPERINDAG", 1.0), Map.entry("KEC-RASANAE-BARAT", 0.9), Map.entry("KEC-MPUNDA", 0.9),
			Map.entry("KEC-RABA", 0.9), Map.entry("KEC-RASANAE-TIMUR", 0.9), Map.entry("KEC-ASAKOTA", 0.9));

	private static final double REGION_WEIGHT = sum(WEIGHTS);

	private static final List<String> COMMON = List.of(
			"5.1.02.02.01.0026", // jasa tenaga administrasi
			"5.1.02.02.01.0059", // tagihan listrik
			"5.1.02.02.01.0061", // tagihan air
			"5.1.02.02.01.0063", // kawat/faksimili/internet
			"5.1.02.03.02.0035", // pemeliharaan alat angkutan darat bermotor
			"5.1.02.03.02.0121", // pemeliharaan alat kantor
			"5.1.02.04.01.0001", // perjalanan dinas biasa
			"5.1.02.04.01.0003"); // perjalanan dinas dalam kota

	private static final List<String> WASTE = List.of("5.1.02.02.01.0013"); // jasa tenaga kebersihan

	@Override
	public Category category() {
		return Category.SERVICES;
	}

	@Override
	long regionPagu() {
		return 113_000_000L;
	}

	@Override
	double weight(String opd) {
		return WEIGHTS.getOrDefault(opd, 1.0);
	}

	@Override
	double regionWeight() {
		return REGION_WEIGHT;
	}

	@Override
	List<String> accounts(String opd, Random random) {
		return pick("DLH".equals(opd) ? WASTE : List.of(), COMMON, random);
	}

	@Override
	double guShare() {
		return 0.45;
	}

}
