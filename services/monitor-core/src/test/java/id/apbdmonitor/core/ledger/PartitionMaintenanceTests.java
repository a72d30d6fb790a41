package id.apbdmonitor.core.ledger;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionMaintenanceTests {

	@Test
	void shouldPrepareTheYearAfterTheNewestOpenYear() {
		assertThat(PartitionMaintenance.years(List.of(2026))).containsExactly(2026, 2027);
		// January with the previous year still open
		assertThat(PartitionMaintenance.years(List.of(2026, 2025))).containsExactly(2025, 2026, 2027);
	}

}
