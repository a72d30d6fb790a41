package id.apbdmonitor.simulator.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A generated fiscal year: the records to publish, in order, and the totals the services must
 * report after all of them or after any prefix.
 */
public final class GeneratedYear {

	private final GeneratorSettings settings;

	private final List<Category> categories;

	private final List<SimEvent> events;

	private final List<Effect> effects;

	private final ExpectedTotals expectedTotals;

	GeneratedYear(GeneratorSettings settings, List<Category> categories, List<SimEvent> events, List<Effect> effects) {
		this.settings = settings;
		this.categories = List.copyOf(categories);
		this.events = List.copyOf(events);
		// effects may hold nulls (records that change no total)
		this.effects = Collections.unmodifiableList(new ArrayList<>(effects));
		this.expectedTotals = asOf(this.events.size());
	}

	public GeneratorSettings settings() {
		return this.settings;
	}

	/** The categories generated, e.g. goods and services. */
	public List<Category> categories() {
		return this.categories;
	}

	/** Every record of the year, sorted by business date; budget lines come first on 2 January. */
	public List<SimEvent> events() {
		return this.events;
	}

	/** What the services must report once every record is consumed. */
	public ExpectedTotals expectedTotals() {
		return this.expectedTotals;
	}

	/** What the services must report once the first {@code published} records are consumed. */
	public ExpectedTotals asOf(int published) {
		if (published < 0 || published > this.events.size()) {
			throw new IllegalArgumentException("published must be within 0.." + this.events.size());
		}
		LocalDate date = (published == 0) ? null : this.events.get(published - 1).businessDate();
		return ExpectedTotals.replay(this.settings, this.categories, this.events, this.effects, published, date);
	}

	/** What the services must report once every record with a business date up to {@code date} is consumed. */
	public ExpectedTotals realisedUpTo(LocalDate date) {
		int published = 0;
		while (published < this.events.size() && !this.events.get(published).businessDate().isAfter(date)) {
			published++;
		}
		return ExpectedTotals.replay(this.settings, this.categories, this.events, this.effects, published, date);
	}

	/** OPDs scripted to realise only about half of their cash plan. */
	public List<String> laggingOpds() {
		return this.settings.laggingOpds();
	}

	/** OPDs scripted to realise on plan. */
	public List<String> onPlanOpds() {
		return this.settings.onPlanOpds();
	}

	/** OPDs scripted to account for part of their UP once and never get it refilled: their GU goes stale. */
	public List<String> staleUpOpds() {
		return among(UpGenerator.STALE_UP);
	}

	/** The OPD (at most one) scripted to leave a TU open far past 30 days (from early June to mid-August). */
	public List<String> overdueTuOpds() {
		return among(List.of(UpGenerator.OVERDUE_TU));
	}

	/** The OPD scripted to request its first UP only in March. */
	public List<String> lateUpOpds() {
		return among(List.of(UpGenerator.LATE_UP));
	}

	/** The OPD scripted to neither return its UP leftover nor close its UP by 31 December. */
	public List<String> unreturnedUpOpds() {
		return among(List.of(UpGenerator.UNRETURNED_UP));
	}

	/** OPDs scripted to submit their TPP (SPM) past the deadline every month from April. */
	public List<String> lateTppOpds() {
		return among(TppGenerator.LATE_TPP);
	}

	/** OPDs scripted to have one month's TPP SP2D below its SPM (May). */
	public List<String> tppSp2dBelowSpmOpds() {
		return among(TppGenerator.SP2D_BELOW_SPM);
	}

	/** Collecting OPDs scripted to keep receiving a revenue type whose target the APBD-P set to 0. */
	public List<String> zeroTargetCollectors() {
		return among(List.of(PadGenerator.ZERO_TARGET_COLLECTOR));
	}

	private List<String> among(List<String> scripted) {
		return scripted.stream().filter(this.settings.opds()::contains).toList();
	}

	/** How many records of the whole year are of a kind. */
	public long count(SimEvent.Kind kind) {
		return this.expectedTotals.count(kind);
	}

}
