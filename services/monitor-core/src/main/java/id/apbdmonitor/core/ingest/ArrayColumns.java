package id.apbdmonitor.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds a run's columns as PostgreSQL arrays, one parameter per column, for the
 * {@code unnest(...)} statements of the ledgers: one statement per run instead of one per row.
 */
public final class ArrayColumns {

	private ArrayColumns() {
	}

	/** Binds {@code columns[c]} as an array of {@code types[c]} to parameter {@code c + 1}. */
	public static void bind(Connection connection, PreparedStatement statement, Object[][] columns, String[] types)
			throws SQLException {
		if (columns.length != types.length) {
			throw new IllegalArgumentException(columns.length + " columns but " + types.length + " types");
		}
		for (int c = 0; c < columns.length; c++) {
			statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
		}
	}

}
