package id.apbdmonitor.pad;

import id.apbdmonitor.core.config.MonitorCoreConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * pad-revenue: own-source revenue (PAD, accounts 4.1 by default) from {@code apbd.pad.v1}, per
 * revenue type and collecting OPD, against the PAD target lines of the budget and a seasonal
 * expectation.
 */
@SpringBootApplication
@Import(MonitorCoreConfiguration.class)
@EnableConfigurationProperties(PadProperties.class)
public class PadRevenueApplication {

	public static void main(String[] args) {
		SpringApplication.run(PadRevenueApplication.class, args);
	}

}
