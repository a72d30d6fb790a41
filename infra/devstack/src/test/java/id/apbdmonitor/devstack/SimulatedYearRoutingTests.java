package id.apbdmonitor.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class SimulatedYearRoutingTests {

	private static final Path CONFIG = Path.of("../alertmanager/alertmanager.yml").toAbsolutePath().normalize();

	@Test
	void keepsEveryRouteAndReceiverButNoOfficeHours(@TempDir Path directory) throws Exception {
		String production = Files.readString(CONFIG);
		assertThat(production).contains("active_time_intervals: [jam-kerja]");
		String devstack = Files.readString(SimulatedYearRouting.write(CONFIG, directory));
		assertThat(devstack).doesNotContain("active_time_intervals").doesNotContain("mute_time_intervals");
		assertThat(count(devstack, "- receiver: ")).isEqualTo(count(production, "- receiver: "));
		assertThat(count(devstack, "matchers: ")).isEqualTo(count(production, "matchers: "));
		assertThat(devstack).contains("  - " + CONFIG.getParent().resolve("templates/*.tmpl"));
	}

	/** The copy is a configuration Alertmanager accepts, templates included (amtool, when installed). */
	@Test
	void amtoolAcceptsTheCopy(@TempDir Path directory) throws Exception {
		assumeThat(MonitoringTools.onPath("amtool")).as("amtool on PATH").isPresent();
		Path copy = SimulatedYearRouting.write(CONFIG, directory);
		Process amtool = new ProcessBuilder("amtool", "check-config", copy.toString()).redirectErrorStream(true).start();
		assertThat(amtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(amtool.getInputStream().readAllBytes());
		assertThat(amtool.exitValue()).as(output).isZero();
		assertThat(output).contains("SUCCESS");
	}

	private static int count(String text, String needle) {
		return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
	}

}
