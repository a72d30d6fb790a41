package id.apbdmonitor.capital;

import java.util.Map;

import id.apbdmonitor.core.test.PoisonFields;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A NUL in any text field of a apbd.capital.v1 or budget event costs that record only (PoisonFields). */
class CapitalPoisonFieldsIntegrationTests {

	@Test
	void shouldDeadLetterANulInEveryTextFieldWhileTheRestOfItsBatchCommits() {
		Map<String, String> reasons = PoisonFields.check(CapitalSpendingApplication.class, "apbd.capital.v1", "capital_event", "2026-12-31", "5.2");
		// a document number is only refused by the database
		assertThat(reasons).containsEntry("apbd.capital.v1--01-contract-signed.json document.number", "UNSTORABLE_VALUE");
	}

}
