package id.apbdmonitor.core.event;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.apbdmonitor.core.clock.BusinessClock;
import id.apbdmonitor.core.region.FiscalYears;
import id.apbdmonitor.core.region.RegionProperties;
import id.apbdmonitor.core.region.Regions;

import org.springframework.stereotype.Component;

/**
 * Reads and checks the envelope against the regions: its pemda, the OPDs of that region, and the
 * fiscal years open for booking on the region's own business date.
 */
@Component
public class EnvelopeReader {

	private static final int SCHEMA_VERSION = 1;

	/** {@code $defs/fiscalYear}. */
	private static final int MIN_FISCAL_YEAR = 2000;

	private static final int MAX_FISCAL_YEAR = 2100;

	private final Regions regions;

	private final Map<String, Checks> byPemda;

	private final BusinessClock clock;

	public EnvelopeReader(Regions regions, BusinessClock clock) {
		this.regions = regions;
		this.byPemda = regions.all()
			.stream()
			.collect(Collectors.toUnmodifiableMap(RegionProperties::pemda,
					region -> new Checks(region, region.opdCodes()
						.stream()
						.collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity())))));
		this.clock = clock;
	}

	/** The checks of one region (tests, tools). */
	public static EnvelopeReader of(RegionProperties region, BusinessClock clock) {
		return new EnvelopeReader(Regions.of(region), clock);
	}

	/** The envelope of an event whose {@code type} must be one of {@code types}. */
	public Envelope read(JsonFields json, Set<String> types) {
		return read(json, types, 0);
	}

	/**
	 * The same, with {@code occurredOn} allowed up to {@code daysAfterYearEnd} days after 31
	 * December of the fiscal year (a stream whose last month is settled in January).
	 */
	public Envelope read(JsonFields json, Set<String> types, int daysAfterYearEnd) {
		String eventId = json.id("eventId");
		String sent = json.string("type");
		String type = JsonFields.memberOf(types, sent);
		if (type == null) {
			throw RejectedException.of(Reason.UNSUPPORTED_TYPE, "type", sent,
					"type '" + shortened(sent) + "' is not carried by this topic; expected one of "
							+ types.stream().sorted().toList());
		}
		int schemaVersion = json.integer("schemaVersion");
		if (schemaVersion != SCHEMA_VERSION) {
			throw RejectedException.of(Reason.UNSUPPORTED_SCHEMA_VERSION, "schemaVersion", schemaVersion,
					"schemaVersion " + schemaVersion + " is not supported; expected " + SCHEMA_VERSION);
		}
		// $defs/pemda: a malformed code is INVALID_FIELD, a well-formed foreign one UNKNOWN_PEMDA
		String sentPemda = json.matching("pemda", Shapes::pemda, "must be a Kemendagri region code like 52.72");
		Checks region = this.byPemda.get(sentPemda);
		if (region == null) {
			throw RejectedException.of(Reason.UNKNOWN_PEMDA, "pemda", sentPemda,
					"pemda '" + sentPemda + "' is not monitored here; this deployment monitors " + monitored());
		}
		// the configuration's own instances of the region's and OPD's codes (JsonFields#memberOf)
		String pemda = region.region().pemda();
		int fiscalYear = json.integer("fiscalYear", MIN_FISCAL_YEAR, MAX_FISCAL_YEAR);
		List<Integer> open = openFiscalYears(region.region());
		if (!open.contains(fiscalYear)) {
			throw RejectedException.of(Reason.FISCAL_YEAR_CLOSED, "fiscalYear", fiscalYear,
					"fiscalYear " + fiscalYear + " is not open for booking; open: " + open);
		}
		// $defs/opd: a malformed code is INVALID_FIELD, a well-formed unknown one UNKNOWN_OPD
		String sentOpd = json.matching("opd", Shapes::opd, "must be a code of 1 to 40 letters, digits, '.', '_' or '-'");
		String opd = region.opds().get(sentOpd);
		if (opd == null) {
			throw RejectedException.of(Reason.UNKNOWN_OPD, "opd", sentOpd,
					"opd '" + sentOpd + "' is not an OPD of pemda " + pemda);
		}
		var occurredOn = json.date("occurredOn");
		if (occurredOn.getYear() < fiscalYear
				|| occurredOn.isAfter(java.time.LocalDate.of(fiscalYear, 12, 31).plusDays(daysAfterYearEnd))) {
			throw RejectedException.of(Reason.DATE_OUTSIDE_FISCAL_YEAR, "occurredOn", occurredOn,
					"occurredOn " + occurredOn + " is outside fiscal year " + fiscalYear
							+ ((daysAfterYearEnd > 0) ? " and its " + daysAfterYearEnd + " days of grace" : ""));
		}
		JsonFields document = json.object("document");
		DocumentRef documentRef = new DocumentRef(document.oneOf("kind", DocumentRef.KINDS),
				document.text("number", 1, 120));
		return new Envelope(eventId, type, schemaVersion, pemda, fiscalYear, opd, occurredOn, documentRef);
	}

	/** A type of any length is read (the schema fixes it by const, not by length); the detail shows its start. */
	private static String shortened(String type) {
		return (type.length() > 60) ? type.substring(0, 60) + "…" : type;
	}

	/** The home region's open fiscal years. */
	public List<Integer> openFiscalYears() {
		return openFiscalYears(this.regions.home());
	}

	/** The region's open fiscal years, on its own business date. */
	public List<Integer> openFiscalYears(RegionProperties region) {
		return FiscalYears.open(region, this.clock.today(region.zone()));
	}

	/** The monitored pemda codes for a rejection's detail, the first few of a national deployment. */
	private String monitored() {
		List<String> codes = this.regions.all().stream().map(RegionProperties::pemda).toList();
		return (codes.size() <= 5) ? String.join(", ", codes)
				: String.join(", ", codes.subList(0, 5)) + " and " + (codes.size() - 5) + " more";
	}

	/** A region and its OPD codes, each mapped to itself: the configuration's instance. */
	private record Checks(RegionProperties region, Map<String, String> opds) {
	}

}
