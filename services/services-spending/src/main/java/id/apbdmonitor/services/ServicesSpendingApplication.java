package id.apbdmonitor.services;

import id.apbdmonitor.core.config.MonitorCoreConfiguration;
import id.apbdmonitor.core.spending.SpendingConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * services-spending: realisation of belanja jasa (accounts 5.1.02.02, and by default 5.1.02.03
 * maintenance and 5.1.02.04 official travel) from {@code apbd.services.v1}.
 */
@SpringBootApplication
@Import({ MonitorCoreConfiguration.class, SpendingConfiguration.class })
public class ServicesSpendingApplication {

	public static void main(String[] args) {
		SpringApplication.run(ServicesSpendingApplication.class, args);
	}

}
