package id.apbdmonitor.core.ingest;

import id.apbdmonitor.core.event.LogSafe;
import net.jpountz.lz4.LZ4Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads lz4-java's native library before the Kafka consumers read their first LZ4 batch, so that
 * they decompress in native code. Kafka picks its decompressor once, with
 * {@code LZ4Factory.fastestInstance()}, which tries the native library only when lz4-java was
 * loaded by the system class loader or the library is loaded already. Inside a Spring Boot jar
 * lz4-java is loaded by the jar's own class loader, so the consumers decompressed every batch in
 * Java, under C1: a tenth of an ingest thread's samples in a 1M goods drain (issue 11). Both
 * decompress the same LZ4 format to the same bytes (a test holds them equal), and Kafka asks for
 * the bounds-checked decompressor either way. {@code -Dapbd.native-lz4=false} keeps Java's.
 */
final class NativeLz4 {

	private static final Logger log = LoggerFactory.getLogger(NativeLz4.class);

	static final String PROPERTY = "apbd.native-lz4";

	private NativeLz4() {
	}

	/** Loads the native library unless the property says not to; says in the log which one Kafka will use. */
	static void load() {
		load(Boolean.parseBoolean(System.getProperty(PROPERTY, "true")));
	}

	static void load(boolean tryNative) {
		if (!tryNative) {
			log.info("LZ4 batches: decompressed in Java ({}=false)", PROPERTY);
			return;
		}
		try {
			LZ4Factory.nativeInstance();
			log.info("LZ4 batches: decompressed in native code (lz4-java {})", LZ4Factory.fastestInstance());
		}
		catch (LinkageError | RuntimeException ex) {
			log.info("LZ4 batches: decompressed in Java (the native library did not load: {})",
					LogSafe.of(String.valueOf(ex), 300));
		}
	}

}
