package id.apbdmonitor.up;

import id.apbdmonitor.core.event.EventJson;
import id.apbdmonitor.core.test.SchemaContract;
import org.junit.jupiter.api.Test;

/**
 * The schemas of every event type of {@code apbd.up.v1} (and the envelope) against {@link UpParser}:
 * every constraint violated alone is rejected with its documented reason and field, every
 * valid example is accepted (see {@link SchemaContract}).
 */
class UpSchemaContractTests {

	private static final String TOPIC = "apbd.up.v1";

	private final UpParser parser = new UpParser(SchemaContract.envelopeReader(), SchemaContract.ingestProperties(TOPIC));

	@Test
	void shouldRejectEveryViolationOfItsSchemasWithTheDocumentedReasonAndField() {
		SchemaContract.verifyTopic(TOPIC,
				value -> SchemaContract.rejectionOf(() -> this.parser.parse(EventJson.fields(value))));
	}

}
