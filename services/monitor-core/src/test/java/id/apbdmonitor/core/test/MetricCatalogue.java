package id.apbdmonitor.core.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The metric catalogue of the README (section "Metric catalogue"), parsed from its table, so
 * that tests hold the documentation against what the services really export.
 */
public final class MetricCatalogue {

	public static final Path README = Path.of("../../README.md");

	private final Map<String, Entry> entries;

	private MetricCatalogue(Map<String, Entry> entries) {
		this.entries = entries;
	}

	public static MetricCatalogue fromReadme() {
		try {
			return parse(Files.readAllLines(README));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static MetricCatalogue parse(List<String> lines) {
		Map<String, Entry> entries = new LinkedHashMap<>();
		boolean inSection = false;
		for (String line : lines) {
			if (line.startsWith("## ")) {
				inSection = line.equals("## Metric catalogue");
				continue;
			}
			if (!inSection || !line.startsWith("| `")) {
				continue;
			}
			String[] cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
				.map(String::trim)
				.toArray(String[]::new);
			String name = cells[0].replace("`", "");
			Set<String> labels = Arrays.stream(cells[2].split(","))
				.map(label -> label.replace("`", "").trim())
				.filter(label -> !label.isEmpty())
				.collect(Collectors.toCollection(TreeSet::new));
			Set<String> exporters = Arrays.stream(cells[3].split(","))
				.map(String::trim)
				.collect(Collectors.toCollection(TreeSet::new));
			entries.put(name, new Entry(name, cells[1], labels, exporters));
		}
		if (entries.isEmpty()) {
			throw new IllegalStateException("README.md has no '## Metric catalogue' table");
		}
		return new MetricCatalogue(entries);
	}

	public List<Entry> exportedBy(String service) {
		return this.entries.values().stream().filter(entry -> entry.exporters().contains(service)).toList();
	}

	/**
	 * What the scrape shows that the catalogue does not say, for the {@code apbd_} metrics of
	 * one service: unknown names, wrong types, wrong label names, missing metrics.
	 */
	public List<String> differences(PrometheusScrape scrape, String service) {
		List<String> differences = new ArrayList<>();
		Set<String> seen = new TreeSet<>();
		for (PrometheusScrape.Sample sample : scrape.samples()) {
			if (!sample.name().startsWith("apbd_")) {
				continue;
			}
			Entry entry = entryOf(sample.name());
			if (entry == null) {
				differences.add("not in the catalogue: " + sample.name() + sample.labels());
				continue;
			}
			seen.add(entry.name());
			Set<String> labels = new TreeSet<>(sample.labels().keySet());
			labels.remove("le");
			if (!labels.equals(entry.labels())) {
				differences.add(sample.name() + " has labels " + labels + ", the catalogue says " + entry.labels());
			}
			String type = typeOf(scrape, entry.name());
			if (!entry.type().equals(type)) {
				differences.add(entry.name() + " is a " + type + ", the catalogue says " + entry.type());
			}
		}
		for (Entry entry : exportedBy(service)) {
			if (!seen.contains(entry.name())) {
				differences.add("catalogued for " + service + " but not exported: " + entry.name());
			}
		}
		return differences;
	}

	private Entry entryOf(String sampleName) {
		if (this.entries.containsKey(sampleName)) {
			return this.entries.get(sampleName);
		}
		for (String suffix : List.of("_bucket", "_count", "_sum")) {
			if (sampleName.endsWith(suffix)) {
				Entry entry = this.entries.get(sampleName.substring(0, sampleName.length() - suffix.length()));
				if (entry != null && entry.type().equals("histogram")) {
					return entry;
				}
			}
		}
		return null;
	}

	private static String typeOf(PrometheusScrape scrape, String name) {
		String type = scrape.types().get(name);
		if (type == null && name.endsWith("_total")) {
			// OpenMetrics names the counter family without _total
			type = scrape.types().get(name.substring(0, name.length() - "_total".length()));
		}
		return type;
	}

	/** One row of the table. */
	public record Entry(String name, String type, Set<String> labels, Set<String> exporters) {
	}

}
