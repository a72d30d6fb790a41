package id.apbdmonitor.core.spending;

import java.util.List;

import id.apbdmonitor.core.event.EventJson;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.test.SchemaContract;
import org.junit.jupiter.api.Test;

/**
 * spending-realised, spending-reversed and the envelope against {@link SpendingParser}, as
 * goods-spending and services-spending configure it: every constraint violated alone is
 * rejected with its documented reason and field (see {@link SchemaContract}).
 */
class SpendingSchemaContractTests {

	@Test
	void shouldRejectEveryViolationOfTheGoodsTopicsSchemasWithTheirDocumentedReasonAndField() {
		verify("apbd.goods.v1", "goods", List.of("5.1.02.01"));
	}

	@Test
	void shouldRejectEveryViolationOfTheServicesTopicsSchemasWithTheirDocumentedReasonAndField() {
		verify("apbd.services.v1", "services", List.of("5.1.02.02", "5.1.02.03", "5.1.02.04"));
	}

	private static void verify(String topic, String category, List<String> prefixes) {
		SpendingParser parser = new SpendingParser(SchemaContract.envelopeReader(),
				CategoryProperties.of(category, prefixes), SchemaContract.ingestProperties(topic));
		SchemaContract.verifyTopic(topic, value -> SchemaContract.rejectionOf(() -> parser.parse(EventJson.fields(value))));
	}

}
