package id.apbdmonitor.core.config;

import id.apbdmonitor.core.budget.BudgetConfiguration;
import id.apbdmonitor.core.calendar.CalendarConfiguration;
import id.apbdmonitor.core.event.EnvelopeReader;
import id.apbdmonitor.core.export.ExportConfiguration;
import id.apbdmonitor.core.indicator.IndicatorConfiguration;
import id.apbdmonitor.core.ingest.IngestConfiguration;
import id.apbdmonitor.core.ledger.PartitionMaintenance;
import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.Regions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What every service imports: region and clock, the ingest pipeline, budget lines and the
 * indicator refresh. Features (spending, later UP, TPP …) are imported beside it.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = { "id.apbdmonitor.core.region", "id.apbdmonitor.core.clock" })
@Import({ EnvelopeReader.class, CalendarConfiguration.class, IngestConfiguration.class, BudgetConfiguration.class,
		IndicatorConfiguration.class, ExportConfiguration.class })
public class MonitorCoreConfiguration {

	/** Flyway runs it after every migrate, as the owner role. */
	@Bean
	PartitionMaintenance partitionMaintenance(Regions regions, FiscalYears fiscalYears) {
		return new PartitionMaintenance(regions, fiscalYears);
	}

}
