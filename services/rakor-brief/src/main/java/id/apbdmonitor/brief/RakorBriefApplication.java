package id.apbdmonitor.brief;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * rakor-brief: the brief of the mayor's coordination meeting (rakor) for a business date, built
 * from Prometheus, as HTML and PDF, and mailed to the leadership before every meeting.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RakorBriefApplication {

	public static void main(String[] args) {
		SpringApplication.run(RakorBriefApplication.class, args);
	}

}
