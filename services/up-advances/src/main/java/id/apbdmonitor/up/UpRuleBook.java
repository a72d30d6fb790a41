package id.apbdmonitor.up;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.apbdmonitor.up.UpFigures.Rule;
import id.apbdmonitor.up.UpProperties.AmountRule;
import id.apbdmonitor.up.UpProperties.Rules;

/**
 * The treasury-control rules of one OPD's UP year, replayed over its stored facts in the order
 * they happened (date, then arrival). A fact that breaks a rule is a {@link Breach}; a rule
 * stands while its breach is not made good (see the README's "UP and TPP rules"). Pure: the
 * counts and flags are recomputed from the ledger on every refresh.
 */
final class UpRuleBook {

	private final Rules rules;

	UpRuleBook(Rules rules) {
		this.rules = rules;
	}

	/** The facts of one OPD, ordered by date then arrival. */
	Verdict judge(List<UpLedger.Fact> facts) {
		return replay(facts).verdict();
	}

	/** The replay of the facts of one OPD, ordered by date then arrival, to be continued by later facts. */
	Replay replay(List<UpLedger.Fact> facts) {
		// an SP2D-UP dated before the year's first decree is held against that decree
		BigDecimal firstCeiling = facts.stream()
			.filter(fact -> UpEvent.CEILING_SET.equals(fact.type()))
			.map(UpLedger.Fact::amount)
			.findFirst()
			.orElse(null);
		Replay replay = start(firstCeiling);
		facts.forEach(replay::apply);
		return replay;
	}

	/** A replay of one OPD's facts to come, given the amount of its first ceiling decree of the year (or null). */
	Replay start(BigDecimal firstCeiling) {
		return new Replay(firstCeiling);
	}

	/** One fact that broke a rule, with the limit it went above (null for a rule without one). */
	record Breach(Rule rule, UpLedger.Fact fact, BigDecimal limit) {
	}

	/**
	 * The breaches of the year and the rules whose breach still stands. {@code breaches} is a view
	 * of the replay's own list (no copy per refresh): read it before the replay goes on.
	 */
	record Verdict(List<Breach> breaches, Set<Rule> standing) {

		Map<Rule, Integer> counts() {
			Map<Rule, Integer> counts = new EnumMap<>(Rule.class);
			this.breaches.forEach(breach -> counts.merge(breach.rule(), 1, Integer::sum));
			return counts;
		}

	}

	/**
	 * The state of a replay after the facts applied so far. Facts stored later continue it only
	 * when they happened after all of them and do not bring the first ceiling of the year (which
	 * is held against earlier SP2D-UP): then the result equals a replay of all facts from the
	 * start, and the snapshot need not read the whole ledger again.
	 */
	final class Replay {

		private final List<Breach> breaches = new ArrayList<>();

		private long applied;

		private LocalDate lastOn;

		private BigDecimal ceiling;

		private final BigDecimal firstCeiling;

		private BigDecimal upHeld = BigDecimal.ZERO;

		private BigDecimal awaitingRefill = BigDecimal.ZERO;

		/** What the next refill is judged against: an over-refill already flagged is not carried on. */
		private BigDecimal awaitingUnflagged = BigDecimal.ZERO;

		private final Pocket upFloat = new Pocket(BigDecimal.ZERO, false);

		private final Map<String, Pocket> tus = new LinkedHashMap<>();

		/** What the TUs hold that is not settled yet, over those that still hold some: kept as they move. */
		private BigDecimal tuOpen = BigDecimal.ZERO;

		private boolean closed;

		Replay(BigDecimal firstCeiling) {
			this.firstCeiling = firstCeiling;
		}

		/** How many of the breaches were announced. */
		private int announced;

		/** Passes the breaches found since the last call to {@code each}, so that each refresh logs only the new ones. */
		void announce(java.util.function.Consumer<Breach> each) {
			for (; this.announced < this.breaches.size(); this.announced++) {
				each.accept(this.breaches.get(this.announced));
			}
		}

		/** How many facts were applied. */
		long applied() {
			return this.applied;
		}

		/** Whether {@code later} (ordered by date, then arrival, all stored after the facts applied) may continue this replay. */
		boolean continuableWith(List<UpLedger.Fact> later) {
			for (UpLedger.Fact fact : later) {
				if ((this.lastOn != null && fact.occurredOn().isBefore(this.lastOn))
						|| (this.firstCeiling == null && UpEvent.CEILING_SET.equals(fact.type()))) {
					return false;
				}
			}
			return true;
		}

		void apply(UpLedger.Fact fact) {
			this.applied++;
			this.lastOn = fact.occurredOn();
			String type = fact.type();
			if (this.closed && !UpEvent.CEILING_SET.equals(type) && !UpEvent.CLOSED.equals(type)
					&& UpRuleBook.this.rules.activityAfterClosure().enabled()) {
				this.breaches.add(new Breach(Rule.ACTIVITY_AFTER_CLOSURE, fact, null));
			}
			BigDecimal amount = fact.amount();
			switch (type) {
				case UpEvent.CEILING_SET -> {
					this.ceiling = amount;
				}
				case UpEvent.UP_DISBURSED -> {
					this.upHeld = this.upHeld.add(amount);
					this.upFloat.add(amount);
					BigDecimal limit = (this.ceiling != null) ? this.ceiling : this.firstCeiling;
					if (limit != null && above(this.upHeld, limit, UpRuleBook.this.rules.upAboveCeiling())) {
						this.breaches.add(new Breach(Rule.UP_ABOVE_CEILING, fact, limit));
					}
				}
				case UpEvent.GU_ACCOUNTED -> {
					this.upFloat.take(fact, Rule.ACCOUNTED_ABOVE_HELD);
					this.awaitingRefill = this.awaitingRefill.add(amount);
					this.awaitingUnflagged = this.awaitingUnflagged.add(amount);
				}
				case UpEvent.GU_DISBURSED -> {
					if (above(amount, this.awaitingUnflagged, UpRuleBook.this.rules.guAboveAwaiting())) {
						this.breaches.add(new Breach(Rule.GU_ABOVE_AWAITING, fact, this.awaitingUnflagged));
					}
					this.awaitingRefill = this.awaitingRefill.subtract(amount);
					this.awaitingUnflagged = this.awaitingUnflagged.subtract(amount).max(BigDecimal.ZERO);
					this.upFloat.add(amount);
				}
				case UpEvent.UP_RETURNED -> {
					this.upHeld = this.upHeld.subtract(amount);
					this.upFloat.take(fact, Rule.RETURN_ABOVE_HELD);
				}
				case UpEvent.TU_DISBURSED -> {
					BigDecimal open = this.tuOpen;
					if (open.signum() > 0 && UpRuleBook.this.rules.tuWhileOpen().enabled()) {
						this.breaches.add(new Breach(Rule.TU_WHILE_OPEN, fact, open));
					}
					Pocket tu = new Pocket(BigDecimal.ZERO, true);
					tu.add(amount);
					Pocket replaced = this.tus.put(fact.eventId(), tu);
					if (replaced != null) {
						this.tuOpen = this.tuOpen.subtract(replaced.held.max(BigDecimal.ZERO));
					}
				}
				case UpEvent.TU_ACCOUNTED -> tu(fact).take(fact, Rule.ACCOUNTED_ABOVE_HELD);
				case UpEvent.TU_RETURNED -> tu(fact).take(fact, Rule.RETURN_ABOVE_HELD);
				case UpEvent.CLOSED -> this.closed = true;
				default -> {
					// the parser accepts no other type
				}
			}
		}

		private Pocket tu(UpLedger.Fact fact) {
			// the ledger stores a settlement only after its TU, dated no earlier: it is always here
			return this.tus.computeIfAbsent(fact.tu(), id -> new Pocket(BigDecimal.ZERO, true));
		}

		Verdict verdict() {
			Set<Rule> standing = EnumSet.noneOf(Rule.class);
			if (this.ceiling != null && above(this.upHeld, this.ceiling, UpRuleBook.this.rules.upAboveCeiling())) {
				standing.add(Rule.UP_ABOVE_CEILING);
			}
			AmountRule gu = UpRuleBook.this.rules.guAboveAwaiting();
			if (gu.enabled() && this.awaitingRefill.negate().compareTo(gu.tolerance()) > 0) {
				standing.add(Rule.GU_ABOVE_AWAITING);
			}
			List<Pocket> pockets = new ArrayList<>(this.tus.values());
			pockets.add(this.upFloat);
			pockets.stream().map(Pocket::shortBy).filter(java.util.Objects::nonNull).forEach(standing::add);
			if (this.breaches.stream().anyMatch(breach -> breach.rule() == Rule.ACTIVITY_AFTER_CLOSURE)) {
				standing.add(Rule.ACTIVITY_AFTER_CLOSURE);
			}
			if (UpRuleBook.this.rules.tuWhileOpen().enabled()
					&& this.tus.values().stream().filter(tu -> tu.held().signum() > 0).count() > 1) {
				standing.add(Rule.TU_WHILE_OPEN);
			}
			return new Verdict(java.util.Collections.unmodifiableList(this.breaches), standing);
		}

		/**
		 * Money one treasurer holds for one purpose: the UP float (UP + GU refills − SPJ-GU − UP
		 * returned) or a TU (its SP2D − LPJ − returns). While it is below zero, the rule of the
		 * last fact flagged for it stands. The next fact is judged against
		 * {@code unflagged}, the balance with a flagged deficit written off, so that one
		 * over-return is one breach and not one more at every later SPJ.
		 */
		private final class Pocket {

			private BigDecimal held;

			private BigDecimal unflagged;

			/** The rule of the last fact flagged for this pocket. */
			private Rule flagged;

			/** Whether this is a TU, whose positive balance counts in {@link Replay#tuOpen}. */
			private final boolean tu;

			Pocket(BigDecimal held, boolean tu) {
				this.held = held;
				this.unflagged = held;
				this.tu = tu;
			}

			private void move(BigDecimal held) {
				if (this.tu) {
					Replay.this.tuOpen = Replay.this.tuOpen.subtract(this.held.max(BigDecimal.ZERO))
						.add(held.max(BigDecimal.ZERO));
				}
				this.held = held;
			}

			BigDecimal held() {
				return this.held;
			}

			/** The rule that stands for this pocket: the last one flagged, while the pocket is short. */
			Rule shortBy() {
				if (this.flagged == null) {
					return null;
				}
				return (this.held.negate().compareTo(config(this.flagged).tolerance()) > 0) ? this.flagged : null;
			}

			void add(BigDecimal amount) {
				move(this.held.add(amount));
				this.unflagged = this.unflagged.add(amount);
			}

			void take(UpLedger.Fact fact, Rule rule) {
				AmountRule config = config(rule);
				if (above(fact.amount(), this.unflagged, config)) {
					Replay.this.breaches.add(new Breach(rule, fact, this.unflagged));
					this.flagged = rule;
				}
				move(this.held.subtract(fact.amount()));
				this.unflagged = this.unflagged.subtract(fact.amount()).max(BigDecimal.ZERO);
			}

		}

	}

	private AmountRule config(Rule rule) {
		return (rule == Rule.RETURN_ABOVE_HELD) ? this.rules.returnAboveHeld() : this.rules.accountedAboveHeld();
	}

	/** True when the rule is on and {@code amount} exceeds {@code limit} by more than its tolerance. */
	private static boolean above(BigDecimal amount, BigDecimal limit, AmountRule rule) {
		return rule.enabled() && amount.subtract(limit).compareTo(rule.tolerance()) > 0;
	}

}
