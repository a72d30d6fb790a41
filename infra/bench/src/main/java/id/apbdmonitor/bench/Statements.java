package id.apbdmonitor.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the database's time goes in a drain, statement by statement, from PostgreSQL's
 * {@code pg_stat_statements} (the benchmark's server preloads it): the statistics are reset at
 * the drain's first sample, with the CPU counters, and read when the backlog is drained. The times are the statements'
 * wall time on shared cores, so they rank the statements rather than measure their CPU; it was
 * this ranking that found the look-up of every id before each COPY (issue 11).
 */
final class Statements {

	/** Statements listed per drain: the few that hold nearly all of its time. */
	static final int TOP = 6;

	private static final int QUERY_CHARACTERS = 110;

	private Statements() {
	}

	/**
	 * Forgets the statistics of every database; the extension is made in the server's own
	 * database if missing. A failure is said and the run goes on: a diagnostic must not cost the
	 * run its figures.
	 */
	static void reset(BenchStack stack) {
		try (Connection admin = stack.connectToServerAsAdmin(); Statement statement = admin.createStatement()) {
			statement.execute("create extension if not exists pg_stat_statements");
			statement.execute("select pg_stat_statements_reset()");
			statement.execute("select pg_stat_reset_shared('wal')");
		}
		catch (SQLException ex) {
			Bench.progress("  the database's statement statistics were not reset: " + ex.getMessage());
		}
	}

	/**
	 * The statements of {@code database} that took the most time since the reset, most first, one
	 * line each; one line that says why when they cannot be read.
	 */
	static List<String> top(BenchStack stack, String database) {
		List<String> lines = new ArrayList<>();
		try (Connection admin = stack.connectToServerAsAdmin(); PreparedStatement statement = admin.prepareStatement("""
				select s.calls, s.total_exec_time, s.rows, s.query, s.wal_bytes, s.wal_fpi
				from pg_stat_statements s join pg_database d on d.oid = s.dbid
				where d.datname = ? order by s.total_exec_time desc limit ?""")) {
			statement.setString(1, database);
			statement.setInt(2, TOP);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					long calls = rows.getLong(1);
					double millis = rows.getDouble(2);
					lines.add(String.format(Locale.ROOT, "%,8.0f ms %,7d calls %8.2f ms each %,10d rows %,9.1f MB WAL %,8d full pages  %s",
							millis, calls, millis / Math.max(1, calls), rows.getLong(3), rows.getDouble(5) / 1e6,
							rows.getLong(6), shortened(rows.getString(4))));
				}
			}
		}
		catch (SQLException ex) {
			return List.of("not available: " + ex.getMessage());
		}
		lines.add(wal(stack));
		return lines;
	}

	/**
	 * The server's WAL since the reset, every process's (autovacuum and checkpoints too): a full
	 * page image is written for each page first changed after a checkpoint.
	 */
	private static String wal(BenchStack stack) {
		try (Connection admin = stack.connectToServerAsAdmin(); Statement statement = admin.createStatement();
				ResultSet wal = statement.executeQuery("select wal_records, wal_fpi, wal_bytes from pg_stat_wal")) {
			wal.next();
			return String.format(Locale.ROOT, "the whole server: %,.1f MB WAL in %,d records, %,d full pages",
					wal.getDouble(3) / 1e6, wal.getLong(1), wal.getLong(2));
		}
		catch (SQLException ex) {
			return "the server's WAL not available: " + ex.getMessage();
		}
	}

	/** The query on one line, cut: enough to recognise it. */
	private static String shortened(String query) {
		String line = query.replaceAll("\\s+", " ").trim();
		return (line.length() <= QUERY_CHARACTERS) ? line : line.substring(0, QUERY_CHARACTERS) + "…";
	}

}
