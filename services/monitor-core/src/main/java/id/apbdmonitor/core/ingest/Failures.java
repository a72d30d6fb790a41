package id.apbdmonitor.core.ingest;

import java.sql.SQLException;

/**
 * Tells a failure a record causes (the database refuses a value or a constraint: retrying can
 * never help, so the record is dead-lettered) from one of the infrastructure (connection,
 * resources, serialization, operator intervention, anything not SQL: retried with back-off).
 * The SQLState class decides: 22 data exception and 23 integrity constraint are permanent.
 */
final class Failures {

	/** A unique key taken by a concurrent writer: retried once, then it is the record's fault. */
	static final String UNIQUE_VIOLATION = "23505";

	private Failures() {
	}

	static boolean permanent(Throwable failure) {
		String state = sqlState(failure);
		return state != null && (state.startsWith("22") || state.startsWith("23"));
	}

	static boolean uniqueViolation(Throwable failure) {
		return UNIQUE_VIOLATION.equals(sqlState(failure));
	}

	/** The SQLState of the first SQL exception in the cause chain, or null when there is none. */
	static String sqlState(Throwable failure) {
		SQLException sql = sqlException(failure);
		return (sql != null) ? sql.getSQLState() : null;
	}

	/** The database's own message, for the dead-letter detail. */
	static String message(Throwable failure) {
		SQLException sql = sqlException(failure);
		if (sql == null) {
			return String.valueOf(failure);
		}
		SQLException next = sql.getNextException();
		String message = (next != null) ? next.getMessage() : sql.getMessage();
		return "SQLState " + sql.getSQLState() + ": " + message;
	}

	private static SQLException sqlException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				SQLException next = sql.getNextException();
				return (next != null && next.getSQLState() != null && sql.getSQLState() == null) ? next : sql;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
