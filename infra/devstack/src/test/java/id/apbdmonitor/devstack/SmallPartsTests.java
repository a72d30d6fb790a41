package id.apbdmonitor.devstack;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SmallPartsTests {

	@Test
	void shouldNameTheRoleAfterTheServiceWithUnderscores() {
		assertThat(new ServiceCatalog.App("goods-spending", 8083, true).roleName()).isEqualTo("goods_spending");
	}

	@Test
	void shouldRunTheBootRepackagedJarNotTheLibrary() {
		assertThat(new ServiceCatalog.App("goods-spending", 8083, true).jar(Path.of("/repo")))
			.isEqualTo(Path.of("/repo/services/goods-spending/target/goods-spending-0.1.0-SNAPSHOT-exec.jar"));
	}

	@Test
	void shouldKeepTheFixedPortsOfTheDesign() {
		assertThat(ServiceCatalog.SERVICES).extracting(ServiceCatalog.App::name, ServiceCatalog.App::port)
			.contains(org.assertj.core.groups.Tuple.tuple("goods-spending", 8083),
					org.assertj.core.groups.Tuple.tuple("services-spending", 8084),
					org.assertj.core.groups.Tuple.tuple("other-spending", 8087));
		assertThat(ServiceCatalog.SIMULATOR.port()).isEqualTo(8090);
		assertThat(ServiceCatalog.SIMULATOR.needsDatabase()).isFalse();
	}

	@Test
	void shouldSwapTheDatabaseOfAJdbcUrlAndKeepItsParameters() {
		assertThat(ExternalDatabase.withDatabase("jdbc:postgresql://db:5432/postgres?sslmode=require", "apbd"))
			.isEqualTo("jdbc:postgresql://db:5432/apbd?sslmode=require");
		assertThat(ExternalDatabase.withDatabase("jdbc:postgresql://db/", "apbd")).isEqualTo("jdbc:postgresql://db/apbd");
		assertThat(ExternalDatabase.withDatabase("jdbc:postgresql://db:5432", "apbd"))
			.isEqualTo("jdbc:postgresql://db:5432/apbd");
		assertThatIllegalArgumentException().isThrownBy(() -> ExternalDatabase.withDatabase("jdbc:mysql://db/x", "apbd"));
	}

	@Test
	void shouldRecogniseBootHealthDocuments() {
		assertThat(HttpProbe.isUpDocument("{\"status\":\"UP\",\"groups\":[\"liveness\"]}")).isTrue();
		// the order Boot 4 really writes
		assertThat(HttpProbe.isUpDocument("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}")).isTrue();
		assertThat(HttpProbe.isUpDocument("{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"UP\"}}}"))
			.isFalse();
		assertThat(HttpProbe.isUpDocument("{\"components\":{\"db\":{\"status\":\"UP\"}},\"status\":\"DOWN\"}"))
			.isFalse();
		assertThat(HttpProbe.isUpDocument("{\"groups\":[\"status\"],\"status\" : \"UP\"}")).isTrue();
	}

	@Test
	void shouldListEveryEndpointOnce() {
		StackLayout layout = StackLayout.of(Path.of("/repo"));
		EndpointTable table = new EndpointTable(layout, "jdbc:postgresql://localhost:55432/apbd", "localhost:9092",
				false, false, java.util.Optional.empty());

		assertThat(table.rows()).extracting((row) -> row[1])
			.contains("http://localhost:8083/actuator/prometheus", "http://localhost:8083/actuator/health",
					"http://localhost:8084/actuator/prometheus", "http://localhost:8090/api/expected",
					"localhost:9092", "jdbc:postgresql://localhost:55432/apbd", "/repo/.devstack/logs")
			.doesNotHaveDuplicates()
			.noneMatch((url) -> url.contains("9090"));
	}

	@Test
	void shouldLeadWithThePagesAPersonOpensAndSayHowManyAlertsFire() {
		EndpointTable table = new EndpointTable(StackLayout.of(Path.of("/repo")), "jdbc:postgresql://localhost:55432/apbd",
				"localhost:9092", true, true, java.util.Optional.of("2 firing (0 critical)"));

		assertThat(table.rows().subList(0, 4)).extracting((row) -> row[0] + " " + row[1])
			.containsExactly("rakor brief (PDF: /brief.pdf?date=YYYY-MM-DD) http://localhost:8088/brief",
					"Prometheus alerts: 2 firing (0 critical) http://localhost:9090/classic/alerts",
					"mailbox (alert e-mails, SMTP localhost:2525) http://localhost:8025/",
					"Alertmanager API (alerts as routed) http://localhost:9095/api/v2/alerts");
	}

	@Test
	void shouldCountFiringAlertsFromPrometheusAnswers() {
		assertThat(FiringAlerts.parse("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
				+ "[{\"metric\":{},\"value\":[1764500000.123,\"7\"]}]}}")).isEqualTo(7);
		// count() of nothing is an empty vector: no alert fires
		assertThat(FiringAlerts.parse("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"))
			.isZero();
	}

}
