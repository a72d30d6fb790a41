package id.apbdmonitor.simulator.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	private final Map<String, Long> topicCounts = new HashMap<>();

	private final Map<String, BigDecimal> contracted = new HashMap<>();

	private final Map<String, BigDecimal> handedOverUnpaid = new HashMap<>();

	private final Map<RevenueKey, BigDecimal> revenueRealised = new HashMap<>();

	private final Map<RevenueKey, BigDecimal> revenueTarget = new HashMap<>();

	private final Map<String, BigDecimal> upCeiling = new HashMap<>();

	private final Map<String, BigDecimal> upDisbursed = new HashMap<>();

	private final Map<String, BigDecimal> upAccounted = new HashMap<>();

	private final Map<String, BigDecimal> upReturned = new HashMap<>();

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
		Map<String, Effect.TargetRevision> newestTargets = new HashMap<>();
		Map<String, Effect.ContractSigned> contracts = new HashMap<>();
		Map<String, BigDecimal> paid = new HashMap<>();
		List<Effect.HandedOver> handedOver = new ArrayList<>();
		for (int i = 0; i < published; i++) {
			totals.counts.merge(events.get(i).kind(), 1L, Long::sum);
			totals.topicCounts.merge(events.get(i).topic() + "|" + events.get(i).kind(), 1L, Long::sum);
			Effect effect = effects.get(i);
			if (effect instanceof Effect.ContractSigned signed) {
				contracts.put(signed.contractId(), signed);
				totals.contracted.merge(signed.opd(), signed.value(), BigDecimal::add);
			}
			else if (effect instanceof Effect.ContractPayment payment) {
				paid.merge(payment.contractId(), payment.delta(), BigDecimal::add);
				totals.realised.merge(new Key(payment.opd(), Category.CAPITAL), payment.delta(), BigDecimal::add);
			}
			else if (effect instanceof Effect.UpCeiling ceiling) {
				totals.upCeiling.put(ceiling.opd(), ceiling.ceiling());
			}
			else if (effect instanceof Effect.UpMovement movement) {
				totals.upDisbursed.merge(movement.opd(), movement.disbursed(), BigDecimal::add);
				totals.upAccounted.merge(movement.opd(), movement.accounted(), BigDecimal::add);
				totals.upReturned.merge(movement.opd(), movement.returned(), BigDecimal::add);
			}
			else if (effect instanceof Effect.HandedOver handover) {
				handedOver.add(handover);
			}
			else if (effect instanceof Effect.Revenue revenue) {
				totals.realised.merge(new Key(revenue.opd(), Category.PAD), revenue.delta(), BigDecimal::add);
				totals.revenueRealised.merge(new RevenueKey(revenue.opd(), revenue.revenueType()), revenue.delta(),
						BigDecimal::add);
			}
			else if (effect instanceof Effect.TargetRevision target) {
				newestTargets.merge(target.lineId(), target, (old, now) -> (now.revision() > old.revision()) ? now : old);
			}
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
		for (Effect.TargetRevision target : newestTargets.values()) {
			totals.pagu.merge(new Key(target.opd(), Category.PAD), target.target(), BigDecimal::add);
			totals.revenueTarget.merge(new RevenueKey(target.opd(), target.revenueType()), target.target(),
					BigDecimal::add);
		}
		for (Effect.HandedOver handover : handedOver) {
			BigDecimal value = contracts.get(handover.contractId()).value();
			BigDecimal unpaid = value.subtract(paid.getOrDefault(handover.contractId(), ZERO));
			totals.handedOverUnpaid.merge(handover.opd(), unpaid, BigDecimal::add);
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

	/** How many of the covered records of one topic are of a kind. */
	public long count(String topic, SimEvent.Kind kind) {
		return this.topicCounts.getOrDefault(topic + "|" + kind, 0L);
	}

	/**
	 * Realised total of an OPD in a category (0.00 when none): for capital the payments net of
	 * reversals, for PAD the receipts net of reversals of the collecting OPD.
	 */
	public BigDecimal realised(String opd, Category category) {
		return this.realised.getOrDefault(new Key(opd, category), ZERO);
	}

	/** Current pagu of an OPD in a category (0.00 before its budget lines); for PAD the target. */
	public BigDecimal pagu(String opd, Category category) {
		return this.pagu.getOrDefault(new Key(opd, category), ZERO);
	}

	/**
	 * Whether the spending services export the pair's gauges: only once it has a budget line or a
	 * stored realisation or reversal (a valid one; even if they net to 0). A pair without either
	 * has no series, not zeros.
	 */
	public boolean exported(String opd, Category category) {
		Key key = new Key(opd, category);
		return this.pagu.containsKey(key) || this.realised.containsKey(key);
	}

	/** Realised total of the whole region in a category. */
	public BigDecimal realised(Category category) {
		return this.opds.stream().map((opd) -> realised(opd, category)).reduce(ZERO, BigDecimal::add);
	}

	/** Pagu of the whole region in a category. */
	public BigDecimal pagu(Category category) {
		return this.opds.stream().map((opd) -> pagu(opd, category)).reduce(ZERO, BigDecimal::add);
	}

	/** Value of the capital contracts an OPD signed (0.00 when none). */
	public BigDecimal contracted(String opd) {
		return this.contracted.getOrDefault(opd, ZERO);
	}

	/** Contract value not yet paid on an OPD's handed-over (BAST) capital contracts. */
	public BigDecimal handedOverUnpaid(String opd) {
		return this.handedOverUnpaid.getOrDefault(opd, ZERO);
	}

	/** PAD received by a collecting OPD for a revenue type (e.g. {@code pbjt}), net of reversals. */
	public BigDecimal revenueRealised(String opd, String revenueType) {
		return this.revenueRealised.getOrDefault(new RevenueKey(opd, revenueType), ZERO);
	}

	/** PAD target in force of a collecting OPD for a revenue type. */
	public BigDecimal revenueTarget(String opd, String revenueType) {
		return this.revenueTarget.getOrDefault(new RevenueKey(opd, revenueType), ZERO);
	}

	/**
	 * One row per collecting OPD and revenue type that has a target or a receipt, OPDs in the
	 * order of the settings, revenue types by code.
	 */
	public List<RevenueTotal> revenueTotals() {
		Set<RevenueKey> keys = new HashSet<>(this.revenueTarget.keySet());
		keys.addAll(this.revenueRealised.keySet());
		return keys.stream()
			.sorted(Comparator.comparingInt((RevenueKey key) -> this.opds.indexOf(key.opd()))
				.thenComparing(RevenueKey::revenueType))
			.map((key) -> new RevenueTotal(this.pemda, key.opd(), key.revenueType(), revenueRealised(key.opd(),
					key.revenueType()), revenueTarget(key.opd(), key.revenueType())))
			.toList();
	}

	/** UP ceiling of an OPD (0.00 before its {@code up-ceiling-set}). */
	public BigDecimal upCeiling(String opd) {
		return this.upCeiling.getOrDefault(opd, ZERO);
	}

	/** UP, GU refills and TU disbursed to an OPD's treasurers (SP2D-UP, -GU, -TU). */
	public BigDecimal upDisbursed(String opd) {
		return this.upDisbursed.getOrDefault(opd, ZERO);
	}

	/** Spending accounted in SPJ-GU and LPJ-TU by an OPD. */
	public BigDecimal upAccounted(String opd) {
		return this.upAccounted.getOrDefault(opd, ZERO);
	}

	/** UP and TU leftovers an OPD returned. */
	public BigDecimal upReturned(String opd) {
		return this.upReturned.getOrDefault(opd, ZERO);
	}

	/** Disbursed − accounted − returned: what the OPD's treasurers still hold. */
	public BigDecimal upOutstanding(String opd) {
		return upDisbursed(opd).subtract(upAccounted(opd)).subtract(upReturned(opd));
	}

	/** One row per OPD and category of the settings, in their order, zeros included. */
	public List<Total> totals() {
		List<Total> rows = new ArrayList<>();
		for (String opd : this.opds) {
			for (Category category : this.categories) {
				rows.add(new Total(this.pemda, opd, category, realised(opd, category), pagu(opd, category),
						exported(opd, category)));
			}
		}
		return Collections.unmodifiableList(rows);
	}

	/**
	 * The expected figures of one OPD in one category; money in rupiah with two decimals.
	 * {@code exported}: whether the service shows the pair's series at all ({@link #exported}).
	 */
	public record Total(String pemda, String opd, Category category, BigDecimal realised, BigDecimal pagu,
			boolean exported) {
	}

	/** The expected PAD figures of one collecting OPD and revenue type; money in rupiah with two decimals. */
	public record RevenueTotal(String pemda, String opd, String revenueType, BigDecimal realised, BigDecimal target) {
	}

	private record Key(String opd, Category category) {
	}

	private record RevenueKey(String opd, String revenueType) {
	}

}
