package id.apbdmonitor.core.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Stream;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Enveloped;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * New ledger rows of a run written with {@code COPY … FROM STDIN (FORMAT binary)} on the
 * transaction's connection. COPY inserts a page of rows at a time with one WAL record, where
 * {@code INSERT … SELECT FROM unnest(…)} inserts and logs row by row: the database's share of a
 * stored event is about halved. The binary format spares both sides the text forms: no escaping
 * and no hex of a hash here, no parsing of dates, numbers and escapes in the database (issue 11).
 * COPY has no {@code ON CONFLICT}: a ledger copies only the rows it found absent, and a row a
 * concurrent writer stored meanwhile fails the copy with a unique violation, which the pipeline
 * narrows down like any refused value ({@link BatchIngestor}). A ledger that expects its rows to
 * be new may copy them without looking first ({@link #copyUnlessTaken}) and look only when the
 * key says one is stored already.
 * <p>
 * Fields are appended in the order of the column list, each with the method of its column's
 * type ({@link #integer} for {@code integer}, {@link #smallint}, {@link #bigint}, {@link #text},
 * {@link #date}, {@link #amount} for {@code numeric}, {@link #bytes} for {@code bytea}): binary
 * fields carry no type, and the database refuses one of the wrong width. {@link #endRow()}
 * closes a row. A value the database would refuse in a text COPY (a NUL, an amount beyond the
 * column's precision, a date out of its range) is refused in this one too, with SQLState class
 * 22, so the pipeline narrows it down to its record.
 */
public final class CopyRows {

	/** The binary COPY signature, then no flags and no header extension. */
	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	/** PostgreSQL's dates count days from 2000-01-01. */
	private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	/** No date PostgreSQL stores (not infinity either): it refuses it as out of range. */
	private static final int INVALID_DATE = Integer.MAX_VALUE - 1;

	private static final int NUMERIC_POSITIVE = 0x0000;

	private static final int NUMERIC_NEGATIVE = 0x4000;

	private static final int NUMERIC_BASE = 10_000;

	private static final BigInteger TEN_TO_THE_16 = BigInteger.TEN.pow(16);

	/** An unscaled value of fewer bits, times 10^3, still fits a {@code long}: 2^53 * 1000 < 2^63. */
	private static final int LONG_DIGITS_BITS = 54;

	private static final long[] POWERS_OF_TEN = { 1, 10, 100, 1000 };

	/** numeric's largest display scale; a finer amount is rounded to it before the column rounds it. */
	private static final int NUMERIC_MAX_SCALE = 1000;

	private final String sql;

	/** The table of the rows, null for a single row encoded apart. */
	private final String table;

	private final int columns;

	/**
	 * A buffer a thread's finished copy left for its next one: a run of 2,000 rows is about a
	 * megabyte, and growing a fresh buffer to it per run was a twentieth of what the ingest thread
	 * allocated (issue 11). One larger than this is left to the collector instead.
	 */
	private static final ThreadLocal<Buffer> SPARE = new ThreadLocal<>();

	private static final int MAX_SPARE = 4 << 20;

	private Buffer out;

	private int fields;

	private int rows;

	/** One row of {@code columns} fields, to be {@linkplain #encodedRow() taken} as bytes and {@linkplain #encoded added} to rows later. */
	private CopyRows(int columns) {
		this.sql = null;
		this.table = null;
		this.columns = columns;
		this.out = new Buffer(256);
	}

	/**
	 * A single row of {@code columns} fields, encoded apart from any copy: a consumer encodes its
	 * poll's rows while its writer copies the previous poll's, so that the writer, whose work is
	 * the pipeline's critical path, only appends them (issue 11). Take it with {@link #encodedRow()}.
	 */
	public static CopyRows row(int columns) {
		return new CopyRows(columns);
	}

	/** The bytes of the one ended row of {@link #row(int)}. */
	public byte[] encodedRow() {
		if (this.sql != null || this.rows != 1 || this.fields != 0) {
			throw new IllegalStateException("not a single ended row of CopyRows.row(int)");
		}
		Buffer row = spend();
		return java.util.Arrays.copyOf(row.bytes(), row.size());
	}

	/** Adds a row that {@link #row(int)} encoded, of as many fields as these rows have columns. */
	public CopyRows encoded(byte[] row) {
		if (this.fields > 0) {
			throw new IllegalStateException("the last row is not ended");
		}
		int fieldCount = ((row[0] & 0xff) << 8) | (row[1] & 0xff);
		if (fieldCount != this.columns) {
			throw new IllegalStateException("a row of " + fieldCount + " fields for " + this.columns + " columns");
		}
		unspent().write(row, 0, row.length);
		this.rows++;
		return this;
	}

	/** Rows for {@code table (columns…)}; the names are the code's own, never input. */
	public CopyRows(String table, String... columns) {
		this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format binary)";
		this.table = table;
		this.columns = columns.length;
		Buffer spare = SPARE.get();
		if (spare != null) {
			// taken, not shared: rows built beside these on the same thread get a buffer of their own
			SPARE.remove();
			spare.size = 0;
			this.out = spare;
		}
		else {
			this.out = new Buffer(1 << 16);
		}
		this.out.write(HEADER, 0, HEADER.length);
	}

	/**
	 * A {@code text} field in UTF-8, as it is: the JDK's own encoder (a copy for ASCII, '?' for a
	 * lone surrogate as the driver sends a parameter holding one).
	 */
	public CopyRows text(String value) {
		if (value == null) {
			return nul();
		}
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		field(utf8.length).write(utf8, 0, utf8.length);
		return this;
	}

	/** An {@code integer} field. */
	public CopyRows integer(int value) {
		field(4).int32(value);
		return this;
	}

	/**
	 * A {@code smallint} field. A value beyond its range goes as four bytes, which the database
	 * refuses as it would refuse the number in a text COPY (class 22), rather than wrapped.
	 */
	public CopyRows smallint(int value) {
		if (value != (short) value) {
			return integer(value);
		}
		field(2).int16(value);
		return this;
	}

	/** A {@code bigint} field. */
	public CopyRows bigint(long value) {
		field(8).int64(value);
		return this;
	}

	/** A {@code date} field; one beyond an {@code int} of days is refused by the database as out of range. */
	public CopyRows date(LocalDate value) {
		if (value == null) {
			return nul();
		}
		long days = value.toEpochDay() - POSTGRES_EPOCH_DAY;
		return integer((days == (int) days) ? (int) days : INVALID_DATE);
	}

	/**
	 * A {@code numeric} field: base-10,000 digits around the decimal point, with the value's own
	 * scale, so that the column rounds it to its scale exactly as it rounds the text form.
	 */
	public CopyRows amount(BigDecimal value) {
		if (value == null) {
			return nul();
		}
		BigDecimal exact = (value.scale() < 0) ? value.setScale(0)
				: (value.scale() > NUMERIC_MAX_SCALE) ? value.setScale(NUMERIC_MAX_SCALE, RoundingMode.HALF_UP) : value;
		int scale = exact.scale();
		// whole groups of four decimals: the unscaled value times 10^pad holds the base-10,000 digits
		int fractionGroups = (scale + 3) / 4;
		int pad = 4 * fractionGroups - scale;
		BigInteger unscaled = exact.unscaledValue().abs();
		// room for every group: 10,000 > 2^13, and 10^pad < 2^10
		int[] groups = new int[(unscaled.bitLength() + 10) / 13 + 1];
		int found = groups(unscaled, pad, groups);
		// trailing zero groups are implied by the weight, not sent
		int trailingZeros = 0;
		while (trailingZeros < found && groups[trailingZeros] == 0) {
			trailingZeros++;
		}
		int count = found - trailingZeros;
		int weight = (count == 0) ? 0 : found - fractionGroups - 1;
		field(8 + 2 * count).int16(count).int16(weight);
		this.out.int16((exact.signum() < 0) ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE).int16(scale);
		// the groups were found least significant first
		for (int i = found - 1; i >= trailingZeros; i--) {
			this.out.int16(groups[i]);
		}
		return this;
	}

	/**
	 * Writes the base-10,000 groups of {@code unscaled} times 10^pad into {@code groups}, least
	 * significant first, and returns how many. Every rupiah amount takes the {@code long} path:
	 * dividing a BigInteger was some 8 % of what the service allocated while draining (issue 11).
	 * A larger one is cut into pieces of 10^16, four groups each, in one division per piece.
	 */
	private static int groups(BigInteger unscaled, int pad, int[] groups) {
		if (unscaled.bitLength() < LONG_DIGITS_BITS) {
			return groups(unscaled.longValue() * POWERS_OF_TEN[pad], groups, 0, 0);
		}
		BigInteger rest = unscaled.multiply(BigInteger.TEN.pow(pad));
		int count = 0;
		while (rest.signum() > 0) {
			BigInteger[] quotientAndPiece = rest.divideAndRemainder(TEN_TO_THE_16);
			rest = quotientAndPiece[0];
			// a piece below the top one keeps its leading zero groups
			count = groups(quotientAndPiece[1].longValue(), groups, count, (rest.signum() > 0) ? 4 : 0);
		}
		return count;
	}

	/** The groups of {@code value} into {@code groups} from {@code from}, at least {@code minimum}. */
	private static int groups(long value, int[] groups, int from, int minimum) {
		int count = from;
		for (long rest = value; rest > 0 || count - from < minimum; rest /= NUMERIC_BASE) {
			groups[count++] = (int) (rest % NUMERIC_BASE);
		}
		return count;
	}

	/**
	 * The columns of a ledger whose rows start with {@link #envelope} and end with
	 * {@link #source}, {@code own} between them.
	 */
	public static String[] ledgerColumns(String... own) {
		return Stream.of(new String[] { "event_id", "event_type", "pemda", "fiscal_year", "opd", "occurred_on",
				"document_kind", "document_number" }, own, new String[] { "payload_sha256", "source_topic",
						"source_partition", "source_offset" })
			.flatMap(Stream::of)
			.toArray(String[]::new);
	}

	/**
	 * What every event says of itself, the first columns of a ledger of {@link #ledgerColumns}:
	 * {@code event_id, event_type, pemda, fiscal_year, opd, occurred_on, document_kind,
	 * document_number}.
	 */
	public CopyRows envelope(Envelope envelope) {
		return text(envelope.eventId()).text(envelope.type())
			.text(envelope.pemda())
			.integer(envelope.fiscalYear())
			.text(envelope.opd())
			.date(envelope.occurredOn())
			.text(envelope.document().kind())
			.text(envelope.document().number());
	}

	/**
	 * Where a ledger row came from, the last four columns of every ledger: {@code payload_sha256,
	 * source_topic, source_partition, source_offset}.
	 */
	public CopyRows source(IncomingRecord record) {
		return bytes(record.sha256()).text(record.topic()).integer(record.partition()).bigint(record.offset());
	}

	/** A {@code bytea} field, its bytes as they are. */
	public CopyRows bytes(byte[] value) {
		if (value == null) {
			return nul();
		}
		field(value.length).write(value, 0, value.length);
		return this;
	}

	/** A null of any column. */
	public CopyRows nul() {
		// a field length of -1 is the null
		field(-1);
		return this;
	}

	public CopyRows endRow() {
		unspent();
		if (this.fields != this.columns) {
			throw new IllegalStateException("a row of " + this.fields + " fields for " + this.columns + " columns");
		}
		this.fields = 0;
		this.rows++;
		return this;
	}

	/**
	 * Sends the rows; returns how many the database stored (all of them, or an exception). The
	 * rows are spent: a second copy, or a row added after it, is refused.
	 */
	public long copy(Connection connection) throws SQLException {
		if (this.sql == null) {
			throw new IllegalStateException("a single row of CopyRows.row(int) is added to rows, not copied");
		}
		if (this.fields > 0) {
			throw new IllegalStateException("the last row is not ended");
		}
		Buffer rows = spend();
		rows.int16(-1);
		try {
			if (this.rows == 0) {
				return 0;
			}
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(this.sql);
			try {
				copy.writeToCopy(rows.bytes(), 0, rows.size());
				return copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		}
		finally {
			if (rows.bytes().length <= MAX_SPARE) {
				SPARE.set(rows);
			}
		}
	}

	/**
	 * Sends the rows in a savepoint of their own. When one of them takes a unique key that is
	 * taken already, the savepoint is rolled back, so the transaction is as it was before, and the
	 * answer is false; any other refusal is thrown as by {@link #copy}. A ledger whose rows are
	 * new nearly always (an event redelivered after a crash is the exception) spares itself the
	 * look-up of every key this way: the key's own index answers it during the insert.
	 */
	boolean copyUnlessTaken(Connection connection) throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try {
			copy(connection);
		}
		catch (SQLException ex) {
			if (!Failures.uniqueViolation(ex)) {
				// the caller's savepoint or transaction is rolled back, and this one with it
				throw ex;
			}
			connection.rollback(savepoint);
			connection.releaseSavepoint(savepoint);
			return false;
		}
		connection.releaseSavepoint(savepoint);
		return true;
	}

	/**
	 * A ledger's first try at a run it decided without looking the run's own ids up: the rows
	 * are copied ({@link #copyUnlessTaken}) unless an id of {@code records}, those of the rows, is
	 * stored in another year of its region ({@link Idempotency#storedInAnotherYear}), which the
	 * ledger's key {@code (event_id, pemda, fiscal_year)} does not refuse. False, having copied
	 * nothing, when one is stored: the ledger then looks the ids up and decides the run again.
	 */
	public boolean copyIfNew(Connection connection, Collection<? extends Parsed<? extends Enveloped>> records)
			throws SQLException {
		return !Idempotency.storedInAnotherYear(connection, this.table, records) && copyUnlessTaken(connection);
	}

	private Buffer spend() {
		Buffer rows = unspent();
		this.out = null;
		return rows;
	}

	private Buffer unspent() {
		if (this.out == null) {
			throw new IllegalStateException("these rows were copied already");
		}
		return this.out;
	}

	/** Starts a field of {@code length} bytes, and its row with the row's field count. */
	private Buffer field(int length) {
		Buffer buffer = unspent();
		if (this.fields == 0) {
			buffer.int16(this.columns);
		}
		if (++this.fields > this.columns) {
			throw new IllegalStateException("more fields than the " + this.columns + " columns");
		}
		return buffer.int32(length);
	}

	/** A growable byte buffer without the synchronisation of {@code ByteArrayOutputStream}. */
	private static final class Buffer {

		private byte[] bytes;

		private int size;

		Buffer(int capacity) {
			this.bytes = new byte[capacity];
		}

		Buffer int16(int value) {
			ensure(2);
			this.bytes[this.size++] = (byte) (value >> 8);
			this.bytes[this.size++] = (byte) value;
			return this;
		}

		Buffer int32(int value) {
			ensure(4);
			this.bytes[this.size++] = (byte) (value >> 24);
			this.bytes[this.size++] = (byte) (value >> 16);
			this.bytes[this.size++] = (byte) (value >> 8);
			this.bytes[this.size++] = (byte) value;
			return this;
		}

		Buffer int64(long value) {
			return int32((int) (value >> 32)).int32((int) value);
		}

		void write(byte[] b, int from, int length) {
			ensure(length);
			System.arraycopy(b, from, this.bytes, this.size, length);
			this.size += length;
		}

		byte[] bytes() {
			return this.bytes;
		}

		int size() {
			return this.size;
		}

		private void ensure(int more) {
			if (this.size + more > this.bytes.length) {
				this.bytes = java.util.Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + more));
			}
		}

	}

}
