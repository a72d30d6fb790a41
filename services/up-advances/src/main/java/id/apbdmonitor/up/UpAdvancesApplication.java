package id.apbdmonitor.up;

import id.apbdmonitor.core.config.MonitorCoreConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * up-advances: the UP, GU and TU cash advances of every OPD from {@code apbd.up.v1}, their
 * health indicators and rules. UP is a float, not spending: nothing here is realisation.
 */
@SpringBootApplication
@Import(MonitorCoreConfiguration.class)
@EnableConfigurationProperties(UpProperties.class)
public class UpAdvancesApplication {

	public static void main(String[] args) {
		SpringApplication.run(UpAdvancesApplication.class, args);
	}

}
