package id.apbdmonitor.simulator.publishing;

import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorPropertiesTests {

	private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

	@Test
	void shouldNeedADirectoryForTheRegionFilesOfANationalSimulation() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SimulatorProperties(2026, 2026, 0.01, true, 20, WITA, "kota-bima", 546, null))
			.withMessageContaining("apbd.simulator.regions-dir");
		assertThat(new SimulatorProperties(2026, 2026, 0.01, true, 20, WITA, "kota-bima", 1, null).regions())
			.isEqualTo(1);
		assertThat(new SimulatorProperties(2026, 2026, 0.01, true, 20, WITA, "kota-bima", 546, Path.of("regions"))
			.regionsDir()).isEqualTo(Path.of("regions"));
	}

}
