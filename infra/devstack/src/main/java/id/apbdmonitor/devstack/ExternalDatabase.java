package id.apbdmonitor.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An existing PostgreSQL server given by {@code --jdbc-url}; the devstack never stops it. */
final class ExternalDatabase implements PostgresServer {

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

	private final String adminUrl;

	private final String adminUser;

	private final String adminPassword;

	ExternalDatabase(String adminUrl, String adminUser, String adminPassword) {
		this.adminUrl = adminUrl;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	/** Checks the connection now, so that a wrong URL or password fails before anything starts. */
	static ExternalDatabase connect(Options.ExternalServer server) {
		ExternalDatabase database = new ExternalDatabase(server.jdbcUrl(), server.adminUser(), server.password());
		try (Connection connection = database.connectAsAdmin(null)) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			throw new StartupException("cannot connect to " + server.jdbcUrl() + " as " + server.adminUser() + ": "
					+ ex.getMessage(), ex);
		}
		return database;
	}

	/** The same server and parameters, another database; {@code null} keeps the given one. */
	static String withDatabase(String url, String database) {
		Matcher matcher = URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
		}
		if (database == null) {
			return url;
		}
		return matcher.group(1) + "/" + database + ((matcher.group(3) != null) ? matcher.group(3) : "");
	}

	@Override
	public String jdbcUrl(String database) {
		return withDatabase(this.adminUrl, database);
	}

	@Override
	public Connection connectAsAdmin(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.adminUser);
		properties.setProperty("password", this.adminPassword);
		return DriverManager.getConnection(withDatabase(this.adminUrl, database), properties);
	}

	@Override
	public void close() {
		// not ours to stop
	}

}
