package id.apbdmonitor.core.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.util.Native;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativeLz4Tests {

	@Test
	@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
	void kafkasChoiceIsNativeOnceLoaded() {
		NativeLz4.load(true);
		assertThat(Native.isLoaded()).isTrue();
		// what Kafka's Lz4BlockInputStream asks for
		assertThat(LZ4Factory.fastestInstance()).isSameAs(LZ4Factory.nativeInstance());
	}

	/**
	 * Blocks as Kafka's batches hold them (JSON records, some repetitive, some random, ByteBuffers
	 * with offsets as Kafka passes them): the native decompressor gives the bytes Java's gives.
	 */
	@Test
	@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
	void nativeAndJavaDecompressToTheSameBytes() {
		LZ4SafeDecompressor java = LZ4Factory.safeInstance().safeDecompressor();
		LZ4SafeDecompressor nativeOne = LZ4Factory.nativeInstance().safeDecompressor();
		LZ4Compressor compressor = LZ4Factory.safeInstance().fastCompressor();
		Random random = new Random(20261203);
		for (int round = 0; round < 300; round++) {
			byte[] input = generated(random, random.nextInt(70_000));
			byte[] compressed = compressor.compress(input);
			int offset = random.nextInt(16);
			ByteBuffer source = ByteBuffer.allocate(offset + compressed.length + 7);
			source.put(offset, compressed);
			assertThat(decompress(nativeOne, source, offset, compressed.length, input.length))
				.as("round %d, %d bytes", round, input.length)
				.isEqualTo(decompress(java, source, offset, compressed.length, input.length))
				.isEqualTo(input);
		}
	}

	/** A broken block (a hostile or damaged batch) is refused with LZ4's exception, not read past its end. */
	@Test
	@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
	void aBrokenBlockIsRefused() {
		LZ4SafeDecompressor nativeOne = LZ4Factory.nativeInstance().safeDecompressor();
		byte[] input = generated(new Random(7), 20_000);
		byte[] compressed = LZ4Factory.safeInstance().fastCompressor().compress(input);
		byte[] truncated = Arrays.copyOf(compressed, compressed.length / 2);
		assertThatThrownBy(() -> nativeOne.decompress(truncated, 0, truncated.length, new byte[input.length], 0))
			.isInstanceOf(LZ4Exception.class);
		// more output than the destination holds
		assertThatThrownBy(() -> nativeOne.decompress(compressed, 0, compressed.length, new byte[input.length / 3], 0))
			.isInstanceOf(LZ4Exception.class);
	}

	private static byte[] decompress(LZ4SafeDecompressor decompressor, ByteBuffer source, int offset, int length,
			int size) {
		ByteBuffer target = ByteBuffer.allocate(size + 5);
		int written = decompressor.decompress(source, offset, length, target, 2, size + 3);
		assertThat(written).isEqualTo(size);
		byte[] out = new byte[written];
		target.get(2, out);
		return out;
	}

	/** Event-like JSON lines; about half the blocks end in a run of random bytes after the JSON. */
	private static byte[] generated(Random random, int size) {
		StringBuilder text = new StringBuilder();
		byte[] noise = new byte[0];
		while (text.length() < size) {
			text.append("{\"eventId\":\"GS-").append(random.nextInt(1_000_000)).append("\",\"amount\":\"")
				.append(random.nextInt(90_000_000)).append(".00\",\"opd\":\"DINKES\"}\n");
		}
		if (random.nextBoolean()) {
			noise = new byte[random.nextInt(2_000)];
			random.nextBytes(noise);
		}
		byte[] json = text.substring(0, size).getBytes(StandardCharsets.UTF_8);
		byte[] out = Arrays.copyOf(json, json.length + noise.length);
		System.arraycopy(noise, 0, out, json.length, noise.length);
		return out;
	}

}
