package id.apbdmonitor.brief.content;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Numbers and dates written the Indonesian way, as the alert templates write them: decimal comma,
 * rupiah in juta/miliar/triliun ({@code Rp 1,19 miliar}, never SI suffixes), dates in the region's
 * zone with its abbreviation.
 */
public final class Format {

	public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

	public static final String UNAVAILABLE = "belum tersedia";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm", INDONESIAN);

	private Format() {
	}

	/** {@code 0.4017} → {@code 40,2%}. */
	public static String percent(double ratio) {
		return decimal(BigDecimal.valueOf(ratio * 100), 1) + "%";
	}

	public static String percent(OptionalDouble ratio) {
		return ratio.isPresent() ? percent(ratio.getAsDouble()) : UNAVAILABLE;
	}

	/** A change of a ratio in percentage points: {@code +1,2 poin}. */
	public static String points(double delta) {
		String text = decimal(BigDecimal.valueOf(delta * 100).abs(), 1);
		String sign = text.equals("0,0") ? "" : (delta > 0 ? "+" : "-");
		return sign + text + " poin";
	}

	/** {@code 1186000000} → {@code Rp 1,19 miliar}; {@code 47800000} → {@code Rp 47,8 juta}. */
	public static String rupiah(double amount) {
		BigDecimal value = BigDecimal.valueOf(Math.abs(amount));
		String sign = amount < 0 ? "-" : "";
		if (value.compareTo(BigDecimal.valueOf(1e12)) >= 0) {
			return "Rp " + sign + trimmed(value.movePointLeft(12), 1) + " triliun";
		}
		if (value.compareTo(BigDecimal.valueOf(1e9)) >= 0) {
			BigDecimal miliar = value.movePointLeft(9);
			return "Rp " + sign + trimmed(miliar, miliar.compareTo(BigDecimal.TEN) < 0 ? 2 : 1) + " miliar";
		}
		if (value.compareTo(BigDecimal.valueOf(1e6)) >= 0) {
			return "Rp " + sign + trimmed(value.movePointLeft(6), 1) + " juta";
		}
		String whole = value.setScale(0, RoundingMode.HALF_UP).toPlainString();
		return "Rp " + sign + whole.replaceAll("(\\d)(?=(\\d{3})+$)", "$1.");
	}

	public static String rupiah(OptionalDouble amount) {
		return amount.isPresent() ? rupiah(amount.getAsDouble()) : UNAVAILABLE;
	}

	/** {@code 10 Juni 2026}. */
	public static String date(LocalDate date) {
		return DATE.format(date);
	}

	/** {@code 10 Juni 2026 23.59 WITA}. */
	public static String dateTime(Instant instant, ZoneId zone, String zoneAbbreviation) {
		return DATE.format(instant.atZone(zone)) + " " + TIME.format(instant.atZone(zone)) + " " + zoneAbbreviation;
	}

	private static String decimal(BigDecimal value, int scale) {
		return value.setScale(scale, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
	}

	/** Rounded to {@code scale} decimals, trailing zeros dropped: 119,0 → 119; 1,20 → 1,2. */
	private static String trimmed(BigDecimal value, int scale) {
		BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
		if (rounded.scale() < 0) {
			rounded = rounded.setScale(0);
		}
		return rounded.toPlainString().replace('.', ',');
	}

}
