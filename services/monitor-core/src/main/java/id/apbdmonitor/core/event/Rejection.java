package id.apbdmonitor.core.event;

/**
 * A record that cannot be accepted: the reason code, the offending field and value, and a
 * sentence for the person who has to fix the source system.
 */
public record Rejection(Reason reason, String field, String value, String detail) {

	private static final int MAX_VALUE_LENGTH = 200;

	public Rejection {
		if (value != null && value.length() > MAX_VALUE_LENGTH) {
			value = value.substring(0, MAX_VALUE_LENGTH);
		}
	}

	public static Rejection of(Reason reason, String field, Object value, String detail) {
		return new Rejection(reason, field, (value != null) ? String.valueOf(value) : "", detail);
	}

}
