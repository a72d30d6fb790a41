package id.apbdmonitor.core.budget;

import java.math.BigDecimal;
import java.util.List;

import id.apbdmonitor.core.event.Envelope;
import id.apbdmonitor.core.event.Enveloped;

/**
 * One DPA line of a {@code budget-line} event: its pagu and 12-month cash plan at a revision.
 * {@code category} is null when the account belongs to no category of this service.
 */
public record BudgetLine(Envelope envelope, String lineId, String subActivity, String account, String category,
		int revisionNumber, String revisionKind, BigDecimal pagu, List<BigDecimal> cashPlan) implements Enveloped {
}
