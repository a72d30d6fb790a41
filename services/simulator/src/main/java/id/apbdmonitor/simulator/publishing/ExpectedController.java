package id.apbdmonitor.simulator.publishing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.simulator.generator.ExpectedTotals;
import id.apbdmonitor.simulator.generator.GeneratedYear;
import id.apbdmonitor.simulator.generator.SimEvent;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/expected}: what the services must report for the records published so far,
 * so that a person or a system test can compare it with their metrics. Money as strings.
 */
@RestController
class ExpectedController {

	private final GeneratedYear year;

	private final PublishProgress progress;

	ExpectedController(GeneratedYear year, PublishProgress progress) {
		this.year = year;
		this.progress = progress;
	}

	@GetMapping("/api/expected")
	Expected expected() {
		PublishProgress.State state = this.progress.state();
		String businessDate = (state.businessDate() != null) ? state.businessDate().toString() : null;
		ExpectedTotals totals = this.year.asOf(state.published());
		Map<String, Long> counts = new LinkedHashMap<>();
		for (SimEvent.Kind kind : SimEvent.Kind.values()) {
			counts.put(SimulatorMetrics.kind(kind), totals.count(kind));
		}
		List<Total> rows = totals.totals()
			.stream()
			.map((total) -> new Total(total.pemda(), total.opd(), total.category().code(), money(total.realised()),
					money(total.pagu()), total.exported()))
			.toList();
		List<Up> up = this.year.settings()
			.opds()
			.stream()
			.map((opd) -> new Up(this.year.settings().pemda(), opd, money(totals.upCeiling(opd)),
					money(totals.upDisbursed(opd)), money(totals.upAccounted(opd)), money(totals.upReturned(opd)),
					money(totals.upOutstanding(opd))))
			.toList();
		return new Expected(this.year.settings().pemda(), this.year.settings().fiscalYear(),
				this.year.settings().seed(), businessDate, totals.published(), this.year.events().size(), state.finished(),
				counts, this.year.laggingOpds(), this.year.onPlanOpds(), this.year.staleUpOpds(),
				this.year.overdueTuOpds(), this.year.lateUpOpds(), this.year.lateTppOpds(), rows, up);
	}

	private static String money(BigDecimal amount) {
		return amount.setScale(2).toPlainString();
	}

	record Expected(String pemda, int fiscalYear, long seed, String businessDate, int published, int eventsInYear,
			boolean finished, Map<String, Long> counts, List<String> laggingOpds, List<String> onPlanOpds,
			List<String> staleUpOpds, List<String> overdueTuOpds, List<String> lateUpOpds, List<String> lateTppOpds,
			List<Total> totals, List<Up> up) {
	}

	/** The UP figures up-advances must show for an OPD (a float: none of it is in {@code totals}). */
	record Up(String pemda, String opd, String ceiling, String disbursed, String accounted, String returned,
			String outstanding) {
	}

	record Total(String pemda, String opd, String category, String realised, String pagu, boolean exported) {
	}

}
