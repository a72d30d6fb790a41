package id.apbdmonitor.capital;

import id.apbdmonitor.core.config.MonitorCoreConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * capital-spending: belanja modal (accounts 5.2 by default) from {@code apbd.capital.v1}:
 * contracts, physical progress, handover (BAST) and payments against the capital budget lines,
 * with the configured priority projects.
 */
@SpringBootApplication
@Import(MonitorCoreConfiguration.class)
@EnableConfigurationProperties(CapitalProperties.class)
public class CapitalSpendingApplication {

	public static void main(String[] args) {
		SpringApplication.run(CapitalSpendingApplication.class, args);
	}

	/**
	 * Budget lines of monitor-core and this service's own tables (versions 40-49), without the
	 * spending ledger: set here because the imported monitor-core.yml would override a
	 * {@code spring.flyway.locations} of this service's application.yml.
	 */
	@Bean
	FlywayConfigurationCustomizer migrations() {
		return configuration -> configuration.locations("classpath:db/core", "classpath:db/capital");
	}

}
