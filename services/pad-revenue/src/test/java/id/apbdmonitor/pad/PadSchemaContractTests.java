package id.apbdmonitor.pad;

import java.util.List;

import id.apbdmonitor.core.event.EventJson;
import id.apbdmonitor.core.region.CategoryProperties;
import id.apbdmonitor.core.test.SchemaContract;
import org.junit.jupiter.api.Test;

/**
 * The schemas of every event type of {@code apbd.pad.v1} (and the envelope) against {@link PadParser}:
 * every constraint violated alone is rejected with its documented reason and field, every
 * valid example is accepted (see {@link SchemaContract}).
 */
class PadSchemaContractTests {

	private static final String TOPIC = "apbd.pad.v1";

	private final PadParser parser = new PadParser(SchemaContract.envelopeReader(), CategoryProperties.of("pad", List.of("4.1")), SchemaContract.ingestProperties(TOPIC));

	@Test
	void shouldRejectEveryViolationOfItsSchemasWithTheDocumentedReasonAndField() {
		SchemaContract.verifyTopic(TOPIC,
				value -> SchemaContract.rejectionOf(() -> this.parser.parse(EventJson.fields(value))));
	}

}
