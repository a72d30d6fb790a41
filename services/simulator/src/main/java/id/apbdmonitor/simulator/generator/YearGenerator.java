package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a region's fiscal year of events, deterministically from {@link GeneratorSettings}:
 * budget lines with a seasonal cash plan on 2 January, a pergeseran in July and an
 * APBD-Perubahan in September, realisations following the cash plan (some OPDs lagging, some on
 * plan), a few reversals, and optionally injected faults. Plain Java: tests and benchmarks call
 * it directly, the simulator app publishes its output to Kafka.
 */
public final class YearGenerator {

	private final GeneratorSettings settings;

	private final List<CategoryGenerator> generators = List.of(new GoodsGenerator(), new ServicesGenerator());

	/** Topics whose events are not spending realisations; generated after the others, from their own streams. */
	private final List<TopicGenerator> topicGenerators = List.of(new CapitalGenerator(), new PadGenerator(),
			new UpGenerator(), new TppGenerator());

	private final Scenario scenario;

	/** The settings' year, the whole APBD at Kota Bima's magnitudes ({@link Scenario#kotaBima}). */
	public YearGenerator(GeneratorSettings settings) {
		this(settings, Scenario.kotaBima(settings));
	}

	public YearGenerator(GeneratorSettings settings, Scenario scenario) {
		this.settings = settings;
		this.scenario = scenario;
	}

	/** Shorthand for {@code new YearGenerator(settings).generate()}. */
	public static GeneratedYear generate(GeneratorSettings settings) {
		return new YearGenerator(settings).generate();
	}

	/** Shorthand for {@code new YearGenerator(settings, scenario).generate()}. */
	public static GeneratedYear generate(GeneratorSettings settings, Scenario scenario) {
		return new YearGenerator(settings, scenario).generate();
	}

	public GeneratedYear generate() {
		BudgetPlanner planner = new BudgetPlanner(this.settings, random("budget-dates"));
		Map<Category, CategoryGenerator> byCategory = new EnumMap<>(Category.class);
		Map<Category, List<BudgetLine>> lines = new LinkedHashMap<>();
		for (CategoryGenerator generator : this.generators) {
			byCategory.put(generator.category(), generator);
			lines.put(generator.category(),
					generator.planBudget(this.settings, planner, random("budget-" + generator.category().code())));
		}
		Map<String, Double> shares = realisationShares(random("script"));
		Facts facts = new Facts();
		for (CategoryGenerator generator : this.generators) {
			generator.realise(this.settings, lines.get(generator.category()), shares,
					random("realise-" + generator.category().code()), facts);
		}

		List<BudgetLine> allLines = lines.values().stream().flatMap(List::stream).toList();
		List<Draft> drafts = new ArrayList<>(budgetDrafts(allLines, 0));
		if (this.settings.lateOlderRevision()) {
			drafts.addAll(lateResync(allLines, random("late-revision")));
		}


		List<Category> categories = new ArrayList<>(byCategory.keySet());
		for (TopicGenerator generator : this.topicGenerators) {
			String code = generator.category().code();
			drafts.addAll(generator.generate(this.settings, planner, (part) -> random(code + "-" + part)));
			categories.add(generator.category());
		}

		// the rest of the APBD last: personnel balances the total and follows the scenario's curve
		WholeApbdGenerator whole = new WholeApbdGenerator(this.settings, this.scenario, planner);
		List<BudgetLine> otherLines = whole.plan(drafts, random("apbd-plan"));
		// a scenario with absorption points may re-time goods and services: number them only now
		Facts otherFacts = whole.realise(otherLines, drafts, facts, random("apbd-realise"));
		drafts.addAll(budgetDrafts(otherLines, Integer.MAX_VALUE));
		DocumentNumbers numbers = new DocumentNumbers();
		List<Draft> spending = numberAndRender(facts, numbers);
		drafts.addAll(spending);
		// numbered in the same registers as goods and services, before any fault takes a number,
		// so that the valid records do not depend on the fault rate
		List<Draft> otherSpending = numberAndRender(otherFacts, numbers);
		drafts.addAll(otherSpending);
		FaultInjector faults = new FaultInjector(this.settings, random("faults"), numbers, foreignAccounts(byCategory));
		drafts.addAll(faults.inject(spending, facts.realisations));
		drafts.addAll(new FaultInjector(this.settings, random("apbd-faults"), numbers, WholeApbdGenerator.foreignAccounts())
			.inject(otherSpending, otherFacts.realisations));
		categories.addAll(WholeApbdGenerator.CATEGORIES);

		drafts.sort(Draft.ORDER);
		GeneratedYear generated = new GeneratedYear(this.settings, categories,
				drafts.stream().map(Draft::event).toList(), drafts.stream().map(Draft::effect).toList());
		checkNeverAbovePagu(generated);
		return generated;
	}

	/** Numbers documents in date order, as registers do, then renders them as VALID events. */
	private List<Draft> numberAndRender(Facts facts, DocumentNumbers numbers) {
		record Dated(LocalDate date, long tiebreak, Object fact) {
		}
		List<Dated> all = new ArrayList<>();
		facts.realisations.forEach((fact) -> all.add(new Dated(fact.date, fact.tiebreak, fact)));
		facts.reversals.forEach((fact) -> all.add(new Dated(fact.date, fact.tiebreak, fact)));
		all.sort(Comparator.comparing(Dated::date).thenComparingLong(Dated::tiebreak));

		int year = this.settings.fiscalYear();
		String pemda = this.settings.pemda();
		List<Draft> drafts = new ArrayList<>();
		for (Dated dated : all) {
			if (dated.fact() instanceof SpendingFact fact) {
				numbers.number(fact, year);
				SimEvent event = new SimEvent(fact.date, fact.category.topic(), pemda + "/" + fact.opd,
						EventJson.write(EventJson.realised(pemda, year, fact)), SimEvent.Kind.VALID, null);
				drafts.add(new Draft(fact.date, Draft.SPENDING, fact.tiebreak, event,
						new Effect.Realisation(fact.opd, fact.category, Money.rupiah(fact.amount))));
			}
			else if (dated.fact() instanceof ReversalFact fact) {
				numbers.number(fact, year);
				SpendingFact original = fact.original;
				SimEvent event = new SimEvent(fact.date, original.category.topic(), pemda + "/" + original.opd,
						EventJson.write(EventJson.reversed(pemda, year, fact)), SimEvent.Kind.VALID, null);
				drafts.add(new Draft(fact.date, Draft.SPENDING, fact.tiebreak, event,
						new Effect.Realisation(original.opd, original.category, Money.rupiah(fact.amount).negate())));
			}
		}
		return drafts;
	}

	/** Budget drafts in line order; {@code firstOrder} keeps a later group of lines behind the earlier ones. */
	private List<Draft> budgetDrafts(List<BudgetLine> lines, long firstOrder) {
		List<Draft> drafts = new ArrayList<>();
		long order = firstOrder;
		for (BudgetLine line : lines) {
			for (BudgetLine.Revision revision : line.revisions) {
				String eventId = EventJson.budgetEventId(this.settings.fiscalYear(), line, revision);
				SimEvent event = budgetEvent(eventId, line, revision, revision.occurredOn(), SimEvent.Kind.VALID);
				drafts.add(new Draft(revision.occurredOn(), Draft.BUDGET, order++, event,
						new Effect.BudgetRevision(line.lineId, line.opd, line.category, revision.number(),
								Money.rupiah(revision.pagu()))));
			}
		}
		return drafts;
	}

	/**
	 * A resync of the source re-sends one revised line's revision 0 (with the resync's own event
	 * id) after its newer revisions: valid, kept in the line's history, but the pagu stays the
	 * newest revision's. Then it re-sends the current revision (a duplicate), so that the
	 * compacted topic still ends with the current revision of the line, as the contract asks.
	 */
	private List<Draft> lateResync(List<BudgetLine> lines, Random random) {
		List<BudgetLine> revised = lines.stream().filter((line) -> line.revisions.size() > 1).toList();
		if (revised.isEmpty()) {
			return List.of();
		}
		BudgetLine line = revised.get(random.nextInt(revised.size()));
		BudgetLine.Revision original = line.revisions.get(0);
		BudgetLine.Revision current = line.latest();
		LocalDate date = WorkingDays.after(current.occurredOn(), 14);
		String resyncId = String.format("SIPD-RESYNC-%d-%s-%04d-r%d", this.settings.fiscalYear(), line.opd, line.seq,
				original.number());
		SimEvent late = budgetEvent(resyncId, line, original, date, SimEvent.Kind.VALID);
		SimEvent again = budgetEvent(EventJson.budgetEventId(this.settings.fiscalYear(), line, current), line,
				current, date, SimEvent.Kind.DUPLICATE);
		return List.of(
				new Draft(date, Draft.BUDGET, Long.MAX_VALUE, late,
						new Effect.BudgetRevision(line.lineId, line.opd, line.category, original.number(),
								Money.rupiah(original.pagu()))),
				new Draft(date, Draft.FAULT, Long.MIN_VALUE, again, null));
	}

	private SimEvent budgetEvent(String eventId, BudgetLine line, BudgetLine.Revision revision, LocalDate publishOn,
			SimEvent.Kind kind) {
		String pemda = this.settings.pemda();
		String value = EventJson.write(EventJson.budgetLine(eventId, pemda, this.settings.fiscalYear(), line, revision));
		return new SimEvent(publishOn, Topics.BUDGET, line.lineId, value, kind, null);
	}

	/** Share of its pagu each OPD realises by year end: the script of lagging and on-plan OPDs. */
	private Map<String, Double> realisationShares(Random random) {
		Map<String, Double> shares = new LinkedHashMap<>();
		for (String opd : this.settings.opds()) {
			double share;
			if (this.settings.laggingOpds().contains(opd)) {
				share = Split.between(random, 0.42, 0.58);
			}
			else if (this.settings.onPlanOpds().contains(opd)) {
				share = Split.between(random, 0.98, 1.0);
			}
			else {
				share = Split.between(random, 0.72, 0.90);
			}
			shares.put(opd, share);
		}
		return shares;
	}

	private static void checkNeverAbovePagu(GeneratedYear year) {
		ExpectedTotals totals = year.expectedTotals();
		for (ExpectedTotals.Total total : totals.totals()) {
			// revenue may well exceed its target; spending never its pagu
			if (total.category() == Category.PAD) {
				continue;
			}
			if (total.realised().compareTo(total.pagu()) > 0 || total.realised().compareTo(BigDecimal.ZERO) < 0) {
				throw new IllegalStateException("generated realisation outside 0..pagu: " + total);
			}
		}
	}

	/** An independent random stream per part, so that adding a category leaves the others unchanged. */
	private Random random(String part) {
		long z = this.settings.seed() ^ (part.hashCode() * 0x9E3779B97F4A7C15L);
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return new Random(z ^ (z >>> 31));
	}

	private static Map<Category, String> foreignAccounts(Map<Category, CategoryGenerator> generators) {
		Map<Category, String> accounts = new EnumMap<>(Category.class);
		generators.forEach((category, generator) -> accounts.put(category, generator.foreignAccount()));
		return accounts;
	}

}
