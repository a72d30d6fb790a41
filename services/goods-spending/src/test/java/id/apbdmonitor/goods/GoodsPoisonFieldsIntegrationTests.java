package id.apbdmonitor.goods;

import java.util.Map;

import id.apbdmonitor.core.test.PoisonFields;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A NUL in any text field of a goods or budget event costs that record only (PoisonFields). */
class GoodsPoisonFieldsIntegrationTests {

	@Test
	void shouldDeadLetterANulInEveryTextFieldWhileTheRestOfItsBatchCommits() {
		Map<String, String> reasons = PoisonFields.check(GoodsSpendingApplication.class, "apbd.goods.v1",
				"spending_ledger", "2026-12-31", "5.1.02.01");
		// document numbers, sub-kegiatan and the like are only refused by the database
		assertThat(reasons).containsEntry("apbd.goods.v1--01-sp2d-ls.json document.number", "UNSTORABLE_VALUE")
			.containsEntry("apbd.budget.v1--01-goods-line-original.json document.number", "UNSTORABLE_VALUE");
	}

}
