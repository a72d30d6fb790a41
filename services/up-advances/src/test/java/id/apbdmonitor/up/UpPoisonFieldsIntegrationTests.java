package id.apbdmonitor.up;

import java.util.Map;

import id.apbdmonitor.core.test.PoisonFields;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A NUL in any text field of a apbd.up.v1 or budget event costs that record only (PoisonFields). */
class UpPoisonFieldsIntegrationTests {

	@Test
	void shouldDeadLetterANulInEveryTextFieldWhileTheRestOfItsBatchCommits() {
		Map<String, String> reasons = PoisonFields.check(UpAdvancesApplication.class, "apbd.up.v1", "up_ledger", "2026-12-31", "none");
		// a document number is only refused by the database
		assertThat(reasons).containsEntry("apbd.up.v1--02-sp2d-up.json document.number", "UNSTORABLE_VALUE");
	}

}
