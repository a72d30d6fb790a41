package id.apbdmonitor.other;

import id.apbdmonitor.core.config.MonitorCoreConfiguration;
import id.apbdmonitor.core.spending.SpendingConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * other-spending: realisation of the spending the other services do not cover, so that the
 * whole APBD is monitored: personnel other than TPP, grants, social assistance, interest and
 * subsidies, unexpected spending and transfers (categories and account prefixes in
 * {@code application.yml}), from {@code apbd.other.v1}, against their budget lines.
 */
@SpringBootApplication
@Import({ MonitorCoreConfiguration.class, SpendingConfiguration.class })
public class OtherSpendingApplication {

	public static void main(String[] args) {
		SpringApplication.run(OtherSpendingApplication.class, args);
	}

}
