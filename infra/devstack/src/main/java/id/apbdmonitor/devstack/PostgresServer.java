package id.apbdmonitor.devstack;

import java.sql.Connection;
import java.sql.SQLException;

/** A PostgreSQL server the devstack can administer: the embedded one or an existing one. */
interface PostgresServer extends AutoCloseable {

	/** The URL the services use for {@code database}; it never carries a password. */
	String jdbcUrl(String database);

	/** A connection as the server's administrator (superuser or a role with CREATEROLE, CREATEDB). */
	Connection connectAsAdmin(String database) throws SQLException;

	/** Stops the server if the devstack started it; an existing server is left running. */
	@Override
	void close();

}
