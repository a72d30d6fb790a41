package id.apbdmonitor.core.region;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import id.apbdmonitor.core.clock.BusinessClock;

import org.springframework.stereotype.Component;

/**
 * The fiscal years open for booking and the one every service watches: the newest open year
 * ({@code apbd.region.open-fiscal-years}; empty means the business date's year). While a region
 * keeps only the previous year open in January, every service keeps showing that year, its late
 * facts included; once the new year is opened too, the gauges move to it and the previous
 * year's late facts are still accepted into the ledger.
 */
@Component
public class FiscalYears {

	private final RegionProperties region;

	private final BusinessClock clock;

	public FiscalYears(RegionProperties region, BusinessClock clock) {
		this.region = region;
		this.clock = clock;
	}

	public List<Integer> open() {
		return open(this.region, this.clock.today());
	}

	/** The year the gauges describe. */
	public int watched() {
		return watched(open());
	}

	public static List<Integer> open(RegionProperties region, LocalDate today) {
		return region.openFiscalYears().isEmpty() ? List.of(today.getYear()) : region.openFiscalYears();
	}

	public static int watched(List<Integer> open) {
		return Collections.max(open);
	}

}
