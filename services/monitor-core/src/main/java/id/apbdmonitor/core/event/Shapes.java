package id.apbdmonitor.core.event;

/**
 * The schemas' patterns that every record meets (ids, codes, dates, amounts), checked by hand:
 * a regular expression cost about a tenth of the ingest CPU. Each method accepts exactly the
 * strings its schema pattern, quoted above it, accepts (ASCII classes; a whole-string match);
 * the schema-derived violation tests hold them equal.
 */
final class Shapes {

	private Shapes() {
	}

	/** {@code ^[A-Za-z0-9._:/-]{1,120}$} ({@code $defs/eventId}). */
	static boolean eventId(String text) {
		int length = text.length();
		if (length < 1 || length > 120) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (!alphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '/' && c != '-') {
				return false;
			}
		}
		return true;
	}

	/** {@code ^[A-Za-z0-9._-]{1,60}$}. */
	static boolean code(String text) {
		int length = text.length();
		if (length < 1 || length > 60) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (!codeChar(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** {@code ^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$} ({@code $defs/opd}). */
	static boolean opd(String text) {
		int length = text.length();
		if (length < 1 || length > 40 || !alphanumeric(text.charAt(0))) {
			return false;
		}
		for (int i = 1; i < length; i++) {
			if (!codeChar(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@code ^[0-9]{2}(\.[0-9]{2})?$} ({@code $defs/pemda}): a province ({@code 52}) or a regency
	 * or city ({@code 52.72}).
	 */
	static boolean pemda(String text) {
		return (text.length() == 2 && digits(text, 0, 2))
				|| (text.length() == 5 && digits(text, 0, 2) && text.charAt(2) == '.' && digits(text, 3, 5));
	}

	/** {@code ^[4-6]\.[1-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$} ({@code $defs/account}). */
	static boolean account(String text) {
		if (text.length() != 17) {
			return false;
		}
		char first = text.charAt(0);
		char second = text.charAt(2);
		return first >= '4' && first <= '6' && text.charAt(1) == '.' && second >= '1' && second <= '9'
				&& text.charAt(3) == '.' && digits(text, 4, 6) && text.charAt(6) == '.' && digits(text, 7, 9)
				&& text.charAt(9) == '.' && digits(text, 10, 12) && text.charAt(12) == '.' && digits(text, 13, 17);
	}

	/**
	 * {@code ^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$} ({@code $defs/date}): the
	 * date as {@code yyyyMMdd} in an int, or -1 when the text does not have the shape.
	 */
	static int date(String text) {
		if (text.length() != 10 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7)
				|| text.charAt(7) != '-' || !digits(text, 8, 10)) {
			return -1;
		}
		int month = number(text, 5, 7);
		int day = number(text, 8, 10);
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			return -1;
		}
		return number(text, 0, 4) * 10000 + month * 100 + day;
	}

	/**
	 * {@code ^-?(0|[1-9][0-9]{0,15})(\.[0-9]{1,2})?$} ({@code $defs/money}): the amount in
	 * hundredths of a rupiah (sign kept), or {@link Long#MIN_VALUE} when the text does not have
	 * the shape. At most 16 + 2 digits: it always fits a long.
	 */
	static long money(String text) {
		int length = text.length();
		int i = 0;
		boolean negative = length > 0 && text.charAt(0) == '-';
		if (negative) {
			i++;
		}
		int start = i;
		while (i < length && isDigit(text.charAt(i))) {
			i++;
		}
		int integerDigits = i - start;
		if (integerDigits < 1 || integerDigits > 16 || (integerDigits > 1 && text.charAt(start) == '0')) {
			return Long.MIN_VALUE;
		}
		long cents = numberLong(text, start, i) * 100;
		if (i < length) {
			if (text.charAt(i) != '.') {
				return Long.MIN_VALUE;
			}
			int decimals = length - i - 1;
			if (decimals < 1 || decimals > 2 || !digits(text, i + 1, length)) {
				return Long.MIN_VALUE;
			}
			cents += (decimals == 1) ? (text.charAt(i + 1) - '0') * 10 : number(text, i + 1, length);
		}
		return negative ? -cents : cents;
	}

	private static boolean codeChar(char c) {
		return alphanumeric(c) || c == '.' || c == '_' || c == '-';
	}

	private static boolean alphanumeric(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** The value of a run of ASCII digits already checked. */
	private static long numberLong(String text, int from, int to) {
		long value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	private static int number(String text, int from, int to) {
		return (int) numberLong(text, from, to);
	}

}
