package id.apbdmonitor.core.event;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Tests {

	@Test
	@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
	void hashesNativelyOnLinuxX86() {
		assertThat(Sha256.provider()).isEqualTo("AmazonCorrettoCryptoProvider");
	}

	@Test
	void theSwitchKeepsTheJdksDigest() {
		assertThat(Sha256.prototype(false).getProvider().getName()).isEqualTo("SUN");
	}

	@Test
	void matchesTheStandardVectors() {
		MessageDigest digest = Sha256.newDigest();
		// FIPS 180-2, appendix B.1 and B.2
		assertThat(HexFormat.of().formatHex(digest.digest("abc".getBytes())))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(HexFormat.of()
			.formatHex(digest.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes())))
			.isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	}

	/** Every length across several blocks, whole and fed in pieces, on one reused digest as a thread uses it. */
	@Test
	void agreesWithTheJdksDigestOnGeneratedInputs() throws Exception {
		MessageDigest jdk = MessageDigest.getInstance("SHA-256", "SUN");
		MessageDigest reused = Sha256.newDigest();
		Random random = new Random(20261202);
		for (int length = 0; length <= 1100; length++) {
			byte[] input = new byte[length];
			random.nextBytes(input);
			byte[] expected = jdk.digest(input);
			assertThat(reused.digest(input)).as("length %d", length).isEqualTo(expected);
			int cut = (length == 0) ? 0 : random.nextInt(length);
			reused.update(input, 0, cut);
			reused.update(input, cut, length - cut);
			assertThat(reused.digest()).as("length %d cut at %d", length, cut).isEqualTo(expected);
		}
	}

}
