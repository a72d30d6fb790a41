package id.apbdmonitor.capital;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.Idempotency;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

/**
 * The capital rules applied to one run in memory: what the database held before the run (only
 * the rows the run's events touch, loaded by {@link CapitalLedger}) plus what the earlier records
 * of the run did. Each record is decided in offset order against that view, so a run has exactly
 * the outcome of storing its records one at a time, with no cut at a shared contract or payment.
 * The accepted events, the contracts signed or changed and the totals' deltas are then written by
 * the ledger as sets.
 */
final class CapitalRun {

	// Ids (events, contracts) are scoped by region: every map is keyed by key(pemda, id).

	/** Every event the run has seen so far: stored before it (loaded), or accepted earlier in it. */
	private final Map<String, Known> events;

	/** The contracts the run's events name, as stored before it, then as changed by it. */
	private final Map<String, Contract> contracts;

	/** Accepted progress reports per contract (stored before the run, then the run's). */
	private final Map<String, List<Report>> reports;

	/** What reversals took back so far of each payment reversed in the run. */
	private final Map<String, BigDecimal> reversed;

	private final List<Parsed<CapitalEvent>> accepted = new ArrayList<>();

	CapitalRun(Map<String, Known> events, Map<String, Contract> contracts, Map<String, List<Report>> reports,
			Map<String, BigDecimal> reversed) {
		this.events = events;
		this.contracts = contracts;
		this.reports = reports;
		this.reversed = reversed;
	}

	/** The events accepted so far, in run order. */
	List<Parsed<CapitalEvent>> accepted() {
		return this.accepted;
	}

	/** The contracts whose state the run changed or created, in the order they were first loaded or signed. */
	List<Contract> changed() {
		return this.contracts.values().stream().filter(Contract::changed).toList();
	}

	/** An id within its region. */
	static String key(String pemda, String id) {
		return pemda + '\n' + id;
	}

	/** The contract a reversal takes money from: the contract of the payment it reverses. */
	String contractOf(String pemda, String eventId) {
		Known known = this.events.get(key(pemda, eventId));
		return (known != null) ? known.contractId() : null;
	}

	Outcome decide(Parsed<CapitalEvent> parsed) {
		CapitalEvent event = parsed.event();
		String id = event.envelope().eventId();
		String pemda = event.envelope().pemda();
		Known stored = this.events.get(key(pemda, id));
		if (stored != null) {
			return Idempotency.sameOrConflict(stored.sha256(), parsed.record(), id);
		}
		Outcome outcome = switch (event.type()) {
			case CapitalEvent.SIGNED -> sign(event);
			case CapitalEvent.REVERSED -> reverse(event);
			default -> contractEvent(event);
		};
		if (outcome == Outcome.ACCEPTED) {
			this.accepted.add(parsed);
			String contractId = (event.reverses() != null) ? contractOf(pemda, event.reverses()) : event.contractId();
			BigDecimal amount = (event.reverses() != null) ? event.amount().negate() : event.amount();
			this.events.put(key(pemda, id), new Known(parsed.record().sha256(), event.type(), event.envelope().pemda(),
					event.envelope().opd(), event.envelope().fiscalYear(), contractId, amount));
		}
		return outcome;
	}

	private Outcome sign(CapitalEvent event) {
		Envelope envelope = event.envelope();
		String contractKey = key(envelope.pemda(), event.contractId());
		if (this.contracts.containsKey(contractKey)) {
			return BatchIngestor.reject(Reason.CONTRACT_CONFLICT, "contractId", event.contractId(), "contract '"
					+ event.contractId() + "' is already signed under another eventId; an addendum is not a new contract");
		}
		this.contracts.put(contractKey,
				Contract.signed(event.contractId(), envelope.eventId(), envelope.pemda(), envelope.fiscalYear(),
						envelope.opd(), event.subActivity(), event.account(), event.supplier(), event.value(),
						envelope.occurredOn(), event.plannedEnd()));
		this.reports.put(contractKey, new ArrayList<>());
		return Outcome.ACCEPTED;
	}

	private Outcome contractEvent(CapitalEvent event) {
		Envelope envelope = event.envelope();
		Contract contract = this.contracts.get(key(envelope.pemda(), event.contractId()));
		if (contract == null) {
			return BatchIngestor.reject(Reason.UNKNOWN_REFERENCE, "contractId", event.contractId(), "contractId '"
					+ event.contractId() + "' names no capital-contract-signed event in the ledger");
		}
		// the same OPD code exists in several regions (DINKES): the pemda must match too
		if (!contract.pemda.equals(envelope.pemda()) || !contract.opd.equals(envelope.opd())
				|| contract.fiscalYear != envelope.fiscalYear()) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "contractId", event.contractId(),
					"contract '" + event.contractId() + "' is of " + contract.pemda + "/" + contract.opd + " in "
							+ contract.fiscalYear + ", not of " + envelope.pemda() + "/" + envelope.opd() + " in "
							+ envelope.fiscalYear());
		}
		return switch (event.type()) {
			case CapitalEvent.PROGRESS -> progress(event, contract);
			case CapitalEvent.HANDED_OVER -> handOver(event, contract);
			default -> pay(event, contract);
		};
	}

	/**
	 * Physical progress only grows. A report may arrive late (after a later one): it is kept when
	 * it fits between its neighbours in date order, and changes nothing in force. A report below
	 * an earlier or equal-dated one, or above a later-dated one, contradicts the history; the
	 * message names the earliest such report (by date, then eventId).
	 */
	private Outcome progress(CapitalEvent event, Contract contract) {
		LocalDate on = event.envelope().occurredOn();
		BigDecimal percent = event.progress();
		List<Report> known = this.reports.computeIfAbsent(key(contract.pemda, contract.contractId),
				id -> new ArrayList<>());
		Report contradicted = null;
		for (Report report : known) {
			boolean contradicts = (!report.on().isAfter(on) && report.percent().compareTo(percent) > 0)
					|| (report.on().isAfter(on) && report.percent().compareTo(percent) < 0);
			if (contradicts && (contradicted == null || report.before(contradicted))) {
				contradicted = report;
			}
		}
		if (contradicted != null) {
			return BatchIngestor.reject(Reason.PROGRESS_NOT_MONOTONIC, "physicalProgress", percent.toPlainString(),
					"physical progress " + percent.toPlainString() + "% on " + on + " contradicts report "
							+ contradicted.eventId() + " (" + contradicted.on() + ", "
							+ contradicted.percent().setScale(2).toPlainString() + "%) of contract " + event.contractId()
							+ "; progress never goes down");
		}
		known.add(new Report(event.envelope().eventId(), on, percent));
		contract.progress = contract.progress.max(percent);
		return Outcome.ACCEPTED;
	}

	private Outcome handOver(CapitalEvent event, Contract contract) {
		if (contract.handedOverOn != null) {
			return BatchIngestor.reject(Reason.CONTRACT_CONFLICT, "contractId", event.contractId(), "contract '"
					+ event.contractId() + "' was already handed over (BAST) on " + contract.handedOverOn);
		}
		contract.handedOverOn = event.envelope().occurredOn();
		return Outcome.ACCEPTED;
	}

	/** Payments net of reversals may never exceed the contract value: the excess is rejected. */
	private Outcome pay(CapitalEvent event, Contract contract) {
		BigDecimal after = contract.paid.add(event.amount());
		if (after.compareTo(contract.value) > 0) {
			return BatchIngestor.reject(Reason.PAYMENT_EXCEEDS_CONTRACT, "amount", event.amount().toPlainString(),
					"payment " + event.amount().toPlainString() + " would bring contract " + event.contractId()
							+ " to " + after.toPlainString() + ", above its value " + contract.value.toPlainString()
							+ " (paid so far " + contract.paid.toPlainString() + ")");
		}
		contract.paid = after;
		return Outcome.ACCEPTED;
	}

	private Outcome reverse(CapitalEvent event) {
		Envelope envelope = event.envelope();
		Known payment = this.events.get(key(envelope.pemda(), event.reverses()));
		if (payment == null) {
			return BatchIngestor.reject(Reason.UNKNOWN_REFERENCE, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' names no capital-payment event in the ledger");
		}
		if (!CapitalEvent.PAYMENT.equals(payment.type())) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' is a " + payment.type() + ", not a capital-payment");
		}
		if (!payment.pemda().equals(envelope.pemda()) || !payment.opd().equals(envelope.opd())
				|| payment.fiscalYear() != envelope.fiscalYear()) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' is a payment of " + payment.pemda() + "/" + payment.opd()
							+ " in " + payment.fiscalYear() + ", not of " + envelope.pemda() + "/" + envelope.opd()
							+ " in " + envelope.fiscalYear());
		}
		String paymentKey = key(envelope.pemda(), event.reverses());
		BigDecimal already = this.reversed.getOrDefault(paymentKey, BigDecimal.ZERO);
		BigDecimal remaining = payment.amount().subtract(already);
		if (event.amount().compareTo(remaining) > 0) {
			return BatchIngestor.reject(Reason.REVERSAL_EXCEEDS_ORIGINAL, "amount", event.amount().toPlainString(),
					"amount " + event.amount().toPlainString() + " exceeds what is left of " + event.reverses() + ": "
							+ remaining.toPlainString() + " of " + payment.amount().toPlainString());
		}
		this.reversed.put(paymentKey, already.add(event.amount()));
		Contract contract = this.contracts.get(key(envelope.pemda(), payment.contractId()));
		if (contract == null) {
			// an accepted payment always has its contract, loaded or signed in the run
			throw new IllegalStateException("contract " + payment.contractId() + " of payment " + event.reverses()
					+ " is not loaded; retrying the batch");
		}
		contract.paid = contract.paid.subtract(event.amount());
		return Outcome.ACCEPTED;
	}

	/** An event stored before the run or accepted in it; amount signed (a reversal's negative). */
	record Known(byte[] sha256, String type, String pemda, String opd, int fiscalYear, String contractId,
			BigDecimal amount) {
	}

	/** An accepted progress report of a contract. */
	record Report(String eventId, LocalDate on, BigDecimal percent) {

		boolean before(Report other) {
			int byDate = this.on.compareTo(other.on);
			return byDate < 0 || (byDate == 0 && this.eventId.compareTo(other.eventId) < 0);
		}

	}

	/**
	 * A contract's state: as stored before the run ({@code stored} true) or signed in it, then
	 * changed by the run's events. Its contribution to the totals before and after gives their delta.
	 */
	static final class Contract {

		final String contractId;

		final String eventId;

		final String pemda;

		final int fiscalYear;

		final String opd;

		final String subActivity;

		final String account;

		final String supplier;

		final BigDecimal value;

		final LocalDate signedOn;

		final LocalDate plannedEnd;

		final boolean stored;

		private final BigDecimal storedPaid;

		private final BigDecimal storedProgress;

		private final LocalDate storedHandedOverOn;

		BigDecimal paid;

		BigDecimal progress;

		LocalDate handedOverOn;

		Contract(String contractId, String eventId, String pemda, int fiscalYear, String opd, String subActivity,
				String account, String supplier, BigDecimal value, LocalDate signedOn, LocalDate plannedEnd,
				boolean stored, BigDecimal paid, BigDecimal progress, LocalDate handedOverOn) {
			this.contractId = contractId;
			this.eventId = eventId;
			this.pemda = pemda;
			this.fiscalYear = fiscalYear;
			this.opd = opd;
			this.subActivity = subActivity;
			this.account = account;
			this.supplier = supplier;
			this.value = value;
			this.signedOn = signedOn;
			this.plannedEnd = plannedEnd;
			this.stored = stored;
			this.storedPaid = paid;
			this.storedProgress = progress;
			this.storedHandedOverOn = handedOverOn;
			this.paid = paid;
			this.progress = progress;
			this.handedOverOn = handedOverOn;
		}

		static Contract signed(String contractId, String eventId, String pemda, int fiscalYear, String opd,
				String subActivity, String account, String supplier, BigDecimal value, LocalDate signedOn,
				LocalDate plannedEnd) {
			return new Contract(contractId, eventId, pemda, fiscalYear, opd, subActivity, account, supplier, value,
					signedOn, plannedEnd, false, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null);
		}

		boolean changed() {
			return !this.stored || this.paid.compareTo(this.storedPaid) != 0
					|| this.progress.compareTo(this.storedProgress) != 0 || !Objects.equals(this.handedOverOn, this.storedHandedOverOn);
		}

		/** What the run adds to paid (negative after reversals). */
		BigDecimal paidDelta() {
			return this.paid.subtract(this.storedPaid);
		}

		/** The handover date the run set, or null. */
		LocalDate handedOverInRun() {
			return (this.storedHandedOverOn == null) ? this.handedOverOn : null;
		}

		/** Contract value not yet paid once handed over: 0 before the BAST. */
		private BigDecimal unpaid(BigDecimal paid, LocalDate handedOverOn) {
			return (handedOverOn == null) ? BigDecimal.ZERO : this.value.subtract(paid);
		}

		/** This contract's change of its sub-kegiatan's totals. */
		void addDeltaTo(Map<List<Object>, TotalDelta> deltas) {
			TotalDelta delta = deltas.computeIfAbsent(List.of(this.pemda, this.fiscalYear, this.opd, this.subActivity),
					key -> new TotalDelta(this.plannedEnd));
			BigDecimal beforePaid = this.stored ? this.storedPaid : BigDecimal.ZERO;
			BigDecimal beforeProgress = this.stored ? this.storedProgress : BigDecimal.ZERO;
			BigDecimal beforeUnpaid = this.stored ? unpaid(this.storedPaid, this.storedHandedOverOn) : BigDecimal.ZERO;
			if (!this.stored) {
				delta.contracts++;
				delta.contracted = delta.contracted.add(this.value);
			}
			delta.paid = delta.paid.add(this.paid.subtract(beforePaid));
			delta.progressValue = delta.progressValue.add(this.value.multiply(this.progress.subtract(beforeProgress)));
			delta.unpaid = delta.unpaid.add(unpaid(this.paid, this.handedOverOn).subtract(beforeUnpaid));
			if (this.plannedEnd.isAfter(delta.plannedEnd)) {
				delta.plannedEnd = this.plannedEnd;
			}
		}

	}

	/** What a run adds to one sub-kegiatan's row of capital_total. */
	static final class TotalDelta {

		long contracts;

		BigDecimal contracted = BigDecimal.ZERO;

		BigDecimal paid = BigDecimal.ZERO;

		BigDecimal progressValue = BigDecimal.ZERO;

		BigDecimal unpaid = BigDecimal.ZERO;

		LocalDate plannedEnd;

		TotalDelta(LocalDate plannedEnd) {
			this.plannedEnd = plannedEnd;
		}

	}

	/** The deltas of every changed contract, one per sub-kegiatan row. */
	Map<List<Object>, TotalDelta> totalDeltas() {
		Map<List<Object>, TotalDelta> deltas = new LinkedHashMap<>();
		for (Contract contract : changed()) {
			contract.addDeltaTo(deltas);
		}
		return deltas;
	}

}
