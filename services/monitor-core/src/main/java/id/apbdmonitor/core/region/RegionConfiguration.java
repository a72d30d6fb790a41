package id.apbdmonitor.core.region;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RegionProperties.class, CategoryProperties.class })
class RegionConfiguration {

}
