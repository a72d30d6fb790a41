package id.apbdmonitor.brief.content;

import java.time.LocalDate;
import java.util.List;

/**
 * One brief, every text already written for the reader (Bahasa Indonesia, rupiah in
 * juta/miliar, dates in the region's zone): the template only lays it out.
 *
 * @param dataDateText the business date the services reported at {@code asOf}
 * @param source where the figures come from (Prometheus, or the services' metrics endpoints)
 * @param asOf the instant the figures were read at, e.g. {@code 10 Juni 2026 23.59 WITA}
 * @param notes what the reader must know about the sources (missing history, projections absent)
 * @param absorptionChart the city's absorption curve against the cash plan (PNG data URI), or null
 * @param leagueChart the OPD league (PNG data URI), or null
 */
public record Brief(String regionName, String pemda, LocalDate date, String dateText, String dataDateText,
		String source, String asOf,
		String previousDateText, String generatedAt, List<String> notes, List<Priority> priorities,
		List<OpdStanding> league, List<OpdStanding> bottom, List<ProjectLine> carryOver, List<ProjectLine> livable,
		String absorptionChart, String leagueChart) {

	public Brief {
		notes = List.copyOf(notes);
		priorities = List.copyOf(priorities);
		league = List.copyOf(league);
		bottom = List.copyOf(bottom);
		carryOver = List.copyOf(carryOver);
		livable = List.copyOf(livable);
	}

	public Brief withCharts(String absorption, String league) {
		return new Brief(this.regionName, this.pemda, this.date, this.dateText, this.dataDateText, this.source,
				this.asOf, this.previousDateText,
				this.generatedAt, this.notes, this.priorities, this.league, this.bottom, this.carryOver, this.livable,
				absorption, league);
	}

	/** One of the region's seven priorities. */
	public record Priority(int number, String name, String figure, String detail, String target, String change,
			String projection) {
	}

	/**
	 * An OPD's place in the league.
	 *
	 * @param ratio realised ÷ cash plan to date, for the chart; NaN without a cash plan
	 */
	public record OpdStanding(int rank, String code, String name, String vsCashPlan, String absorption,
			String realised, String cashPlan, String projection, List<String> reasons, double ratio) {

		public OpdStanding {
			reasons = List.copyOf(reasons);
		}

	}

	/** A carry-over or livable-city project. */
	public record ProjectLine(String code, String name, String opd, String opdName, String physical, String financial,
			String contracted, String plannedEnd, String daysLeft) {
	}

}
