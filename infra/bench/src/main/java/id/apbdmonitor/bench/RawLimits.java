package id.apbdmonitor.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What this machine does without the service in between, measured on the same data: a bare
 * Kafka consumer reading the service's topic, PostgreSQL COPY of the ledger's own rows into a
 * copy of the ledger table (same columns, same indexes), and the same rows inserted 500 at a
 * time with {@code INSERT … SELECT FROM unnest(…)}.
 */
final class RawLimits {

	static final int UNNEST_ROWS = 500;

	private RawLimits() {
	}

	/** Records per second of a consumer with default settings reading {@code records} from the start. */
	static double consumerRate(String bootstrapServers, String topic, long records) {
		Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
			consumer.subscribe(List.of(topic));
			long seen = 0;
			long firstBatch = 0;
			long started = 0;
			long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
			while (seen < records && System.nanoTime() < deadline) {
				int count = consumer.poll(Duration.ofMillis(500)).count();
				seen += count;
				if (count == 0 && started != 0 && System.nanoTime() - started > Duration.ofMinutes(2).toNanos()) {
					break; // fewer records than expected: rate what was read
				}
				if (count > 0 && started == 0) {
					// from the first batch on: the group join is no part of the rate
					started = System.nanoTime();
					firstBatch = count;
				}
			}
			return (seen - firstBatch) / ((System.nanoTime() - started) / 1e9);
		}
	}

	/** Writes {@code rows} of the ledger's rows to {@code file} in COPY's text format, for {@link #copyRate} and {@link #unnestRate}. */
	static void export(Connection admin, String ledger, long rows, Path file) throws SQLException, IOException {
		CopyManager copy = admin.unwrap(PGConnection.class).getCopyAPI();
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			copy.copyOut("copy (select * from " + ledger + " limit " + rows + ") to stdout", out);
		}
	}

	/**
	 * Lets the database settle before its raw limits are measured, at most {@code limit}: the
	 * drained ledger vacuumed and analyzed now (autovacuum would otherwise start on it within a
	 * minute of the drain, beside the COPY), a checkpoint, then until no autovacuum worker is at
	 * work. A COPY measured beside them ran at 70,592–88,348 rows/s where the same ledger's rows
	 * went at 124,424–140,114 in a quiet database (issue 11). Seconds it took.
	 */
	static double settle(Connection admin, String ledger, Duration limit) throws SQLException, InterruptedException {
		long started = System.nanoTime();
		boolean autoCommit = admin.getAutoCommit();
		// VACUUM runs outside a transaction block
		admin.setAutoCommit(true);
		try {
			execute(admin, "vacuum (analyze) " + ledger);
			execute(admin, "checkpoint");
		}
		finally {
			admin.setAutoCommit(autoCommit);
		}
		long deadline = started + limit.toNanos();
		while (System.nanoTime() < deadline && autovacuumWorkers(admin) > 0) {
			Thread.sleep(200);
		}
		return (System.nanoTime() - started) / 1e9;
	}

	private static int autovacuumWorkers(Connection admin) throws SQLException {
		try (Statement statement = admin.createStatement();
				ResultSet rs = statement
					.executeQuery("select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	/** Rows per second of {@code COPY … FROM STDIN} (text format) of the rows in {@code file} into a fresh copy of the ledger table. */
	static double copyRate(Connection admin, String ledger, Path file) throws SQLException, IOException {
		CopyManager copy = admin.unwrap(PGConnection.class).getCopyAPI();
		execute(admin, "create schema if not exists bench");
		execute(admin, "drop table if exists bench.copy_target");
		execute(admin, "create table bench.copy_target (like " + ledger + " including all)");
		long started = System.nanoTime();
		long copied;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
			copied = copy.copyIn("copy bench.copy_target from stdin", in);
		}
		double rate = copied / ((System.nanoTime() - started) / 1e9);
		execute(admin, "drop table bench.copy_target");
		return rate;
	}

	/**
	 * Rows per second of {@code INSERT … SELECT FROM unnest(?::text[], …) ON CONFLICT DO NOTHING},
	 * 500 rows a statement, each its own transaction, of the rows {@link #export} wrote to
	 * {@code file}. Every column goes as text and is cast by the database, as the services' arrays do.
	 */
	static double unnestRate(Connection admin, String ledger, Path file) throws SQLException, IOException {
		execute(admin, "create schema if not exists bench");
		execute(admin, "drop table if exists bench.unnest_target");
		execute(admin, "create table bench.unnest_target (like " + ledger + " including all)");
		List<String[]> columns = columns(admin, ledger);
		StringBuilder sql = new StringBuilder("insert into bench.unnest_target (");
		StringBuilder casts = new StringBuilder();
		StringBuilder arrays = new StringBuilder();
		StringBuilder aliases = new StringBuilder();
		for (int i = 0; i < columns.size(); i++) {
			String separator = (i == 0) ? "" : ", ";
			sql.append(separator).append('"').append(columns.get(i)[0]).append('"');
			casts.append(separator).append("u.c").append(i).append("::").append(columns.get(i)[1]);
			arrays.append(separator).append("?::text[]");
			aliases.append(separator).append('c').append(i);
		}
		sql.append(") select ").append(casts).append(" from unnest(").append(arrays).append(") as u(")
			.append(aliases).append(") on conflict do nothing");
		boolean autoCommit = admin.getAutoCommit();
		admin.setAutoCommit(true);
		long rows = 0;
		long started = System.nanoTime();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				PreparedStatement insert = admin.prepareStatement(sql.toString())) {
			List<String[]> batch = new ArrayList<>(UNNEST_ROWS);
			String line;
			while ((line = reader.readLine()) != null) {
				batch.add(CopyText.fields(line));
				if (batch.size() == UNNEST_ROWS) {
					rows += insert(admin, insert, batch, columns.size());
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				rows += insert(admin, insert, batch, columns.size());
			}
		}
		finally {
			admin.setAutoCommit(autoCommit);
		}
		double rate = rows / ((System.nanoTime() - started) / 1e9);
		execute(admin, "drop table bench.unnest_target");
		return rate;
	}

	private static int insert(Connection connection, PreparedStatement insert, List<String[]> batch, int columns)
			throws SQLException {
		for (int c = 0; c < columns; c++) {
			String[] values = new String[batch.size()];
			for (int r = 0; r < batch.size(); r++) {
				values[r] = batch.get(r)[c];
			}
			Array array = connection.createArrayOf("text", values);
			insert.setArray(c + 1, array);
		}
		return insert.executeUpdate();
	}

	/** Name and SQL type of each column, in table order. */
	private static List<String[]> columns(Connection connection, String table) throws SQLException {
		List<String[]> columns = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(
				"select attname, format_type(atttypid, atttypmod) from pg_attribute "
						+ "where attrelid = ?::regclass and attnum > 0 and not attisdropped order by attnum")) {
			query.setString(1, table);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					columns.add(new String[] { rows.getString(1), rows.getString(2) });
				}
			}
		}
		return columns;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
	static final class CopyText {

		private CopyText() {
		}

		static String[] fields(String line) {
			String[] raw = line.split("\t", -1);
			String[] fields = new String[raw.length];
			for (int i = 0; i < raw.length; i++) {
				fields[i] = raw[i].equals("\\N") ? null : unescape(raw[i]);
			}
			return fields;
		}

		static String unescape(String value) {
			if (value.indexOf('\\') < 0) {
				return value;
			}
			StringBuilder out = new StringBuilder(value.length());
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c != '\\' || i + 1 == value.length()) {
					out.append(c);
					continue;
				}
				char next = value.charAt(++i);
				switch (next) {
					case 't' -> out.append('\t');
					case 'n' -> out.append('\n');
					case 'r' -> out.append('\r');
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'v' -> out.append('\u000B');
					default -> out.append(next);
				}
			}
			return out.toString();
		}

	}

}
