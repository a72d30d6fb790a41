package id.apbdmonitor.core.ingest;

import java.util.List;
import java.util.Set;

/**
 * A poll after {@link BatchIngestor#parse}: its valid records in offset order with their event
 * ids, the runs they are written in (indexes into {@code valid}), the regions they belong to, the
 * records rejected by the checks, and what parsing cost.
 */
public record ParsedPoll<E>(int size, List<Parsed<E>> valid, List<String> eventIds, List<List<Integer>> runs,
		Set<String> regions, List<DeadLetterPublisher.Rejected> rejected, long parseNanos) {
}
