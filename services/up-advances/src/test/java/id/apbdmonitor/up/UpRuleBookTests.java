package id.apbdmonitor.up;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.apbdmonitor.up.UpFigures.Rule;
import id.apbdmonitor.up.UpProperties.AmountRule;
import id.apbdmonitor.up.UpProperties.Rules;
import id.apbdmonitor.up.UpProperties.Switch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The treasury-control rules on hand-written facts of one OPD, amounts and dates chosen so that
 * every limit is computed in the comments. Facts are listed in the order they happened.
 */
class UpRuleBookTests {

	private static final UpRuleBook DEFAULTS = new UpRuleBook(Rules.defaults());

	private final List<UpLedger.Fact> facts = new ArrayList<>();

	@Test
	void shouldFlagASecondUpAboveTheCeilingUntilTheExcessIsReturned() {
		fact("SK", UpEvent.CEILING_SET, "2026-01-02", "200000000.00");
		fact("UP-1", UpEvent.UP_DISBURSED, "2026-01-08", "200000000.00");
		// exactly at the ceiling: no breach
		assertThat(DEFAULTS.judge(this.facts).breaches()).isEmpty();
		// 200,000,000 + 150,000,000 = 350,000,000 > 200,000,000
		fact("UP-2", UpEvent.UP_DISBURSED, "2026-03-03", "150000000.00");
		UpRuleBook.Verdict verdict = DEFAULTS.judge(this.facts);
		assertThat(verdict.breaches()).singleElement().satisfies(breach -> {
			assertThat(breach.rule()).isEqualTo(Rule.UP_ABOVE_CEILING);
			assertThat(breach.fact().eventId()).isEqualTo("UP-2");
			assertThat(breach.limit()).isEqualByComparingTo("200000000.00");
		});
		assertThat(verdict.standing()).containsExactly(Rule.UP_ABOVE_CEILING);
		// 350,000,000 − 150,000,000 returned = 200,000,000: the breach no longer stands, it stays counted
		fact("STS-UP", UpEvent.UP_RETURNED, "2026-03-20", "150000000.00");
		verdict = DEFAULTS.judge(this.facts);
		assertThat(verdict.standing()).isEmpty();
		assertThat(verdict.counts()).containsEntry(Rule.UP_ABOVE_CEILING, 1);
	}

	@Test
	void shouldClearUpAboveTheCeilingWhenTheDecreeRaisesIt() {
		fact("SK-1", UpEvent.CEILING_SET, "2026-01-02", "200000000.00");
		fact("UP-1", UpEvent.UP_DISBURSED, "2026-01-08", "200000000.00");
		fact("UP-2", UpEvent.UP_DISBURSED, "2026-03-03", "100000000.00");
		assertThat(DEFAULTS.judge(this.facts).standing()).containsExactly(Rule.UP_ABOVE_CEILING);
		// the revised decree of 25 March allows 300,000,000 = 200,000,000 + 100,000,000
		fact("SK-2", UpEvent.CEILING_SET, "2026-03-25", "300000000.00");
		assertThat(DEFAULTS.judge(this.facts).standing()).isEmpty();
		assertThat(DEFAULTS.judge(this.facts).counts()).containsEntry(Rule.UP_ABOVE_CEILING, 1);
	}

	@Test
	void shouldHoldAnUpDatedBeforeItsDecreeAgainstTheYearsFirstDecree() {
		fact("UP-1", UpEvent.UP_DISBURSED, "2026-01-08", "300000000.00");
		fact("SK", UpEvent.CEILING_SET, "2026-01-10", "200000000.00");
		assertThat(DEFAULTS.judge(this.facts).breaches()).singleElement()
			.satisfies(breach -> assertThat(breach.limit()).isEqualByComparingTo("200000000.00"));
	}

	@Test
	void shouldAllowTheToleranceAndNotASenMore() {
		UpRuleBook tolerant = new UpRuleBook(new Rules(new AmountRule(true, new BigDecimal("1000000.00")),
				strict(), strict(), strict(), new Switch(true), new Switch(true)));
		fact("SK", UpEvent.CEILING_SET, "2026-01-02", "200000000.00");
		fact("UP-1", UpEvent.UP_DISBURSED, "2026-01-08", "200000000.00");
		// 201,000,000 − 200,000,000 = 1,000,000: within the tolerance
		fact("UP-2", UpEvent.UP_DISBURSED, "2026-02-02", "1000000.00");
		assertThat(tolerant.judge(this.facts).breaches()).isEmpty();
		assertThat(tolerant.judge(this.facts).standing()).isEmpty();
		// one sen more: 1,000,000.01 above
		fact("UP-3", UpEvent.UP_DISBURSED, "2026-02-03", "0.01");
		assertThat(tolerant.judge(this.facts).breaches()).extracting(b -> b.fact().eventId()).containsExactly("UP-3");
		assertThat(tolerant.judge(this.facts).standing()).containsExactly(Rule.UP_ABOVE_CEILING);
	}

	@Test
	void shouldFlagARefillAboveWhatAwaitsItUntilLaterSpjCoverIt() {
		fact("UP", UpEvent.UP_DISBURSED, "2026-01-05", "100000000.00");
		fact("SPJ-1", UpEvent.GU_ACCOUNTED, "2026-02-02", "40000000.00");
		// 45,000,000 refilled for 40,000,000 awaiting
		fact("GU-1", UpEvent.GU_DISBURSED, "2026-02-09", "45000000.00");
		UpRuleBook.Verdict verdict = DEFAULTS.judge(this.facts);
		assertThat(verdict.breaches()).singleElement().satisfies(breach -> {
			assertThat(breach.rule()).isEqualTo(Rule.GU_ABOVE_AWAITING);
			assertThat(breach.limit()).isEqualByComparingTo("40000000.00");
		});
		assertThat(verdict.standing()).containsExactly(Rule.GU_ABOVE_AWAITING);
		// awaiting −5,000,000 + 30,000,000 = 25,000,000: made good
		fact("SPJ-2", UpEvent.GU_ACCOUNTED, "2026-03-03", "30000000.00");
		verdict = DEFAULTS.judge(this.facts);
		assertThat(verdict.standing()).isEmpty();
		assertThat(verdict.counts()).containsExactly(java.util.Map.entry(Rule.GU_ABOVE_AWAITING, 1));
	}

	@Test
	void shouldFlagAnOverRefillOnceAndNotAgainAtEveryLaterRefill() {
		fact("UP", UpEvent.UP_DISBURSED, "2026-01-05", "100000000.00");
		fact("SPJ-1", UpEvent.GU_ACCOUNTED, "2026-02-02", "40000000.00");
		fact("GU-1", UpEvent.GU_DISBURSED, "2026-02-09", "45000000.00");
		// the next cycle refills exactly its SPJ-GU: no new breach, though the 5,000,000 stays over-refilled
		fact("SPJ-2", UpEvent.GU_ACCOUNTED, "2026-03-02", "50000000.00");
		fact("GU-2", UpEvent.GU_DISBURSED, "2026-03-09", "50000000.00");
		UpRuleBook.Verdict verdict = DEFAULTS.judge(this.facts);
		assertThat(verdict.breaches()).extracting(b -> b.fact().eventId()).containsExactly("GU-1");
		// 40,000,000 + 50,000,000 − 45,000,000 − 50,000,000 = −5,000,000
		assertThat(verdict.standing()).containsExactly(Rule.GU_ABOVE_AWAITING);
		// and a second over-refill is a second breach: 10,000,000 refilled for 8,000,000
		fact("SPJ-3", UpEvent.GU_ACCOUNTED, "2026-04-01", "8000000.00");
		fact("GU-3", UpEvent.GU_DISBURSED, "2026-04-06", "10000000.00");
		assertThat(DEFAULTS.judge(this.facts).breaches()).extracting(b -> b.fact().eventId())
			.containsExactly("GU-1", "GU-3");
	}

	@Test
	void shouldFlagAnOverReturnOnceAndNotAgainAtTheNextSpj() {
		fact("UP", UpEvent.UP_DISBURSED, "2026-01-05", "100000000.00");
		fact("SPJ-1", UpEvent.GU_ACCOUNTED, "2026-02-02", "40000000.00");
		fact("GU-1", UpEvent.GU_DISBURSED, "2026-02-09", "40000000.00");
		// 101,000,000 deposited from a float of 100,000,000
		fact("STS-UP", UpEvent.UP_RETURNED, "2026-02-10", "101000000.00");
		fact("UP-2", UpEvent.UP_DISBURSED, "2026-02-16", "100000000.00");
		// judged against the 100,000,000 paid since, not against 100,000,000 − 1,000,000
		fact("SPJ-2", UpEvent.GU_ACCOUNTED, "2026-03-02", "100000000.00");
		UpRuleBook.Verdict verdict = DEFAULTS.judge(this.facts);
		assertThat(verdict.breaches()).extracting(b -> b.fact().eventId()).containsExactly("STS-UP");
		// the float is −1,000,000 + 100,000,000 − 100,000,000: still short by the over-return
		assertThat(verdict.standing()).containsExactly(Rule.RETURN_ABOVE_HELD);
	}

	@Test
	void shouldFlagReturnsAboveWhatTheTreasurerHolds() {
		fact("UP", UpEvent.UP_DISBURSED, "2026-01-05", "100000000.00");
		fact("SPJ-1", UpEvent.GU_ACCOUNTED, "2026-02-02", "40000000.00");
		fact("TU", UpEvent.TU_DISBURSED, "2026-03-02", "20000000.00");
		fact("LPJ", UpEvent.TU_ACCOUNTED, "2026-03-10", "15000000.00", "TU");
		// the TU has 20,000,000 − 15,000,000 = 5,000,000 left; 6,000,000 come back
		fact("STS-TU", UpEvent.TU_RETURNED, "2026-03-12", "6000000.00", "TU");
		// the float is 100,000,000 − 40,000,000 = 60,000,000; 70,000,000 come back
		fact("STS-UP", UpEvent.UP_RETURNED, "2026-03-13", "70000000.00");
		UpRuleBook.Verdict verdict = DEFAULTS.judge(this.facts);
		assertThat(verdict.breaches()).extracting(b -> b.fact().eventId(), b -> b.rule(), b -> b.limit().toPlainString())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("STS-TU", Rule.RETURN_ABOVE_HELD, "5000000.00"),
					org.assertj.core.groups.Tuple.tuple("STS-UP", Rule.RETURN_ABOVE_HELD, "60000000.00"));
		assertThat(verdict.standing()).containsExactly(Rule.RETURN_ABOVE_HELD);
		assertThat(verdict.counts()).containsEntry(Rule.RETURN_ABOVE_HELD, 2);
		// a refill of 40,000,000 brings the float to −10,000,000 + 40,000,000 = 30,000,000, but the TU stays 1,000,000 short
		fact("GU", UpEvent.GU_DISBURSED, "2026-03-16", "40000000.00");
		assertThat(DEFAULTS.judge(this.facts).standing()).containsExactly(Rule.RETURN_ABOVE_HELD);
	}

	@Test
	void shouldClearAReturnAboveTheFloatOnceARefillCoversIt() {
		fact("UP", UpEvent.UP_DISBURSED, "2026-01-05", "100000000.00");
		fact("SPJ-1", UpEvent.GU_ACCOUNTED, "2026-02-02", "40000000.00");
		fact("STS-UP", UpEvent.UP_RETURNED, "2026-02-03", "70000000.00");
		assertThat(DEFAULTS.judge(this.facts).standing()).containsExactly(Rule.RETURN_ABOVE_HELD);
		// −10,000,000 + 40,000,000 refilled = 30,000,000
		fact("GU", UpEvent.GU_DISBURSED, "2026-02-09", "40000000.00");
		assertThat(DEFAULTS.judge(this.facts).standing()).isEmpty();
		assertThat(DEFAULTS.judge(this.facts).counts()).containsEntry(Rule.RETURN_ABOVE_HELD, 1);
	}

	@Test
	void shouldFlagSpjAndLpjAccountingMoreThanTheTreasurerHolds() {
		fact("UP", UpEvent.UP_DISBURSED, "2026-01-05", "50000000.00");
		// 60,000,000 of spending accounted from a float of 50,000,000
		fact("SPJ", UpEvent.GU_ACCOUNTED, "2026-02-02", "60000000.00");
		fact("TU", UpEvent.TU_DISBURSED, "2026-03-02", "20000000.00");
		// 21,000,000 accounted against a TU of 20,000,000
		fact("LPJ", UpEvent.TU_ACCOUNTED, "2026-03-20", "21000000.00", "TU");
		UpRuleBook.Verdict verdict = DEFAULTS.judge(this.facts);
		assertThat(verdict.breaches()).extracting(b -> b.fact().eventId(), b -> b.limit().toPlainString())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("SPJ", "50000000.00"),
					org.assertj.core.groups.Tuple.tuple("LPJ", "20000000.00"));
		assertThat(verdict.standing()).containsExactly(Rule.ACCOUNTED_ABOVE_HELD);
		assertThat(verdict.counts()).containsExactly(java.util.Map.entry(Rule.ACCOUNTED_ABOVE_HELD, 2));
	}

	@Test
	void shouldFlagEveryMovementAfterTheClosureButNotAnotherDecreeOrClosure() {
		fact("UP", UpEvent.UP_DISBURSED, "2026-01-06", "100000000.00");
		fact("SPJ-1", UpEvent.GU_ACCOUNTED, "2026-12-10", "60000000.00");
		// 100,000,000 − 60,000,000 − 5,000,000 still in the pipeline = 35,000,000 returned
		fact("STS-UP", UpEvent.UP_RETURNED, "2026-12-22", "35000000.00");
		fact("BA", UpEvent.CLOSED, "2026-12-22", null);
		assertThat(DEFAULTS.judge(this.facts).breaches()).isEmpty();
		// the same day but after the closure, then six days later
		fact("STS-LATE", UpEvent.UP_RETURNED, "2026-12-22", "1000000.00");
		fact("SPJ-LATE", UpEvent.GU_ACCOUNTED, "2026-12-28", "4000000.00");
		fact("SK-LATE", UpEvent.CEILING_SET, "2026-12-29", "100000000.00");
		fact("BA-2", UpEvent.CLOSED, "2026-12-30", null);
		UpRuleBook.Verdict verdict = DEFAULTS.judge(this.facts);
		// 1,000,000 + 4,000,000 = the 5,000,000 left: no deficit, only the closure is broken
		assertThat(verdict.breaches()).extracting(b -> b.fact().eventId(), b -> b.rule())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("STS-LATE", Rule.ACTIVITY_AFTER_CLOSURE),
					org.assertj.core.groups.Tuple.tuple("SPJ-LATE", Rule.ACTIVITY_AFTER_CLOSURE));
		assertThat(verdict.standing()).containsExactly(Rule.ACTIVITY_AFTER_CLOSURE);
	}

	@Test
	void shouldFlagATuGrantedWhileAnotherIsOpenWhileBothAreOpen() {
		fact("TU-1", UpEvent.TU_DISBURSED, "2026-06-02", "30000000.00");
		fact("TU-2", UpEvent.TU_DISBURSED, "2026-06-09", "10000000.00");
		UpRuleBook.Verdict verdict = DEFAULTS.judge(this.facts);
		assertThat(verdict.breaches()).singleElement().satisfies(breach -> {
			assertThat(breach.rule()).isEqualTo(Rule.TU_WHILE_OPEN);
			assertThat(breach.fact().eventId()).isEqualTo("TU-2");
			// what was still open of TU-1
			assertThat(breach.limit()).isEqualByComparingTo("30000000.00");
		});
		assertThat(verdict.standing()).containsExactly(Rule.TU_WHILE_OPEN);
		// TU-1 accounted in full on 20 June: only TU-2 is open
		fact("LPJ-1", UpEvent.TU_ACCOUNTED, "2026-06-20", "30000000.00", "TU-1");
		verdict = DEFAULTS.judge(this.facts);
		assertThat(verdict.standing()).isEmpty();
		assertThat(verdict.counts()).containsEntry(Rule.TU_WHILE_OPEN, 1);
		// settled: TU-2 accounted 8,000,000, 2,000,000 returned; a third TU is then allowed
		fact("LPJ-2", UpEvent.TU_ACCOUNTED, "2026-06-25", "8000000.00", "TU-2");
		fact("STS-2", UpEvent.TU_RETURNED, "2026-06-26", "2000000.00", "TU-2");
		fact("TU-3", UpEvent.TU_DISBURSED, "2026-07-01", "5000000.00");
		assertThat(DEFAULTS.judge(this.facts).counts()).containsEntry(Rule.TU_WHILE_OPEN, 1);
	}

	@Test
	void shouldNeitherFlagNorCountADisabledRule() {
		AmountRule off = new AmountRule(false, BigDecimal.ZERO);
		UpRuleBook none = new UpRuleBook(new Rules(off, off, off, off, new Switch(false), new Switch(false)));
		fact("SK", UpEvent.CEILING_SET, "2026-01-02", "10000000.00");
		fact("UP", UpEvent.UP_DISBURSED, "2026-01-05", "20000000.00");
		fact("GU", UpEvent.GU_DISBURSED, "2026-01-06", "1000000.00");
		fact("SPJ", UpEvent.GU_ACCOUNTED, "2026-01-07", "50000000.00");
		fact("TU-1", UpEvent.TU_DISBURSED, "2026-01-08", "1000000.00");
		fact("TU-2", UpEvent.TU_DISBURSED, "2026-01-09", "1000000.00");
		fact("BA", UpEvent.CLOSED, "2026-01-10", null);
		fact("STS", UpEvent.UP_RETURNED, "2026-01-11", "90000000.00");
		// on, each rule is broken once: UP 20,000,000 > 10,000,000; GU 1,000,000 > 0 awaiting; SPJ 50,000,000 >
		// 21,000,000 held; TU-2 while TU-1 open; the STS after the closure, 90,000,000 > −29,000,000 held
		assertThat(DEFAULTS.judge(this.facts).counts()).containsOnlyKeys(Rule.UP_ABOVE_CEILING,
				Rule.GU_ABOVE_AWAITING, Rule.ACCOUNTED_ABOVE_HELD, Rule.TU_WHILE_OPEN, Rule.ACTIVITY_AFTER_CLOSURE,
				Rule.RETURN_ABOVE_HELD);
		UpRuleBook.Verdict verdict = none.judge(this.facts);
		assertThat(verdict.breaches()).isEmpty();
		assertThat(verdict.standing()).isEmpty();
	}

	@Test
	void shouldGiveTheSameVerdictWhenLaterFactsContinueAReplayAsWhenAllAreReplayed() {
		fact("SK", UpEvent.CEILING_SET, "2026-01-02", "100000000.00");
		fact("UP", UpEvent.UP_DISBURSED, "2026-01-05", "100000000.00");
		fact("SPJ-1", UpEvent.GU_ACCOUNTED, "2026-02-05", "60000000.00");
		fact("GU-1", UpEvent.GU_DISBURSED, "2026-02-10", "70000000.00");
		fact("TU-1", UpEvent.TU_DISBURSED, "2026-03-01", "5000000.00");
		fact("TU-2", UpEvent.TU_DISBURSED, "2026-03-02", "5000000.00");
		fact("LPJ-1", UpEvent.TU_ACCOUNTED, "2026-03-20", "6000000.00", "TU-1");
		fact("STS", UpEvent.UP_RETURNED, "2026-03-25", "200000000.00");
		// an empty replay knows no ceiling: it is never continued, the OPD is replayed from its first fact
		assertThat(DEFAULTS.replay(List.of()).continuableWith(this.facts)).isFalse();
		for (int cut = 1; cut <= this.facts.size(); cut++) {
			UpRuleBook.Replay replay = DEFAULTS.replay(this.facts.subList(0, cut));
			List<UpLedger.Fact> later = this.facts.subList(cut, this.facts.size());
			// the first ceiling is the first fact: every later cut may be continued
			assertThat(replay.continuableWith(later)).isTrue();
			later.forEach(replay::apply);
			UpRuleBook.Verdict whole = DEFAULTS.judge(this.facts);
			// GU 70,000,000 > 60,000,000 awaiting; TU-2 while TU-1 open; LPJ 6,000,000 > 5,000,000 held;
			// STS 200,000,000 > 100,000,000 + 70,000,000 − 60,000,000 = 110,000,000 held
			assertThat(replay.verdict().counts()).isEqualTo(whole.counts())
				.containsOnlyKeys(Rule.GU_ABOVE_AWAITING, Rule.TU_WHILE_OPEN, Rule.ACCOUNTED_ABOVE_HELD,
						Rule.RETURN_ABOVE_HELD);
			assertThat(replay.verdict().standing()).isEqualTo(whole.standing());
			assertThat(replay.verdict().breaches()).isEqualTo(whole.breaches());
			assertThat(replay.applied()).isEqualTo(8);
		}
	}

	@Test
	void shouldNotContinueAReplayWithAnEarlierFactOrTheFirstCeiling() {
		fact("UP", UpEvent.UP_DISBURSED, "2026-01-05", "100000000.00");
		fact("GU", UpEvent.GU_ACCOUNTED, "2026-02-05", "60000000.00");
		UpRuleBook.Replay replay = DEFAULTS.replay(this.facts);
		fact("SPJ", UpEvent.GU_ACCOUNTED, "2026-02-04", "1000000.00");
		assertThat(replay.continuableWith(this.facts.subList(2, 3))).isFalse();
		// the year's first decree, dated after the SP2D-UP, is still held against it
		fact("SK", UpEvent.CEILING_SET, "2026-03-01", "50000000.00");
		assertThat(replay.continuableWith(this.facts.subList(3, 4))).isFalse();
		fact("GU-2", UpEvent.GU_DISBURSED, "2026-02-05", "1000000.00");
		assertThat(replay.continuableWith(this.facts.subList(4, 5))).isTrue();
	}

	private static AmountRule strict() {
		return new AmountRule(true, BigDecimal.ZERO);
	}

	private void fact(String id, String type, String date, String amount) {
		fact(id, type, date, amount, null);
	}

	private void fact(String id, String type, String date, String amount, String tu) {
		this.facts.add(new UpLedger.Fact(id, "SETDA", type, LocalDate.parse(date), "SP2D", id + "/SETDA/2026",
				(amount != null) ? new BigDecimal(amount) : null, tu));
	}

}
