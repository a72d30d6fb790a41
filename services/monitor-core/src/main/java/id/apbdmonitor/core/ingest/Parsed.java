package id.apbdmonitor.core.ingest;

/**
 * A record whose event passed the stateless checks, ready for the database stage; {@code row} is
 * its ledger row already encoded for COPY by {@link IngestHandler#row}, or null.
 */
public record Parsed<E>(IncomingRecord record, E event, byte[] row) {
}
