package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the services must report after a prefix of the generated events: per OPD and category
 * the realised total (VALID realisations minus VALID reversals) and the pagu (the sum of each
 * line's newest revision seen so far), exact to the sen. Also counts the records of each kind.
 */
public final class ExpectedTotals {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private final String pemda;

	private final List<String> opds;

	private final List<Category> categories;

	private final int published;

	private final LocalDate businessDate;

	private final Map<Key, BigDecimal> realised = new HashMap<>();

	private final Map<Key, BigDecimal> pagu = new HashMap<>();

	private final Map<SimEvent.Kind, Long> counts = new EnumMap<>(SimEvent.Kind.class);

	private ExpectedTotals(GeneratorSettings settings, List<Category> categories, int published,
			LocalDate businessDate) {
		this.pemda = settings.pemda();
		this.opds = settings.opds();
		this.categories = List.copyOf(categories);
		this.published = published;
		this.businessDate = businessDate;
	}

	static ExpectedTotals replay(GeneratorSettings settings, List<Category> categories, List<SimEvent> events,
			List<Effect> effects, int published, LocalDate businessDate) {
		ExpectedTotals totals = new ExpectedTotals(settings, categories, published, businessDate);
		Map<String, Effect.BudgetRevision> newest = new HashMap<>();
		for (int i = 0; i < published; i++) {
			totals.counts.merge(events.get(i).kind(), 1L, Long::sum);
			Effect effect = effects.get(i);
			if (effect instanceof Effect.Realisation realisation) {
				totals.realised.merge(new Key(realisation.opd(), realisation.category()), realisation.delta(),
						BigDecimal::add);
			}
			else if (effect instanceof Effect.BudgetRevision revision) {
				// an older revision arriving late changes nothing
				newest.merge(revision.lineId(), revision, (old, now) -> (now.revision() > old.revision()) ? now : old);
			}
		}
		for (Effect.BudgetRevision revision : newest.values()) {
			totals.pagu.merge(new Key(revision.opd(), revision.category()), revision.pagu(), BigDecimal::add);
		}
		return totals;
	}

	/** How many events of the year this covers (a prefix of {@link GeneratedYear#events()}). */
	public int published() {
		return this.published;
	}

	/** The business date this covers; null before the first event. */
	public LocalDate businessDate() {
		return this.businessDate;
	}

	/** How many of the covered records are of a kind. */
	public long count(SimEvent.Kind kind) {
		return this.counts.getOrDefault(kind, 0L);
	}

	/** Realised total of an OPD in a category (0.00 when none). */
	public BigDecimal realised(String opd, Category category) {
		return this.realised.getOrDefault(new Key(opd, category), ZERO);
	}

	/** Current pagu of an OPD in a category (0.00 before its budget lines). */
	public BigDecimal pagu(String opd, Category category) {
		return this.pagu.getOrDefault(new Key(opd, category), ZERO);
	}

	/** Realised total of the whole region in a category. */
	public BigDecimal realised(Category category) {
		return this.opds.stream().map((opd) -> realised(opd, category)).reduce(ZERO, BigDecimal::add);
	}

	/** Pagu of the whole region in a category. */
	public BigDecimal pagu(Category category) {
		return this.opds.stream().map((opd) -> pagu(opd, category)).reduce(ZERO, BigDecimal::add);
	}

	/** One row per OPD and category of the settings, in their order, zeros included. */
	public List<Total> totals() {
		List<Total> rows = new ArrayList<>();
		for (String opd : this.opds) {
			for (Category category : this.categories) {
				rows.add(new Total(this.pemda, opd, category, realised(opd, category), pagu(opd, category)));
			}
		}
		return Collections.unmodifiableList(rows);
	}

	/** The expected figures of one OPD in one category; money in rupiah with two decimals. */
	public record Total(String pemda, String opd, Category category, BigDecimal realised, BigDecimal pagu) {
	}

	private record Key(String opd, Category category) {
	}

}
