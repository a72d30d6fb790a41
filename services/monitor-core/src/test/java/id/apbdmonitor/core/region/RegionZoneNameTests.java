package id.apbdmonitor.core.region;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The zone name {@code apbd_region_info} carries for the alert messages. */
class RegionZoneNameTests {

	@ParameterizedTest
	@CsvSource({ "Asia/Jakarta, WIB", "Asia/Pontianak, WIB", "Asia/Makassar, WITA", "Asia/Jayapura, WIT" })
	void shouldNameIndonesiasThreeZones(String zone, String name) {
		assertThat(region(zone).zoneName()).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTC", "Asia/Kolkata", "Europe/Amsterdam" })
	void shouldRefuseAZoneTheAlertsCouldNotName(String zone) {
		// UTC+5:30, or with daylight saving time: no name, and the alerts would print a wrong time
		assertThatIllegalStateException().isThrownBy(() -> region(zone).zoneName())
			.withMessageContaining("34.04")
			.withMessageContaining(zone);
	}

	private static RegionProperties region(String zone) {
		return new RegionProperties("34.04", "Kabupaten Sleman", "Daerah Istimewa Yogyakarta", ZoneId.of(zone),
				List.of(new RegionProperties.Opd("DINKES", "Dinas Kesehatan")), List.of());
	}

}
