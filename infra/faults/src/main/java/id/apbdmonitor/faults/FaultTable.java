package id.apbdmonitor.faults;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The suite's result: one row per scenario, as the Markdown table the README shows. */
final class FaultTable {

	/** One scenario's outcome. {@code failed} maps each invariant that did not hold to what was seen. */
	record Row(String scenario, Map<String, String> failed, int lost, int countedTwice, Optional<Double> caughtUpSeconds,
			int produced, String note) {

		boolean held() {
			return this.failed.isEmpty();
		}

	}

	private final List<Row> rows = new ArrayList<>();

	void add(Row row) {
		this.rows.add(row);
	}

	List<Row> rows() {
		return List.copyOf(this.rows);
	}

	boolean allHeld() {
		return this.rows.stream().allMatch(Row::held);
	}

	String markdown(ZonedDateTime ranAt, String commit, String selection) {
		StringBuilder out = new StringBuilder();
		out.append("Fault suite (").append(selection).append(") run on ")
			.append(ranAt.withZoneSameInstant(ZoneId.of("Asia/Makassar"))
				.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'WITA'")))
			.append(" at commit ").append(commit).append(": goods-spending's packaged jar, Kafka 4.1, PostgreSQL 17.\n\n");
		out.append("| scenario | invariants held | lost | counted twice | seconds until caught up | records produced |\n");
		out.append("|---|---|---|---|---|---|\n");
		for (Row row : this.rows) {
			out.append("| ").append(row.scenario()).append(" | ")
				.append(row.held() ? "yes" : "**no**: " + String.join(", ", row.failed().keySet()))
				.append(" | ").append(row.lost()).append(" | ").append(row.countedTwice()).append(" | ")
				.append(row.caughtUpSeconds().map((s) -> String.format("%.1f", s)).orElse("not caught up"))
				.append(" | ").append(row.produced()).append(" |\n");
		}
		List<Row> failing = this.rows.stream().filter((row) -> !row.held() || !row.note().isEmpty()).toList();
		if (!failing.isEmpty()) {
			out.append("\n");
			for (Row row : failing) {
				row.failed().forEach((name, detail) -> out.append("- ").append(row.scenario()).append(", ")
					.append(name).append(": ").append(detail.replace('|', '/')).append('\n'));
				if (!row.note().isEmpty()) {
					out.append("- ").append(row.scenario()).append(": ").append(row.note()).append('\n');
				}
			}
		}
		return out.toString();
	}

}
