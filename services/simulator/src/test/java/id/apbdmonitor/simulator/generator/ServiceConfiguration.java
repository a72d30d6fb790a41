package id.apbdmonitor.simulator.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import id.apbdmonitor.core.region.CategoryProperties;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/**
 * The configuration capital-spending and pad-revenue really ship (their application.yml), read
 * from the services' source folders so that the generator is held against it, not against a copy.
 */
final class ServiceConfiguration {

	// Surefire runs in the module directory.
	private static final Path SERVICES = Path.of("..");

	private ServiceConfiguration() {
	}

	/** {@code apbd.capital.projects} of capital-spending. */
	static List<Project> capitalProjects() {
		return binder("capital-spending").bind("apbd.capital.projects", Bindable.listOf(Project.class)).get();
	}

	/** {@code apbd.pad.revenue-types} of pad-revenue. */
	static List<RevenueType> revenueTypes() {
		return binder("pad-revenue").bind("apbd.pad.revenue-types", Bindable.listOf(RevenueType.class)).get();
	}

	/** {@code apbd.pad.collectors} of pad-revenue. */
	static Map<String, List<String>> collectors() {
		return binder("pad-revenue").bind("apbd.pad.collectors", Bindable.mapOf(String.class, String[].class))
			.get()
			.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, (entry) -> List.of(entry.getValue())));
	}

	/** The revenue type of an account as pad-revenue decides it: the longest matching prefix. */
	static String revenueTypeOf(List<RevenueType> types, String account) {
		String best = "unclassified";
		int bestLength = -1;
		for (RevenueType type : types) {
			for (String prefix : type.accounts()) {
				if ((account.equals(prefix) || account.startsWith(prefix + ".")) && prefix.length() > bestLength) {
					best = type.code();
					bestLength = prefix.length();
				}
			}
		}
		return best;
	}

	/** The services whose gauges {@code apbd_pagu_rupiah} and {@code apbd_realised_rupiah} export spending. */
	static final List<String> SPENDING_SERVICES = List.of("goods-spending", "services-spending", "capital-spending",
			"tpp-payments", "other-spending");

	/** {@code apbd.category} of each spending service, as it ships. */
	static Map<String, CategoryProperties> spendingCategories() {
		Map<String, CategoryProperties> categories = new java.util.LinkedHashMap<>();
		for (String service : SPENDING_SERVICES) {
			categories.put(service, binder(service).bind("apbd.category", CategoryProperties.class).get());
		}
		return categories;
	}

	private static Binder binder(String service) {
		Path file = SERVICES.resolve(service).resolve("src/main/resources/application.yml");
		try {
			var sources = new YamlPropertySourceLoader().load(service, new FileSystemResource(file));
			return new Binder(ConfigurationPropertySources.from(sources));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Project(String code, String opd, List<String> subActivities) {
	}

	record RevenueType(String code, List<String> accounts, List<BigDecimal> profile) {
	}

}
