package id.apbdmonitor.core.region;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import id.apbdmonitor.core.clock.WallBusinessClock;
import id.apbdmonitor.core.event.EnvelopeReader;
import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.event.RejectedException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Two regions in different time zones on the production (wall) clock, at instants where their
 * business dates differ: 16:30 UTC is 23:30 in Sleman (WIB, UTC+7) and already 00:30 of the next
 * day in Kota Bima (WITA, UTC+8).
 */
class RegionBusinessDatesTests {

	private static final RegionProperties SLEMAN = new RegionProperties("34.04", "Kabupaten Sleman",
			"Daerah Istimewa Yogyakarta", ZoneId.of("Asia/Jakarta"),
			List.of(new RegionProperties.Opd("DINKES", "Dinas Kesehatan")), List.of());

	private static final RegionProperties KOTA_BIMA = RegionsTests.KOTA_BIMA;

	private static final Regions REGIONS = Regions.of(KOTA_BIMA, SLEMAN);

	/** New Year's Eve in Sleman, New Year's Day in Kota Bima. */
	private static final Instant NEW_YEAR = Instant.parse("2026-12-31T16:30:00Z");

	@Test
	void shouldGiveEachRegionItsOwnDateAtTheSameInstant() {
		WallBusinessClock clock = clockAt("2026-03-31T16:30:00Z");
		assertThat(clock.today(SLEMAN.zone())).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(clock.today(KOTA_BIMA.zone())).isEqualTo(LocalDate.of(2026, 4, 1));
		// an hour earlier both are still on 31 March
		WallBusinessClock before = clockAt("2026-03-31T15:30:00Z");
		assertThat(before.today(SLEMAN.zone())).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(before.today(KOTA_BIMA.zone())).isEqualTo(LocalDate.of(2026, 3, 31));
	}

	@Test
	void shouldWatchTheNewYearInKotaBimaWhileSlemanIsStillInTheOld() {
		FiscalYears years = new FiscalYears(REGIONS, clockAt(NEW_YEAR.toString()));
		assertThat(years.watched(SLEMAN)).isEqualTo(2026);
		assertThat(years.watched(KOTA_BIMA)).isEqualTo(2027);
		assertThat(years.watched()).as("the home region's").isEqualTo(2027);
	}

	@Test
	void shouldBookTheOldYearInSlemanAndRefuseItInKotaBimaAtTheSameInstant() {
		EnvelopeReader reader = new EnvelopeReader(REGIONS, clockAt(NEW_YEAR.toString()));
		String sleman = event("34.04", 2026, "2026-12-31");
		assertThat(reader.read(fields(sleman), Set.of("spending-realised")).pemda()).isEqualTo("34.04");
		assertThat(rejection(reader, event("52.72", 2026, "2026-12-31")).rejection().reason()).isEqualTo(Reason.FISCAL_YEAR_CLOSED);
		assertThat(reader.read(fields(event("52.72", 2027, "2027-01-01")), Set.of("spending-realised")).fiscalYear())
			.isEqualTo(2027);
		assertThat(rejection(reader, event("34.04", 2027, "2027-01-01")).rejection().reason()).isEqualTo(Reason.FISCAL_YEAR_CLOSED);
		// an hour later Sleman has turned too
		EnvelopeReader later = new EnvelopeReader(REGIONS, clockAt("2026-12-31T17:30:00Z"));
		assertThat(rejection(later, sleman).rejection().reason()).isEqualTo(Reason.FISCAL_YEAR_CLOSED);
	}

	@Test
	void shouldCheckTheOpdsOfTheEventsOwnRegionAndRefuseAnotherPemda() {
		EnvelopeReader reader = new EnvelopeReader(REGIONS, clockAt("2026-06-30T03:00:00Z"));
		RejectedException unknownOpd = rejection(reader, event("34.04", 2026, "2026-06-01").replace("DINKES", "BPKAD"));
		assertThat(unknownOpd.rejection().reason()).isEqualTo(Reason.UNKNOWN_OPD);
		assertThat(unknownOpd.getMessage()).contains("not an OPD of pemda 34.04");
		RejectedException unknownPemda = rejection(reader, event("52.06", 2026, "2026-06-01"));
		assertThat(unknownPemda.rejection().reason()).isEqualTo(Reason.UNKNOWN_PEMDA);
		assertThat(unknownPemda.getMessage()).contains("52.72, 34.04");
	}

	private static WallBusinessClock clockAt(String instant) {
		return new WallBusinessClock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), KOTA_BIMA.zone());
	}

	private static String event(String pemda, int year, String date) {
		return """
				{"eventId":"SP2D-%s-%s","type":"spending-realised","schemaVersion":1,"pemda":"%s","fiscalYear":%d,
				 "opd":"DINKES","occurredOn":"%s","document":{"kind":"SP2D","number":"00123/SP2D-LS/%d"}}"""
			.formatted(pemda, date, pemda, year, date, year);
	}

	private static JsonFields fields(String json) {
		return new JsonFields(JsonMapper.builder().build().readTree(json));
	}

	private static RejectedException rejection(EnvelopeReader reader, String json) {
		return catchThrowableOfType(RejectedException.class,
				() -> reader.read(fields(json), Set.of("spending-realised")));
	}

}
