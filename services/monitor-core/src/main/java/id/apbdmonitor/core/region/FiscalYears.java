package id.apbdmonitor.core.region;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import id.apbdmonitor.core.clock.BusinessClock;

import org.springframework.stereotype.Component;

/**
 * The fiscal years open for booking in a region and the one every service watches: the newest
 * open year ({@code apbd.region.open-fiscal-years} of the region's file; empty means the year of
 * the region's business date, in its own time zone). While a region keeps only the previous
 * year open in January, every service keeps showing that year, its late facts included; once the
 * new year is opened too, the gauges move to it and the previous year's late facts are still
 * accepted into the ledger.
 */
@Component
public class FiscalYears {

	private final Regions regions;

	private final BusinessClock clock;

	public FiscalYears(Regions regions, BusinessClock clock) {
		this.regions = regions;
		this.clock = clock;
	}

	/** The home region's open years. */
	public List<Integer> open() {
		return open(this.regions.home());
	}

	/** The home region's watched year. */
	public int watched() {
		return watched(open());
	}

	public List<Integer> open(RegionProperties region) {
		return open(region, this.clock.today(region.zone()));
	}

	/** The year the region's gauges describe. */
	public int watched(RegionProperties region) {
		return watched(open(region));
	}

	public static List<Integer> open(RegionProperties region, LocalDate today) {
		return region.openFiscalYears().isEmpty() ? List.of(today.getYear()) : region.openFiscalYears();
	}

	public static int watched(List<Integer> open) {
		return Collections.max(open);
	}

}
