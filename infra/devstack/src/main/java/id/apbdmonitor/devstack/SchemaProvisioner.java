package id.apbdmonitor.devstack;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates the shared database and, per service, a login role owning one schema of the same
 * name, as production would: a service can write only its own tables. Passwords are random
 * per run and live only in memory and in the environment of the service they belong to.
 */
final class SchemaProvisioner {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final SecureRandom random = new SecureRandom();

	/** Returns the password of each role, in the order given. */
	Map<String, String> provision(PostgresServer server, String database, Collection<String> roles) throws SQLException {
		requireIdentifier(database);
		roles.forEach(SchemaProvisioner::requireIdentifier);
		try (Connection admin = server.connectAsAdmin(null)) {
			if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
				execute(admin, "create database " + database);
			}
		}
		Map<String, String> passwords = new LinkedHashMap<>();
		try (Connection admin = server.connectAsAdmin(database)) {
			// PostgreSQL 15+ does this by default; an older existing server does not
			execute(admin, "revoke create on schema public from public");
			for (String role : roles) {
				String password = password();
				String verb = exists(admin, "select 1 from pg_roles where rolname = ?", role) ? "alter" : "create";
				// a utility statement takes no bind parameters; the password alphabet needs no quoting
				execute(admin, verb + " role " + role + " with login password '" + password + "'");
				execute(admin, "create schema if not exists " + role + " authorization " + role);
				execute(admin, "grant connect on database " + database + " to " + role);
				passwords.put(role, password);
			}
		}
		return passwords;
	}

	private String password() {
		StringBuilder password = new StringBuilder(32);
		for (int i = 0; i < 32; i++) {
			password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	private static boolean exists(Connection connection, String query, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Identifiers are built into SQL text, so only plain lower-case names are accepted. */
	private static void requireIdentifier(String name) {
		if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("not a plain PostgreSQL identifier: " + name);
		}
	}

}
