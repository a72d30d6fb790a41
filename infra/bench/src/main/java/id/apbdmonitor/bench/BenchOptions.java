package id.apbdmonitor.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code infra/bench/run}: which services, how large their backlogs, how
 * long the steady-rate latency phase. {@code --quick} shrinks every default for a smoke run.
 *
 * @param services the services to measure, in catalogue order
 * @param goodsBacklogs one goods-spending run per backlog size
 * @param backlog the backlog of every other service
 * @param latencySeconds how long to produce at {@code latencyRate} while timing markers
 * @param latencyRate events per second of the latency phase
 */
record BenchOptions(List<ServiceUnderTest> services, List<Integer> goodsBacklogs, int backlog, int latencySeconds,
		int latencyRate, boolean quick) {

	/** The usage text, kept in one file that {@code infra/bench/run --help} prints before any build. */
	static final String USAGE_RESOURCE = "bench-usage.txt";

	static BenchOptions parse(String... args) {
		List<ServiceUnderTest> services = null;
		List<Integer> goods = null;
		Integer backlog = null;
		Integer seconds = null;
		int rate = 2000;
		boolean quick = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			switch (name) {
				case "--quick" -> quick = true;
				case "--services" -> services = parseServices(value(args, i++, arg));
				case "--goods-backlog" -> goods = parseSizes(name, value(args, i++, arg));
				case "--backlog" -> backlog = positive(name, value(args, i++, arg));
				case "--latency-seconds" -> seconds = positive(name, value(args, i++, arg));
				case "--latency-rate" -> rate = positive(name, value(args, i++, arg));
				default -> throw new IllegalArgumentException("unknown option " + arg);
			}
			if (arg.contains("=")) {
				i--; // the value came with the option
			}
		}
		return new BenchOptions((services != null) ? services : ServiceUnderTest.ALL,
				(goods != null) ? goods : (quick ? List.of(20_000) : List.of(200_000, 1_000_000)),
				(backlog != null) ? backlog : (quick ? 10_000 : 200_000),
				(seconds != null) ? seconds : (quick ? 10 : 60), rate, quick);
	}

	static String usage() {
		try (var in = BenchOptions.class.getClassLoader().getResourceAsStream(USAGE_RESOURCE)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException | NullPointerException ex) {
			return "usage: infra/bench/run [options]; see infra/bench/README.md\n";
		}
	}

	private static String value(String[] args, int index, String arg) {
		if (arg.contains("=")) {
			return arg.substring(arg.indexOf('=') + 1);
		}
		if (index + 1 >= args.length) {
			throw new IllegalArgumentException(arg + " needs a value");
		}
		return args[index + 1];
	}

	private static List<ServiceUnderTest> parseServices(String value) {
		Set<ServiceUnderTest> chosen = new LinkedHashSet<>();
		for (String name : value.split(",")) {
			if (!name.isBlank()) {
				chosen.add(ServiceUnderTest.named(name.trim()));
			}
		}
		if (chosen.isEmpty()) {
			throw new IllegalArgumentException("--services names no service");
		}
		// catalogue order, whatever the order given
		return ServiceUnderTest.ALL.stream().filter(chosen::contains).toList();
	}

	private static List<Integer> parseSizes(String option, String value) {
		List<Integer> sizes = new ArrayList<>();
		for (String size : value.split(",")) {
			sizes.add(positive(option, size.trim()));
		}
		return List.copyOf(sizes);
	}

	/** Accepts {@code 200000}, {@code 200_000}, {@code 200k} and {@code 1m}. */
	static int positive(String option, String value) {
		String digits = value.toLowerCase().replace("_", "");
		long factor = 1;
		if (digits.endsWith("k")) {
			factor = 1_000;
			digits = digits.substring(0, digits.length() - 1);
		}
		else if (digits.endsWith("m")) {
			factor = 1_000_000;
			digits = digits.substring(0, digits.length() - 1);
		}
		try {
			long parsed = Long.parseLong(digits) * factor;
			if (parsed < 1 || parsed > 100_000_000) {
				throw new IllegalArgumentException(option + " must be within 1..100000000, was " + value);
			}
			return (int) parsed;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " takes a number, was '" + value + "'");
		}
	}

}
