/**
 * Working days: the national holiday calendar per year (data files {@code calendar/<year>.yml}
 * from the SKB on hari libur nasional dan cuti bersama) and each region's additions
 * ({@link id.apbdmonitor.core.calendar.RegionCalendars}).
 */
package id.apbdmonitor.core.calendar;
