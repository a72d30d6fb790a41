package id.apbdmonitor.faults;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast subset of the fault suite (poison records, duplicates and a full replay, a service
 * killed with -9, a rebalance while the ledger is locked) against goods-spending's packaged jar, a real broker and PostgreSQL: fails
 * when any invariant does not hold. {@code -Dapbd.faults.scenarios=all} (or a comma-separated
 * list of names) runs more; infra/faults/run is the usual way to run all of them.
 */
class FaultSuiteIntegrationTests {

	@Test
	void shouldHoldEveryInvariantUnderTheFastFaults() throws Exception {
		String selection = System.getProperty("apbd.faults.scenarios", "fast");
		List<Scenarios.Scenario> scenarios = FaultSuite.select(selection);
		Path repoRoot = Path.of("../..").toAbsolutePath().normalize();
		assertThat(repoRoot.resolve("services/goods-spending/target/goods-spending-0.1.0-SNAPSHOT-exec.jar"))
			.as("package goods-spending first (mvn -B verify from the repository root does)")
			.isRegularFile();
		FaultSuite suite = new FaultSuite(repoRoot,
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				(line) -> System.out.println("faults: " + line));

		FaultTable table = suite.run(scenarios, selection);

		assertThat(table.rows()).hasSize(scenarios.size());
		for (FaultTable.Row row : table.rows()) {
			assertThat(row.failed()).as(row.scenario()).isEmpty();
			assertThat(row.lost()).as(row.scenario() + ": lost").isZero();
			assertThat(row.countedTwice()).as(row.scenario() + ": counted twice").isZero();
			assertThat(row.caughtUpSeconds()).as(row.scenario() + ": caught up").isPresent();
		}
	}

}
