package id.apbdmonitor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's rule files for a national Prometheus that only ranks: the same recording
 * rules, without the alerts (whose annotations query Prometheus once per alert and evaluation).
 */
final class RuleFiles {

	private RuleFiles() {
	}

	/** Writes each {@code *.yml} of {@code source} into {@code target} without its alerting rules; returns {@code target}. */
	@SuppressWarnings("unchecked")
	static Path recordingOnly(Path source, Path target) throws IOException {
		Files.createDirectories(target);
		DumperOptions dump = new DumperOptions();
		dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		dump.setWidth(Integer.MAX_VALUE);
		Yaml yaml = new Yaml(dump);
		try (var files = Files.list(source)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".yml")).sorted().toList()) {
				Map<String, Object> rules = yaml.load(Files.readString(file));
				List<Map<String, Object>> groups = new ArrayList<>();
				for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
					List<Map<String, Object>> recording = ((List<Map<String, Object>>) group.get("rules")).stream()
						.filter((rule) -> rule.containsKey("record"))
						.toList();
					if (!recording.isEmpty()) {
						group.put("rules", recording);
						groups.add(group);
					}
				}
				Files.writeString(target.resolve(file.getFileName()), yaml.dump(Map.of("groups", groups)));
			}
		}
		return target;
	}

}
