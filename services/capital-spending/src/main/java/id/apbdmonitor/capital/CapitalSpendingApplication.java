package id.apbdmonitor.capital;

import id.apbdmonitor.core.config.MonitorCoreConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

}
