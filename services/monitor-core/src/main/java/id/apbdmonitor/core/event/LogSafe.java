package id.apbdmonitor.core.event;

/**
 * Makes text from events safe to log or to put in a header: control characters, line breaks
 * and backslashes escaped (so a field cannot forge a log line), and cut to a bounded length
 * with the original length noted (so a 10 kB field does not become a 10 kB log line).
 */
public final class LogSafe {

	/** Characters kept of a value in a log line. */
	public static final int DEFAULT_LENGTH = 200;

	private LogSafe() {
	}

	/** The value escaped and cut to {@value #DEFAULT_LENGTH} characters. */
	public static String of(Object value) {
		return of(value, DEFAULT_LENGTH);
	}

	/** The value escaped and cut to {@code max} characters, e.g. {@code abc…(10240 chars)}. */
	public static String of(Object value, int max) {
		if (value == null) {
			return "null";
		}
		String text = String.valueOf(value);
		StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 24);
		int kept = 0;
		int i = 0;
		while (i < text.length() && kept < max) {
			int codePoint = text.codePointAt(i);
			escape(out, codePoint);
			i += Character.charCount(codePoint);
			kept++;
		}
		if (i < text.length()) {
			out.append("…(").append(text.codePointCount(0, text.length())).append(" chars)");
		}
		return out.toString();
	}

	private static void escape(StringBuilder out, int codePoint) {
		switch (codePoint) {
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			case '\\' -> out.append("\\\\");
			default -> {
				if (Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029
						|| Character.getType(codePoint) == Character.FORMAT
						|| Character.getType(codePoint) == Character.SURROGATE) {
					out.append(String.format("\\u%04x", codePoint));
				}
				else {
					out.appendCodePoint(codePoint);
				}
			}
		}
	}

}
