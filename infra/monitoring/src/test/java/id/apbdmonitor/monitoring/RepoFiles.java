package id.apbdmonitor.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Paths and YAML of the repository this module checks (Surefire runs in infra/monitoring). */
final class RepoFiles {

	static final Path ROOT = findRoot();

	static final Path PROMETHEUS = ROOT.resolve("infra/prometheus");

	static final Path RULES = PROMETHEUS.resolve("rules");

	static final Path RULE_TESTS = PROMETHEUS.resolve("tests");

	static final Path ALERTMANAGER_CONFIG = ROOT.resolve("infra/alertmanager/alertmanager.yml");

	/** Generated from the home region file and infra/alertmanager/examples/regions (two more regions). */
	static final Path ALERTMANAGER_REGIONS_EXAMPLE = ROOT.resolve("infra/alertmanager/examples/alertmanager-regions.yml");

	static final Path DASHBOARDS = ROOT.resolve("infra/grafana/dashboards");

	static final Path RUNBOOK = ROOT.resolve("docs/runbook.md");

	private RepoFiles() {
	}

	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isDirectory(dir.resolve("infra/monitoring")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("run from inside the apbd-monitor repository");
	}

	static List<Path> list(Path dir, String suffix) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return (Map<String, Object>) new Yaml(new LoaderOptions()).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A nested value as a list (empty when absent), for YAML maps read as {@code Map<String, Object>}. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> maps(Object value) {
		return (value == null) ? List.of() : (List<Map<String, Object>>) value;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (value == null) ? Map.of() : (Map<String, Object>) value;
	}

}
