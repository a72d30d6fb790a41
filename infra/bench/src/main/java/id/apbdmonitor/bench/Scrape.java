package id.apbdmonitor.bench;

/**
 * One instance's scrape: its size and samples, the {@code apbd_opd_info} samples among them
 * (one per OPD it exports), and the median and slowest of the timed scrapes.
 */
record Scrape(String host, long bytes, long samples, long opdInfo, double medianMillis, double maxMillis) {
}
