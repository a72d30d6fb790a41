package id.apbdmonitor.core.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import id.apbdmonitor.core.calendar.CalendarProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Every region this deployment monitors, by pemda code: the home region ({@code apbd.region},
 * Kota Bima unless the service is given another region file) first, then each region file of
 * {@code apbd.regions.dir} in file-name order. A file that does not bind, or a pemda given twice,
 * stops the start with the file's name: a region silently missing would read as a region with
 * no spending.
 */
public final class Regions {

	private static final Logger log = LoggerFactory.getLogger(Regions.class);

	private final RegionProperties home;

	private final Map<String, Entry> byPemda;

	private final List<RegionProperties> ordered;

	private Regions(List<Entry> entries) {
		this.home = entries.get(0).region();
		Map<String, Entry> regions = new LinkedHashMap<>();
		for (Entry entry : entries) {
			Entry earlier = regions.putIfAbsent(entry.region().pemda(), entry);
			if (earlier != null) {
				throw new IllegalStateException("The " + entry.source() + " gives pemda " + entry.region().pemda()
						+ ", which the " + earlier.source() + " already gives");
			}
		}
		this.byPemda = Map.copyOf(regions);
		this.ordered = regions.values().stream().map(Entry::region).toList();
	}

	/** The home region and every region file of {@code properties.dir()}. */
	public static Regions load(RegionProperties home, CalendarProperties homeCalendar, RegionsProperties properties) {
		List<Entry> entries = new ArrayList<>();
		entries.add(new Entry(home, homeCalendar.regionalHolidays(), "home region (apbd.region)"));
		if (properties.dir() != null) {
			for (Path file : regionFiles(properties.dir())) {
				entries.add(read(file));
			}
			log.info("Monitoring {} regions: the home region {} and {} region files of {}", entries.size(),
					home.pemda(), entries.size() - 1, properties.dir());
		}
		return new Regions(entries);
	}

	/** These regions, {@code home} first, without regional holidays (tests, tools). */
	public static Regions of(RegionProperties home, RegionProperties... more) {
		List<Entry> entries = new ArrayList<>();
		entries.add(new Entry(home, List.of(), "home region"));
		for (RegionProperties region : more) {
			entries.add(new Entry(region, List.of(), "region " + region.pemda()));
		}
		return new Regions(entries);
	}

	/** Every region, the home region first. */
	public List<RegionProperties> all() {
		return this.ordered;
	}

	/** The region of the service's own configuration ({@code apbd.region}). */
	public RegionProperties home() {
		return this.home;
	}

	/** The configured regions among these pemda codes, unknown ones left out. */
	public List<RegionProperties> select(java.util.Collection<String> pemdas) {
		List<RegionProperties> selected = new java.util.ArrayList<>();
		for (String pemda : pemdas) {
			find(pemda).ifPresent(selected::add);
		}
		return selected;
	}

	public Optional<RegionProperties> find(String pemda) {
		Entry entry = this.byPemda.get(pemda);
		return (entry != null) ? Optional.of(entry.region()) : Optional.empty();
	}

	/** The region's own days off ({@code apbd.calendar.regional-holidays} of its file). */
	public List<LocalDate> regionalHolidays(String pemda) {
		Entry entry = this.byPemda.get(pemda);
		return (entry != null) ? entry.regionalHolidays() : List.of();
	}

	private static List<Path> regionFiles(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("apbd.regions.dir " + dir + " is not a directory");
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the region files of " + dir, ex);
		}
	}

	private static Entry read(Path file) {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file.toString(),
					new FileSystemResource(file));
			Binder binder = new Binder(ConfigurationPropertySources.from(sources));
			RegionProperties region = binder.bind("apbd.region", Bindable.of(RegionProperties.class))
				.orElseThrow(() -> new IllegalStateException("no apbd.region section"));
			List<LocalDate> holidays = binder
				.bind("apbd.calendar", Bindable.of(CalendarProperties.class))
				.map(CalendarProperties::regionalHolidays)
				.orElse(List.of());
			return new Entry(region, holidays, "region file " + file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read region file " + file, ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Region file " + file + " is not a valid region: " + rootMessage(ex), ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				messages.add(cause.getMessage());
			}
		}
		return messages.isEmpty() ? ex.toString() : messages.get(messages.size() - 1);
	}

	/** Whether {@code pemda} is one of the regions. */
	public boolean contains(String pemda) {
		return this.byPemda.containsKey(pemda);
	}

	private record Entry(RegionProperties region, List<LocalDate> regionalHolidays, String source) {
	}

}
