package id.apbdmonitor.capital;

import java.util.List;

import id.apbdmonitor.core.event.EventJson;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.test.SchemaContract;
import org.junit.jupiter.api.Test;

/**
 * The schemas of every event type of {@code apbd.capital.v1} (and the envelope) against {@link CapitalParser}:
 * every constraint violated alone is rejected with its documented reason and field, every
 * valid example is accepted (see {@link SchemaContract}).
 */
class CapitalSchemaContractTests {

	private static final String TOPIC = "apbd.capital.v1";

	private final CapitalParser parser = new CapitalParser(SchemaContract.envelopeReader(), CategoryProperties.of("capital", List.of("5.2")), SchemaContract.ingestProperties(TOPIC));

	@Test
	void shouldRejectEveryViolationOfItsSchemasWithTheDocumentedReasonAndField() {
		SchemaContract.verifyTopic(TOPIC,
				value -> SchemaContract.rejectionOf(() -> this.parser.parse(EventJson.fields(value))));
	}

}
