package id.apbdmonitor.core.ingest;

import java.nio.charset.StandardCharsets;

/**
 * One Kafka record as the pipeline sees it, with where it came from (stored as provenance). The
 * key is kept as the producer's bytes, so a dead-letter copy carries it unchanged even when it
 * is not UTF-8; {@link #key()} decodes it for logs ({@code pemda/opd}).
 */
public record IncomingRecord(String topic, int partition, long offset, long timestamp, byte[] rawKey, byte[] value,
		byte[] sha256) {

	public String position() {
		return this.topic + "-" + this.partition + "@" + this.offset;
	}

	/** The key as text (malformed UTF-8 replaced), or null for a record without key. */
	public String key() {
		return (this.rawKey != null) ? new String(this.rawKey, StandardCharsets.UTF_8) : null;
	}

	/** Bytes of key, value and headers as the broker counts them, roughly. */
	int size() {
		return ((this.rawKey != null) ? this.rawKey.length : 0) + ((this.value != null) ? this.value.length : 0);
	}

}
