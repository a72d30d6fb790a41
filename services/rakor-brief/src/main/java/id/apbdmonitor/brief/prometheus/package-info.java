/**
 * Prometheus' HTTP API, and the search that turns a business date into an instant of its history
 * ({@link id.apbdmonitor.brief.prometheus.BusinessTime}).
 */
package id.apbdmonitor.brief.prometheus;
