package id.apbdmonitor.core.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import id.apbdmonitor.core.test.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What COPY stores is what a ledger handed to {@link CopyRows}, whatever the text holds (the
 * text format's separators and escapes inside a value, any Unicode, a lone surrogate stored as
 * the driver stores it in a bound parameter), any amount as the column rounds its text form,
 * and what the database refuses it refuses with SQLState class 22, as in a text COPY.
 */
class CopyRowsIntegrationTests {

	private static final String[] COLUMNS = { "id", "label", "year", "position", "day", "amount", "hash" };

	private static String url;

	@BeforeAll
	static void database() throws SQLException {
		url = TestInfrastructure.newDatabase(TestInfrastructure.uniqueName("copyrows"));
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					create table copied (id text primary key, label text, year integer, position bigint, day date,
					    amount numeric(18,2), hash bytea)""");
			statement.execute("create table amounts (id integer primary key, amount numeric(18,2), exact numeric, month smallint)");
		}
	}

	@Test
	void shouldStoreEveryValueAsGiven() throws SQLException {
		List<String> labels = List.of("tab\there", "line\nbreak", "cr\rlf\r\n", "back\\slash", "\\N", "\\.", "\\x00",
				"", "Dinas Pekerjaan Umum dan Penataan Ruang", "é ñ ü", "日本語", "emoji 😀 end", "\u007f\u0001\u001b",
				"a\\tb");
		CopyRows rows = new CopyRows("copied", COLUMNS);
		for (int i = 0; i < labels.size(); i++) {
			rows.text("id-" + i)
				.text(labels.get(i))
				.integer(2026)
				.bigint(Long.MAX_VALUE - i)
				.date(LocalDate.of(2026, 1, 5).plusDays(i))
				.amount(new BigDecimal("1234567890123456.78"))
				.bytes(new byte[] { 0, (byte) 0xff, (byte) i, '\\', '\t' })
				.endRow();
		}
		try (Connection connection = connect()) {
			assertThat(rows.copy(connection)).isEqualTo(labels.size());
			for (int i = 0; i < labels.size(); i++) {
				try (PreparedStatement query = connection
					.prepareStatement("select label, year, position, day, amount, hash from copied where id = ?")) {
					query.setString(1, "id-" + i);
					try (ResultSet rs = query.executeQuery()) {
						assertThat(rs.next()).isTrue();
						assertThat(rs.getString("label")).isEqualTo(labels.get(i));
						assertThat(rs.getInt("year")).isEqualTo(2026);
						assertThat(rs.getLong("position")).isEqualTo(Long.MAX_VALUE - i);
						assertThat(rs.getDate("day").toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 5).plusDays(i));
						assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("1234567890123456.78");
						assertThat(rs.getBytes("hash")).containsExactly(0, 0xff, i, '\\', '\t');
					}
				}
			}
		}
	}

	@Test
	void shouldStoreNullsAndALoneSurrogateAsTheDriverDoes() throws SQLException {
		String lone = "before \ud800 after";
		CopyRows rows = new CopyRows("copied", COLUMNS);
		rows.text("nulls").nul().nul().nul().date(null).amount(null).bytes(null).endRow();
		rows.text("lone").text(lone).integer(1).bigint(1).date(LocalDate.of(2026, 1, 1)).amount(BigDecimal.ONE)
			.bytes(new byte[0]).endRow();
		try (Connection connection = connect()) {
			rows.copy(connection);
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select * from copied where id = 'nulls'")) {
				assertThat(rs.next()).isTrue();
				for (String column : Arrays.copyOfRange(COLUMNS, 1, COLUMNS.length)) {
					assertThat(rs.getObject(column)).as(column).isNull();
				}
			}
			try (PreparedStatement insert = connection.prepareStatement("insert into copied (id, label) values ('bound', ?)")) {
				insert.setString(1, lone);
				insert.executeUpdate();
			}
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
					"select (select label from copied where id = 'lone'), (select label from copied where id = 'bound')")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("before ? after").isEqualTo(rs.getString(2));
			}
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select hash from copied where id = 'lone'")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getBytes(1)).isEmpty();
			}
		}
	}

	@Test
	void shouldRoundTripGeneratedPoisonText() throws SQLException {
		Random random = new Random(20261130);
		String alphabet = "\t\n\r\\N.x0 aZ\u007f\u0001é日\u00a0";
		List<String> generated = new ArrayList<>();
		CopyRows rows = new CopyRows("copied", "id", "label");
		for (int i = 0; i < 2_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			for (int j = 0; j < length; j++) {
				if (random.nextInt(20) == 0) {
					text.appendCodePoint(0x1F600 + random.nextInt(50));
				}
				else {
					text.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
			}
			generated.add(text.toString());
			rows.text("gen-" + i).text(text.toString()).endRow();
		}
		try (Connection connection = connect()) {
			assertThat(rows.copy(connection)).isEqualTo(generated.size());
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
					"select label from copied where id like 'gen-%' order by substr(id, 5)::int")) {
				List<String> stored = new ArrayList<>();
				while (rs.next()) {
					stored.add(rs.getString(1));
				}
				assertThat(stored).containsExactlyElementsOf(generated);
			}
		}
	}

	@Test
	void shouldFailTheWholeCopyOnAStoredKeyAndLeaveTheConnectionUsable() throws SQLException {
		try (Connection connection = connect()) {
			new CopyRows("copied", "id", "label").text("taken").text("first").endRow().copy(connection);
			CopyRows again = new CopyRows("copied", "id", "label");
			again.text("fresh").text("x").endRow().text("taken").text("second").endRow();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> again.copy(connection))
				.satisfies(ex -> assertThat(ex.getSQLState()).isEqualTo("23505"));
			try (Statement statement = connection.createStatement(); ResultSet rs = statement
				.executeQuery("select count(*) filter (where id = 'fresh'), max(label) filter (where id = 'taken') from copied")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getInt(1)).isZero();
				assertThat(rs.getString(2)).isEqualTo("first");
			}
		}
	}

	/**
	 * The first try of a ledger (every row new): a taken key rolls back this copy only, and the
	 * transaction goes on with what it wrote before; any other refusal is thrown.
	 */
	@Test
	void shouldRollBackOnlyItsOwnCopyWhenAKeyIsTaken() throws SQLException {
		try (Connection connection = connect()) {
			new CopyRows("copied", "id", "label").text("stored-before").text("s").endRow().copy(connection);
			connection.setAutoCommit(false);
			new CopyRows("copied", "id", "label").text("same-transaction").text("t").endRow().copy(connection);
			CopyRows taken = new CopyRows("copied", "id", "label").text("try-1").text("x").endRow()
				.text("stored-before").text("again").endRow();
			assertThat(taken.copyUnlessTaken(connection)).isFalse();
			CopyRows fresh = new CopyRows("copied", "id", "label").text("try-2").text("y").endRow();
			assertThat(fresh.copyUnlessTaken(connection)).isTrue();
			connection.commit();
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
					select string_agg(id || '=' || label, ',' order by id) from copied
					where id in ('stored-before', 'same-transaction', 'try-1', 'try-2')""")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("same-transaction=t,stored-before=s,try-2=y");
			}
			CopyRows refused = new CopyRows("amounts", "id", "month").integer(1).smallint(99_999).endRow();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> refused.copyUnlessTaken(connection))
				.satisfies(ex -> assertThat(ex.getSQLState()).startsWith("22"));
			connection.rollback();
		}
	}

	/** A row encoded apart (on the consumer thread) is stored as the same row built in place. */
	@Test
	void shouldStoreARowEncodedApartAsTheSameRowBuiltInPlace() throws SQLException {
		byte[] apart = CopyRows.row(7).text("apart").text("ä €").integer(2026).bigint(Long.MAX_VALUE)
			.date(LocalDate.of(2026, 12, 3)).amount(new BigDecimal("-1234567.89")).bytes(new byte[] { 0, 1, 2 })
			.endRow()
			.encodedRow();
		try (Connection connection = connect()) {
			new CopyRows("copied", COLUMNS).text("in-place").text("ä €").integer(2026).bigint(Long.MAX_VALUE)
				.date(LocalDate.of(2026, 12, 3)).amount(new BigDecimal("-1234567.89")).bytes(new byte[] { 0, 1, 2 })
				.endRow()
				.encoded(apart)
				.copy(connection);
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
					select count(distinct (label, year, position, day, amount, hash)), count(*) from copied
					where id in ('apart', 'in-place')""")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getInt(1)).isEqualTo(1);
				assertThat(rs.getInt(2)).isEqualTo(2);
			}
		}
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new CopyRows("copied", "id", "label").encoded(apart));
		CopyRows single = CopyRows.row(2).text("a").text("b").endRow();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> single.copy(null));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> CopyRows.row(2).text("a").text("b").endRow().text("c").text("d").endRow().encodedRow());
	}

	@Test
	void shouldStoreOnlyItsOwnRowsWhenAThreadBuildsSeveralInTurnAndSideBySide() throws SQLException {
		try (Connection connection = connect()) {
			CopyRows large = new CopyRows("copied", "id", "label");
			for (int i = 0; i < 5_000; i++) {
				large.text("large-" + i).text("x".repeat(100)).endRow();
			}
			assertThat(large.copy(connection)).isEqualTo(5_000);
			// built after the large copy on the same thread, and two at once
			CopyRows next = new CopyRows("copied", "id", "label").text("next").text("n").endRow();
			CopyRows beside = new CopyRows("copied", "id", "label").text("beside").text("b").endRow();
			assertThat(beside.copy(connection)).isEqualTo(1);
			assertThat(next.copy(connection)).isEqualTo(1);
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
					select count(*) filter (where id like 'large-%'), max(label) filter (where id = 'next'),
					    max(label) filter (where id = 'beside') from copied""")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getInt(1)).isEqualTo(5_000);
				assertThat(rs.getString(2)).isEqualTo("n");
				assertThat(rs.getString(3)).isEqualTo("b");
			}
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> next.copy(connection));
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> next.text("after"));
		}
	}

	@Test
	void shouldRefuseAnUnfinishedRow() {
		CopyRows rows = new CopyRows("copied", "id", "label").text("half");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> rows.copy(null));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(rows::endRow);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new CopyRows("copied", "id").text("a").text("b"));
	}

	/**
	 * Generated amounts of every shape (zero, below one, whole groups of four digits, negative,
	 * finer than the column, negative scale) are stored as the database reads their text form:
	 * rounded by {@code numeric(18,2)}, kept as they are by a bare {@code numeric}.
	 */
	@Test
	void shouldStoreEveryAmountAsItsTextForm() throws SQLException {
		Random random = new Random(20261202);
		List<BigDecimal> amounts = new ArrayList<>(List.of(BigDecimal.ZERO, new BigDecimal("0.00"),
				new BigDecimal("0.01"), new BigDecimal("0.05"), BigDecimal.ONE, new BigDecimal("10000"),
				new BigDecimal("9999.99"), new BigDecimal("100000000.00"), new BigDecimal("1234567890123456.78"),
				new BigDecimal("-1234567890123456.78"), new BigDecimal("-0.01"), new BigDecimal("1E+3"),
				new BigDecimal("0.005"), new BigDecimal("-0.005"), new BigDecimal("12.345"),
				new BigDecimal("0.000100010001"), new BigDecimal("99999999.9999"),
				// beyond a long: pieces of 10^16, some of them all zeros or with leading zero groups
				new BigDecimal("1E+40"), new BigDecimal("10000000000000000000000000000000000000001.5"),
				new BigDecimal("-123456789012345600000000000000000007.000000000000000001"),
				new BigDecimal("90071992547409.93"), new BigDecimal("90071992547409.91")));
		for (int i = 0; i < 3_000; i++) {
			BigDecimal unscaled = new BigDecimal(new java.math.BigInteger(1 + random.nextInt(60), random));
			BigDecimal amount = unscaled.movePointLeft(random.nextInt(24) - 4);
			amounts.add(random.nextBoolean() ? amount.negate() : amount);
		}
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("delete from amounts where id >= 0");
		}
		CopyRows rows = new CopyRows("amounts", "id", "exact");
		for (int i = 0; i < amounts.size(); i++) {
			rows.integer(i).amount(amounts.get(i)).endRow();
		}
		try (Connection connection = connect()) {
			assertThat(rows.copy(connection)).isEqualTo(amounts.size());
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select id, exact, exact::text from amounts where id >= 0 order by id")) {
				for (BigDecimal amount : amounts) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getBigDecimal(2)).as("amount %s", amount).isEqualByComparingTo(amount);
					assertThat(rs.getString(3)).isEqualTo((amount.scale() < 0) ? amount.setScale(0).toPlainString()
							: amount.toPlainString());
				}
			}
			// the ledgers' numeric(18,2) rounds each as it rounds the text form
			List<BigDecimal> fitting = amounts.stream()
				.filter(a -> a.abs().compareTo(new BigDecimal("9999999999999999.995")) < 0)
				.toList();
			try (Statement statement = connection.createStatement()) {
				statement.execute("delete from amounts where id >= 0");
			}
			CopyRows rounded = new CopyRows("amounts", "id", "amount");
			for (int i = 0; i < fitting.size(); i++) {
				rounded.integer(i).amount(fitting.get(i)).endRow();
			}
			rounded.copy(connection);
			try (PreparedStatement query = connection
				.prepareStatement("select amount = ?::numeric(18,2) from amounts where id = ?")) {
				for (int i = 0; i < fitting.size(); i++) {
					query.setString(1, fitting.get(i).toPlainString());
					query.setInt(2, i);
					try (ResultSet rs = query.executeQuery()) {
						assertThat(rs.next()).isTrue();
						assertThat(rs.getBoolean(1)).as("amount %s", fitting.get(i)).isTrue();
					}
				}
			}
		}
	}

	/** What a text COPY refuses as a value, the binary one refuses with the same class of SQLState. */
	@Test
	void shouldRefuseWhatTheColumnCannotHoldWithADataException() throws SQLException {
		try (Connection connection = connect()) {
			assertRefusedAsData(connection, new CopyRows("amounts", "id", "amount").integer(-1)
				.amount(new BigDecimal("10000000000000000.00"))
				.endRow());
			assertRefusedAsData(connection, new CopyRows("amounts", "id", "month").integer(-2).smallint(40_000).endRow());
			assertRefusedAsData(connection, new CopyRows("copied", "id", "label").text("nul").text("a\u0000b").endRow());
			assertRefusedAsData(connection,
					new CopyRows("copied", "id", "day").text("far").date(LocalDate.of(999_999_999, 1, 1)).endRow());
			assertRefusedAsData(connection,
					new CopyRows("copied", "id", "day").text("farther").date(LocalDate.of(5_874_898, 1, 1)).endRow());
			assertRefusedAsData(connection,
					new CopyRows("copied", "id", "day").text("ancient").date(LocalDate.of(-5_000, 1, 1)).endRow());
			CopyRows fits = new CopyRows("amounts", "id", "month").integer(-3).smallint(-32_768).endRow();
			assertThat(fits.copy(connection)).isEqualTo(1);
		}
	}

	private static void assertRefusedAsData(Connection connection, CopyRows rows) {
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> rows.copy(connection))
			.satisfies(ex -> assertThat(ex.getSQLState()).startsWith("22"));
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(url, "postgres", "postgres");
	}

}
