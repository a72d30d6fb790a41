package id.apbdmonitor.core.budget;

import java.util.List;

import id.apbdmonitor.core.event.EventJson;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.test.SchemaContract;
import org.junit.jupiter.api.Test;

/**
 * budget-line.schema.json and the envelope against {@link BudgetLineParser}: every constraint
 * violated alone is rejected with its documented reason and field (see {@link SchemaContract}).
 */
class BudgetLineSchemaContractTests {

	private final BudgetLineParser parser = new BudgetLineParser(SchemaContract.envelopeReader(),
			CategoryProperties.of("goods", List.of("5.1.02.01")), SchemaContract.ingestProperties("apbd.goods.v1"));

	@Test
	void shouldRejectEveryViolationOfTheBudgetLineSchemaWithItsDocumentedReasonAndField() {
		SchemaContract.verifyTopic("apbd.budget.v1",
				value -> SchemaContract.rejectionOf(() -> this.parser.parse(EventJson.fields(value))));
	}

}
