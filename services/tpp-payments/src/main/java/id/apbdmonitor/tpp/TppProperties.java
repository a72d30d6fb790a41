package id.apbdmonitor.tpp;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.tpp.*}: when a month's TPP counts as submitted, and its deadline (DOMAIN §4),
 * explained in the README's "UP and TPP rules".
 *
 * @param submissionDeadlineWorkingDays a month's TPP is due this many working days after the
 * month's last day
 * @param submittedStage the stage that counts as submitted (SPM by default: the OPD's payment
 * order reaching BPKAD)
 * @param publicHolidays the region's public holidays and collective leave; with Saturdays and
 * Sundays they are not working days
 */
@ConfigurationProperties("apbd.tpp")
public record TppProperties(@DefaultValue("10") int submissionDeadlineWorkingDays,
		@DefaultValue("SPM") Stage submittedStage, @DefaultValue List<LocalDate> publicHolidays) {

	public TppProperties {
		if (submissionDeadlineWorkingDays < 0) {
			throw new IllegalArgumentException("apbd.tpp.submission-deadline-working-days must be 0 or more");
		}
		publicHolidays = List.copyOf(publicHolidays);
	}

	/** The submission deadline of a month: the N-th working day after its last day. */
	LocalDate deadline(int fiscalYear, int month) {
		Set<LocalDate> holidays = Set.copyOf(this.publicHolidays);
		LocalDate date = LocalDate.of(fiscalYear, month, 1).plusMonths(1).minusDays(1);
		int counted = 0;
		while (counted < this.submissionDeadlineWorkingDays) {
			date = date.plusDays(1);
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
					&& !holidays.contains(date)) {
				counted++;
			}
		}
		return date;
	}

}
