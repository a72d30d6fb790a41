package id.apbdmonitor.core.event;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import id.apbdmonitor.core.clock.FixedBusinessClock;
import id.apbdmonitor.core.region.RegionProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnvelopeReaderTests {

	private static final String VALID = """
			{"eventId":"SP2D-1","type":"spending-realised","schemaVersion":1,"pemda":"52.72","fiscalYear":2026,
			 "opd":"DINKES","occurredOn":"2026-03-14","document":{"kind":"SP2D","number":"00123/SP2D-LS/2026"}}""";

	// codes built at run time, so that no parsed string can be the same instance by interning
	private final RegionProperties region = new RegionProperties(new String("52.72"), "Kota Bima",
			"Nusa Tenggara Barat", ZoneId.of("Asia/Makassar"),
			List.of(new RegionProperties.Opd(new String("DINKES"), "Dinas Kesehatan")), List.of());

	private final EnvelopeReader reader = EnvelopeReader.of(this.region,
			new FixedBusinessClock(LocalDate.of(2026, 6, 30), ZoneId.of("Asia/Makassar")));

	@Test
	void shouldReadAValidEnvelope() {
		Envelope envelope = read(VALID);
		assertThat(envelope.eventId()).isEqualTo("SP2D-1");
		assertThat(envelope.occurredOn()).isEqualTo(LocalDate.of(2026, 3, 14));
		assertThat(envelope.document()).isEqualTo(new DocumentRef("SP2D", "00123/SP2D-LS/2026"));
	}

	@Test
	void shouldKeepTheConfiguredInstancesOfItsCodesNotTheParsedCopies() {
		Set<String> types = Set.of("spending-realised", "spending-reversed");
		Envelope envelope = this.reader.read(new JsonFields(EventJson.MAPPER.readTree(VALID)), types);
		assertThat(envelope.pemda()).isSameAs(this.region.pemda());
		assertThat(envelope.opd()).isSameAs(this.region.opds().get(0).code());
		assertThat(envelope.type()).isSameAs(types.stream().filter("spending-realised"::equals).findFirst().get());
		assertThat(envelope.document().kind()).isSameAs(DocumentRef.KINDS.stream().filter("SP2D"::equals).findFirst().get());
	}

	@Test
	void shouldRejectAnotherPemda() {
		assertRejected(VALID.replace("\"52.72\"", "\"52.06\""), Reason.UNKNOWN_PEMDA, "pemda", "52.06");
	}

	@Test
	void shouldRejectAnUnknownOpd() {
		assertRejected(VALID.replace("DINKES", "DINAS-X"), Reason.UNKNOWN_OPD, "opd", "DINAS-X");
	}

	@Test
	void shouldRejectAYearOtherThanTheClocksOpenYear() {
		assertRejected(VALID.replace("2026,", "2025,").replace("2026-03-14", "2025-03-14"), Reason.FISCAL_YEAR_CLOSED,
				"fiscalYear", "2025");
	}

	@Test
	void shouldRejectADateOutsideTheFiscalYear() {
		assertRejected(VALID.replace("2026-03-14", "2027-01-02"), Reason.DATE_OUTSIDE_FISCAL_YEAR, "occurredOn",
				"2027-01-02");
	}

	@Test
	void shouldRejectAnUnsupportedTypeAndVersion() {
		assertRejected(VALID.replace("spending-realised", "spending-planned"), Reason.UNSUPPORTED_TYPE, "type",
				"spending-planned");
		assertRejected(VALID.replace("\"schemaVersion\":1", "\"schemaVersion\":2"), Reason.UNSUPPORTED_SCHEMA_VERSION,
				"schemaVersion", "2");
	}

	@Test
	void shouldNameTheNestedFieldThatIsMissing() {
		assertRejected(VALID.replace("\"number\":\"00123/SP2D-LS/2026\"", "\"number\":null"), Reason.MISSING_FIELD,
				"document.number", "");
	}

	@Test
	void shouldRejectAMalformedDateAndId() {
		assertRejected(VALID.replace("2026-03-14", "14-03-2026"), Reason.INVALID_FIELD, "occurredOn", "14-03-2026");
		assertRejected(VALID.replace("SP2D-1", "SP2D 1"), Reason.INVALID_FIELD, "eventId", "SP2D 1");
	}

	private Envelope read(String json) {
		return this.reader.read(new JsonFields(JsonMapper.builder().build().readTree(json)), Set.of("spending-realised"));
	}

	private void assertRejected(String json, Reason reason, String field, String value) {
		RejectedException ex = catchThrowableOfType(RejectedException.class, () -> read(json));
		assertThat(ex).as("expected a rejection").isNotNull();
		assertThat(ex.rejection().reason()).isEqualTo(reason);
		assertThat(ex.rejection().field()).isEqualTo(field);
		assertThat(ex.rejection().value()).isEqualTo(value);
		assertThat(ex.rejection().detail()).contains(field);
	}

}
