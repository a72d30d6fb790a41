package id.apbdmonitor.goods;

import id.apbdmonitor.core.config.MonitorCoreConfiguration;
import id.apbdmonitor.core.spending.SpendingConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * goods-spending: realisation of belanja barang (accounts 5.1.02.01 by default) from
 * {@code apbd.goods.v1}, against the goods lines of the budget.
 */
@SpringBootApplication
@Import({ MonitorCoreConfiguration.class, SpendingConfiguration.class })
public class GoodsSpendingApplication {

	public static void main(String[] args) {
		SpringApplication.run(GoodsSpendingApplication.class, args);
	}

}
