package id.apbdmonitor.tpp;

import id.apbdmonitor.core.config.MonitorCoreConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * tpp-payments: the monthly TPP pipeline of every OPD from {@code apbd.tpp.v1} (performance
 * closed → verified → SPP → SPM → SP2D), its timeliness, and its realisation (category
 * {@code tpp}) against the TPP lines of the budget (accounts 5.1.01.02).
 */
@SpringBootApplication
@Import(MonitorCoreConfiguration.class)
@EnableConfigurationProperties(TppProperties.class)
public class TppPaymentsApplication {

	public static void main(String[] args) {
		SpringApplication.run(TppPaymentsApplication.class, args);
	}

}
