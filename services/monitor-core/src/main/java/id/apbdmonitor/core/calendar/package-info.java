/**
 * Working days: the national holiday calendar per year (data files {@code calendar/<year>.yml}
 * from the SKB on hari libur nasional dan cuti bersama) and the region's additions.
 */
package id.apbdmonitor.core.calendar;
