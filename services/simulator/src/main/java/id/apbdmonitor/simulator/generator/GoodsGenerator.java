package id.apbdmonitor.simulator.generator;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Belanja barang (accounts 5.1.02.01): office supplies, fuel, printing, meals for meetings,
 * and medicines for the health OPDs. About Rp150 bn of Kota Bima's Rp789.81 bn of 2026 spending.
 */
final class GoodsGenerator extends SpendingGenerator {

	/** Relative sizes: hospital and health (medicines), education, the secretariats. */
	private static final Map<String, Double> WEIGHTS = Map.ofEntries(Map.entry("SETDA", 6.0),
			Map.entry("SETWAN", 4.0), Map.entry("INSPEKTORAT", 1.0), Map.entry("BAPPEDA", 1.0),
			Map.entry("BPKAD", 2.5), Map.entry("BKPSDM", 1.0), Map.entry("KESBANGPOL", 0.8), Map.entry("BPBD", 1.5),
			Map.entry("DIKPORA", 16.0), Map.entry("DINKES", 14.0), Map.entry("RSUD", 22.0), Map.entry("PUPR", 4.0),
			Map.entry("PERKIM", 2.0), Map.entry("SATPOLPP", 1.5), Map.entry("DINSOS", 3.0), Map.entry("DISNAKER", 0.8),
			Map.entry("DP3A", 0.8), Map.entry("KETAPANG", 1.5), Map.entry("DLH", 3.0), Map.entry("DUKCAPIL", 1.0),
			Map.entry("DISHUB", 1.5), Map.entry("DISKOMINFOTIK", 1.0), Map.entry("DPMPTSP", 0.7),
			Map.entry("DISPUSIP", 0.7), Map.entry("DKP", 1.5), Map.entry("DISPARBUD", 1.0), Map.entry("DISTAN", 2.0),
			Map.entry("KOPERINDAG", 1.0), Map.entry("KEC-RASANAE-BARAT", 0.8), Map.entry("KEC-MPUNDA", 0.8),
			Map.entry("KEC-RABA", 0.8), Map.entry("KEC-RASANAE-TIMUR", 0.8), Map.entry("KEC-ASAKOTA", 0.8));

	private static final double REGION_WEIGHT = sum(WEIGHTS);

	private static final List<String> COMMON = List.of(
			"5.1.02.01.01.0024", // alat tulis kantor
			"5.1.02.01.01.0025", // kertas dan cover
			"5.1.02.01.01.0026", // bahan cetak
			"5.1.02.01.01.0029", // bahan komputer
			"5.1.02.01.01.0004", // bahan bakar minyak/gas
			"5.1.02.01.01.0052", // makanan dan minuman rapat
			"5.1.02.01.01.0031", // alat listrik
			"5.1.02.01.01.0035"); // suvenir/cendera mata

	private static final List<String> HEALTH = List.of(
			"5.1.02.01.01.0037", // obat-obatan
			"5.1.02.01.01.0038"); // bahan medis habis pakai

	@Override
	public Category category() {
		return Category.GOODS;
	}

	@Override
	long regionPagu() {
		return 150_000_000L;
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
		return pick(OpdProfiles.isHealth(opd) ? HEALTH : List.of(), COMMON, random);
	}

	@Override
	double guShare() {
		return 0.55;
	}

}
