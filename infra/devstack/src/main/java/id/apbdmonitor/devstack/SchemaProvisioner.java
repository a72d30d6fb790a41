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
 * Creates the shared database and, per service, two login roles, as production would: the
 * owner role {@code <service>_owner} owns the schema of the service's name and runs its
 * migrations; the service role of that name may only use what the migrations grant it (append
 * to the ledgers, update totals; db/core/afterMigrate__ledger_guard.sql of monitor-core).
 * Passwords are random per run and live only in memory and in the environment of the service
 * they belong to.
 */
final class SchemaProvisioner {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final SecureRandom random = new SecureRandom();

	/** The role that owns a service's schema and runs its migrations. */
	static String ownerOf(String role) {
		return role + "_owner";
	}

	/**
	 * Returns the password of each service role, in the order given, and of its owner role
	 * (key {@link #ownerOf}).
	 */
	Map<String, String> provision(PostgresServer server, String database, Collection<String> roles) throws SQLException {
		requireIdentifier(database);
		roles.forEach(SchemaProvisioner::requireIdentifier);
		roles.forEach((role) -> requireIdentifier(ownerOf(role)));
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
				String owner = ownerOf(role);
				passwords.put(role, loginRole(admin, database, role));
				passwords.put(owner, loginRole(admin, database, owner));
				execute(admin, "create schema if not exists " + role + " authorization " + owner);
				// data kept from a run before the owner role existed: the service role owned it all
				execute(admin, "alter schema " + role + " owner to " + owner);
				execute(admin, "reassign owned by " + role + " to " + owner);
				execute(admin, "grant usage on schema " + role + " to " + role);
			}
		}
		return passwords;
	}

	private String loginRole(Connection admin, String database, String role) throws SQLException {
		String password = password();
		String verb = exists(admin, "select 1 from pg_roles where rolname = ?", role) ? "alter" : "create";
		// a utility statement takes no bind parameters; the password alphabet needs no quoting
		execute(admin, verb + " role " + role + " with login password '" + password + "'");
		execute(admin, "grant connect on database " + database + " to " + role);
		return password;
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
