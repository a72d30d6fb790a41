package id.apbdmonitor.simulator.generator;

import java.io.IOException;
import java.util.List;

import id.apbdmonitor.core.region.RegionProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GeneratorSettingsTests {

	@Test
	void shouldUseTheOpdsOfTheRegionFileOfMonitorCore() throws IOException {
		var sources = new YamlPropertySourceLoader().load("region", new ClassPathResource("region-kota-bima.yml"));
		RegionProperties region = new Binder(ConfigurationPropertySources.from(sources))
			.bind("apbd.region", RegionProperties.class)
			.get();
		GeneratorSettings settings = GeneratorSettings.kotaBima(1);
		assertThat(settings.opds()).hasSize(33)
			.containsExactlyElementsOf(region.opds().stream().map(RegionProperties.Opd::code).toList());
		assertThat(settings.pemda()).isEqualTo(region.pemda());
	}

	@Test
	void shouldDefaultToNoFaultsAndTheDemoSize() {
		GeneratorSettings settings = GeneratorSettings.kotaBima(1);
		assertThat(settings.duplicateRate()).isZero();
		assertThat(settings.malformedRate()).isZero();
		assertThat(settings.invalidRate()).isZero();
		assertThat(settings.fiscalYear()).isEqualTo(2026);
		assertThat(settings.withFaultRate(0.02).invalidRate()).isEqualTo(0.02);
	}

	@Test
	void shouldRejectScriptedOpdsOutsideTheRegion() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GeneratorSettings(1, "52.72", 2026,
				List.of("DINKES"), List.of("PUPR"), List.of(), 0, 0, 0, 1, true));
		assertThatIllegalArgumentException().isThrownBy(() -> new GeneratorSettings(1, "52.72", 2026,
				List.of("DINKES"), List.of("DINKES"), List.of("DINKES"), 0, 0, 0, 1, true));
		assertThatIllegalArgumentException().isThrownBy(() -> GeneratorSettings.kotaBima(1).withFaultRate(1.5));
	}

	@Test
	void shouldKeepOnlyTheChosenOpdsInTheScript() {
		GeneratorSettings settings = GeneratorSettings.kotaBima(1).withOpds(List.of("PUPR", "DINKES", "SETDA"));
		assertThat(settings.laggingOpds()).containsExactly("PUPR");
		assertThat(settings.onPlanOpds()).containsExactly("DINKES");
	}

}
