package id.apbdmonitor.core.ingest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.stream.Stream;

import id.apbdmonitor.core.event.Envelope;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * New ledger rows of a run written with {@code COPY … FROM STDIN} (text format) on the
 * transaction's connection. COPY inserts a page of rows at a time with one WAL record, where
 * {@code INSERT … SELECT FROM unnest(…)} inserts and logs row by row: the database's share of a
 * stored event is about halved. COPY has no {@code ON CONFLICT}: a ledger copies only the rows it
 * found absent, and a row a concurrent writer stored meanwhile fails the copy with a unique
 * violation, which the pipeline narrows down like any refused value ({@link BatchIngestor}).
 * <p>
 * Fields are appended in the order of the column list; {@link #endRow()} closes a row.
 */
public final class CopyRows {

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private final String sql;

	/**
	 * A buffer a thread's finished copy left for its next one: a run of 2,000 rows is about a
	 * megabyte, and growing a fresh buffer to it per run was a twentieth of what the ingest thread
	 * allocated (issue 11). One larger than this is left to the collector instead.
	 */
	private static final ThreadLocal<Buffer> SPARE = new ThreadLocal<>();

	private static final int MAX_SPARE = 4 << 20;

	private Buffer out;

	private boolean rowStarted;

	private int rows;

	/** Rows for {@code table (columns…)}; the names are the code's own, never input. */
	public CopyRows(String table, String... columns) {
		this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
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
	}

	public CopyRows text(String value) {
		if (value == null) {
			return nul();
		}
		separate();
		// the JDK's own encoder (a copy for ASCII, '?' for a lone surrogate as the driver sends a
		// parameter holding one), then only the four bytes COPY escapes: no byte of a multi-byte
		// UTF-8 sequence is below 0x80, so escaping bytes is escaping characters. A char-by-char
		// encoder here was a tenth of the ingest thread (issue 11).
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		int from = 0;
		for (int i = 0; i < utf8.length; i++) {
			byte b = utf8[i];
			char escape = switch (b) {
				case '\\' -> '\\';
				case '\t' -> 't';
				case '\n' -> 'n';
				case '\r' -> 'r';
				default -> 0;
			};
			if (escape != 0) {
				this.out.write(utf8, from, i - from);
				this.out.two('\\', escape);
				from = i + 1;
			}
		}
		this.out.write(utf8, from, utf8.length - from);
		return this;
	}

	public CopyRows integer(long value) {
		return plain(Long.toString(value));
	}

	public CopyRows date(LocalDate value) {
		return plain((value == null) ? null : value.toString());
	}

	public CopyRows amount(BigDecimal value) {
		return plain((value == null) ? null : value.toPlainString());
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
		return bytes(record.sha256()).text(record.topic()).integer(record.partition()).integer(record.offset());
	}

	/** A bytea as {@code \x…} hex, its backslash escaped for COPY. */
	public CopyRows bytes(byte[] value) {
		if (value == null) {
			return nul();
		}
		separate();
		this.out.two('\\', '\\');
		this.out.write('x');
		for (byte b : value) {
			this.out.two(HEX[(b >> 4) & 0xF], HEX[b & 0xF]);
		}
		return this;
	}

	public CopyRows nul() {
		separate();
		this.out.two('\\', 'N');
		return this;
	}

	public CopyRows endRow() {
		unspent().write('\n');
		this.rowStarted = false;
		this.rows++;
		return this;
	}

	/**
	 * Sends the rows; returns how many the database stored (all of them, or an exception). The
	 * rows are spent: a second copy, or a row added after it, is refused.
	 */
	public long copy(Connection connection) throws SQLException {
		if (this.rowStarted) {
			throw new IllegalStateException("the last row is not ended");
		}
		Buffer rows = spend();
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

	/** A value whose text form is ASCII without COPY escapes (a number, a date); null as NULL. */
	private CopyRows plain(String ascii) {
		if (ascii == null) {
			return nul();
		}
		separate();
		this.out.ascii(ascii);
		return this;
	}

	private void separate() {
		unspent();
		if (this.rowStarted) {
			this.out.write('\t');
		}
		this.rowStarted = true;
	}

	/** A growable byte buffer without the synchronisation of {@code ByteArrayOutputStream}. */
	private static final class Buffer {

		private byte[] bytes;

		private int size;

		Buffer(int capacity) {
			this.bytes = new byte[capacity];
		}

		void write(int b) {
			ensure(1);
			this.bytes[this.size++] = (byte) b;
		}

		void two(int a, int b) {
			ensure(2);
			this.bytes[this.size++] = (byte) a;
			this.bytes[this.size++] = (byte) b;
		}

		void write(byte[] b, int from, int length) {
			ensure(length);
			System.arraycopy(b, from, this.bytes, this.size, length);
			this.size += length;
		}

		void ascii(String s) {
			ensure(s.length());
			for (int i = 0; i < s.length(); i++) {
				this.bytes[this.size++] = (byte) s.charAt(i);
			}
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
