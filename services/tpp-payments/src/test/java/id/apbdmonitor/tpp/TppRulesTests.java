package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import id.apbdmonitor.core.calendar.HolidayCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TPP rules on the national 2025 and 2026 calendars (SKB 1017/2/2 of 2024 and 1497/2/5 of
 * 2025), deadlines counted by hand: 10 working days after the month's last day.
 */
class TppRulesTests {

	private static final BigDecimal NO_TOLERANCE = new BigDecimal("0.00");

	private final TppRules rules = rules(NO_TOLERANCE);

	@Test
	void shouldCountDeadlinesInWorkingDaysOfTheSkbCalendar() {
		// 31 Jan 2026 is a Saturday: 2–6, 9–13 Feb
		assertThat(this.rules.deadline(2026, 1)).isEqualTo("2026-02-13");
		// 28 Feb is a Saturday: 2–6, 9–13 Mar (Nyepi and Idulfitri come later)
		assertThat(this.rules.deadline(2026, 2)).isEqualTo("2026-03-13");
		// 1, 2 Apr; 3 Apr is Good Friday; 6–10, 13–15 Apr
		assertThat(this.rules.deadline(2026, 3)).isEqualTo("2026-04-15");
		// 1 May Labour Day; 4–8, 11–13; 14 May Ascension, 15 May cuti bersama; 18, 19 May
		assertThat(this.rules.deadline(2026, 4)).isEqualTo("2026-05-19");
		// May ends on Sunday 31 May (Waisak), 1 June Pancasila: 2–5, 8–12, 15 June
		assertThat(this.rules.deadline(2026, 5)).isEqualTo("2026-06-15");
		// December 2025: 1 Jan 2026 New Year; 2 Jan, 5–9, 12–15 Jan (16 Jan Isra Mikraj comes after)
		assertThat(this.rules.deadline(2025, 12)).isEqualTo("2026-01-15");
	}

	@Test
	void shouldCountAMonthSubmittedAfterItsDeadlineOnceItIsSubmitted() {
		Map<Integer, Map<Stage, TppLedger.StageRow>> months = new HashMap<>();
		// January: SPM 10 Feb, before the 13 Feb deadline
		month(months, 1, "2026-02-10", "150000000.00", "2026-02-12", "150000000.00");
		// February: SPM 16 Mar, one working day after the 13 Mar deadline; SP2D Rp 1 juta short
		month(months, 2, "2026-03-16", "150000000.00", "2026-03-18", "149000000.00");
		// March: SPM on its deadline day, 15 Apr, is in time
		month(months, 3, "2026-04-15", "150000000.00", null, null);
		// April: nothing, and 19 May has passed; May: nothing, its deadline is today

		TppFigures figures = this.rules.figures(2026, LocalDate.of(2026, 6, 15), months, new BigDecimal("1800000000.00"),
				new BigDecimal("825000000.00"));

		assertThat(figures.monthsDue()).isEqualTo(5);
		assertThat(figures.monthsLate()).as("April only").isEqualTo(1);
		assertThat(figures.monthsSubmittedLate()).as("February only").isEqualTo(1);
		assertThat(figures.sp2dBelowSpm()).as("February only").isEqualTo(1);
		assertThat(figures.monthsPaid()).isEqualTo(2);
		assertThat(figures.lastMonthPaid()).isEqualTo(2);
		// 150,000,000 + 149,000,000
		assertThat(figures.realised()).isEqualByComparingTo("299000000.00");
	}

	@Test
	void shouldJudgeDecemberInTheFollowingJanuary() {
		Map<Integer, Map<Stage, TppLedger.StageRow>> onTime = new HashMap<>();
		month(onTime, 12, "2026-01-14", "152000000.00", "2026-01-16", "152000000.00");
		Map<Integer, Map<Stage, TppLedger.StageRow>> late = new HashMap<>();
		month(late, 12, "2026-01-19", "152000000.00", null, null);
		LocalDate today = LocalDate.of(2026, 1, 20);

		TppFigures first = this.rules.figures(2025, today, onTime, BigDecimal.ZERO, BigDecimal.ZERO);
		TppFigures second = this.rules.figures(2025, today, late, BigDecimal.ZERO, BigDecimal.ZERO);
		TppFigures none = this.rules.figures(2025, today, Map.of(), BigDecimal.ZERO, BigDecimal.ZERO);

		assertThat(first.monthsDue()).isEqualTo(12);
		assertThat(first.monthsSubmittedLate()).isZero();
		assertThat(first.realised()).isEqualByComparingTo("152000000.00");
		// 19 Jan is after the 15 Jan deadline
		assertThat(second.monthsSubmittedLate()).isEqualTo(1);
		// January to November have no stage at all here; December is submitted, so not late now
		assertThat(second.monthsLate()).isEqualTo(11);
		// nothing at all: January to December 2025 are all past their deadlines on 20 Jan 2026
		assertThat(none.monthsLate()).isEqualTo(12);
		// 31 Jan 2025 is a Friday, February 2025 has no holiday: 3–7, 10–14 Feb
		assertThat(this.rules.deadline(2025, 1)).isEqualTo("2025-02-14");
	}

	@Test
	void shouldFlagAnSp2dShortOfItsSpmBeyondTheTolerance() {
		TppRules tolerant = rules(new BigDecimal("1000000.00"));
		Map<Integer, Map<Stage, TppLedger.StageRow>> exactlyTolerated = new HashMap<>();
		month(exactlyTolerated, 1, "2026-02-10", "150000000.00", "2026-02-12", "149000000.00");
		Map<Integer, Map<Stage, TppLedger.StageRow>> oneSenMore = new HashMap<>();
		month(oneSenMore, 1, "2026-02-10", "150000000.00", "2026-02-12", "148999999.99");
		Map<Integer, Map<Stage, TppLedger.StageRow>> above = new HashMap<>();
		month(above, 1, "2026-02-10", "150000000.00", "2026-02-12", "150000000.01");
		LocalDate today = LocalDate.of(2026, 3, 1);

		assertThat(tolerant.figures(2026, today, exactlyTolerated, BigDecimal.ZERO, BigDecimal.ZERO).sp2dBelowSpm())
			.isZero();
		assertThat(tolerant.figures(2026, today, oneSenMore, BigDecimal.ZERO, BigDecimal.ZERO).sp2dBelowSpm())
			.isEqualTo(1);
		assertThat(this.rules.figures(2026, today, above, BigDecimal.ZERO, BigDecimal.ZERO).sp2dBelowSpm()).isZero();
	}

	private static TppRules rules(BigDecimal tolerance) {
		return new TppRules(new TppProperties(10, Stage.SPM, 31, tolerance), HolidayCalendar.national());
	}

	private static void month(Map<Integer, Map<Stage, TppLedger.StageRow>> months, int month, String spmOn,
			String spmAmount, String sp2dOn, String sp2dAmount) {
		Map<Stage, TppLedger.StageRow> stages = new HashMap<>();
		stages.put(Stage.SPM, row(month, Stage.SPM, spmOn, spmAmount));
		if (sp2dOn != null) {
			stages.put(Stage.SP2D, row(month, Stage.SP2D, sp2dOn, sp2dAmount));
		}
		months.put(month, stages);
	}

	private static TppLedger.StageRow row(int month, Stage stage, String on, String amount) {
		return new TppLedger.StageRow("BAPPEDA", month, stage, LocalDate.parse(on), new BigDecimal(amount));
	}

}
