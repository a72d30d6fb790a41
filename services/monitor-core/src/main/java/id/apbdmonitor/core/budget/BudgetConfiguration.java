package id.apbdmonitor.core.budget;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Budget lines of {@code apbd.budget.v1}: every service imports this. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class BudgetConfiguration {

}
