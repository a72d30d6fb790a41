package id.apbdmonitor.tpp;

import id.apbdmonitor.core.event.EventJson;
import id.apbdmonitor.core.test.SchemaContract;
import org.junit.jupiter.api.Test;

/**
 * The schemas of every event type of {@code apbd.tpp.v1} (and the envelope) against {@link TppParser}:
 * every constraint violated alone is rejected with its documented reason and field, every
 * valid example is accepted (see {@link SchemaContract}).
 */
class TppSchemaContractTests {

	private static final String TOPIC = "apbd.tpp.v1";

	private final TppParser parser = new TppParser(SchemaContract.envelopeReader(), SchemaContract.ingestProperties(TOPIC),
			new TppProperties(10, Stage.SPM, 31, new java.math.BigDecimal("0.00")));

	@Test
	void shouldRejectEveryViolationOfItsSchemasWithTheDocumentedReasonAndField() {
		SchemaContract.verifyTopic(TOPIC,
				value -> SchemaContract.rejectionOf(() -> this.parser.parse(EventJson.fields(value))));
	}

}
