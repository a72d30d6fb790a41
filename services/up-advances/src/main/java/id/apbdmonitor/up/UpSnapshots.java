package id.apbdmonitor.up;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.event.EnvelopeReader;
import id.apbdmonitor.core.indicator.SnapshotRefresher;
import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the UP snapshot of every OPD of every region from the totals kept beside the ledger and
 * evaluates the rules against the region's own business date; the rule replay of each OPD is continued with the facts
 * stored since the last refresh, so a refresh reads O(OPDs) rows plus what is new. The year monitored is the region's newest open fiscal year, so that after 31 December
 * the leftovers of a year still open are watched.
 */
@Component
class UpSnapshots implements SnapshotRefresher {

	private static final Logger log = LoggerFactory.getLogger(UpSnapshots.class);

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	/** How long one refresh under load replays OPDs that are behind from their first fact, at least one OPD. */
	private static final long REPLAY_SLICE_NANOS = 100_000_000L;

	/** How long nothing new must have been stored before every OPD behind is replayed at once. */
	private static final long QUIET_NANOS = 1_000_000_000L;

	private final UpLedger ledger;

	private final BusinessClock clock;

	private final EnvelopeReader envelopes;

	private final UpProperties rules;

	private final UpRuleBook ruleBook;

	/** Breaches already logged (event id and rule), so that each is logged once per process. */
	private final Set<String> logged = new HashSet<>();

	/** pemda → the replays of its OPDs, in the order of {@link Regions#all()}. */
	private final Map<String, RegionReplays> regions = new LinkedHashMap<>();

	private final String homePemda;

	private final TransactionTemplate readOnly;

	private static final Snapshot EMPTY = new Snapshot(null, Map.of());

	/** pemda → its snapshot; a region before its first refresh has none. */
	private final AtomicReference<Map<String, Snapshot>> current = new AtomicReference<>(Map.of());

	/** Run after each refresh, on the refreshing thread: the sparse series follow the new snapshot there, not on a scrape. */
	private final List<Consumer<List<RegionProperties>>> refreshed = new CopyOnWriteArrayList<>();

	UpSnapshots(UpLedger ledger, BusinessClock clock, EnvelopeReader envelopes, UpProperties rules,
			Regions regions, PlatformTransactionManager transactions) {
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.ledger = ledger;
		this.clock = clock;
		this.envelopes = envelopes;
		this.rules = rules;
		this.ruleBook = new UpRuleBook(rules.rules());
		regions.all().forEach(region -> this.regions.put(region.pemda(), new RegionReplays(region)));
		this.homePemda = regions.home().pemda();
	}

	/** Tells {@code listener} the regions of every refresh once their snapshots are in force. */
	void afterRefresh(Consumer<List<RegionProperties>> listener) {
		this.refreshed.add(listener);
	}

	UpFigures of(String pemda, String opd) {
		UpFigures figures = this.current.get().getOrDefault(pemda, EMPTY).byOpd().get(opd);
		return (figures != null) ? figures : empty();
	}

	@Override
	public LocalDate businessDate() {
		return businessDate(this.homePemda);
	}

	@Override
	public LocalDate businessDate(String pemda) {
		return this.current.get().getOrDefault(pemda, EMPTY).businessDate();
	}

	/**
	 * The refresh on the timer and after each commit: the totals of every OPD, and the replays
	 * that the new facts continue. A replay that must start again (facts stored dated before
	 * those replayed) reads all facts of its OPD: while facts keep coming, such replays run OPD
	 * by OPD in slices of {@link #REPLAY_SLICE_NANOS} and only while they take at most a tenth of
	 * the time, the OPDs behind keeping their last verdict; once nothing new was stored for a
	 * second, all are replayed. A refresh under load therefore costs O(OPDs) plus what is
	 * new, whatever the size of the ledger, and holds a commit up by one slice at most.
	 */
	@Override
	public synchronized void refresh() {
		refresh(this.regions.values());
	}

	/**
	 * After a batch: only the regions it stored facts of (four queries per region, so a batch of
	 * one region does not re-read the whole country); the others keep their snapshot.
	 */
	@Override
	public synchronized void refresh(Set<String> pemdas) {
		List<RegionReplays> selected = new ArrayList<>();
		for (String pemda : pemdas) {
			RegionReplays region = this.regions.get(pemda);
			if (region != null) {
				selected.add(region);
			}
		}
		refresh(selected);
	}

	private void refresh(Collection<RegionReplays> regions) {
		Map<String, Snapshot> snapshots = new HashMap<>(this.current.get());
		List<RegionProperties> rebuilt = new ArrayList<>();
		for (RegionReplays region : regions) {
			snapshots.put(region.region.pemda(), region.refresh(System.nanoTime() - region.nextReplayFrom >= 0));
			rebuilt.add(region.region);
		}
		this.current.set(Map.copyOf(snapshots));
		this.refreshed.forEach((listener) -> listener.accept(rebuilt));
	}

	/**
	 * One region's rule replays and their bookkeeping: the facts of each region are read with
	 * their own sequence mark, on the region's own date and watched year.
	 */
	private final class RegionReplays {

		private final RegionProperties region;

		private final Map<String, String> opdNames = new HashMap<>();

		/** The rule replay of each OPD of {@link #replayedYear}, up to the facts stored until {@link #replayedSeq}. */
		private final Map<String, UpRuleBook.Replay> replays = new HashMap<>();

		private int replayedYear;

		private long replayedSeq;

		/** When a refresh may replay OPDs from their first fact again (System.nanoTime). */
		private long nextReplayFrom = System.nanoTime();

		/** When a refresh last found new facts (System.nanoTime). */
		private long lastNewFactsAt = System.nanoTime();

		/** Per OPD, when it was last replayed from its first fact (a count of such replays). */
		private final Map<String, Long> replayedAt = new HashMap<>();

		private long replayCount;

		RegionReplays(RegionProperties region) {
			this.region = region;
			region.opds().forEach(opd -> this.opdNames.put(opd.code(), opd.name()));
		}

		private Snapshot refresh(boolean mayReplay) {
			LocalDate today = clock.today(this.region.zone());
			int year = FiscalYears.watched(envelopes.openFiscalYears(this.region));
			if (year != this.replayedYear) {
				this.replays.clear();
				this.replayedSeq = 0;
				this.replayedYear = year;
			}
			String pemda = this.region.pemda();
			Map<String, Map<String, UpLedger.TypeTotal>> byOpd = new HashMap<>();
			Map<String, BigDecimal> ceilings = new HashMap<>();
			Map<String, UpLedger.TuSummary> tus = new HashMap<>();
			Map<String, UpRuleBook.Verdict> verdicts = new HashMap<>();
			// one snapshot of the database, so that the facts read and the counts they are checked against agree
			readOnly.executeWithoutResult(status -> {
				Map<String, List<UpLedger.Fact>> later = new HashMap<>();
				for (UpLedger.Sequenced stored : ledger.factsAfter(pemda, year, this.replayedSeq)) {
					later.computeIfAbsent(stored.fact().opd(), opd -> new ArrayList<>()).add(stored.fact());
					this.replayedSeq = Math.max(this.replayedSeq, stored.seq());
				}
				for (UpLedger.TypeTotal total : ledger.typeTotals(pemda, year)) {
					byOpd.computeIfAbsent(total.opd(), opd -> new HashMap<>()).put(total.type(), total);
				}
				ledger.ceilings(pemda, year).forEach(ceiling -> ceilings.put(ceiling.opd(), ceiling.amount()));
				ledger.tuSummaries(pemda, year, rules.tuMaxDays()).forEach(tu -> tus.put(tu.opd(), tu));
				List<String> missing = new ArrayList<>();
				List<String> behind = new ArrayList<>();
				for (String opd : this.region.opdCodes()) {
					long stored = byOpd.getOrDefault(opd, Map.of()).values().stream().mapToLong(UpLedger.TypeTotal::events).sum();
					UpRuleBook.Replay replay = this.replays.get(opd);
					List<UpLedger.Fact> newer = later.getOrDefault(opd, List.of());
					if (replay != null && replay.applied() + newer.size() == stored && replay.continuableWith(newer)) {
						newer.forEach(replay::apply);
					}
					else if (stored == 0) {
						this.replays.put(opd, ruleBook.replay(List.of()));
					}
					else if (replay == null) {
						missing.add(opd);
					}
					else {
						// facts dated before those replayed, or a fact committed late with an older seq (another
						// instance's transaction: the count does not add up): behind until replayed from the start
						behind.add(opd);
					}
				}
				long started = System.nanoTime();
				if (!missing.isEmpty()) {
					replayFromStart(pemda, year, missing);
				}
				long now = System.nanoTime();
				if (!later.isEmpty()) {
					this.lastNewFactsAt = now;
				}
				// quiet: nothing new stored for a while (not merely since a commit's refresh a moment ago)
				boolean quiet = now - this.lastNewFactsAt >= QUIET_NANOS;
				if (quiet && !behind.isEmpty()) {
					replayFromStart(pemda, year, behind);
				}
				else if (mayReplay && !behind.isEmpty()) {
					// OPD by OPD, the longest behind first, until a slice of time is used: a commit waits little
					behind.sort(java.util.Comparator.comparingLong(opd -> this.replayedAt.getOrDefault(opd, 0L)));
					for (String opd : behind) {
						replayFromStart(pemda, year, List.of(opd));
						if (System.nanoTime() - started > REPLAY_SLICE_NANOS) {
							break;
						}
					}
				}
				if (!missing.isEmpty() || (mayReplay && !behind.isEmpty())) {
					this.nextReplayFrom = System.nanoTime() + 9 * (System.nanoTime() - started);
				}
				for (String opd : this.region.opdCodes()) {
					UpRuleBook.Replay replay = this.replays.get(opd);
					replay.announce(this::logOnce);
					verdicts.put(opd, replay.verdict());
				}
			});
			Map<String, UpFigures> figures = new HashMap<>();
			for (String opd : this.region.opdCodes()) {
				UpRuleBook.Verdict verdict = verdicts.get(opd);
				figures.put(opd, figures(today, year, byOpd.getOrDefault(opd, Map.of()),
						ceilings.getOrDefault(opd, ZERO), tus.get(opd), verdict));
			}
			return new Snapshot(today, Map.copyOf(figures));
		}

		private void replayFromStart(String pemda, int year, List<String> opds) {
			Map<String, BigDecimal> firstCeilings = ledger.firstCeilings(pemda, year, opds);
			for (String opd : opds) {
				this.replays.put(opd, ruleBook.start(firstCeilings.get(opd)));
				this.replayedAt.put(opd, ++this.replayCount);
			}
			ledger.eachFact(pemda, year, opds, fact -> this.replays.get(fact.opd()).apply(fact));
		}

		/** One line per breach: the fact is stored and flagged, a treasury officer should know which. */
		private void logOnce(UpRuleBook.Breach breach) {
			UpLedger.Fact fact = breach.fact();
			if (logged.add(fact.eventId() + "|" + breach.rule())) {
				log.info("UP rule {} breached by {} ({}): {} {} {} of {}, amount {}, limit {}", breach.rule().label(),
						bounded(fact.opd()), bounded(this.opdNames.getOrDefault(fact.opd(), "")),
							this.region.displayName(), fact.type(),
						bounded(fact.documentKind()), bounded(fact.documentNumber()), fact.occurredOn(),
						(fact.amount() != null) ? fact.amount().toPlainString() : "-",
						(breach.limit() != null) ? breach.limit().toPlainString() : "-");
			}
		}

	}

	private UpFigures figures(LocalDate today, int year, Map<String, UpLedger.TypeTotal> totals, BigDecimal ceiling,
			UpLedger.TuSummary tus, UpRuleBook.Verdict verdict) {
		BigDecimal up = sum(totals, UpEvent.UP_DISBURSED);
		BigDecimal guAccounted = sum(totals, UpEvent.GU_ACCOUNTED);
		BigDecimal guDisbursed = sum(totals, UpEvent.GU_DISBURSED);
		BigDecimal upReturned = sum(totals, UpEvent.UP_RETURNED);
		BigDecimal disbursed = up.add(guDisbursed).add(sum(totals, UpEvent.TU_DISBURSED));
		BigDecimal accounted = guAccounted.add(sum(totals, UpEvent.TU_ACCOUNTED));
		BigDecimal returned = upReturned.add(sum(totals, UpEvent.TU_RETURNED));
		BigDecimal awaitingRefill = guAccounted.subtract(guDisbursed);
		LocalDate firstUp = first(totals, UpEvent.UP_DISBURSED);
		LocalDate lastGu = last(totals, UpEvent.GU_DISBURSED);
		LocalDate closed = last(totals, UpEvent.CLOSED);
		LocalDate oldestOpenOn = (tus != null) ? tus.oldestOpenOn() : null;
		int settledLate = (tus != null) ? tus.settledLate() : 0;

		// after the year-end closure no GU can be requested, whatever the last SPJ-GU left awaiting
		boolean guEligible = closed == null && ceiling.signum() > 0
				&& awaitingRefill.compareTo(ceiling.multiply(this.rules.guThresholdRatio())) >= 0;
		boolean upNotRequested = firstUp == null
				&& days(LocalDate.of(year, 1, 1), today) > this.rules.firstUpWithinDays();
		// the UP float alone (TUs have a rule of their own): UP and refills less SPJ-GU and returns
		boolean floatOutstanding = up.add(guDisbursed).subtract(guAccounted).subtract(upReturned).signum() > 0;
		LocalDate lastRefill = (lastGu != null) ? lastGu : firstUp;
		boolean guOverdue = floatOutstanding && lastRefill != null
				&& days(lastRefill, today) > this.rules.guMaxDays();
		boolean tuOverdue = oldestOpenOn != null && days(oldestOpenOn, today) > this.rules.tuMaxDays();
		BigDecimal outstanding = disbursed.subtract(accounted).subtract(returned);
		boolean leftover = outstanding.signum() > 0 && today.isAfter(this.rules.returnDeadlineOf(year));
		return new UpFigures(ceiling, disbursed, accounted, returned, awaitingRefill, firstUp, lastGu, closed,
				oldestOpenOn, (oldestOpenOn != null) ? tus.oldestOpenRemaining() : ZERO, settledLate, guEligible,
				upNotRequested, guOverdue, tuOverdue, leftover, Set.copyOf(verdict.standing()),
				Map.copyOf(verdict.counts()));
	}

	/** Input as it may be logged: printable, at most 80 characters. */
	private static String bounded(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > 80) ? printable.substring(0, 80) + "…" : printable;
	}

	private static UpFigures empty() {
		return new UpFigures(ZERO, ZERO, ZERO, ZERO, ZERO, null, null, null, null, ZERO, 0, false, false, false,
				false, false, Set.of(), Map.of());
	}

	private static long days(LocalDate from, LocalDate to) {
		return ChronoUnit.DAYS.between(from, to);
	}

	private static BigDecimal sum(Map<String, UpLedger.TypeTotal> totals, String type) {
		UpLedger.TypeTotal total = totals.get(type);
		return (total != null) ? total.amount() : ZERO;
	}

	private static LocalDate first(Map<String, UpLedger.TypeTotal> totals, String type) {
		UpLedger.TypeTotal total = totals.get(type);
		return (total != null) ? total.first() : null;
	}

	private static LocalDate last(Map<String, UpLedger.TypeTotal> totals, String type) {
		UpLedger.TypeTotal total = totals.get(type);
		return (total != null) ? total.last() : null;
	}

	private record Snapshot(LocalDate businessDate, Map<String, UpFigures> byOpd) {
	}

}
