package id.apbdmonitor.core.ingest;

/** One Kafka record as the pipeline sees it, with where it came from (stored as provenance). */
public record IncomingRecord(String topic, int partition, long offset, long timestamp, String key, byte[] value,
		byte[] sha256) {

	public String position() {
		return this.topic + "-" + this.partition + "@" + this.offset;
	}

}
