package id.apbdmonitor.core.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.export.*}.
 *
 * @param ownedSeriesOnly export a region's or an OPD's gauges only while this instance consumes
 * the partition of the event topic that their key ({@code pemda/opd}, or {@code pemda} for a
 * region's own series) falls in. On when several instances of a service share its consumer group;
 * off (every series from start-up) for a single instance
 */
@ConfigurationProperties("apbd.export")
public record ExportProperties(@DefaultValue("false") boolean ownedSeriesOnly) {

}
