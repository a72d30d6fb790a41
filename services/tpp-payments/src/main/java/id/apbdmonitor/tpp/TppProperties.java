package id.apbdmonitor.tpp;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.tpp.*}: when a month's TPP counts as submitted, its deadline (DOMAIN §4) and the
 * TPP rules, explained in the README's "UP and TPP rules". Working days come from the national
 * holiday calendar of monitor-core ({@code calendar/<year>.yml}) and the region's additions.
 *
 * @param submissionDeadlineWorkingDays a month's TPP is due this many working days after the
 * month's last day
 * @param submittedStage the stage that counts as submitted (SPM by default: the OPD's payment
 * order reaching BPKAD)
 * @param decemberGraceDays December's TPP is normally paid in January: its stages may be dated
 * up to this many days after 31 December and still belong to the fiscal year they pay
 * @param sp2dBelowSpmTolerance an SP2D whose amount is below its month's SPM by more than this
 * (rupiah) breaches {@code tpp_sp2d_below_spm}
 */
@ConfigurationProperties("apbd.tpp")
public record TppProperties(@DefaultValue("10") int submissionDeadlineWorkingDays,
		@DefaultValue("SPM") Stage submittedStage, @DefaultValue("31") int decemberGraceDays,
		@DefaultValue("0.00") BigDecimal sp2dBelowSpmTolerance) {

	public TppProperties {
		if (submissionDeadlineWorkingDays < 0) {
			throw new IllegalArgumentException("apbd.tpp.submission-deadline-working-days must be 0 or more");
		}
		if (decemberGraceDays < 0 || decemberGraceDays > 90) {
			throw new IllegalArgumentException("apbd.tpp.december-grace-days must be 0 to 90");
		}
		if (sp2dBelowSpmTolerance.signum() < 0) {
			throw new IllegalArgumentException("apbd.tpp.sp2d-below-spm-tolerance must be 0 or more");
		}
	}

}
