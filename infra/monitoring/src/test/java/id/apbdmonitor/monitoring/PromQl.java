package id.apbdmonitor.monitoring;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL lexing to list the metric names an expression reads: not a parser, but
 * strict enough for the dashboards and rules of this repository (tested in PromQlTests).
 */
final class PromQl {

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on", "ignoring",
			"group_left", "group_right", "offset", "inf", "nan", "atan2");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?\\w+");

	private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_:])(0x[0-9a-fA-F]+|\\d*\\.?\\d+(?:[eE][+-]?\\d+)?)");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");

	private PromQl() {
	}

	/** Metric names (including recording rule names) the expression selects. */
	static Set<String> metricNames(String expr) {
		String text = withoutGrafanaVariables(expr);
		text = STRING.matcher(text).replaceAll(" ");
		text = MATCHERS.matcher(text).replaceAll(" ");
		text = RANGE.matcher(text).replaceAll(" ");
		text = GROUPING.matcher(text).replaceAll(" ");
		text = OFFSET.matcher(text).replaceAll(" ");
		text = NUMBER.matcher(text).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher identifier = IDENTIFIER.matcher(text);
		while (identifier.find()) {
			String name = identifier.group();
			String after = text.substring(identifier.end()).stripLeading();
			if (after.startsWith("(") || KEYWORDS.contains(name.toLowerCase())) {
				continue; // a function, an aggregation or an operator
			}
			names.add(name);
		}
		return names;
	}

	/** Grafana's $variables and ${variables} as harmless tokens (they only appear in ranges and matchers). */
	static String withoutGrafanaVariables(String expr) {
		return expr.replaceAll("\\$\\{[^}]*}|\\$\\w+", "1");
	}

}
