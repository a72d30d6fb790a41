package id.apbdmonitor.simulator.publishing;

import java.time.Clock;
import java.time.Instant;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.clock.ClockProperties;
import id.apbdmonitor.core.clock.FixedBusinessClock;
import id.apbdmonitor.core.clock.SimulatedBusinessClock;
import id.apbdmonitor.core.clock.StartSignalledClock;
import id.apbdmonitor.core.clock.WallBusinessClock;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.GeneratorSettings;
import id.apbdmonitor.simulator.generator.Scenario;
import id.apbdmonitor.simulator.generator.YearGenerator;
import id.apbdmonitor.simulator.national.NationalRegions;
import id.apbdmonitor.simulator.national.NationalYear;
import id.apbdmonitor.simulator.national.RegionFiles;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Generates the year at start-up and wires the publisher to the shared business clock
 * ({@code apbd.clock.*}, the same settings the services read). The core's own Spring
 * configuration is not used: the simulator needs no region file, database or ingest pipeline.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SimulatorProperties.class, ClockProperties.class })
class SimulatorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

	@Bean
	GeneratedYear generatedYear(SimulatorProperties properties) {
		GeneratorSettings settings = GeneratorSettings.kotaBima(properties.seed())
			.withFiscalYear(properties.effectiveFiscalYear())
			.withEventsPerOpdPerMonth(properties.eventsPerOpdPerMonth())
			.withFaultRate(properties.faultRate());
		Scenario scenario = Scenario.named(properties.scenario(), settings);
		GeneratedYear year = YearGenerator.generate(settings, scenario);
		log.info("Generated fiscal year {} of pemda {} (scenario {}, seed {}, fault rate {}): {} records for {} OPDs; lagging {}, on plan {}",
				settings.fiscalYear(), settings.pemda(), scenario.name(), settings.seed(), properties.faultRate(),
				year.events().size(),
				settings.opds().size(), year.laggingOpds(), year.onPlanOpds());
		return year;
	}

	/** The national mode ({@code apbd.simulator.regions} > 1): the region files first, then the synthetic years. */
	@Bean
	@ConditionalOnExpression("${apbd.simulator.regions:1} > 1")
	NationalPublisher nationalPublisher(SimulatorProperties properties, KafkaTemplate<String, String> kafka) {
		NationalRegions regions = NationalRegions.of(properties.seed(), properties.regions(),
				properties.effectiveFiscalYear(), properties.eventsPerOpdPerMonth());
		// written before the services start reading apbd.regions.dir (the devstack waits for the simulator)
		List<Path> files = RegionFiles.write(properties.regionsDir(), regions.synthetic());
		log.info("National simulation of {} regions (seed {}): {} region files written into {}", regions.count(),
				properties.seed(), files.size(), properties.regionsDir());
		return new NationalPublisher(new NationalYear(regions, properties.faultRate()), kafka);
	}

	@Bean
	BusinessClock businessClock(ClockProperties clock, SimulatorProperties properties) {
		LocalDate startDate = (clock.startDate() != null) ? clock.startDate()
				: LocalDate.of(properties.effectiveFiscalYear(), 1, 1);
		return switch (clock.mode()) {
			case WALL -> new WallBusinessClock(Clock.systemUTC(), properties.zone());
			case FIXED -> new FixedBusinessClock(startDate, properties.zone());
			// the devstack writes the start instant once every process is UP
			case SIMULATED -> (clock.startedAtFile() != null)
					? new StartSignalledClock(Clock.systemUTC(), properties.zone(), clock.startedAtFile(), startDate,
							clock.yearDuration())
					: simulated(clock, properties, startDate);
		};
	}

	private static BusinessClock simulated(ClockProperties clock, SimulatorProperties properties, LocalDate startDate) {
		Instant startedAt = (clock.startedAt() != null) ? clock.startedAt() : Instant.now();
		log.info("Simulated business clock: {} at {}, a year lasts {}", startDate, startedAt, clock.yearDuration());
		return new SimulatedBusinessClock(Clock.systemUTC(), properties.zone(), startedAt, startDate,
				clock.yearDuration());
	}

	@Bean
	PublishProgress publishProgress() {
		return new PublishProgress();
	}

	@Bean
	SimulatorMetrics simulatorMetrics(MeterRegistry registry, GeneratedYear year, PublishProgress progress,
			BusinessClock clock, SimulatorProperties properties) {
		return new SimulatorMetrics(registry, year, progress, clock, properties.zone());
	}

	@Bean
	YearPublisher yearPublisher(GeneratedYear year, KafkaTemplate<String, String> kafka, BusinessClock clock,
			SimulatorProperties properties, PublishProgress progress, SimulatorMetrics metrics) {
		return new YearPublisher(year, kafka, clock, properties.pace(), progress, metrics);
	}

}
