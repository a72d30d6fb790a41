package id.apbdmonitor.brief.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.brief.mail.*}: when the brief is mailed to the leadership.
 *
 * @param cron Spring cron (second minute hour day month weekday) in the region's zone
 * @param sendAfterStart also send once this long after start-up (the devstack, so the mail can be
 * seen); null: never
 */
@ConfigurationProperties("apbd.brief.mail")
public record MailProperties(@DefaultValue("0 0 7 * * MON") String cron, Duration sendAfterStart) {
}
