package id.apbdmonitor.bench;

import java.util.ArrayList;
import java.util.List;

import id.apbdmonitor.simulator.national.NationalRegions;

/**
 * Options of {@code infra/bench/national}: how many regions, the instance counts of the goods
 * drains, how long Prometheus runs, how many timed scrapes and queries, and the share of each
 * region's goods events sent (a smaller drain; the label set, built from the budget, is the same).
 */
record NationalOptions(int regions, List<Integer> instances, int prometheusSeconds, int repeats, int serviceHeapMb,
		int goodsPercent) {

	static NationalOptions parse(String... args) {
		int regions = NationalRegions.ALL_REGIONS;
		List<Integer> instances = List.of(1, 3);
		int prometheusSeconds = 240;
		int repeats = 5;
		int serviceHeapMb = 1024;
		int goodsPercent = 100;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			if (name.equals("--quick")) {
				regions = 20;
				prometheusSeconds = 60;
				continue;
			}
			String value;
			if (arg.contains("=")) {
				value = arg.substring(arg.indexOf('=') + 1);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException(name + " needs a value");
			}
			switch (name) {
				case "--regions" -> regions = number(name, value, 1, NationalRegions.ALL_REGIONS);
				case "--instances" -> {
					List<Integer> counts = new ArrayList<>();
					for (String count : value.split(",")) {
						counts.add(number(name, count, 1, BenchStack.PARTITIONS));
					}
					instances = List.copyOf(counts);
				}
				case "--prometheus-seconds" -> prometheusSeconds = number(name, value, 30, 3600);
				case "--repeats" -> repeats = number(name, value, 1, 100);
				case "--service-heap-mb" -> serviceHeapMb = number(name, value, 64, 16384);
				case "--goods-percent" -> goodsPercent = number(name, value, 1, 100);
				default -> throw new IllegalArgumentException("unknown option " + arg);
			}
		}
		return new NationalOptions(regions, instances, prometheusSeconds, repeats, serviceHeapMb, goodsPercent);
	}

	private static int number(String name, String value, int min, int max) {
		int number;
		try {
			number = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " takes a whole number, was '" + value + "'");
		}
		if (number < min || number > max) {
			throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + number);
		}
		return number;
	}

	/** The usage text, shared with the script's {@code --help} (resources/national-usage.txt). */
	static String usage() {
		try (java.io.InputStream in = NationalOptions.class.getClassLoader().getResourceAsStream("national-usage.txt")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException | NullPointerException ex) {
			return "usage: infra/bench/national [--regions N] [--instances 1,3] [--prometheus-seconds S] [--repeats N] [--goods-percent P] [--quick]\n";
		}
	}

}
