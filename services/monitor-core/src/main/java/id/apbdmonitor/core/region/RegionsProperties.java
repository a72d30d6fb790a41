package id.apbdmonitor.core.region;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code apbd.regions.*}: more regions beside the home region ({@code apbd.region}).
 *
 * @param dir a directory of region files ({@code *.yml}, each of the home region file's shape,
 * one pemda per file); unset: the home region only
 */
@ConfigurationProperties("apbd.regions")
public record RegionsProperties(Path dir) {

}
