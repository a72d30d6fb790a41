package id.apbdmonitor.brief.content;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** The figures of one moment the brief is made of, wherever they come from. */
public interface Figures {

	/** No figures at all: a date Prometheus holds nothing for. */
	Figures NONE = new Figures() {

		@Override
		public OptionalDouble region(RegionFigure figure) {
			return OptionalDouble.empty();
		}

		@Override
		public Map<String, Double> perOpd(OpdFigure figure) {
			return Map.of();
		}

		@Override
		public Map<String, Set<String>> upRulesBreached() {
			return Map.of();
		}

		@Override
		public Map<String, Map<String, Double>> padVsExpectation() {
			return Map.of();
		}

		@Override
		public Map<String, String> opdNames() {
			return Map.of();
		}

		@Override
		public List<Project> projects() {
			return List.of();
		}

	};

	OptionalDouble region(RegionFigure figure);

	/** OPD code to value; OPDs without the series are absent. */
	Map<String, Double> perOpd(OpdFigure figure);

	/** OPD code to the UP rules it breaches now ({@code rule} label of apbd_up_rule_breached). */
	Map<String, Set<String>> upRulesBreached();

	/** OPD code to revenue type to PAD received ÷ its seasonal expectation to date. */
	Map<String, Map<String, Double>> padVsExpectation();

	/** OPD code to name, as the services export it ({@code apbd_opd_info}). */
	Map<String, String> opdNames();

	List<Project> projects();

	/**
	 * A priority project (capital-spending's {@code project} label).
	 *
	 * @param plannedEnd start of the planned end day, epoch seconds (0 without contracts)
	 * @param secondsToPlannedEnd from the business date, negative once passed; absent without a planned end
	 */
	record Project(String code, String opd, double physical, double financial, double contracted, double plannedEnd,
			OptionalDouble secondsToPlannedEnd) {
	}

}
