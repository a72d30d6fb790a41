package id.apbdmonitor.core.test;

import java.util.Map;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database of one service's schema, migrated as Spring Boot's Flyway migrates it, up to a
 * chosen version: a test of a migration stores rows at the version before it, then migrates.
 */
public final class SchemaMigrations {

	private final String url;

	private final String schema;

	private final String[] locations;

	private SchemaMigrations(String url, String schema, String[] locations) {
		this.url = url;
		this.schema = schema;
		this.locations = locations;
	}

	/** An empty database for {@code schema}, whose migrations are at {@code locations}. */
	public static SchemaMigrations newDatabase(String name, String schema, String... locations) {
		return new SchemaMigrations(TestInfrastructure.newDatabase("db" + TestInfrastructure.uniqueName(name)), schema,
				locations);
	}

	/** Migrates up to {@code target}, a version or "latest". */
	public SchemaMigrations migrateTo(String target) {
		Flyway.configure()
			.dataSource(this.url, "postgres", "postgres")
			.schemas(this.schema)
			.defaultSchema(this.schema)
			.createSchemas(true)
			.locations(this.locations)
			.placeholders(Map.of("service_role", "postgres"))
			.target(target)
			.load()
			.migrate();
		return this;
	}

	/** The database as postgres, its tables named with their schema. */
	public JdbcTemplate jdbc() {
		return new JdbcTemplate(new DriverManagerDataSource(this.url, "postgres", "postgres"));
	}

}
