package id.apbdmonitor.core.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds Java arrays as PostgreSQL array parameters: the columns of the ledgers' {@code unnest(...)}
 * statements (one statement per run instead of one per row) and the ids of their
 * {@code = any(?)} look-ups. PgJDBC sends a {@code String[]}, {@code Integer[]} or {@code Long[]}
 * given to {@code setObject} as a binary {@code text[]}, {@code int4[]} or {@code int8[]};
 * {@code createArrayOf} would send quoted text for the database to parse back (issue 11).
 */
public final class ArrayColumns {

	private ArrayColumns() {
	}

	/** Binds {@code columns[c]} to parameter {@code c + 1}. */
	public static void bind(PreparedStatement statement, Object[]... columns) throws SQLException {
		for (int c = 0; c < columns.length; c++) {
			bind(statement, c + 1, columns[c]);
		}
	}

	/** Binds one array to parameter {@code index}; its elements may be null. */
	public static void bind(PreparedStatement statement, int index, Object[] column) throws SQLException {
		Class<?> type = column.getClass().getComponentType();
		if (type != String.class && type != Integer.class && type != Long.class) {
			throw new IllegalArgumentException("parameter " + index + " is a " + type.getSimpleName()
					+ "[]; only String[], Integer[] and Long[] are bound as binary arrays");
		}
		statement.setObject(index, column);
	}

}
