package id.apbdmonitor.pad;

import java.util.Map;

import id.apbdmonitor.core.test.PoisonFields;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A NUL in any text field of a apbd.pad.v1 or budget event costs that record only (PoisonFields). */
class PadPoisonFieldsIntegrationTests {

	@Test
	void shouldDeadLetterANulInEveryTextFieldWhileTheRestOfItsBatchCommits() {
		Map<String, String> reasons = PoisonFields.check(PadRevenueApplication.class, "apbd.pad.v1", "pad_ledger", "2026-12-31", "4.1");
		// a document number is only refused by the database
		assertThat(reasons).containsEntry("apbd.pad.v1--01-pbjt-restaurant-receipt.json document.number", "UNSTORABLE_VALUE");
	}

}
