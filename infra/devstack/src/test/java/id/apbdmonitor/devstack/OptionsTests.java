package id.apbdmonitor.devstack;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTests {

	@Test
	void shouldDefaultToAnEmbeddedDatabaseAndATenMinuteYear() {
		Options options = Options.parse();

		assertThat(options.yearDuration()).isEqualTo(Duration.ofMinutes(10));
		assertThat(options.externalServer()).isEmpty();
		assertThat(options.keepData()).isFalse();
		assertThat(options.help()).isFalse();
	}

	@Test
	void shouldReadYearDurationsInTheUnitsPeopleType() {
		assertThat(Options.parse("--year-duration", "3m").yearDuration()).isEqualTo(Duration.ofSeconds(180));
		assertThat(Options.parse("--year-duration", "90s").yearDuration()).isEqualTo(Duration.ofSeconds(90));
		assertThat(Options.parse("--year-duration", "1h").yearDuration()).isEqualTo(Duration.ofMinutes(60));
	}

	@Test
	void shouldPassTheYearDurationInASpellingSpringBootAccepts() {
		assertThat(Options.parse("--year-duration", "3m").yearDurationForSpring()).isEqualTo("180s");
		assertThat(Options.parse("--year-duration", "1500ms").yearDurationForSpring()).isEqualTo("1500ms");
		assertThat(Options.parse("--year-duration", "180s").yearDurationText()).isEqualTo("3m");
		assertThat(Options.parse("--year-duration", "90s").yearDurationText()).isEqualTo("90s");
	}

	@Test
	void shouldRejectAMeaninglessDuration() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--year-duration", "ten"))
			.withMessageContaining("10m");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--year-duration", "0s"));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--year-duration"))
			.withMessageContaining("needs a value");
	}

	@Test
	void shouldTakeAnExistingServerOnlyWithAllThreeOptions() {
		Options options = Options.parse("--jdbc-url", "jdbc:postgresql://db:5432/postgres", "--db-admin-user", "admin",
				"--db-admin-password-env", "PGPASSWORD_ADMIN", "--keep-data");

		assertThat(options.externalServer()).hasValueSatisfying((server) -> {
			assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/postgres");
			assertThat(server.adminUser()).isEqualTo("admin");
			assertThat(server.passwordVariable()).isEqualTo("PGPASSWORD_ADMIN");
		});
		assertThat(options.keepData()).isTrue();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Options.parse("--jdbc-url", "jdbc:postgresql://db:5432/postgres"))
			.withMessageContaining("--db-admin-user");
	}

	@Test
	void shouldMonitorKotaBimaAloneUnlessAskedForMoreRegions() {
		assertThat(Options.parse().regions()).isEqualTo(1);
		assertThat(Options.parse("--regions", "5").regions()).isEqualTo(5);
		assertThat(Options.parse("--regions", "546").regions()).isEqualTo(546);
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--regions", "547"))
			.withMessage("--regions must be within 1..546, was 547");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--regions", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--regions", "many"))
			.withMessage("--regions must be a number of regions, was many");
	}

	@Test
	void shouldRejectUnknownOptions() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--year", "3m"))
			.withMessageContaining("--year");
	}

	@Test
	void shouldRecogniseHelp() {
		assertThat(Options.parse("--help").help()).isTrue();
		assertThat(Options.USAGE).contains("--year-duration", "--jdbc-url", "--db-admin-user",
				"--db-admin-password-env", "--keep-data");
	}

}
