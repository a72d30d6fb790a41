package id.apbdmonitor.core.ingest;

/** A record whose event passed the stateless checks, ready for the database stage. */
public record Parsed<E>(IncomingRecord record, E event) {
}
