package id.apbdmonitor.core.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields from an event's JSON, failing on the first bad one with a rejection that
 * names the field and the value. Money must be a decimal string: a JSON number could already
 * have lost rupiah in the producer's float.
 */
public final class JsonFields {

	private static final Pattern MONEY = Pattern.compile("^-?(0|[1-9][0-9]{0,15})(\\.[0-9]{1,2})?$");

	private static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:/-]{1,120}$");

	private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9._-]{1,60}$");

	private static final Pattern ACCOUNT = Pattern.compile("^[4-6]\\.[1-9]\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$");

	private final JsonNode node;

	private final String prefix;

	public JsonFields(JsonNode node) {
		this(node, "");
	}

	private JsonFields(JsonNode node, String prefix) {
		this.node = node;
		this.prefix = prefix;
	}

	public JsonFields object(String field) {
		JsonNode value = required(field);
		if (!value.isObject()) {
			throw invalid(field, value, "must be a JSON object");
		}
		return new JsonFields(value, this.prefix + field + ".");
	}

	public boolean has(String field) {
		JsonNode value = this.node.get(field);
		return value != null && !value.isNull();
	}

	public JsonNode node(String field) {
		return required(field);
	}

	public String text(String field, int maxLength) {
		JsonNode value = required(field);
		if (!value.isString()) {
			throw invalid(field, value, "must be a string");
		}
		String text = value.asString();
		if (text.isBlank() || text.length() > maxLength) {
			throw invalid(field, value, "must be 1 to " + maxLength + " characters");
		}
		return text;
	}

	public String optionalText(String field, int maxLength) {
		return has(field) ? text(field, maxLength) : null;
	}

	public String id(String field) {
		String text = text(field, 120);
		if (!ID.matcher(text).matches()) {
			throw invalid(field, text, "must be 1 to 120 characters of A-Z a-z 0-9 . _ : / -");
		}
		return text;
	}

	public String code(String field) {
		String text = text(field, 60);
		if (!CODE.matcher(text).matches()) {
			throw invalid(field, text, "must be a code of letters, digits, '.', '_' or '-'");
		}
		return text;
	}

	public String account(String field) {
		String text = text(field, 40);
		if (!ACCOUNT.matcher(text).matches()) {
			throw invalid(field, text, "must be a six-level account code like 5.1.02.01.01.0024");
		}
		return text;
	}

	public String oneOf(String field, Set<String> allowed) {
		String text = text(field, 40);
		if (!allowed.contains(text)) {
			throw invalid(field, text, "must be one of " + allowed.stream().sorted().toList());
		}
		return text;
	}

	public int integer(String field) {
		JsonNode value = required(field);
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw invalid(field, value, "must be an integer");
		}
		return value.intValue();
	}

	public LocalDate date(String field) {
		String text = text(field, 10);
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw invalid(field, text, "must be a date yyyy-MM-dd");
		}
	}

	/** A rupiah amount: a decimal string with at most two decimals. */
	public BigDecimal money(String field) {
		return money(field, required(field));
	}

	public BigDecimal money(String field, JsonNode value) {
		String name = this.prefix + field;
		if (!value.isString()) {
			throw RejectedException.of(Reason.MALFORMED_AMOUNT, name, value,
					name + " must be a decimal string of rupiah like \"12500000.00\", was " + value);
		}
		String text = value.asString();
		if (!MONEY.matcher(text).matches()) {
			throw RejectedException.of(Reason.MALFORMED_AMOUNT, name, text,
					name + " must be a decimal string with at most 2 decimals like \"12500000.00\", was '" + text
							+ "'");
		}
		return new BigDecimal(text).setScale(2);
	}

	private JsonNode required(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			String name = this.prefix + field;
			throw RejectedException.of(Reason.MISSING_FIELD, name, "", name + " is required");
		}
		return value;
	}

	private RejectedException invalid(String field, Object value, String rule) {
		String name = this.prefix + field;
		String shown = (value instanceof JsonNode json && json.isString()) ? json.asString() : String.valueOf(value);
		return RejectedException.of(Reason.INVALID_FIELD, name, shown, name + " " + rule + ", was '" + shown + "'");
	}

}
