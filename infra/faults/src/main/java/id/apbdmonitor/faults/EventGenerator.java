package id.apbdmonitor.faults;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Spending events for {@code apbd.goods.v1} from a fixed seed, each with the outcome the contract
 * (docs/events/spending.md) promises when records are processed one at a time in offset order.
 * Amounts are exact cents; the expected ledger sum per OPD is the plain sum of what was planned
 * to be accepted, kept here and never read back from the service.
 */
final class EventGenerator {

	static final String PEMDA = "52.72";

	/** OPD codes of Kota Bima (services/monitor-core region-kota-bima.yml). */
	static final List<String> OPDS = List.of("SETDA", "BAPPEDA", "BPKAD", "DIKPORA", "DINKES", "RSUD", "PUPR",
			"DINSOS", "DLH", "DISHUB", "KEC-RABA", "KEC-MPUNDA");

	private static final String[] MECHANISMS = { "LS", "GU", "TU" };

	private final Random random;

	private final String prefix;

	private final LocalDate today;

	private final Map<String, BigDecimal> remaining = new HashMap<>();

	private final List<Planned> reversible = new ArrayList<>();

	private int sequence;

	/**
	 * @param prefix makes event ids unique per scenario (letters, digits, '-')
	 * @param today the services' business date: the fiscal year is its year
	 */
	EventGenerator(long seed, String prefix, LocalDate today) {
		this.random = new Random(seed);
		this.prefix = prefix;
		this.today = today;
	}

	int fiscalYear() {
		return this.today.getYear();
	}

	/**
	 * {@code count} realised events over the OPDs, with about one reversal per ten, each after its
	 * original (same key, so later on the same partition) and never above what is left of it.
	 */
	List<Planned> baseLoad(int count) {
		List<Planned> events = new ArrayList<>(count + count / 8);
		for (int i = 0; i < count; i++) {
			events.add(realised(OPDS.get(this.random.nextInt(OPDS.size()))));
			if (this.random.nextInt(10) == 0 && !this.reversible.isEmpty()) {
				Planned original = this.reversible.get(this.random.nextInt(this.reversible.size()));
				BigDecimal left = this.remaining.get(original.eventId());
				if (left.signum() > 0) {
					// a partial reversal most of the time, the whole rest sometimes
					BigDecimal amount = this.random.nextInt(4) == 0 ? left
							: BigDecimal.valueOf(1 + this.random.nextLong(left.movePointRight(2).longValueExact()), 2);
					events.add(reversal(original, amount, Planned.Expect.ACCEPT));
				}
			}
		}
		return events;
	}

	/** A valid spending-realised event of {@code opd}, expected in the ledger. */
	Planned realised(String opd) {
		return realised(opd, "", Planned.Expect.ACCEPT);
	}

	/** A spending-realised event with {@code extraFields} (JSON members, starting with a comma) added at the end. */
	Planned realised(String opd, String extraFields, Planned.Expect expect) {
		String eventId = nextId("R");
		BigDecimal amount = amount();
		String json = envelope(eventId, "spending-realised", 1, fiscalYear(), opd, date(), documentNumber(eventId))
				+ ",\"mechanism\":\"" + MECHANISMS[this.random.nextInt(3)] + "\",\"account\":\"5.1.02.01.01."
				+ String.format("%04d", 1 + this.random.nextInt(60)) + "\",\"amount\":\"" + amount.toPlainString() + "\""
				+ extraFields + "}";
		Planned planned = new Planned(eventId, opd, key(opd), bytes(json), amount, expect, null);
		if (expect == Planned.Expect.ACCEPT) {
			this.remaining.put(eventId, amount);
			this.reversible.add(planned);
		}
		return planned;
	}

	/** A reversal of {@code original}; only an accepted one counts against what is left of it. */
	Planned reversal(Planned original, BigDecimal amount, Planned.Expect expect) {
		String eventId = nextId("B");
		String json = envelope(eventId, "spending-reversed", 1, fiscalYear(), original.opd(), date(),
				documentNumber(eventId) + "/BATAL") + ",\"reverses\":\"" + original.eventId() + "\",\"amount\":\""
				+ amount.toPlainString() + "\",\"reason\":\"SP2D dibatalkan\"}";
		if (expect == Planned.Expect.ACCEPT) {
			this.remaining.merge(original.eventId(), amount.negate(), BigDecimal::add);
		}
		return new Planned(eventId, original.opd(), key(original.opd()), bytes(json), amount.negate(), expect, null);
	}

	/** An event whose JSON text is given whole (poison records, other versions); {@code eventId} may be null. */
	Planned raw(String eventId, String opd, byte[] key, byte[] value, Planned.Expect expect) {
		return new Planned(eventId, opd, key, value, BigDecimal.ZERO, expect, null);
	}

	/** The JSON of a valid realised event with {@code documentNumber} as its document number (escaped by the caller). */
	String realisedJson(String eventId, String opd, int schemaVersion, int fiscalYear, LocalDate occurredOn,
			String documentNumber, BigDecimal amount) {
		return envelope(eventId, "spending-realised", schemaVersion, fiscalYear, opd, occurredOn, documentNumber)
				+ ",\"mechanism\":\"LS\",\"account\":\"5.1.02.01.01.0024\",\"amount\":\"" + amount.toPlainString()
				+ "\"}";
	}

	String nextId(String kind) {
		this.sequence++;
		return "F-" + this.prefix + "-" + kind + String.format("%06d", this.sequence);
	}

	BigDecimal amount() {
		// Rp1.00 to Rp50,000,000.00, exact cents
		return BigDecimal.valueOf(100 + this.random.nextLong(5_000_000_000L), 2);
	}

	LocalDate date() {
		LocalDate first = this.today.withDayOfYear(1);
		return first.plusDays(this.random.nextInt(this.today.getDayOfYear()));
	}

	Random random() {
		return this.random;
	}

	static byte[] key(String opd) {
		return bytes(PEMDA + "/" + opd);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String documentNumber(String eventId) {
		return eventId.replace("F-", "SP2D/");
	}

	private static String envelope(String eventId, String type, int schemaVersion, int fiscalYear, String opd,
			LocalDate occurredOn, String documentNumber) {
		return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"schemaVersion\":" + schemaVersion
				+ ",\"pemda\":\"" + PEMDA + "\",\"fiscalYear\":" + fiscalYear + ",\"opd\":\"" + opd
				+ "\",\"occurredOn\":\"" + occurredOn + "\",\"document\":{\"kind\":\"SP2D\",\"number\":\""
				+ documentNumber + "\"}";
	}

}
