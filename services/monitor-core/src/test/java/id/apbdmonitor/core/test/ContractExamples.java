package id.apbdmonitor.core.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example events of {@code docs/events/examples}, as files on disk, so that service tests
 * feed the very events the contract documents.
 */
public final class ContractExamples {

	/** From a service module's directory (Surefire's working directory). */
	public static final Path EXAMPLES = Path.of("../../docs/events/examples");

	private ContractExamples() {
	}

	/** Valid examples for one topic, in file-name order (the order of the story). */
	public static List<Example> valid(String topic) {
		return list(EXAMPLES).stream().filter(example -> example.name().startsWith(topic + "--")).toList();
	}

	/** Valid examples of every topic, in file-name order. */
	public static List<Example> allValid() {
		return list(EXAMPLES);
	}

	/** Invalid examples; the reason code is the file name up to {@code --}. */
	public static List<Example> invalid() {
		return list(EXAMPLES.resolve("invalid"));
	}

	private static List<Example> list(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().map(ContractExamples::read).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Example read(Path file) {
		try {
			return new Example(file.getFileName().toString(), Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One example file: its name and its JSON. */
	public record Example(String name, String json) {

		public String reason() {
			return this.name.substring(0, this.name.indexOf("--"));
		}

		/** The value of a top-level string field, read without a JSON library. */
		public String field(String field) {
			var matcher = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(this.json);
			return matcher.find() ? matcher.group(1) : null;
		}

	}

}
