package id.apbdmonitor.capital;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.ingest.BatchIngestor;
import id.apbdmonitor.core.ingest.Outcome;
import id.apbdmonitor.core.ingest.Parsed;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The capital ledger and the contract states derived from it, written event by event inside the
 * batch transaction (capital events are few: contracts, monthly progress, a handful of payments
 * per contract), so each check sees the events before it, including those of the same batch.
 */
@Repository
class CapitalLedger {

	private final JdbcTemplate jdbc;

	CapitalLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Outcome> write(List<Parsed<CapitalEvent>> batch) {
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (Parsed<CapitalEvent> parsed : batch) {
			outcomes.add(write(parsed));
		}
		return outcomes;
	}

	private Outcome write(Parsed<CapitalEvent> parsed) {
		CapitalEvent event = parsed.event();
		List<byte[]> stored = this.jdbc.query("select payload_sha256 from capital_event where event_id = ?",
				(rs, row) -> rs.getBytes(1), event.envelope().eventId());
		if (!stored.isEmpty()) {
			if (Arrays.equals(stored.get(0), parsed.record().sha256())) {
				return Outcome.DUPLICATE;
			}
			String id = event.envelope().eventId();
			return BatchIngestor.reject(Reason.EVENT_ID_CONFLICT, "eventId", id, "eventId '" + id
					+ "' is already stored with a different payload; a corrected fact needs a new eventId");
		}
		if (CapitalEvent.SIGNED.equals(event.type())) {
			return sign(parsed);
		}
		if (CapitalEvent.REVERSED.equals(event.type())) {
			return reverse(parsed);
		}
		List<Contract> contracts = this.jdbc.query("""
				select contract_id, opd, fiscal_year, contract_value, paid, handed_over_on
				from capital_contract where contract_id = ?""",
				(rs, row) -> new Contract(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
						rs.getBigDecimal(5), rs.getObject(6, LocalDate.class)),
				event.contractId());
		Envelope envelope = event.envelope();
		if (contracts.isEmpty()) {
			return BatchIngestor.reject(Reason.UNKNOWN_REFERENCE, "contractId", event.contractId(), "contractId '"
					+ event.contractId() + "' names no capital-contract-signed event in the ledger");
		}
		Contract contract = contracts.get(0);
		if (!contract.opd().equals(envelope.opd()) || contract.fiscalYear() != envelope.fiscalYear()) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "contractId", event.contractId(),
					"contract '" + event.contractId() + "' is of " + contract.opd() + " in " + contract.fiscalYear()
							+ ", not of " + envelope.opd() + " in " + envelope.fiscalYear());
		}
		return switch (event.type()) {
			case CapitalEvent.PROGRESS -> progress(parsed);
			case CapitalEvent.HANDED_OVER -> handOver(parsed, contract);
			default -> pay(parsed, contract);
		};
	}

	private Outcome sign(Parsed<CapitalEvent> parsed) {
		CapitalEvent event = parsed.event();
		Integer existing = this.jdbc.queryForObject("select count(*) from capital_contract where contract_id = ?",
				Integer.class, event.contractId());
		if (existing != null && existing > 0) {
			return BatchIngestor.reject(Reason.CONTRACT_CONFLICT, "contractId", event.contractId(), "contract '"
					+ event.contractId() + "' is already signed under another eventId; an addendum is not a new contract");
		}
		insertEvent(parsed, null, null, null);
		Envelope envelope = event.envelope();
		this.jdbc.update("""
				insert into capital_contract (contract_id, event_id, pemda, fiscal_year, opd, sub_activity, account,
				    supplier, contract_value, signed_on, planned_end)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", event.contractId(), envelope.eventId(), envelope.pemda(),
				envelope.fiscalYear(), envelope.opd(), event.subActivity(), event.account(), event.supplier(),
				event.value(), Date.valueOf(envelope.occurredOn()), Date.valueOf(event.plannedEnd()));
		return Outcome.ACCEPTED;
	}

	/**
	 * Physical progress only grows. A report may arrive late (after a later one): it is kept when
	 * it fits between its neighbours in date order, and changes nothing in force. A report below
	 * an earlier or equal-dated one, or above a later-dated one, contradicts the history.
	 */
	private Outcome progress(Parsed<CapitalEvent> parsed) {
		CapitalEvent event = parsed.event();
		Date on = Date.valueOf(event.envelope().occurredOn());
		List<String> contradicted = this.jdbc.query("""
				select event_id || ' (' || occurred_on || ', ' || physical_progress || '%)' from capital_event
				where contract_id = ? and event_type = ?
				  and ((occurred_on <= ? and physical_progress > ?) or (occurred_on > ? and physical_progress < ?))
				order by occurred_on limit 1""", (rs, row) -> rs.getString(1), event.contractId(),
				CapitalEvent.PROGRESS, on, event.progress(), on, event.progress());
		if (!contradicted.isEmpty()) {
			return BatchIngestor.reject(Reason.PROGRESS_NOT_MONOTONIC, "physicalProgress",
					event.progress().toPlainString(),
					"physical progress " + event.progress().toPlainString() + "% on " + event.envelope().occurredOn()
							+ " contradicts report " + contradicted.get(0) + " of contract " + event.contractId()
							+ "; progress never goes down");
		}
		insertEvent(parsed, null, event.progress(), null);
		this.jdbc.update("""
				update capital_contract set physical_progress = greatest(physical_progress, ?)
				where contract_id = ?""", event.progress(), event.contractId());
		return Outcome.ACCEPTED;
	}

	private Outcome handOver(Parsed<CapitalEvent> parsed, Contract contract) {
		CapitalEvent event = parsed.event();
		if (contract.handedOverOn() != null) {
			return BatchIngestor.reject(Reason.CONTRACT_CONFLICT, "contractId", event.contractId(), "contract '"
					+ event.contractId() + "' was already handed over (BAST) on " + contract.handedOverOn());
		}
		insertEvent(parsed, null, null, null);
		this.jdbc.update("update capital_contract set handed_over_on = ? where contract_id = ?",
				Date.valueOf(event.envelope().occurredOn()), event.contractId());
		return Outcome.ACCEPTED;
	}

	/** Payments net of reversals may never exceed the contract value: the excess is rejected. */
	private Outcome pay(Parsed<CapitalEvent> parsed, Contract contract) {
		CapitalEvent event = parsed.event();
		BigDecimal after = contract.paid().add(event.amount());
		if (after.compareTo(contract.value()) > 0) {
			return BatchIngestor.reject(Reason.PAYMENT_EXCEEDS_CONTRACT, "amount", event.amount().toPlainString(),
					"payment " + event.amount().toPlainString() + " would bring contract " + event.contractId()
							+ " to " + after.toPlainString() + ", above its value " + contract.value().toPlainString()
							+ " (paid so far " + contract.paid().toPlainString() + ")");
		}
		insertEvent(parsed, event.amount(), null, event.stage());
		this.jdbc.update("update capital_contract set paid = paid + ? where contract_id = ?", event.amount(),
				event.contractId());
		return Outcome.ACCEPTED;
	}

	private Outcome reverse(Parsed<CapitalEvent> parsed) {
		CapitalEvent event = parsed.event();
		Envelope envelope = event.envelope();
		List<Payment> payments = this.jdbc.query("""
				select event_type, opd, fiscal_year, contract_id, amount from capital_event where event_id = ?""",
				(rs, row) -> new Payment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
						rs.getBigDecimal(5)),
				event.reverses());
		if (payments.isEmpty()) {
			return BatchIngestor.reject(Reason.UNKNOWN_REFERENCE, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' names no capital-payment event in the ledger");
		}
		Payment payment = payments.get(0);
		if (!CapitalEvent.PAYMENT.equals(payment.type())) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' is a " + payment.type() + ", not a capital-payment");
		}
		if (!payment.opd().equals(envelope.opd()) || payment.fiscalYear() != envelope.fiscalYear()) {
			return BatchIngestor.reject(Reason.REFERENCE_MISMATCH, "reverses", event.reverses(),
					"reverses '" + event.reverses() + "' is a payment of " + payment.opd() + " in "
							+ payment.fiscalYear() + ", not of " + envelope.opd() + " in " + envelope.fiscalYear());
		}
		BigDecimal reversed = this.jdbc.queryForObject(
				"select coalesce(-sum(amount), 0) from capital_event where reverses = ?", BigDecimal.class,
				event.reverses());
		BigDecimal remaining = payment.amount().subtract(reversed);
		if (event.amount().compareTo(remaining) > 0) {
			return BatchIngestor.reject(Reason.REVERSAL_EXCEEDS_ORIGINAL, "amount", event.amount().toPlainString(),
					"amount " + event.amount().toPlainString() + " exceeds what is left of " + event.reverses() + ": "
							+ remaining.toPlainString() + " of " + payment.amount().toPlainString());
		}
		this.jdbc.update("""
				insert into capital_event (event_id, event_type, pemda, fiscal_year, opd, contract_id, occurred_on,
				    document_kind, document_number, amount, reverses, payload_sha256, source_topic,
				    source_partition, source_offset)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", envelope.eventId(), envelope.type(),
				envelope.pemda(), envelope.fiscalYear(), envelope.opd(), payment.contractId(),
				Date.valueOf(envelope.occurredOn()), envelope.document().kind(), envelope.document().number(),
				event.amount().negate(), event.reverses(), parsed.record().sha256(), parsed.record().topic(),
				parsed.record().partition(), parsed.record().offset());
		this.jdbc.update("update capital_contract set paid = paid - ? where contract_id = ?", event.amount(),
				payment.contractId());
		return Outcome.ACCEPTED;
	}

	private void insertEvent(Parsed<CapitalEvent> parsed, BigDecimal amount, BigDecimal progress, String stage) {
		CapitalEvent event = parsed.event();
		Envelope envelope = event.envelope();
		this.jdbc.update("""
				insert into capital_event (event_id, event_type, pemda, fiscal_year, opd, contract_id, occurred_on,
				    document_kind, document_number, amount, physical_progress, stage, payload_sha256, source_topic,
				    source_partition, source_offset)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", envelope.eventId(), envelope.type(),
				envelope.pemda(), envelope.fiscalYear(), envelope.opd(), event.contractId(),
				Date.valueOf(envelope.occurredOn()), envelope.document().kind(), envelope.document().number(), amount,
				progress, stage, parsed.record().sha256(), parsed.record().topic(), parsed.record().partition(),
				parsed.record().offset());
	}

	/** Every contract of one year, with its state. */
	List<ContractState> contracts(String pemda, int fiscalYear) {
		return this.jdbc.query("""
				select contract_id, opd, sub_activity, contract_value, planned_end, physical_progress, paid,
				       handed_over_on
				from capital_contract where pemda = ? and fiscal_year = ?""",
				(rs, row) -> new ContractState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
						rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getBigDecimal(7),
						rs.getObject(8, LocalDate.class)),
				pemda, fiscalYear);
	}

	/** A contract as the indicators see it. */
	record ContractState(String contractId, String opd, String subActivity, BigDecimal value, LocalDate plannedEnd,
			BigDecimal physicalProgress, BigDecimal paid, LocalDate handedOverOn) {

		/** What is still to pay on a contract whose works were handed over (0 before the BAST). */
		BigDecimal handedOverUnpaid() {
			return (this.handedOverOn == null) ? BigDecimal.ZERO : this.value.subtract(this.paid);
		}

	}

	private record Contract(String contractId, String opd, int fiscalYear, BigDecimal value, BigDecimal paid,
			LocalDate handedOverOn) {
	}

	private record Payment(String type, String opd, int fiscalYear, String contractId, BigDecimal amount) {
	}

}
