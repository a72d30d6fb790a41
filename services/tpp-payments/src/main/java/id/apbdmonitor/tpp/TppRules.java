package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.apbdmonitor.core.calendar.HolidayCalendar;

/**
 * The TPP rules of one OPD's year in one region, without I/O: deadlines in working days of the
 * region's calendar, months late (past the deadline, not submitted), months submitted late
 * (submitted after the deadline) and months whose SP2D paid less than their SPM ordered.
 */
class TppRules {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private final TppProperties properties;

	private final HolidayCalendar calendar;

	TppRules(TppProperties properties, HolidayCalendar calendar) {
		this.properties = properties;
		this.calendar = calendar;
	}

	/** The N-th working day after the month's last day (N = submission-deadline-working-days). */
	LocalDate deadline(int year, int month) {
		return this.calendar.workingDaysAfter(monthEnd(year, month), this.properties.submissionDeadlineWorkingDays());
	}

	/** The stages the figures read: SPM, SP2D and the submitted stage. */
	Set<Stage> stagesRead() {
		return EnumSet.of(Stage.SPM, Stage.SP2D, this.properties.submittedStage());
	}

	/** The deadlines of the 12 months of a year, January first. */
	List<LocalDate> deadlines(int year) {
		List<LocalDate> deadlines = new ArrayList<>(12);
		for (int month = 1; month <= 12; month++) {
			deadlines.add(deadline(year, month));
		}
		return deadlines;
	}

	/** One OPD's figures; {@code months} maps a month to the stages it reached. */
	TppFigures figures(int year, LocalDate today, Map<Integer, Map<Stage, TppLedger.StageRow>> months, BigDecimal pagu,
			BigDecimal plan) {
		return figures(year, today, months, pagu, plan, deadlines(year));
	}

	/** The same with the year's {@link #deadlines}, computed once for every OPD. */
	TppFigures figures(int year, LocalDate today, Map<Integer, Map<Stage, TppLedger.StageRow>> months, BigDecimal pagu,
			BigDecimal plan, List<LocalDate> deadlines) {
		BigDecimal realised = ZERO;
		int due = 0;
		int paid = 0;
		int late = 0;
		int submittedLate = 0;
		int belowSpm = 0;
		int lastPaid = 0;
		boolean contiguous = true;
		List<LocalDate> spm = new ArrayList<>(Collections.nCopies(12, null));
		List<LocalDate> sp2d = new ArrayList<>(Collections.nCopies(12, null));
		for (int month = 1; month <= 12; month++) {
			if (monthEnd(year, month).isBefore(today)) {
				due++;
			}
			Map<Stage, TppLedger.StageRow> reached = months.getOrDefault(month, Map.of());
			TppLedger.StageRow paidRow = reached.get(Stage.SP2D);
			if (paidRow != null) {
				realised = realised.add(paidRow.amount());
				paid++;
				sp2d.set(month - 1, paidRow.occurredOn());
			}
			contiguous = contiguous && paidRow != null;
			if (contiguous) {
				lastPaid = month;
			}
			TppLedger.StageRow spmRow = reached.get(Stage.SPM);
			if (spmRow != null) {
				spm.set(month - 1, spmRow.occurredOn());
			}
			if (spmRow != null && paidRow != null && spmRow.amount()
				.subtract(paidRow.amount())
				.compareTo(this.properties.sp2dBelowSpmTolerance()) > 0) {
				belowSpm++;
			}
			TppLedger.StageRow submitted = reached.get(this.properties.submittedStage());
			LocalDate deadline = deadlines.get(month - 1);
			if (submitted == null && today.isAfter(deadline)) {
				late++;
			}
			else if (submitted != null && submitted.occurredOn().isAfter(deadline)) {
				submittedLate++;
			}
		}
		return new TppFigures(year, pagu, plan, realised, due, paid, late, submittedLate, belowSpm, lastPaid,
				Collections.unmodifiableList(spm), Collections.unmodifiableList(sp2d));
	}

	private static LocalDate monthEnd(int year, int month) {
		return LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
	}

}
