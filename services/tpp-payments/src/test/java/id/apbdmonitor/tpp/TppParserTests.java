package id.apbdmonitor.tpp;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import id.apbdmonitor.core.clock.FixedBusinessClock;
import id.apbdmonitor.core.event.EnvelopeReader;
import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.event.RejectedException;
import id.apbdmonitor.core.ingest.IngestProperties;
import id.apbdmonitor.core.region.RegionProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** December's TPP paid in January, in January 2026 with fiscal year 2025 still open. */
class TppParserTests {

	private final TppParser parser = new TppParser(
			EnvelopeReader.of(
					new RegionProperties("52.72", "Kota Bima", "Nusa Tenggara Barat", ZoneId.of("Asia/Makassar"),
							List.of(new RegionProperties.Opd("BAPPEDA", "Badan Perencanaan Pembangunan Daerah")),
							List.of(2025)),
					new FixedBusinessClock(LocalDate.of(2026, 1, 20), ZoneId.of("Asia/Makassar"))),
			new IngestProperties("apbd.tpp.v1", "apbd.budget.v1", 3, (short) 1, 1, Duration.ofSeconds(1),
					Duration.ofMinutes(1), new BigDecimal("1000000000000.00")),
			new TppProperties(10, Stage.SPM, 31, new BigDecimal("0.00")));

	@Test
	void shouldAcceptDecembersStagesDatedUpTo31January() {
		TppEvent spm = parse(12, "2026-01-14");
		assertThat(spm.envelope().fiscalYear()).isEqualTo(2025);
		assertThat(spm.envelope().occurredOn()).isEqualTo("2026-01-14");
		assertThat(parse(12, "2026-01-31").month()).isEqualTo(12);
	}

	@Test
	void shouldRejectDecemberAfterTheGraceAndOtherMonthsInJanuary() {
		assertRejected(12, "2026-02-01");
		assertRejected(11, "2026-01-05");
		assertRejected(1, "2024-12-31");
	}

	private TppEvent parse(int month, String date) {
		String json = """
				{"eventId":"TPP-BAPPEDA-%d-SPM","type":"tpp-stage","schemaVersion":1,"pemda":"52.72","fiscalYear":2025,
				 "opd":"BAPPEDA","occurredOn":"%s","document":{"kind":"SPM","number":"SPM-%d"},"month":%d,
				 "stage":"SPM","amount":"152000000.00","employees":60}"""
			.formatted(month, date, month, month);
		return this.parser.parse(new JsonFields(JsonMapper.builder().build().readTree(json)));
	}

	private void assertRejected(int month, String date) {
		RejectedException ex = catchThrowableOfType(RejectedException.class, () -> parse(month, date));
		assertThat(ex).as("month " + month + " dated " + date).isNotNull();
		assertThat(ex.rejection().reason()).isEqualTo(Reason.DATE_OUTSIDE_FISCAL_YEAR);
		assertThat(ex.rejection().value()).isEqualTo(date);
	}

}
