package id.apbdmonitor.bench;

import java.nio.file.Path;
import java.util.List;

import id.apbdmonitor.simulator.generator.Topics;

/**
 * One ingesting service the benchmark drains: its module (= jar, application and group name),
 * the simulator topic whose valid events it takes, its ledger table, and how its backlog grows
 * beyond one generated year (see {@link Backlog}).
 */
record ServiceUnderTest(String name, String shortName, String sourceTopic, String ledgerTable, Growth growth) {

	static final String VERSION = "0.1.0-SNAPSHOT";

	static final List<ServiceUnderTest> ALL = List.of(
			new ServiceUnderTest("goods-spending", "goods", Topics.GOODS, "spending_ledger", Growth.RENAMED_IDS),
			new ServiceUnderTest("services-spending", "services", Topics.SERVICES, "spending_ledger", Growth.RENAMED_IDS),
			new ServiceUnderTest("up-advances", "up", Topics.UP, "up_ledger", Growth.RENAMED_IDS),
			new ServiceUnderTest("tpp-payments", "tpp", Topics.TPP, "tpp_ledger", Growth.OTHER_YEARS),
			new ServiceUnderTest("capital-spending", "capital", Topics.CAPITAL, "capital_event", Growth.RENAMED_IDS),
			new ServiceUnderTest("pad-revenue", "pad", Topics.PAD, "pad_ledger", Growth.RENAMED_IDS),
			new ServiceUnderTest("other-spending", "other", Topics.OTHER, "spending_ledger", Growth.RENAMED_IDS));

	static ServiceUnderTest named(String name) {
		return ALL.stream()
			.filter((service) -> service.name.equals(name) || service.shortName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no service named '" + name + "'; known: "
					+ String.join(", ", ALL.stream().map(ServiceUnderTest::name).toList())));
	}

	/** The login role, and the schema its owner role owns. */
	String role() {
		return this.name.replace('-', '_');
	}

	String qualifiedLedger() {
		return role() + "." + this.ledgerTable;
	}

	Path jar(Path repoRoot) {
		return repoRoot.resolve("services/" + this.name + "/target/" + this.name + "-" + VERSION + "-exec.jar");
	}

	/**
	 * How a backlog larger than one simulated year stays valid: with every id renamed per copy
	 * of the year, or, where the ledger allows one fact per OPD, month and stage (TPP), with the
	 * same year moved to other fiscal years.
	 */
	enum Growth {

		RENAMED_IDS, OTHER_YEARS

	}

}
