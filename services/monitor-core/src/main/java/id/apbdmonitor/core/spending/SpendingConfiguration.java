package id.apbdmonitor.core.spending;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Realisation of spending (SP2D-LS lines, approved GU/TU accountability, reversals) for one
 * category: goods-spending and services-spending import this.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class SpendingConfiguration {

}
