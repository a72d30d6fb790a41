package id.apbdmonitor.core.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.apbdmonitor.core.region.RegionProperties;

/**
 * The map of per-region snapshots after a refresh of some regions: theirs rebuilt, the others'
 * kept as they are (a batch of one region does not re-read the other 545).
 */
public final class RegionSnapshots {

	private RegionSnapshots() {
	}

	public static <S> Map<String, S> rebuild(Map<String, S> current, List<RegionProperties> regions,
			Function<RegionProperties, S> snapshot) {
		Map<String, S> snapshots = new HashMap<>(current);
		for (RegionProperties region : regions) {
			snapshots.put(region.pemda(), snapshot.apply(region));
		}
		return Map.copyOf(snapshots);
	}

}
