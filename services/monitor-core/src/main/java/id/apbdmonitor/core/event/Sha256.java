package id.apbdmonitor.core.event;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SHA-256 that payloads are identified by ({@link CanonicalJson}): AWS-LC's, through the
 * Amazon Corretto Crypto Provider, where its native library loads (Linux on x86-64), the JDK's
 * otherwise or when {@code -Dapbd.native-sha256=false}. The services run C1 only (README,
 * "Memory and JVM options"), which has no intrinsic for SHA-256: the JDK's Java code took 3.8
 * µs for a 480-byte payload there against 0.7 µs native (same machine), and was a fifth of an
 * ingest thread's samples (issue 11). Both compute the same function, so stored hashes do not
 * change. The provider is only asked for this digest, not installed for the whole JVM.
 */
final class Sha256 {

	private static final Logger log = LoggerFactory.getLogger(Sha256.class);

	private static final String NATIVE_PROPERTY = "apbd.native-sha256";

	private static final MessageDigest PROTOTYPE = prototype(
			Boolean.parseBoolean(System.getProperty(NATIVE_PROPERTY, "true")));

	private Sha256() {
	}

	/** A digest of its own for one thread: a clone skips the provider look-up of getInstance. */
	static MessageDigest newDigest() {
		try {
			return (MessageDigest) PROTOTYPE.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The provider that hashes, e.g. {@code AmazonCorrettoCryptoProvider} or {@code SUN}. */
	static String provider() {
		return PROTOTYPE.getProvider().getName();
	}

	/** The native digest if {@code tryNative} and it loads, else the JDK's. */
	static MessageDigest prototype(boolean tryNative) {
		if (!tryNative) {
			log.info("Payload hashes: the JDK's SHA-256 ({}=false)", NATIVE_PROPERTY);
			return jdk();
		}
		Throwable failure;
		try {
			AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
			failure = accp.getLoadingError();
			if (failure == null) {
				MessageDigest digest = MessageDigest.getInstance("SHA-256", accp);
				log.info("Payload hashes: SHA-256 of AWS-LC (Amazon Corretto Crypto Provider {})", accp.getVersionStr());
				return digest;
			}
		}
		catch (LinkageError | GeneralSecurityException | RuntimeException ex) {
			failure = ex;
		}
		log.info("Payload hashes: the JDK's SHA-256 (the native one did not load: {})",
				LogSafe.of(String.valueOf(failure), 300));
		return jdk();
	}

	private static MessageDigest jdk() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
