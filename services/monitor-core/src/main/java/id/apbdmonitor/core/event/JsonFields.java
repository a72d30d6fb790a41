package id.apbdmonitor.core.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields from an event's JSON, failing on the first bad one with a rejection that
 * names the field and the value. Each check is the runtime twin of a constraint of the JSON
 * Schemas in docs/events/schemas (a test derives a violation of every constraint and holds the
 * two equal): lengths count characters (code points) as JSON Schema does, patterns are the
 * schemas' patterns, integers are numbers with no fraction. Money must be a decimal string: a
 * JSON number could already have lost rupiah in the producer's float.
 */
public final class JsonFields {

	/** {@code $defs/subActivity}. */
	private static final Pattern SUB_ACTIVITY = Pattern
		.compile("^([0-9]|X)\\.([0-9]{2}|XX)\\.[0-9]{2}\\.[0-9]\\.[0-9]{2}\\.[0-9]{4}$");

	private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);

	private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

	private final JsonNode node;

	/** The object this one is a field of, and that field's name; null and "" at the top. */
	private final JsonFields parent;

	private final String field;

	public JsonFields(JsonNode node) {
		this(node, null, "");
	}

	private JsonFields(JsonNode node, JsonFields parent, String field) {
		this.node = node;
		this.parent = parent;
		this.field = field;
	}

	public JsonFields object(String field) {
		JsonNode value = required(field);
		if (!value.isObject()) {
			throw invalid(field, value, "must be a JSON object");
		}
		return new JsonFields(value, this, field);
	}

	/**
	 * Whether an optional field is present. An explicit {@code null} is not an absent field:
	 * the schemas allow no null, so it is rejected here rather than read as absent.
	 */
	public boolean has(String field) {
		JsonNode value = this.node.get(field);
		if (value != null && value.isNull()) {
			throw invalid(field, "null", "must be left out rather than null when it has no value");
		}
		return value != null;
	}

	public JsonNode node(String field) {
		return required(field);
	}

	/** A string of 1 to {@code maxLength} characters. */
	public String text(String field, int maxLength) {
		return text(field, 1, maxLength);
	}

	/** A string of {@code minLength} to {@code maxLength} characters (code points, as JSON Schema counts). */
	public String text(String field, int minLength, int maxLength) {
		JsonNode value = required(field);
		if (!value.isString()) {
			throw invalid(field, value, "must be a string");
		}
		String text = value.asString();
		int length = text.codePointCount(0, text.length());
		if (length < minLength || length > maxLength) {
			throw invalid(field, value, "must be " + minLength + " to " + maxLength + " characters, was " + length);
		}
		return text;
	}

	/** A string of any length, e.g. a value that is then compared with a closed list. */
	public String string(String field) {
		JsonNode value = required(field);
		if (!value.isString()) {
			throw invalid(field, value, "must be a string");
		}
		return value.asString();
	}

	public String optionalText(String field, int maxLength) {
		return optionalText(field, 1, maxLength);
	}

	public String optionalText(String field, int minLength, int maxLength) {
		return has(field) ? text(field, minLength, maxLength) : null;
	}

	public String id(String field) {
		return matching(field, Shapes::eventId, "must be 1 to 120 characters of A-Z a-z 0-9 . _ : / -");
	}

	public String code(String field) {
		return matching(field, Shapes::code, "must be a code of letters, digits, '.', '_' or '-'");
	}

	public String account(String field) {
		return matching(field, Shapes::account, "must be a six-level account code like 5.1.02.01.01.0024");
	}

	public String subActivity(String field) {
		return matching(field, SUB_ACTIVITY, "must be a sub-kegiatan code like 1.02.02.2.01.0001");
	}

	public String optionalSubActivity(String field) {
		return has(field) ? subActivity(field) : null;
	}

	/** A string matching a schema's {@code pattern} (which fixes its length too). */
	public String matching(String field, Pattern pattern, String rule) {
		String text = string(field);
		if (!pattern.matcher(text).matches()) {
			throw invalid(field, text, rule);
		}
		return text;
	}

	/** A string of the shape a hand-written check of a schema's {@code pattern} accepts. */
	String matching(String field, Predicate<String> shape, String rule) {
		String text = string(field);
		if (!shape.test(text)) {
			throw invalid(field, text, rule);
		}
		return text;
	}

	/** A schema's {@code enum} of strings, as the set's own instance. */
	public String oneOf(String field, Set<String> allowed) {
		JsonNode value = required(field);
		String member = value.isString() ? memberOf(allowed, value.asString()) : null;
		if (member == null) {
			throw invalid(field, value, "must be one of " + allowed.stream().sorted().toList());
		}
		return member;
	}

	/**
	 * The member of a small closed set equal to {@code text}, or null. An event keeps the set's
	 * instance and the parsed copy dies young: the events of the polls in flight are what every
	 * young collection copies, some 14 % of a draining service's CPU (issue 11).
	 */
	static String memberOf(Set<String> members, String text) {
		for (String member : members) {
			if (member.equals(text)) {
				return member;
			}
		}
		return null;
	}

	/** A schema's {@code const} string, e.g. the document kind an event type requires. */
	public String constant(String field, String expected) {
		JsonNode value = required(field);
		if (!value.isString() || !expected.equals(value.asString())) {
			throw invalid(field, value, "must be " + expected);
		}
		return expected;
	}

	/** Any integer that fits an {@code int}. */
	public int integer(String field) {
		return integer(field, Integer.MIN_VALUE, Integer.MAX_VALUE);
	}

	/**
	 * A JSON Schema {@code integer} between {@code minimum} and {@code maximum}: any number with
	 * no fractional part, so {@code 2026.0} is 2026 as the schema reads it.
	 */
	public int integer(String field, int minimum, int maximum) {
		JsonNode value = required(field);
		if (value.isInt() && value.intValue() >= minimum && value.intValue() <= maximum) {
			return value.intValue();
		}
		BigDecimal number = integral(value);
		if (number == null) {
			throw invalid(field, value, "must be an integer");
		}
		if (number.compareTo(BigDecimal.valueOf(minimum)) < 0 || number.compareTo(BigDecimal.valueOf(maximum)) > 0) {
			throw invalid(field, value, (minimum == Integer.MIN_VALUE && maximum == Integer.MAX_VALUE)
					? "must be an integer from " + INT_MIN + " to " + INT_MAX : "must be " + minimum + " to " + maximum);
		}
		return number.intValueExact();
	}

	private static BigDecimal integral(JsonNode value) {
		if (value.isIntegralNumber()) {
			return new BigDecimal(value.bigIntegerValue());
		}
		if (!value.isNumber()) {
			return null;
		}
		try {
			BigDecimal number = value.decimalValue();
			return (number.signum() == 0 || number.stripTrailingZeros().scale() <= 0) ? number : null;
		}
		catch (NumberFormatException notFinite) {
			return null;
		}
	}

	public LocalDate date(String field) {
		String text = string(field);
		int date = Shapes.date(text);
		if (date < 0) {
			throw invalid(field, text, "must be a date yyyy-MM-dd");
		}
		try {
			return LocalDate.of(date / 10000, date / 100 % 100, date % 100);
		}
		catch (DateTimeException ex) {
			throw invalid(field, text, "must be a date that exists, yyyy-MM-dd");
		}
	}

	/** A rupiah amount: a decimal string with at most two decimals. */
	public BigDecimal money(String field) {
		return money(field, required(field));
	}

	/**
	 * {@code $defs/money}. A well-formed amount with a minus sign is read (the parsers reject it
	 * as {@code AMOUNT_OUT_OF_BOUNDS}: a correction is a reversal), and so is {@code -0}.
	 */
	public BigDecimal money(String field, JsonNode value) {
		if (!value.isString()) {
			String name = prefix() + field;
			throw RejectedException.of(Reason.MALFORMED_AMOUNT, name, value,
					name + " must be a decimal string of rupiah like \"12500000.00\", was " + value);
		}
		String text = value.asString();
		long cents = Shapes.money(text);
		if (cents == Long.MIN_VALUE) {
			String name = prefix() + field;
			throw RejectedException.of(Reason.MALFORMED_AMOUNT, name, text,
					name + " must be a decimal string with at most 2 decimals like \"12500000.00\", was '" + text
							+ "'");
		}
		if (text.startsWith("-")) {
			String name = prefix() + field;
			throw RejectedException.of(Reason.AMOUNT_OUT_OF_BOUNDS, name, text,
					name + " must not be negative (a correction is a reversal event), was '" + text + "'");
		}
		return BigDecimal.valueOf(cents, 2);
	}

	/** How a field of this object is named in a rejection ({@code document.}); built only for one. */
	private String prefix() {
		return (this.parent == null) ? "" : this.parent.prefix() + this.field + ".";
	}

	private JsonNode required(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			String name = prefix() + field;
			throw RejectedException.of(Reason.MISSING_FIELD, name, "", name + " is required");
		}
		return value;
	}

	private RejectedException invalid(String field, Object value, String rule) {
		String name = prefix() + field;
		String shown = (value instanceof JsonNode json && json.isString()) ? json.asString() : String.valueOf(value);
		return RejectedException.of(Reason.INVALID_FIELD, name, shown, name + " " + rule + ", was '" + shown + "'");
	}

}
