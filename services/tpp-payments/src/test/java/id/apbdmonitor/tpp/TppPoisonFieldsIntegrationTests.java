package id.apbdmonitor.tpp;

import java.util.Map;

import id.apbdmonitor.core.test.PoisonFields;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A NUL in any text field of a apbd.tpp.v1 or budget event costs that record only (PoisonFields). */
class TppPoisonFieldsIntegrationTests {

	@Test
	void shouldDeadLetterANulInEveryTextFieldWhileTheRestOfItsBatchCommits() {
		Map<String, String> reasons = PoisonFields.check(TppPaymentsApplication.class, "apbd.tpp.v1", "tpp_ledger", "2026-12-31", "5.1.01.02");
		// a document number is only refused by the database
		assertThat(reasons).containsEntry("apbd.tpp.v1--01-january-performance-closed.json document.number", "UNSTORABLE_VALUE");
	}

}
