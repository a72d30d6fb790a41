package id.apbdmonitor.core.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.EnvelopeReader;
import id.apbdmonitor.core.event.JsonFields;
import id.apbdmonitor.core.event.Reason;
import id.apbdmonitor.core.event.RejectedException;
import id.apbdmonitor.core.ingest.IngestProperties;
import id.apbdmonitor.core.region.CategoryProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/** Reads a {@code budget-line} event and checks its pagu against its cash plan. */
@Component
class BudgetLineParser {

	static final String TYPE = "budget-line";

	static final Set<String> REVISION_KINDS = Set.of("ORIGINAL", "SHIFT", "AMENDED");

	/** {@code lineId} of budget-line.schema.json. */
	private static final Pattern LINE_ID = Pattern.compile("^[A-Za-z0-9._:/-]{1,200}$");

	/** {@code revision.number}: the schema's bound, the largest revision a ledger row holds (integer). */
	static final int MAX_REVISION = Integer.MAX_VALUE;

	private final EnvelopeReader envelopes;

	private final CategoryProperties category;

	private final BigDecimal maxAmount;

	BudgetLineParser(EnvelopeReader envelopes, CategoryProperties category, IngestProperties ingest) {
		this.envelopes = envelopes;
		this.category = category;
		this.maxAmount = ingest.maxAmount();
	}

	BudgetLine parse(JsonFields json) {
		Envelope envelope = this.envelopes.read(json, Set.of(TYPE));
		String lineId = json.matching("lineId", LINE_ID, "must be 1 to 200 characters of A-Z a-z 0-9 . _ : / -");
		String subActivity = json.optionalSubActivity("subActivity");
		String account = json.account("account");
		JsonFields revision = json.object("revision");
		int revisionNumber = revision.integer("number", 0, MAX_REVISION);
		String revisionKind = revision.oneOf("kind", REVISION_KINDS);
		BigDecimal pagu = nonNegative("pagu", json.money("pagu"));
		List<BigDecimal> cashPlan = cashPlan(json, pagu);
		String owned = this.category.categoryOf(account);
		return new BudgetLine(envelope, lineId, subActivity, account, owned, revisionNumber, revisionKind, pagu,
				cashPlan);
	}

	private List<BigDecimal> cashPlan(JsonFields json, BigDecimal pagu) {
		JsonNode months = json.node("cashPlan");
		if (!months.isArray() || months.size() != 12) {
			throw RejectedException.of(Reason.INVALID_FIELD, "cashPlan", months,
					"cashPlan must be an array of 12 monthly amounts (January to December)");
		}
		List<BigDecimal> plan = new ArrayList<>(12);
		BigDecimal sum = BigDecimal.ZERO;
		for (int month = 0; month < 12; month++) {
			BigDecimal amount = nonNegative("cashPlan[" + month + "]", json.money("cashPlan[" + month + "]", months.get(month)));
			plan.add(amount);
			sum = sum.add(amount);
		}
		if (sum.compareTo(pagu) != 0) {
			throw RejectedException.of(Reason.CASH_PLAN_MISMATCH, "cashPlan", sum.toPlainString(),
					"cashPlan adds up to " + sum.toPlainString() + " but pagu is " + pagu.toPlainString());
		}
		return List.copyOf(plan);
	}

	private BigDecimal nonNegative(String field, BigDecimal amount) {
		if (amount.signum() < 0 || amount.compareTo(this.maxAmount) > 0) {
			throw RejectedException.of(Reason.AMOUNT_OUT_OF_BOUNDS, field, amount.toPlainString(),
					field + " must be between 0 and " + this.maxAmount.toPlainString() + ", was "
							+ amount.toPlainString());
		}
		return amount;
	}

}
